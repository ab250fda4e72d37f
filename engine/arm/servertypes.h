// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationenums.h"
#include "engine/core/expected.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fm::arm {

/** Single Server (`Microsoft.DBforPostgreSQL/servers`, 2017-12-01; azure-api.md §2). */
struct SingleServer {
    QString id, name, location;
    QString skuName, skuTier, skuFamily;
    std::optional<qint64> skuCapacity;
    QString administratorLogin;
    QString version;
    QString sslEnforcement, minimalTlsVersion;
    ServerState userVisibleState;
    QString fullyQualifiedDomainName;
    std::optional<qint64> storageMb;
    QString replicationRole;
    QString publicNetworkAccess;
    QMap<QString, QString> tags;
    nlohmann::json raw;

    /** "The parameter applies only to General Purpose and Memory Optimized tiers" (§2): Basic cannot do logical replication. */
    bool supportsLogicalReplication() const { return !skuTier.isEmpty() && skuTier.compare(QLatin1String("Basic"), Qt::CaseInsensitive) != 0; }
    /** Single Server logins are user@server (§2). */
    QString qualifiedLogin(const QString &user) const { return user.contains(QLatin1Char('@')) ? user : user + QLatin1Char('@') + name; }
};

/** Flexible Server (`Microsoft.DBforPostgreSQL/flexibleServers`; §3). */
struct FlexibleServer {
    QString id, name, location;
    QString skuName, skuTier;
    QString administratorLogin;
    QString version, minorVersion;
    ServerState state;
    QString fullyQualifiedDomainName;
    std::optional<qint64> storageSizeGb;
    QString publicNetworkAccess;
    QString delegatedSubnetResourceId;
    QString privateDnsZoneArmResourceId;
    QString highAvailabilityMode;
    QString replicationRole;
    QString availabilityZone;
    QMap<QString, QString> tags;
    nlohmann::json raw;

    bool isPrivateAccess() const { return !delegatedSubnetResourceId.isEmpty(); }
};

/** Server parameter (both server kinds). */
struct ServerConfiguration {
    QString id, name;
    QString value, defaultValue, description, dataType, allowedValues, source;
};

struct FirewallRule {
    QString id, name;
    QString startIpAddress, endIpAddress;
};

struct ServerDatabase {
    QString id, name;
    QString charset, collation;
};

Expected<SingleServer> parseSingleServer(const nlohmann::json &body);
Expected<FlexibleServer> parseFlexibleServer(const nlohmann::json &body);
Expected<ServerConfiguration> parseConfiguration(const nlohmann::json &body);
Expected<FirewallRule> parseFirewallRule(const nlohmann::json &body);
Expected<ServerDatabase> parseDatabase(const nlohmann::json &body);

/** Parses every element with `parse`, skipping none: the first malformed item fails the list. */
template<typename T>
Expected<QList<T>> parseEach(const QList<nlohmann::json> &items, Expected<T> (*parse)(const nlohmann::json &))
{
    QList<T> out;
    for (const auto &i : items) {
        auto v = parse(i);
        if (!v)
            return fail(v.error());
        out.append(std::move(*v));
    }
    return out;
}

/** `{"properties":{"startIpAddress","endIpAddress"}}`; both must be IPv4 (Single Server is IPv4-only, §2). */
Expected<nlohmann::json> buildFirewallRuleBody(const QString &startIp, const QString &endIp);
/** `{"properties":{"value": v, "source": "user-override"}}` (§2 azure.replication_support). */
nlohmann::json buildConfigurationBody(const QString &value);

} // namespace fm::arm
