// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/armclient.h"
#include "engine/arm/servertypes.h"

namespace fm::arm {

/**
 * @brief Configurations, firewall rules and databases: the same sub-resources
 * under Single Server (`servers`, 2017-12-01) and Flexible Server
 * (`flexibleServers`), azure-api.md §2, §3. PUT/DELETE of these are ARM
 * long-running operations and are followed to the end.
 */
class ServerResourcesClient : public ArmClient
{
public:
    ServerResourcesClient(http::HttpClient *client, http::CloudProfile profile, QString resourceType, QString apiVersion);

    const QString &apiVersion() const { return m_apiVersion; }
    const QString &resourceType() const { return m_resourceType; }

    void listConfigurations(const ResourceId &server, QObject *context, Callback<QList<ServerConfiguration>> done) const;
    void getConfiguration(const ResourceId &server, const QString &name, QObject *context, Callback<ServerConfiguration> done) const;
    /** PUT `{"properties":{"value","source":"user-override"}}` and follow the operation; the result is the configuration after it. */
    void setConfiguration(const ResourceId &server, const QString &name, const QString &value, QObject *context, Callback<ServerConfiguration> done,
                          std::function<void(http::LroPoller *)> started = {}) const;

    void listFirewallRules(const ResourceId &server, QObject *context, Callback<QList<FirewallRule>> done) const;
    void createOrUpdateFirewallRule(const ResourceId &server, const QString &rule, const QString &startIp, const QString &endIp, QObject *context,
                                    Callback<FirewallRule> done, std::function<void(http::LroPoller *)> started = {}) const;
    void deleteFirewallRule(const ResourceId &server, const QString &rule, QObject *context, Callback<Unit> done,
                            std::function<void(http::LroPoller *)> started = {}) const;

    void listDatabases(const ResourceId &server, QObject *context, Callback<QList<ServerDatabase>> done) const;

protected:
    std::optional<Error> checkServer(const ResourceId &server) const;

private:
    QString m_resourceType;
    QString m_apiVersion;
};

/** Single Server, api-version 2017-12-01 (the only stable one, §2). */
class SingleServerClient : public ServerResourcesClient
{
public:
    static constexpr const char *kApiVersion = "2017-12-01";
    static constexpr const char *kResourceType = "Microsoft.DBforPostgreSQL/servers";
    /** The Single Server parameter that enables logical decoding (§2). */
    static constexpr const char *kReplicationSupport = "azure.replication_support";

    SingleServerClient(http::HttpClient *client, http::CloudProfile profile);

    void getServer(const ResourceId &server, QObject *context, Callback<SingleServer> done) const;
    /** The value of azure.replication_support, lower-cased ("off", "replica", "logical"; some tools show REPLICA). */
    void getReplicationSupport(const ResourceId &server, QObject *context, Callback<QString> done) const;
    /** Sets azure.replication_support (off|replica|logical); takes effect after restart(). */
    void setReplicationSupport(const ResourceId &server, const QString &value, QObject *context, Callback<ServerConfiguration> done,
                               std::function<void(http::LroPoller *)> started = {}) const;
    /** POST …/restart, followed to the end (LRO). */
    void restart(const ResourceId &server, QObject *context, Callback<Unit> done, std::function<void(http::LroPoller *)> started = {}) const;
};

/** Flexible Server; reads with the first stable api-version that also has migrations (2024-08-01, §3). */
class FlexibleServerClient : public ServerResourcesClient
{
public:
    static constexpr const char *kApiVersion = "2024-08-01";
    static constexpr const char *kResourceType = "Microsoft.DBforPostgreSQL/flexibleServers";

    FlexibleServerClient(http::HttpClient *client, http::CloudProfile profile, QString apiVersion = QLatin1String(kApiVersion));

    void getServer(const ResourceId &server, QObject *context, Callback<FlexibleServer> done) const;
};

} // namespace fm::arm
