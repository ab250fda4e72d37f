// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/servertypes.h"

#include "engine/arm/jsonutil.h"

#include <QHostAddress>

namespace fm::arm {

using nlohmann::json;
namespace ju = jsonutil;

namespace {
const json &objectAt(const json &o, std::string_view key)
{
    static const json empty = json::object();
    const json *v = ju::find(o, key);
    return v && v->is_object() ? *v : empty;
}

Error notObject(const char *what)
{
    return Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"), QStringLiteral("The %1 response is not a JSON object.").arg(QLatin1String(what)));
}

QMap<QString, QString> tagsOf(const json &body)
{
    QMap<QString, QString> t;
    const json &tags = objectAt(body, "tags");
    for (auto it = tags.begin(); it != tags.end(); ++it)
        t.insert(ju::toQString(it.key()), it->is_string() ? ju::toQString(it->get<std::string>()) : QString());
    return t;
}
} // namespace

Expected<SingleServer> parseSingleServer(const json &body)
{
    if (!body.is_object())
        return fail(notObject("server"));
    SingleServer s;
    s.raw = body;
    s.id = ju::string(body, "id");
    s.name = ju::string(body, "name");
    s.location = ju::string(body, "location");
    s.tags = tagsOf(body);
    const json &sku = objectAt(body, "sku");
    s.skuName = ju::string(sku, "name");
    s.skuTier = ju::string(sku, "tier");
    s.skuFamily = ju::string(sku, "family");
    s.skuCapacity = ju::integer(sku, "capacity");
    const json &p = objectAt(body, "properties");
    s.administratorLogin = ju::string(p, "administratorLogin");
    s.version = ju::string(p, "version");
    s.sslEnforcement = ju::string(p, "sslEnforcement");
    s.minimalTlsVersion = ju::string(p, "minimalTlsVersion");
    s.userVisibleState = ServerState(ju::string(p, "userVisibleState"));
    s.fullyQualifiedDomainName = ju::string(p, "fullyQualifiedDomainName");
    s.storageMb = ju::integer(objectAt(p, "storageProfile"), "storageMB");
    s.replicationRole = ju::string(p, "replicationRole");
    s.publicNetworkAccess = ju::string(p, "publicNetworkAccess");
    return s;
}

Expected<FlexibleServer> parseFlexibleServer(const json &body)
{
    if (!body.is_object())
        return fail(notObject("flexible server"));
    FlexibleServer s;
    s.raw = body;
    s.id = ju::string(body, "id");
    s.name = ju::string(body, "name");
    s.location = ju::string(body, "location");
    s.tags = tagsOf(body);
    const json &sku = objectAt(body, "sku");
    s.skuName = ju::string(sku, "name");
    s.skuTier = ju::string(sku, "tier");
    const json &p = objectAt(body, "properties");
    s.administratorLogin = ju::string(p, "administratorLogin");
    s.version = ju::string(p, "version");
    s.minorVersion = ju::string(p, "minorVersion");
    s.state = ServerState(ju::string(p, "state"));
    s.fullyQualifiedDomainName = ju::string(p, "fullyQualifiedDomainName");
    s.storageSizeGb = ju::integer(objectAt(p, "storage"), "storageSizeGB");
    const json &net = objectAt(p, "network");
    s.publicNetworkAccess = ju::string(net, "publicNetworkAccess");
    s.delegatedSubnetResourceId = ju::string(net, "delegatedSubnetResourceId");
    s.privateDnsZoneArmResourceId = ju::string(net, "privateDnsZoneArmResourceId");
    s.highAvailabilityMode = ju::string(objectAt(p, "highAvailability"), "mode");
    s.replicationRole = ju::string(p, "replicationRole");
    s.availabilityZone = ju::string(p, "availabilityZone");
    return s;
}

Expected<ServerConfiguration> parseConfiguration(const json &body)
{
    if (!body.is_object())
        return fail(notObject("configuration"));
    ServerConfiguration c;
    c.id = ju::string(body, "id");
    c.name = ju::string(body, "name");
    const json &p = objectAt(body, "properties");
    c.value = ju::string(p, "value");
    c.defaultValue = ju::string(p, "defaultValue");
    c.description = ju::string(p, "description");
    c.dataType = ju::string(p, "dataType");
    c.allowedValues = ju::string(p, "allowedValues");
    c.source = ju::string(p, "source");
    return c;
}

Expected<FirewallRule> parseFirewallRule(const json &body)
{
    if (!body.is_object())
        return fail(notObject("firewall rule"));
    FirewallRule r;
    r.id = ju::string(body, "id");
    r.name = ju::string(body, "name");
    const json &p = objectAt(body, "properties");
    r.startIpAddress = ju::string(p, "startIpAddress");
    r.endIpAddress = ju::string(p, "endIpAddress");
    return r;
}

Expected<ServerDatabase> parseDatabase(const json &body)
{
    if (!body.is_object())
        return fail(notObject("database"));
    ServerDatabase d;
    d.id = ju::string(body, "id");
    d.name = ju::string(body, "name");
    const json &p = objectAt(body, "properties");
    d.charset = ju::string(p, "charset");
    d.collation = ju::string(p, "collation");
    return d;
}

Expected<json> buildFirewallRuleBody(const QString &startIp, const QString &endIp)
{
    QHostAddress a, b;
    if (!a.setAddress(startIp) || a.protocol() != QAbstractSocket::IPv4Protocol)
        return fail(Error::validation(QStringLiteral("InvalidFirewallRule"), QStringLiteral("Start address '%1' is not an IPv4 address.").arg(startIp)));
    if (!b.setAddress(endIp) || b.protocol() != QAbstractSocket::IPv4Protocol)
        return fail(Error::validation(QStringLiteral("InvalidFirewallRule"), QStringLiteral("End address '%1' is not an IPv4 address.").arg(endIp)));
    if (a.toIPv4Address() > b.toIPv4Address())
        return fail(Error::validation(QStringLiteral("InvalidFirewallRule"), QStringLiteral("The range %1 - %2 ends before it starts.").arg(startIp, endIp)));
    return json{{"properties", {{"startIpAddress", ju::toStd(startIp)}, {"endIpAddress", ju::toStd(endIp)}}}};
}

json buildConfigurationBody(const QString &value)
{
    return json{{"properties", {{"value", ju::toStd(value)}, {"source", "user-override"}}}};
}

} // namespace fm::arm
