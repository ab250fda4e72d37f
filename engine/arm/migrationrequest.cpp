// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/migrationrequest.h"

#include "engine/arm/jsonutil.h"
#include "engine/arm/resourceid.h"

namespace fm::arm {

using nlohmann::json;
namespace ju = jsonutil;

namespace {
Error invalid(const QString &message, const QString &fix = {})
{
    return Error::validation(QStringLiteral("InvalidMigrationRequest"), message, fix);
}

// 2021 wants JSON booleans; 2023+ wants the "True"/"False" string enums (§1.5).
json flagFor(bool v, MigrationApiVersion version)
{
    return version == MigrationApiVersion::PrivatePreview20210615 ? json(v) : ju::trueFalse(v);
}

void putIf(json &o, const char *key, const QString &v)
{
    if (!v.isEmpty())
        o[key] = ju::toStd(v);
}
} // namespace

Expected<json> buildCreateBody(const CreateMigrationRequest &r, MigrationApiVersion version)
{
    const bool v2021 = version == MigrationApiVersion::PrivatePreview20210615;
    const QString ver = toString(version);
    if (r.location.trimmed().isEmpty())
        return fail(invalid(QStringLiteral("The migration needs a location (the target server's region)."),
                            QStringLiteral("Add \"location\" at the top level of the properties file, or pass --location.")));
    if (r.sourceDbServerResourceId.trimmed().isEmpty())
        return fail(invalid(QStringLiteral("The source server resource id (sourceDbServerResourceId) is missing.")));
    if (r.sourceServerPassword.isEmpty() || r.targetServerPassword.isEmpty())
        return fail(invalid(QStringLiteral("secretParameters.adminCredentials needs both sourceServerPassword and targetServerPassword.")));
    if (r.dbsToMigrate.isEmpty())
        return fail(invalid(QStringLiteral("No database to migrate (dbsToMigrate is empty).")));
    if (r.dbsToMigrate.size() > maxDatabases(version))
        return fail(invalid(QStringLiteral("%1 databases selected; api-version %2 allows at most %3 per migration.")
                                .arg(r.dbsToMigrate.size())
                                .arg(ver)
                                .arg(maxDatabases(version)),
                            QStringLiteral("Split the databases over several migrations.")));
    if (v2021) {
        // The seed-era service migrates only from a Single Server, named by its ARM id (§1.3).
        auto source = ResourceId::parseOfType(r.sourceDbServerResourceId, QStringLiteral("Microsoft.DBforPostgreSQL/servers"),
                                              QStringLiteral("The source server id (sourceDBServerResourceId)"));
        if (!source)
            return fail(source.error());
        // The seed's contract: aadApp is required in secretParameters (§1.3).
        if (r.aadClientId.isEmpty() || r.aadTenantId.isEmpty() || r.aadSecret.isEmpty())
            return fail(invalid(QStringLiteral("api-version %1 needs the AAD app (client id, tenant id and secret) in secretParameters.aadApp.").arg(ver),
                                QStringLiteral("Add SecretParameters.AADApp with ClientId, TenantId and AadSecret, or use api-version 2024-08-01.")));
        for (auto [value, name] : {std::pair{r.option.toString(), "migrationOption"}, std::pair{r.sourceType.toString(), "sourceType"},
                                   std::pair{r.sslMode.toString(), "sslMode"}, std::pair{r.migrationInstanceResourceId, "migrationInstanceResourceId"},
                                   std::pair{r.sourceServerUsername, "sourceServerUsername"}, std::pair{r.targetServerUsername, "targetServerUsername"}})
            if (!value.isEmpty())
                return fail(invalid(QStringLiteral("%1 is not part of api-version %2.").arg(QLatin1String(name), ver),
                                    QStringLiteral("Remove it, or use api-version 2024-08-01.")));
        if (r.migrateRoles)
            return fail(invalid(QStringLiteral("migrateRoles is not part of api-version %1.").arg(ver)));
    } else {
        if (r.hasAadApp())
            return fail(invalid(QStringLiteral("api-version %1 has no AAD app (secretParameters.aadApp was removed in 2022-05-01-preview).").arg(ver),
                                QStringLiteral("Remove SecretParameters.AADApp, or use --api-version 2021-06-15-privatepreview.")));
        for (auto [value, name] : {std::pair{r.migrationResourceGroupId, "migrationResourceGroup"},
                                   std::pair{r.migrationSubnetResourceId, "migrationResourceGroup.subnetResourceId"},
                                   std::pair{r.userAssignedIdentityResourceId, "userAssignedIdentityResourceId"},
                                   std::pair{r.targetDbServerSubnetResourceId, "targetDbServerSubnetResourceId"}})
            if (!value.isEmpty())
                return fail(invalid(QStringLiteral("%1 is not part of api-version %2.").arg(QLatin1String(name), ver),
                                    QStringLiteral("Remove it, or use --api-version 2021-06-15-privatepreview.")));
    }

    json p = json::object();
    json secrets = json::object();
    // Secrets are revealed here, at the one point of use; the caller sends the body as sensitive.
    secrets["adminCredentials"] = {{"sourceServerPassword", ju::toStd(r.sourceServerPassword.reveal())},
                                   {"targetServerPassword", ju::toStd(r.targetServerPassword.reveal())}};
    if (v2021) {
        p["sourceDBServerResourceId"] = ju::toStd(r.sourceDbServerResourceId);
        putIf(p, "sourceDBServerFullyQualifiedDomainName", r.sourceDbServerFullyQualifiedDomainName);
        putIf(p, "targetDBServerFullyQualifiedDomainName", r.targetDbServerFullyQualifiedDomainName);
        secrets["aadApp"] = {{"clientId", ju::toStd(r.aadClientId)}, {"tenantId", ju::toStd(r.aadTenantId)}, {"aadSecret", ju::toStd(r.aadSecret.reveal())}};
        p["secretParameters"] = secrets;
        putIf(p, "targetDBServerSubnetResourceId", r.targetDbServerSubnetResourceId);
        putIf(p, "userAssignedIdentityResourceId", r.userAssignedIdentityResourceId);
        p["dBsToMigrate"] = ju::toJson(r.dbsToMigrate);
        if (!r.migrationResourceGroupId.isEmpty() || !r.migrationSubnetResourceId.isEmpty()) {
            json g = json::object();
            putIf(g, "resourceId", r.migrationResourceGroupId);
            putIf(g, "subnetResourceId", r.migrationSubnetResourceId);
            p["migrationResourceGroup"] = g;
        }
        if (r.setupLogicalReplicationOnSourceDbIfNeeded)
            p["setupLogicalReplicationOnSourceDBIfNeeded"] = *r.setupLogicalReplicationOnSourceDbIfNeeded;
        if (r.overwriteDbsInTarget)
            p["overwriteDBsInTarget"] = *r.overwriteDbsInTarget;
    } else {
        p["sourceDbServerResourceId"] = ju::toStd(r.sourceDbServerResourceId);
        putIf(p, "sourceDbServerFullyQualifiedDomainName", r.sourceDbServerFullyQualifiedDomainName);
        putIf(p, "targetDbServerFullyQualifiedDomainName", r.targetDbServerFullyQualifiedDomainName);
        putIf(secrets, "sourceServerUsername", r.sourceServerUsername);
        putIf(secrets, "targetServerUsername", r.targetServerUsername);
        p["secretParameters"] = secrets;
        putIf(p, "migrationInstanceResourceId", r.migrationInstanceResourceId);
        p["dbsToMigrate"] = ju::toJson(r.dbsToMigrate);
        putIf(p, "migrationOption", r.option.isKnown() ? r.option.canonical() : r.option.toString());
        putIf(p, "sourceType", r.sourceType.isKnown() ? r.sourceType.canonical() : r.sourceType.toString());
        putIf(p, "sslMode", r.sslMode.isKnown() ? r.sslMode.canonical() : r.sslMode.toString());
        if (r.setupLogicalReplicationOnSourceDbIfNeeded)
            p["setupLogicalReplicationOnSourceDbIfNeeded"] = ju::trueFalse(*r.setupLogicalReplicationOnSourceDbIfNeeded);
        if (r.overwriteDbsInTarget)
            p["overwriteDbsInTarget"] = ju::trueFalse(*r.overwriteDbsInTarget);
        if (r.migrateRoles)
            p["migrateRoles"] = ju::trueFalse(*r.migrateRoles);
    }
    putIf(p, "migrationMode", r.mode.isKnown() ? r.mode.canonical() : r.mode.toString());
    if (r.startDataMigration)
        p["startDataMigration"] = flagFor(*r.startDataMigration, version);
    if (r.triggerCutover)
        p["triggerCutover"] = flagFor(*r.triggerCutover, version);
    if (r.windowStart.isValid())
        p["migrationWindowStartTimeInUtc"] = ju::toStd(ju::formatDateTime(r.windowStart));
    if (r.windowEnd.isValid()) {
        if (v2021)
            return fail(invalid(QStringLiteral("migrationWindowEndTimeInUtc is not part of api-version %1.").arg(ver)));
        p["migrationWindowEndTimeInUtc"] = ju::toStd(ju::formatDateTime(r.windowEnd));
    }

    json body = {{"location", ju::toStd(r.location)}, {"properties", p}};
    if (!r.tags.isEmpty()) {
        json t = json::object();
        for (auto it = r.tags.begin(); it != r.tags.end(); ++it)
            t[ju::toStd(it.key())] = ju::toStd(it.value());
        body["tags"] = t;
    }
    return body;
}

QString toString(MigrationUpdate::Kind kind)
{
    switch (kind) {
    case MigrationUpdate::Kind::Cutover:
        return QStringLiteral("cutover");
    case MigrationUpdate::Kind::Cancel:
        return QStringLiteral("cancel");
    case MigrationUpdate::Kind::SetupReplication:
        return QStringLiteral("setup-replication");
    case MigrationUpdate::Kind::StartDataMigration:
        return QStringLiteral("start-data-migration");
    case MigrationUpdate::Kind::DbNames:
        return QStringLiteral("db-names");
    case MigrationUpdate::Kind::OverwriteDbs:
        return QStringLiteral("overwrite-dbs");
    }
    return {};
}

Expected<json> buildUpdateBody(const MigrationUpdate &u, MigrationApiVersion version)
{
    const bool v2021 = version == MigrationApiVersion::PrivatePreview20210615;
    json p = json::object();
    switch (u.kind) {
    case MigrationUpdate::Kind::Cutover:
        p["triggerCutover"] = flagFor(true, version);
        if (!u.databases.isEmpty()) {
            if (v2021)
                return fail(invalid(QStringLiteral("api-version 2021-06-15-privatepreview cuts over the whole migration; it cannot cut over single databases."),
                                    QStringLiteral("Omit --db-names, or use api-version 2024-08-01.")));
            p["dbsToTriggerCutoverOn"] = ju::toJson(u.databases);
        }
        break;
    case MigrationUpdate::Kind::Cancel:
        if (v2021)
            return fail(invalid(QStringLiteral("api-version 2021-06-15-privatepreview has no cancel operation."),
                                QStringLiteral("Delete the migration instead (flexmigrate migration delete), or use api-version 2024-08-01.")));
        p["cancel"] = ju::trueFalse(true);
        if (!u.databases.isEmpty())
            p["dbsToCancelMigrationOn"] = ju::toJson(u.databases);
        break;
    case MigrationUpdate::Kind::SetupReplication:
        p[v2021 ? "setupLogicalReplicationOnSourceDBIfNeeded" : "setupLogicalReplicationOnSourceDbIfNeeded"] = flagFor(true, version);
        break;
    case MigrationUpdate::Kind::StartDataMigration:
        p["startDataMigration"] = flagFor(true, version);
        break;
    case MigrationUpdate::Kind::DbNames:
        if (u.databases.isEmpty())
            return fail(invalid(QStringLiteral("--db-names needs at least one database name.")));
        if (u.databases.size() > maxDatabases(version))
            return fail(invalid(QStringLiteral("%1 databases given; api-version %2 allows at most %3.").arg(u.databases.size()).arg(toString(version)).arg(maxDatabases(version))));
        p[v2021 ? "dBsToMigrate" : "dbsToMigrate"] = ju::toJson(u.databases);
        break;
    case MigrationUpdate::Kind::OverwriteDbs:
        p[v2021 ? "overwriteDBsInTarget" : "overwriteDbsInTarget"] = flagFor(true, version);
        break;
    }
    return json{{"properties", p}};
}

json buildCheckNameBody(const QString &name)
{
    return json{{"name", ju::toStd(name)}, {"type", "Microsoft.DBforPostgreSQL/flexibleServers/migrations"}};
}

} // namespace fm::arm
