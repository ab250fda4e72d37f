// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/migrationresource.h"

#include "engine/arm/jsonutil.h"

namespace fm::arm {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

const json &emptyObject()
{
    static const json e = json::object();
    return e;
}

const json &objectAt(const json &o, std::string_view key)
{
    const json *v = ju::find(o, key);
    return v && v->is_object() ? *v : emptyObject();
}

ServerMetadata parseMetadata(const json &m)
{
    ServerMetadata s;
    s.location = ju::string(m, "location");
    s.version = ju::string(m, "version");
    s.storageMb = ju::integer(m, "storageMb"); // storageMB (2021) and storageMb (2023+) alike
    const json &sku = objectAt(m, "sku");
    s.skuName = ju::string(sku, "name");
    s.skuTier = ju::string(sku, "tier");
    return s;
}

DbMigrationDetails parseDbDetails(const QString &key, const json &d)
{
    DbMigrationDetails db;
    db.databaseName = ju::string(d, "databaseName");
    if (db.databaseName.isEmpty())
        db.databaseName = key;
    db.migrationState = MigrationDbState(ju::string(d, "migrationState"));
    db.migrationOperation = ju::string(d, "migrationOperation");
    db.startedOn = ju::dateTime(d, "startedOn");
    db.endedOn = ju::dateTime(d, "endedOn");
    db.fullLoadQueuedTables = ju::integer(d, "fullLoadQueuedTables");
    db.fullLoadErroredTables = ju::integer(d, "fullLoadErroredTables");
    db.fullLoadLoadingTables = ju::integer(d, "fullLoadLoadingTables");
    db.fullLoadCompletedTables = ju::integer(d, "fullLoadCompletedTables");
    db.cdcUpdateCounter = ju::integer(d, "cdcUpdateCounter");
    db.cdcDeleteCounter = ju::integer(d, "cdcDeleteCounter");
    db.cdcInsertCounter = ju::integer(d, "cdcInsertCounter");
    db.appliedChanges = ju::integer(d, "appliedChanges");
    db.incomingChanges = ju::integer(d, "incomingChanges");
    db.latencySeconds = ju::integer(d, "latency");
    db.message = ju::string(d, "message");
    return db;
}

QList<ValidationSummaryItem> parseSummary(const json *arr)
{
    QList<ValidationSummaryItem> out;
    if (!arr || !arr->is_array())
        return out;
    for (const auto &i : *arr) {
        if (!i.is_object())
            continue;
        ValidationSummaryItem item;
        item.type = ju::string(i, "type");
        item.state = ValidationState(ju::string(i, "state"));
        if (const json *msgs = ju::find(i, "messages"); msgs && msgs->is_array())
            for (const auto &m : *msgs)
                if (m.is_object())
                    item.messages.append({ValidationState(ju::string(m, "state")), ju::string(m, "message")});
        out.append(item);
    }
    return out;
}

ValidationDetails parseValidation(const json &v)
{
    ValidationDetails d;
    d.status = ValidationState(ju::string(v, "status"));
    d.startedOn = ju::dateTime(v, "validationStartTimeInUtc");
    d.endedOn = ju::dateTime(v, "validationEndTimeInUtc");
    d.serverLevel = parseSummary(ju::find(v, "serverLevelValidationDetails"));
    if (const json *dbs = ju::find(v, "dbLevelValidationDetails"); dbs && dbs->is_array())
        for (const auto &x : *dbs) {
            if (!x.is_object())
                continue;
            DbValidationDetails db;
            db.databaseName = ju::string(x, "databaseName");
            db.startedOn = ju::dateTime(x, "startedOn");
            db.endedOn = ju::dateTime(x, "endedOn");
            db.summary = parseSummary(ju::find(x, "summary"));
            d.dbLevel.append(db);
        }
    return d;
}

} // namespace

