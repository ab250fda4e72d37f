// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/dms/dmsrequest.h"

#include "engine/arm/jsonutil.h"
#include "engine/dms/dmstask.h"

namespace fm::dms {

using nlohmann::json;
namespace ju = arm::jsonutil;

json buildServiceBody(const QString &location, const QString &skuName, const QString &virtualSubnetId)
{
    return json{{"location", ju::toStd(location)}, {"sku", {{"name", ju::toStd(skuName)}}}, {"properties", {{"virtualSubnetId", ju::toStd(virtualSubnetId)}}}};
}

json buildProjectBody(const QString &location)
{
    return json{{"location", ju::toStd(location)}, {"properties", {{"sourcePlatform", "PostgreSql"}, {"targetPlatform", "AzureDbForPostgreSql"}}}};
}

namespace {
Expected<json> connectionInfo(const PostgreSqlConnectionInfo &c, const char *which)
{
    const QString w = QLatin1String(which);
    auto bad = [&](const QString &m) { return fail(Error::validation(QStringLiteral("InvalidDmsTask"), QStringLiteral("%1 connection: %2").arg(w, m))); };
    if (c.serverName.trimmed().isEmpty())
        return bad(QStringLiteral("the server name is empty."));
    if (c.port <= 0 || c.port > 65535)
        return bad(QStringLiteral("port %1 is out of range.").arg(c.port));
    if (c.userName.trimmed().isEmpty())
        return bad(QStringLiteral("the user name is empty."));
    if (c.password.isEmpty())
        return bad(QStringLiteral("the password is empty."));
    const QString pw = c.password.reveal();
    if (pw.contains(QLatin1Char('{')) || pw.contains(QLatin1Char('}')))
        return bad(QStringLiteral("the password contains '{' or '}', which DMS does not support (known issue); change the password first."));
    json j = {{"type", "PostgreSqlConnectionInfo"},
              {"serverName", ju::toStd(c.serverName)},
              {"port", c.port},
              {"databaseName", ju::toStd(c.databaseName)},
              {"userName", ju::toStd(c.userName)},
              {"password", ju::toStd(pw)},
              {"encryptConnection", c.encryptConnection},
              {"trustServerCertificate", c.trustServerCertificate}};
    return j;
}
} // namespace

Expected<json> buildSyncTaskBody(const SyncTaskInput &input)
{
    auto src = connectionInfo(input.source, "Source");
    if (!src)
        return fail(src.error());
    auto tgt = connectionInfo(input.target, "Target");
    if (!tgt)
        return fail(tgt.error());
    if (input.databases.isEmpty())
        return fail(Error::validation(QStringLiteral("InvalidDmsTask"), QStringLiteral("No database selected for the DMS task.")));
    json dbs = json::array();
    QStringList seen;
    for (const auto &d : input.databases) {
        if (d.name.trimmed().isEmpty())
            return fail(Error::validation(QStringLiteral("InvalidDmsTask"), QStringLiteral("A selected database has an empty name.")));
        if (d.name.contains(QLatin1Char(';')) || d.targetDatabaseName.contains(QLatin1Char(';')))
            return fail(Error::validation(QStringLiteral("InvalidDmsTask"),
                                          QStringLiteral("Database name '%1' contains ';', which DMS does not support.").arg(d.name)));
        if (seen.contains(d.name))
            return fail(Error::validation(QStringLiteral("InvalidDmsTask"), QStringLiteral("Database '%1' is selected twice.").arg(d.name)));
        seen << d.name;
        json tables = json::array();
        for (const auto &t : d.selectedTables)
            tables.push_back({{"name", ju::toStd(t)}});
        dbs.push_back({{"name", ju::toStd(d.name)},
                       {"targetDatabaseName", ju::toStd(d.targetDatabaseName.isEmpty() ? d.name : d.targetDatabaseName)},
                       {"migrationSetting", json::object()},
                       {"sourceSetting", json::object()},
                       {"targetSetting", json::object()},
                       {"selectedTables", tables}});
    }
    return json{{"properties",
                 {{"taskType", kPostgreSqlSyncTaskType},
                  {"input", {{"sourceConnectionInfo", *src}, {"targetConnectionInfo", *tgt}, {"selectedDatabases", dbs}}}}}};
}

json buildCompleteCommandBody(const QString &databaseName, const QDateTime &commitTimestamp)
{
    json input = {{"databaseName", ju::toStd(databaseName)}};
    if (commitTimestamp.isValid())
        input["commitTimeStamp"] = ju::toStd(ju::formatDateTime(commitTimestamp));
    return json{{"commandType", kCompleteDatabaseCommand}, {"input", input}};
}

} // namespace fm::dms
