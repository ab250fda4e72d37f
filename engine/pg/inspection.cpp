// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/pg/inspection.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QJsonArray>

namespace fm::pg {

namespace {
auto log()
{
    static auto l = logging::get("engine.pg");
    return l;
}

Expected<void> inspectDatabase(const ConnectionParams &params, DatabaseInfo &db, CancelToken *cancel)
{
    auto conn = Connection::open(params.withDatabase(db.name), cancel);
    if (!conn)
        return fail(conn.error());
    auto tables = conn->execNamed(QStringLiteral("inspect/tables"), {}, cancel);
    if (!tables)
        return fail(tables.error());
    for (int r = 0; r < tables->rows(); ++r) {
        TableInfo t;
        t.schema = tables->text(r, "schema_name");
        t.name = tables->text(r, "table_name");
        auto firstChar = [&](const char *col) {
            const QString v = tables->text(r, col);
            return v.isEmpty() ? QChar() : v.at(0);
        };
        t.relkind = firstChar("relkind");
        t.persistence = firstChar("persistence");
        t.replident = firstChar("replident");
        t.hasPrimaryKey = tables->toBool(r, "has_pk");
        t.hasReplicaIdentityIndex = tables->toBool(r, "has_ri_index");
        t.estimatedRows = tables->toInt(r, "estimated_rows");
        t.totalBytes = tables->toInt(r, "total_bytes");
        t.canSelect = tables->toBool(r, "can_select");
        t.isPartition = tables->toBool(r, "is_partition");
        db.tables << t;
    }
    auto objects = conn->execNamed(QStringLiteral("inspect/objects"), {}, cancel);
    if (!objects)
        return fail(objects.error());
    db.largeObjects = objects->toInt(0, "large_objects");
    db.sequences = objects->toInt(0, "sequences");
    db.foreignTables = objects->toInt(0, "foreign_tables");
    db.enumTypes = objects->toInt(0, "enum_types");
    db.userCollations = objects->toInt(0, "user_collations");
    db.userCasts = objects->toInt(0, "user_casts");
    db.sizeBytes = objects->toInt(0, "size_bytes", db.sizeBytes);
    auto mv = conn->execNamed(QStringLiteral("inspect/materialized_views"), {}, cancel);
    if (!mv)
        return fail(mv.error());
    for (int r = 0; r < mv->rows(); ++r)
        db.materializedViews << qualifiedName(mv->text(r, "schema_name"), mv->text(r, "view_name"));
    auto ext = conn->execNamed(QStringLiteral("inspect/extensions"), {}, cancel);
    if (!ext)
        return fail(ext.error());
    for (int r = 0; r < ext->rows(); ++r)
        db.extensions << ExtensionInfo{ext->text(r, "name"), ext->text(r, "version"), ext->text(r, "schema_name")};
    db.inspected = true;
    return {};
}
} // namespace

QString TableInfo::qualifiedName() const
{
    return pg::qualifiedName(schema, name);
}

bool TableInfo::hasUsableReplicaIdentity() const
{
    switch (replident.toLatin1()) {
    case 'f': return true;
    case 'i': return hasReplicaIdentityIndex;
    case 'd': return hasPrimaryKey;
    default: return false; // 'n' (nothing)
    }
}

qint64 DatabaseInfo::estimatedRows() const
{
    qint64 n = 0;
    for (const auto &t : tables)
        n += t.estimatedRows;
    return n;
}

const DatabaseInfo *ServerInfo::database(const QString &name) const
{
    for (const auto &d : databases)
        if (d.name == name)
            return &d;
    return nullptr;
}

Expected<ServerInfo> inspectServer(const ConnectionParams &params, const InspectOptions &options, CancelToken *cancel)
{
    auto conn = Connection::open(params, cancel);
    if (!conn)
        return fail(conn.error());
    ServerInfo info;
    info.endpoint = params.endpoint();
    info.displayName = params.displayName();
    info.isAzure = params.isAzureHost();
    info.kind = params.kind;

    auto srv = conn->execNamed(QStringLiteral("inspect/server"), {}, cancel);
    if (!srv)
        return fail(srv.error());
    if (srv->rows() != 1)
        return fail(Error::internal(QStringLiteral("Server inspection returned no row for the current user.")));
    info.version = srv->text(0, "server_version");
    info.versionNum = int(srv->toInt(0, "server_version_num"));
    info.versionString = srv->text(0, "version_string");
    info.walLevel = srv->text(0, "wal_level");
    info.azureReplicationSupport = srv->text(0, "azure_replication_support");
    info.azureExtensions = srv->text(0, "azure_extensions");
    info.maxReplicationSlots = int(srv->toInt(0, "max_replication_slots"));
    info.maxWalSenders = int(srv->toInt(0, "max_wal_senders"));
    info.maxWorkerProcesses = int(srv->toInt(0, "max_worker_processes"));
    info.maxLogicalReplicationWorkers = int(srv->toInt(0, "max_logical_replication_workers"));
    info.sharedPreloadLibraries = srv->text(0, "shared_preload_libraries");
    info.defaultTransactionReadOnly = srv->toBool(0, "default_transaction_read_only");
    info.serverEncoding = srv->text(0, "server_encoding");
    info.outputPluginLibraries = srv->text(0, "output_plugin_libraries");
    info.inRecovery = srv->toBool(0, "in_recovery");
    info.slotsUsed = int(srv->toInt(0, "slots_used"));
    info.walSendersUsed = int(srv->toInt(0, "wal_senders_used"));
    info.currentUser = srv->text(0, "current_user_name");
    info.isSuperuser = srv->toBool(0, "is_superuser");
    info.hasReplication = srv->toBool(0, "has_replication");
    info.canCreateDb = srv->toBool(0, "can_create_db");
    info.canCreateRole = srv->toBool(0, "can_create_role");
    info.isAzurePgAdmin = srv->toBool(0, "is_azure_pg_admin");
    if (!info.azureReplicationSupport.isEmpty() && info.kind == ServerKind::Unknown)
        info.kind = ServerKind::AzureSingleServer; // only Single Server has azure.replication_support

    auto slotRows = conn->execNamed(QStringLiteral("inspect/replication_slots"), {}, cancel);
    if (!slotRows)
        return fail(slotRows.error());
    for (int r = 0; r < slotRows->rows(); ++r) {
        ReplicationSlotInfo s;
        s.name = slotRows->text(r, "slot_name");
        s.plugin = slotRows->text(r, "plugin");
        s.type = slotRows->text(r, "slot_type");
        s.database = slotRows->text(r, "database_name");
        s.active = slotRows->toBool(r, "active");
        s.retainedBytes = slotRows->toInt(r, "retained_bytes", -1);
        info.replicationSlots << s;
    }

    auto longTx = conn->execNamed(QStringLiteral("inspect/long_transactions"),
                                  {QString::number(std::max(0, options.longTransactionSeconds))}, cancel);
    if (!longTx)
        return fail(longTx.error());
    for (int r = 0; r < longTx->rows(); ++r) {
        LongTransaction t;
        t.pid = int(longTx->toInt(r, "pid"));
        t.database = longTx->text(r, "database_name");
        t.user = longTx->text(r, "user_name");
        t.applicationName = longTx->text(r, "application_name");
        t.state = longTx->text(r, "state");
        t.ageSeconds = longTx->toInt(r, "age_seconds");
        info.longTransactions << t;
    }

    auto avail = conn->execNamed(QStringLiteral("inspect/available_extensions"), {}, cancel);
    if (!avail)
        return fail(avail.error());
    for (int r = 0; r < avail->rows(); ++r)
        info.availableExtensions.insert(avail->text(r, "name"), avail->text(r, "default_version"));

    auto dbs = conn->execNamed(QStringLiteral("inspect/databases"), {}, cancel);
    if (!dbs)
        return fail(dbs.error());
    for (int r = 0; r < dbs->rows(); ++r) {
        DatabaseInfo d;
        d.name = dbs->text(r, "name");
        d.sizeBytes = dbs->toInt(r, "size_bytes", -1);
        d.allowConnections = dbs->toBool(r, "allow_connections");
        d.canConnect = dbs->toBool(r, "can_connect");
        d.owner = dbs->text(r, "owner");
        d.encoding = dbs->text(r, "encoding");
        d.collate = dbs->text(r, "collate");
        d.ctype = dbs->text(r, "ctype");
        info.databases << d;
    }

    if (options.details) {
        for (auto &d : info.databases) {
            if (!options.databases.isEmpty() && !options.databases.contains(d.name))
                continue;
            if (!d.allowConnections || !d.canConnect)
                continue;
            if (cancel && cancel->isCancelled())
                return fail(Error::cancelled());
            // The server connection serves the database it is on; others need their own.
            auto res = inspectDatabase(params, d, cancel);
            if (!res) {
                if (res.error().isCancelled())
                    return fail(res.error());
                log()->warn("could not inspect database {} on {}: {}", d.name, info.endpoint, res.error().toDisplayString());
                d.inspectError = res.error();
            }
        }
    }
    log()->info("inspected {}: PostgreSQL {}, {} databases", info.displayName, info.version, info.databases.size());
    return info;
}

QJsonObject toJson(const DatabaseInfo &db)
{
    QJsonObject o;
    o[QStringLiteral("name")] = db.name;
    o[QStringLiteral("sizeBytes")] = double(db.sizeBytes);
    o[QStringLiteral("owner")] = db.owner;
    o[QStringLiteral("encoding")] = db.encoding;
    o[QStringLiteral("collate")] = db.collate;
    o[QStringLiteral("allowConnections")] = db.allowConnections;
    o[QStringLiteral("canConnect")] = db.canConnect;
    o[QStringLiteral("inspected")] = db.inspected;
    if (db.inspectError)
        o[QStringLiteral("inspectError")] = db.inspectError->toDisplayString();
    if (db.inspected) {
        o[QStringLiteral("tables")] = db.tableCount();
        o[QStringLiteral("estimatedRows")] = double(db.estimatedRows());
        o[QStringLiteral("largeObjects")] = double(db.largeObjects);
        o[QStringLiteral("sequences")] = double(db.sequences);
        o[QStringLiteral("foreignTables")] = double(db.foreignTables);
        o[QStringLiteral("enumTypes")] = double(db.enumTypes);
        o[QStringLiteral("materializedViews")] = QJsonArray::fromStringList(db.materializedViews);
        QJsonArray ext;
        for (const auto &e : db.extensions)
            ext.append(QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("version"), e.version}});
        o[QStringLiteral("extensions")] = ext;
    }
    return o;
}