Expected<MigrationResource> parseMigration(const json &body)
{
    if (!body.is_object())
        return fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"),
                                QStringLiteral("The migration response is not a JSON object.")));
    MigrationResource m;
    m.raw = body;
    m.id = ju::string(body, "id");
    m.name = ju::string(body, "name");
    m.type = ju::string(body, "type");
    m.location = ju::string(body, "location");
    if (const json *tags = ju::find(body, "tags"); tags && tags->is_object())
        for (auto it = tags->begin(); it != tags->end(); ++it)
            m.tags.insert(ju::toQString(it.key()), it->is_string() ? ju::toQString(it->get<std::string>()) : QString());

    const json &p = objectAt(body, "properties");
    // The 2020/2021 GET with level=Default nested the create request (§7.1 row 5): read it as a fallback.
    const json &full = objectAt(p, "migrationCreateFullRequest");
    auto str = [&](std::string_view k) {
        QString v = ju::string(p, k);
        return v.isEmpty() ? ju::string(full, k) : v;
    };
    auto flag = [&](std::string_view k) {
        auto v = ju::flag(p, k);
        return v ? v : ju::flag(full, k);
    };
    auto list = [&](std::string_view k) {
        QStringList v = ju::strings(p, k);
        return v.isEmpty() ? ju::strings(full, k) : v;
    };

    m.migrationId = ju::string(p, "migrationId");
    m.migrationName = ju::string(p, "migrationName");
    m.detailsLevel = MigrationDetailsLevel(ju::string(p, "migrationDetailsLevel"));

    const json &cs = objectAt(p, "currentStatus");
    m.currentStatus.state = MigrationState(ju::string(cs, "state"));
    m.currentStatus.error = ju::string(cs, "error");
    const json &sub = objectAt(cs, "currentSubStateDetails");
    m.currentStatus.subState = MigrationSubState(ju::string(sub, "currentSubState"));
    if (const json *dbs = ju::find(sub, "dbDetails"); dbs && dbs->is_object())
        for (auto it = dbs->begin(); it != dbs->end(); ++it)
            if (it->is_object()) {
                const QString key = ju::toQString(it.key());
                m.currentStatus.dbDetails.insert(key, parseDbDetails(key, *it));
            }
    if (const json *v = ju::find(sub, "validationDetails"); v && v->is_object())
        m.currentStatus.validation = parseValidation(*v);

    if (const json *s = ju::findAny(p, {"sourceDbServerMetadata"}); s && s->is_object())
        m.sourceServerMetadata = parseMetadata(*s);
    if (const json *t = ju::findAny(p, {"targetDbServerMetadata"}); t && t->is_object())
        m.targetServerMetadata = parseMetadata(*t);

    m.sourceDbServerResourceId = str("sourceDbServerResourceId");
    m.targetDbServerResourceId = str("targetDbServerResourceId");
    m.sourceDbServerFullyQualifiedDomainName = str("sourceDbServerFullyQualifiedDomainName");
    m.targetDbServerFullyQualifiedDomainName = str("targetDbServerFullyQualifiedDomainName");
    m.targetDbServerSubnetResourceId = str("targetDbServerSubnetResourceId");
    const json &mrg = ju::find(p, "migrationResourceGroup") ? objectAt(p, "migrationResourceGroup") : objectAt(full, "migrationResourceGroup");
    m.migrationResourceGroupId = ju::string(mrg, "resourceId");
    m.migrationSubnetResourceId = ju::string(mrg, "subnetResourceId");
    m.userAssignedIdentityResourceId = str("userAssignedIdentityResourceId");
    m.migrationInstanceResourceId = str("migrationInstanceResourceId");
    const json &secrets = objectAt(p, "secretParameters");
    const json &aad = objectAt(secrets, "aadApp");
    m.aadClientId = ju::string(aad, "clientId");
    m.aadTenantId = ju::string(aad, "tenantId");
    m.sourceServerUsername = ju::string(secrets, "sourceServerUsername");
    m.targetServerUsername = ju::string(secrets, "targetServerUsername");
    m.dbsToMigrate = list("dbsToMigrate");
    // "Tigger" is the 2022 spec's typo; the CLI sent DBsToTriggerCutoverMigrationOn (§1.4, §1.11.5).
    for (auto k : {"dbsToTriggerCutoverOn", "dBsToTiggerCutoverOn", "DBsToTriggerCutoverMigrationOn"})
        if (m.dbsToTriggerCutoverOn.isEmpty())
            m.dbsToTriggerCutoverOn = ju::strings(p, k);
    m.dbsToCancelMigrationOn = ju::strings(p, "dbsToCancelMigrationOn");

    m.mode = MigrationMode(str("migrationMode"));
    m.option = MigrationOption(str("migrationOption"));
    m.sourceType = SourceType(str("sourceType"));
    m.sslMode = SslMode(str("sslMode"));
    m.setupLogicalReplicationOnSourceDbIfNeeded = flag("setupLogicalReplicationOnSourceDbIfNeeded");
    m.overwriteDbsInTarget = flag("overwriteDbsInTarget");
    m.startDataMigration = flag("startDataMigration");
    m.triggerCutover = flag("triggerCutover");
    m.cancel = flag("cancel");
    m.migrateRoles = flag("migrateRoles");
    m.windowStart = ju::parseDateTime(str("migrationWindowStartTimeInUtc"));
    m.windowEnd = ju::parseDateTime(str("migrationWindowEndTimeInUtc"));
    return m;
}

Expected<MigrationList> parseMigrationList(const json &body)
{
    const json *items = nullptr;
    MigrationList out;
    if (body.is_array()) {
        items = &body;
    } else if (body.is_object()) {
        items = ju::find(body, "value");
        out.nextLink = ju::string(body, "nextLink");
    }
    if (!items || !items->is_array())
        return fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"),
                                QStringLiteral("The migration list response has no 'value' array.")));
    for (const auto &i : *items) {
        auto m = parseMigration(i);
        if (m)
            out.items.append(*m);
    }
    return out;
}

Expected<NameAvailability> parseNameAvailability(const json &body)
{
    if (!body.is_object() || !ju::find(body, "nameAvailable"))
        return fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"),
                                QStringLiteral("The name availability response has no 'nameAvailable'.")));
    NameAvailability n;
    n.name = ju::string(body, "name");
    n.type = ju::string(body, "type");
    n.nameAvailable = ju::flag(body, "nameAvailable").value_or(false);
    n.reason = NameAvailabilityReason(ju::string(body, "reason"));
    n.message = ju::string(body, "message");
    return n;
}

} // namespace fm::arm
