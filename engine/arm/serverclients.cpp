// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/serverclients.h"

#include "engine/arm/jsonutil.h"

namespace fm::arm {

using nlohmann::json;

ServerResourcesClient::ServerResourcesClient(http::HttpClient *client, http::CloudProfile profile, QString resourceType, QString apiVersion)
    : ArmClient(client, std::move(profile)), m_resourceType(std::move(resourceType)), m_apiVersion(std::move(apiVersion))
{
}

std::optional<Error> ServerResourcesClient::checkServer(const ResourceId &server) const
{
    return expectType(server, m_resourceType, QStringLiteral("Server id"));
}

void ServerResourcesClient::listConfigurations(const ResourceId &server, QObject *context, Callback<QList<ServerConfiguration>> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    listAll(url(server, QStringLiteral("/configurations"), m_apiVersion), context, [done = std::move(done)](Expected<QList<json>> items) {
        if (!items)
            return done(fail(items.error()));
        done(parseEach<ServerConfiguration>(*items, &parseConfiguration));
    });
}

void ServerResourcesClient::getConfiguration(const ResourceId &server, const QString &name, QObject *context, Callback<ServerConfiguration> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    if (auto e = ResourceId::checkName(name, QStringLiteral("Configuration name")))
        return failLater(context, std::move(done), *e);
    sendParsed<ServerConfiguration>(http::Request::get(url(server, QStringLiteral("/configurations/") + name, m_apiVersion)), context, &parseConfiguration,
                                    std::move(done));
}

void ServerResourcesClient::setConfiguration(const ResourceId &server, const QString &name, const QString &value, QObject *context,
                                             Callback<ServerConfiguration> done, std::function<void(http::LroPoller *)> started) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    if (auto e = ResourceId::checkName(name, QStringLiteral("Configuration name")))
        return failLater(context, std::move(done), *e);
    const QUrl u = url(server, QStringLiteral("/configurations/") + name, m_apiVersion);
    sendLongRunning(http::Request::json("PUT", u, buildConfigurationBody(value)), context,
                    parsed(&parseConfiguration, std::move(done)),
                    std::move(started));
}

void ServerResourcesClient::listFirewallRules(const ResourceId &server, QObject *context, Callback<QList<FirewallRule>> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    listAll(url(server, QStringLiteral("/firewallRules"), m_apiVersion), context, [done = std::move(done)](Expected<QList<json>> items) {
        if (!items)
            return done(fail(items.error()));
        done(parseEach<FirewallRule>(*items, &parseFirewallRule));
    });
}

void ServerResourcesClient::createOrUpdateFirewallRule(const ResourceId &server, const QString &rule, const QString &startIp, const QString &endIp,
                                                       QObject *context, Callback<FirewallRule> done, std::function<void(http::LroPoller *)> started) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    if (auto e = ResourceId::checkName(rule, QStringLiteral("Firewall rule name")))
        return failLater(context, std::move(done), *e);
    auto body = buildFirewallRuleBody(startIp, endIp);
    if (!body)
        return failLater(context, std::move(done), body.error());
    sendLongRunning(http::Request::json("PUT", url(server, QStringLiteral("/firewallRules/") + rule, m_apiVersion), *body), context,
                    parsed(&parseFirewallRule, std::move(done)),
                    std::move(started));
}

void ServerResourcesClient::deleteFirewallRule(const ResourceId &server, const QString &rule, QObject *context, Callback<Unit> done,
                                               std::function<void(http::LroPoller *)> started) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    if (auto e = ResourceId::checkName(rule, QStringLiteral("Firewall rule name")))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(url(server, QStringLiteral("/firewallRules/") + rule, m_apiVersion));
    req.method = "DELETE";
    sendLongRunning(std::move(req), context,
                    unit(std::move(done)),
                    std::move(started));
}

void ServerResourcesClient::listDatabases(const ResourceId &server, QObject *context, Callback<QList<ServerDatabase>> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    listAll(url(server, QStringLiteral("/databases"), m_apiVersion), context, [done = std::move(done)](Expected<QList<json>> items) {
        if (!items)
            return done(fail(items.error()));
        done(parseEach<ServerDatabase>(*items, &parseDatabase));
    });
}

SingleServerClient::SingleServerClient(http::HttpClient *client, http::CloudProfile profile)
    : ServerResourcesClient(client, std::move(profile), QLatin1String(kResourceType), QLatin1String(kApiVersion))
{
}

void SingleServerClient::getServer(const ResourceId &server, QObject *context, Callback<SingleServer> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    sendParsed<SingleServer>(http::Request::get(url(server, {}, apiVersion())), context, &parseSingleServer, std::move(done));
}

void SingleServerClient::getReplicationSupport(const ResourceId &server, QObject *context, Callback<QString> done) const
{
    getConfiguration(server, QLatin1String(kReplicationSupport), context, [done = std::move(done)](Expected<ServerConfiguration> c) {
        if (!c)
            return done(fail(c.error()));
        done(c->value.trimmed().toLower());
    });
}

void SingleServerClient::setReplicationSupport(const ResourceId &server, const QString &value, QObject *context, Callback<ServerConfiguration> done,
                                               std::function<void(http::LroPoller *)> started) const
{
    const QString v = value.trimmed().toLower();
    if (v != QLatin1String("off") && v != QLatin1String("replica") && v != QLatin1String("logical"))
        return failLater(context, std::move(done),
                         Error::validation(QStringLiteral("InvalidReplicationSupport"),
                                           QStringLiteral("azure.replication_support must be off, replica or logical, not '%1'.").arg(value)));
    setConfiguration(server, QLatin1String(kReplicationSupport), v, context, std::move(done), std::move(started));
}

void SingleServerClient::restart(const ResourceId &server, QObject *context, Callback<Unit> done, std::function<void(http::LroPoller *)> started) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(url(server, QStringLiteral("/restart"), apiVersion()));
    req.method = "POST";
    sendLongRunning(std::move(req), context,
                    unit(std::move(done)),
                    std::move(started));
}

FlexibleServerClient::FlexibleServerClient(http::HttpClient *client, http::CloudProfile profile, QString apiVersion)
    : ServerResourcesClient(client, std::move(profile), QLatin1String(kResourceType), std::move(apiVersion))
{
}

void FlexibleServerClient::getServer(const ResourceId &server, QObject *context, Callback<FlexibleServer> done) const
{
    if (auto e = checkServer(server))
        return failLater(context, std::move(done), *e);
    sendParsed<FlexibleServer>(http::Request::get(url(server, {}, apiVersion())), context, &parseFlexibleServer, std::move(done));
}

} // namespace fm::arm