QJsonObject toJson(const ServerInfo &info)
{
    QJsonObject o;
    o[QStringLiteral("endpoint")] = info.endpoint;
    o[QStringLiteral("connection")] = info.displayName;
    o[QStringLiteral("version")] = info.version;
    o[QStringLiteral("versionNum")] = info.versionNum;
    o[QStringLiteral("walLevel")] = info.walLevel;
    if (!info.azureReplicationSupport.isEmpty())
        o[QStringLiteral("azureReplicationSupport")] = info.azureReplicationSupport;
    o[QStringLiteral("maxReplicationSlots")] = info.maxReplicationSlots;
    o[QStringLiteral("replicationSlotsUsed")] = info.slotsUsed;
    o[QStringLiteral("maxWalSenders")] = info.maxWalSenders;
    o[QStringLiteral("walSendersUsed")] = info.walSendersUsed;
    o[QStringLiteral("currentUser")] = info.currentUser;
    o[QStringLiteral("superuser")] = info.isSuperuser;
    o[QStringLiteral("replicationPrivilege")] = info.hasReplication;
    o[QStringLiteral("inRecovery")] = info.inRecovery;
    o[QStringLiteral("longRunningTransactions")] = int(info.longTransactions.size());
    QJsonArray dbs;
    for (const auto &d : info.databases)
        dbs.append(toJson(d));
    o[QStringLiteral("databases")] = dbs;
    return o;
}

} // namespace fm::pg
