// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The check catalogue follows the Azure migration service's own validation
// codes (peers.md, troubleshoot-error-codes: 6031xx/6034xx) and what logical
// replication needs (DESIGN.md, direct engine). Ids are stable: docs, tests
// and users' scripts refer to them.
#include "engine/pg/preflight.h"
#include "engine/core/format.h"

#include "engine/pg/connection.h"

#include <QJsonArray>

namespace fm::pg {

namespace {

struct Def {
    const char *id;
    const char *title;
};

// Titles of every check, in report order.
const Def kChecks[] = {
    {"selection.database-count", "The selection has between one and eight databases (Azure backends)"},
    {"selection.system-database", "Only user databases are selected"},
    {"selection.database-missing", "Selected databases exist on the source"},
    {"selection.database-exists-on-target", "Selected databases do not already exist on the target"},
    {"source.version", "Source PostgreSQL version is supported"},
    {"source.in-recovery", "Source is a primary, not a standby"},
    {"source.read-only", "Source accepts writes (publication and slot creation)"},
    {"source.wal-level", "Source has logical replication enabled (wal_level = logical)"},
    {"source.replication-privilege", "Source user has the REPLICATION attribute"},
    {"source.output-plugins", "The source allows the pgoutput decoding plugin"},
    {"source.replication-slots", "Source has a free replication slot per database"},
    {"source.wal-senders", "Source has a free WAL sender per database"},
    {"source.inactive-slots", "No inactive replication slots hold back WAL on the source"},
    {"source.long-running-transactions", "No long-running transactions on the source"},
    {"target.version", "Target major version is not lower than the source's"},
    {"target.in-recovery", "Target is a primary, not a standby"},
    {"target.read-only", "Target accepts writes"},
    {"target.create-database", "Target user can create the databases"},
    {"target.subscription", "Target can run a native subscription"},
    {"db.connect", "Database can be inspected"},
    {"db.replica-identity", "Every table has a primary key or replica identity"},
    {"db.unreadable-tables", "The user can read every table"},
    {"db.large-objects", "No large objects (they are not replicated)"},
    {"db.unlogged-tables", "No unlogged tables (they are not replicated)"},
    {"db.materialized-views", "Materialized views are refreshed on the target"},
    {"db.foreign-tables", "No foreign tables"},
    {"db.extensions-on-target", "Every extension is available on the target"},
    {"db.extensions-unsupported", "No extensions the Azure service cannot migrate"},
    {"db.sequences", "Sequence values are set at cutover"},
    {"db.enum-types", "No enum types (DMS online sync fails on them)"},
    {"db.partitioned-tables", "Partitioned tables are handled"},
    {"db.user-casts", "No user-defined casts"},
    {"db.user-collations", "No user-defined collations"},
};

QString titleOf(const QString &id)
{
    for (const auto &d : kChecks)
        if (id == QLatin1String(d.id))
            return QString::fromUtf8(d.title);
    return id;
}

const QStringList kSystemDatabases = {QStringLiteral("azure_maintenance"), QStringLiteral("azure_sys"),
                                      QStringLiteral("template0"), QStringLiteral("template1")};
// Extensions the Azure migration service refuses (azure-api.md §9.2, 2024 known issues).
const QStringList kServiceUnsupportedExtensions = {QStringLiteral("postgis"), QStringLiteral("timescaledb"),
                                                   QStringLiteral("postgis_topology"), QStringLiteral("postgis_tiger_geocoder"),
                                                   QStringLiteral("pg_partman")};

class Builder
{
public:
    QList<CheckResult> checks;

    CheckResult &add(const QString &id, Severity s, const QString &server, const QString &database = {})
    {
        CheckResult c;
        c.id = id;
        c.severity = s;
        c.title = titleOf(id);
        c.server = server;
        c.database = database;
        checks << c;
        return checks.last();
    }
    void pass(const QString &id, const QString &server, const QString &detail, const QString &database = {})
    {
        add(id, Severity::Passed, server, database).detail = detail;
    }
};

bool isAzureSingle(const ServerInfo &s)
{
    return s.kind == ServerKind::AzureSingleServer || !s.azureReplicationSupport.isEmpty();
}


void serverChecks(Builder &b, const PreflightInput &in, const ServerInfo &src, int dbCount)
{
    const QString S = QStringLiteral("source");
    const bool azure = in.backend != BackendKind::Direct;

    // Version: the service needs 9.5+; native publication/subscription needs 10+.
    if (src.versionNum < 90500) {
        auto &c = b.add(QStringLiteral("source.version"), Severity::Error, S);
        c.detail = QStringLiteral("The source runs PostgreSQL %1; online migration needs 9.5 or later.").arg(src.version);
        c.fix = QStringLiteral("Upgrade the source in place first, or migrate offline with pg_dump/pg_restore.");
    } else if (src.versionNum < 100000) {
        auto &c = b.add(QStringLiteral("source.version"), azure ? Severity::Info : Severity::Warning, S);
        c.detail = QStringLiteral("PostgreSQL %1 has logical decoding but no publications; changes are captured by client-side decoding.").arg(src.version);
    } else {
        b.pass(QStringLiteral("source.version"), S, QStringLiteral("PostgreSQL %1").arg(src.version));
    }

    if (src.inRecovery && src.versionNum < 160000) {
        auto &c = b.add(QStringLiteral("source.in-recovery"), Severity::Error, S);
        c.detail = QStringLiteral("The source is a standby; logical replication slots cannot be created on a standby before PostgreSQL 16.");
        c.fix = QStringLiteral("Connect to the primary server.");
    } else {
        b.pass(QStringLiteral("source.in-recovery"), S, src.inRecovery ? QStringLiteral("standby (PostgreSQL 16+ can decode on a standby)") : QStringLiteral("primary"));
    }

    if (src.defaultTransactionReadOnly) {
        auto &c = b.add(QStringLiteral("source.read-only"), Severity::Error, S);
        c.detail = QStringLiteral("default_transaction_read_only is on; FlexMigrate cannot create its publication and heartbeat objects.");
        c.fix = QStringLiteral("Turn default_transaction_read_only off for the migration user.");
        c.fixSql << QStringLiteral("ALTER ROLE %1 SET default_transaction_read_only = off;").arg(quoteIdent(src.currentUser));
    } else {
        b.pass(QStringLiteral("source.read-only"), S, QStringLiteral("writable"));
    }

    if (src.walLevel == QLatin1String("logical")) {
        b.pass(QStringLiteral("source.wal-level"), S, QStringLiteral("wal_level = logical"));
    } else {
        const bool serviceWillDoIt = in.backend == BackendKind::Service && in.serviceSetsUpReplication && isAzureSingle(src);
        auto &c = b.add(QStringLiteral("source.wal-level"), serviceWillDoIt ? Severity::Warning : Severity::Error, S);
        if (isAzureSingle(src)) {
            c.detail = QStringLiteral("azure.replication_support is %1 (wal_level = %2); online migration needs LOGICAL.")
                           .arg(src.azureReplicationSupport.isEmpty() ? QStringLiteral("off") : src.azureReplicationSupport, src.walLevel);
            c.fix = serviceWillDoIt
                        ? QStringLiteral("The migration service will set azure.replication_support = logical and restart the source (a short outage).")
                        : QStringLiteral("Set the server parameter azure.replication_support to logical and restart the server "
                                         "(az postgres server configuration set --name azure.replication_support --value logical; az postgres server restart), "
                                         "or let the migration service do it.");
        } else {
            c.detail = QStringLiteral("wal_level is %1; logical replication needs wal_level = logical.").arg(src.walLevel);
            c.fix = QStringLiteral("Set wal_level = logical and restart the server (on Azure Flexible Server: the wal_level server parameter).");
            c.fixSql << QStringLiteral("ALTER SYSTEM SET wal_level = logical;  -- then restart the server");
        }
    }

    if (src.hasReplication || src.isSuperuser) {
        b.pass(QStringLiteral("source.replication-privilege"), S,
               QStringLiteral("%1 has %2").arg(src.currentUser, src.isSuperuser ? QStringLiteral("SUPERUSER") : QStringLiteral("REPLICATION")));
    } else {
        auto &c = b.add(QStringLiteral("source.replication-privilege"), Severity::Error, S);
        c.detail = QStringLiteral("User %1 lacks the REPLICATION attribute needed to create replication slots and stream changes.").arg(src.currentUser);
        c.fix = QStringLiteral("Grant REPLICATION to the migration user (as an admin).");
        c.fixSql << QStringLiteral("ALTER ROLE %1 WITH REPLICATION;").arg(quoteIdent(src.currentUser));
    }

    // Some builds let REPLICATION users use only the decoding plugins listed in
    // output_plugin_libraries; FlexMigrate decodes with pgoutput (wal2json as a fallback).
    if (!src.outputPluginLibraries.isNull() && !src.outputPluginLibraries.isEmpty() && !src.isSuperuser) {
        QStringList allowed;
        for (const QString &lib : src.outputPluginLibraries.split(QLatin1Char(','), Qt::SkipEmptyParts))
            allowed << lib.trimmed();
        if (!allowed.contains(QStringLiteral("pgoutput"))) {
            auto &c = b.add(QStringLiteral("source.output-plugins"), Severity::Error, S);
            c.detail = QStringLiteral("output_plugin_libraries is \"%1\"; user %2 may not decode with pgoutput.").arg(src.outputPluginLibraries, src.currentUser);
            c.fix = QStringLiteral("Add pgoutput to output_plugin_libraries (superuser) and reload the configuration.");
            c.fixSql << QStringLiteral("ALTER SYSTEM SET output_plugin_libraries = '%1, pgoutput'; SELECT pg_reload_conf();").arg(src.outputPluginLibraries);
        } else {
            b.pass(QStringLiteral("source.output-plugins"), S, QStringLiteral("allowed: %1").arg(allowed.join(QStringLiteral(", "))));
        }
    } else {
        b.pass(QStringLiteral("source.output-plugins"), S, src.isSuperuser ? QStringLiteral("superuser: any plugin") : QStringLiteral("no restriction"));
    }

    // One slot and one WAL sender per database (each database streams on its own slot).
    if (src.freeReplicationSlots() < dbCount) {
        auto &c = b.add(QStringLiteral("source.replication-slots"), Severity::Error, S);
        c.detail = QStringLiteral("max_replication_slots is %1 with %2 in use; %3 more are needed (one per database).")
                       .arg(src.maxReplicationSlots).arg(src.slotsUsed).arg(dbCount);
        c.fix = QStringLiteral("Drop unused slots or raise max_replication_slots to at least %1 (restart needed).").arg(src.slotsUsed + dbCount);
        c.fixSql << QStringLiteral("ALTER SYSTEM SET max_replication_slots = %1;  -- then restart the server").arg(src.slotsUsed + dbCount);
    } else {
        b.pass(QStringLiteral("source.replication-slots"), S,
               QStringLiteral("%1 of %2 free, %3 needed").arg(src.freeReplicationSlots()).arg(src.maxReplicationSlots).arg(dbCount));
    }

    if (src.freeWalSenders() < dbCount) {
        auto &c = b.add(QStringLiteral("source.wal-senders"), Severity::Error, S);
        c.detail = QStringLiteral("max_wal_senders is %1 with %2 in use; %3 more are needed (one per database).")
                       .arg(src.maxWalSenders).arg(src.walSendersUsed).arg(dbCount);
        c.fix = QStringLiteral("Raise max_wal_senders to at least %1 (restart needed).").arg(src.walSendersUsed + dbCount);
        c.fixSql << QStringLiteral("ALTER SYSTEM SET max_wal_senders = %1;  -- then restart the server").arg(src.walSendersUsed + dbCount);
    } else if (src.maxWalSenders < src.maxReplicationSlots) {
        auto &c = b.add(QStringLiteral("source.wal-senders"), Severity::Warning, S);
        c.detail = QStringLiteral("max_wal_senders (%1) is lower than max_replication_slots (%2); the Azure service rejects this (603106).")
                       .arg(src.maxWalSenders).arg(src.maxReplicationSlots);
        c.fix = QStringLiteral("Set max_wal_senders to at least max_replication_slots.");
    } else {
        b.pass(QStringLiteral("source.wal-senders"), S,
               QStringLiteral("%1 of %2 free, %3 needed").arg(src.freeWalSenders()).arg(src.maxWalSenders).arg(dbCount));
    }

    QStringList inactive;
    QStringList dropSql;
    for (const auto &s : src.replicationSlots) {
        if (s.active)
            continue;
        inactive << QStringLiteral("%1 (%2, holds %3)").arg(s.name, s.type, formatBytes(s.retainedBytes));
        dropSql << QStringLiteral("SELECT pg_drop_replication_slot('%1');").arg(QString(s.name).replace(QLatin1Char('\''), QStringLiteral("''")));
    }
    if (!inactive.isEmpty()) {
        auto &c = b.add(QStringLiteral("source.inactive-slots"), Severity::Warning, S);
        c.detail = QStringLiteral("%1 inactive replication slot(s) keep WAL on the source and use up slots: %2.")
                       .arg(inactive.size())
                       .arg(inactive.join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Drop the slots nothing uses any more.");
        c.fixSql = dropSql;
        c.objects = inactive;
    } else {
        b.pass(QStringLiteral("source.inactive-slots"), S, QStringLiteral("none"));
    }

    if (!src.longTransactions.isEmpty()) {
        auto &c = b.add(QStringLiteral("source.long-running-transactions"), Severity::Warning, S);
        QStringList items;
        for (const auto &t : src.longTransactions) {
            items << QStringLiteral("pid %1 (%2 on %3, %4 s, %5)").arg(t.pid).arg(t.user, t.database).arg(t.ageSeconds).arg(t.state);
            c.fixSql << QStringLiteral("SELECT pg_terminate_backend(%1);").arg(t.pid);
        }
        c.detail = QStringLiteral("Creating the replication slot waits until these transactions end: %1.").arg(items.join(QStringLiteral("; ")));
        c.fix = QStringLiteral("Let them finish, or end them before starting the migration.");
        c.objects = items;
    } else {
        b.pass(QStringLiteral("source.long-running-transactions"), S, QStringLiteral("none"));
    }
}

void targetChecks(Builder &b, const PreflightInput &in, const ServerInfo &src, const ServerInfo &tgt, const QStringList &selected)
{
    const QString T = QStringLiteral("target");
    if (tgt.majorVersion() < src.majorVersion()) {
        auto &c = b.add(QStringLiteral("target.version"), Severity::Error, T);
        c.detail = QStringLiteral("The target runs PostgreSQL %1, older than the source's %2; migrating to an older major version is not supported.")
                       .arg(tgt.version, src.version);
        c.fix = QStringLiteral("Create the target with PostgreSQL %1 or later.").arg(src.majorVersion());
    } else if (tgt.majorVersion() > src.majorVersion()) {
        auto &c = b.add(QStringLiteral("target.version"), Severity::Info, T);
        c.detail = QStringLiteral("Major version upgrade %1 → %2 during the migration.").arg(src.majorVersion()).arg(tgt.majorVersion());
        c.fix = QStringLiteral("Test the application against PostgreSQL %1 before cutover.").arg(tgt.majorVersion());
    } else {
        b.pass(QStringLiteral("target.version"), T, QStringLiteral("PostgreSQL %1 (source %2)").arg(tgt.version, src.version));
    }

    if (tgt.inRecovery) {
        auto &c = b.add(QStringLiteral("target.in-recovery"), Severity::Error, T);
        c.detail = QStringLiteral("The target is a read-only standby.");
        c.fix = QStringLiteral("Connect to the target's primary server.");
    } else {
        b.pass(QStringLiteral("target.in-recovery"), T, QStringLiteral("primary"));
    }

    if (tgt.defaultTransactionReadOnly) {
        auto &c = b.add(QStringLiteral("target.read-only"), Severity::Error, T);
        c.detail = QStringLiteral("default_transaction_read_only is on on the target (Azure 603112).");
        c.fix = QStringLiteral("Turn default_transaction_read_only off on the target.");
        c.fixSql << QStringLiteral("ALTER ROLE %1 SET default_transaction_read_only = off;").arg(quoteIdent(tgt.currentUser));
    } else {
        b.pass(QStringLiteral("target.read-only"), T, QStringLiteral("writable"));
    }

    QStringList toCreate;
    for (const auto &name : selected)
        if (!tgt.database(name))
            toCreate << name;
    if (!toCreate.isEmpty() && !(tgt.isSuperuser || tgt.canCreateDb || tgt.isAzurePgAdmin)) {
        auto &c = b.add(QStringLiteral("target.create-database"), Severity::Error, T);
        c.detail = QStringLiteral("User %1 cannot create databases, and %2 do not exist on the target.").arg(tgt.currentUser, toCreate.join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Grant CREATEDB to the target user, or create the databases first.");
        c.fixSql << QStringLiteral("ALTER ROLE %1 WITH CREATEDB;").arg(quoteIdent(tgt.currentUser));
        c.objects = toCreate;
    } else {
        b.pass(QStringLiteral("target.create-database"), T,
               toCreate.isEmpty() ? QStringLiteral("all selected databases exist") : QStringLiteral("%1 can create databases").arg(tgt.currentUser));
    }

    if (in.backend == BackendKind::Direct) {
        const int n = int(selected.size());
        const bool canSubscribe = tgt.isSuperuser || tgt.isAzurePgAdmin || tgt.versionNum >= 160000;
        if (!canSubscribe || tgt.maxLogicalReplicationWorkers < n || src.versionNum < 100000) {
            auto &c = b.add(QStringLiteral("target.subscription"), Severity::Info, T);
            if (src.versionNum < 100000)
                c.detail = QStringLiteral("The source (PostgreSQL %1) cannot publish; changes are applied by FlexMigrate (client-side decoding).").arg(src.version);
            else if (!canSubscribe)
                c.detail = QStringLiteral("User %1 may not create subscriptions on PostgreSQL %2 (superuser needed before 16); changes are applied by FlexMigrate (client-side decoding).")
                               .arg(tgt.currentUser, tgt.version);
            else
                c.detail = QStringLiteral("max_logical_replication_workers is %1 for %2 databases; the rest are applied by FlexMigrate (client-side decoding).")
                               .arg(tgt.maxLogicalReplicationWorkers).arg(n);
            c.fix = QStringLiteral("Nothing to do; for server-side apply, use a superuser and raise max_logical_replication_workers.");
        } else {
            b.pass(QStringLiteral("target.subscription"), T, QStringLiteral("native subscription possible"));
        }
    }
}

void databaseChecks(Builder &b, const PreflightInput &in, const DatabaseInfo &db, const ServerInfo *tgt)
{
    const QString S = QStringLiteral("source");
    const QString D = db.name;
    if (!db.allowConnections || !db.canConnect || db.inspectError || !db.inspected) {
        auto &c = b.add(QStringLiteral("db.connect"), Severity::Error, S, D);
        if (!db.allowConnections)
            c.detail = QStringLiteral("Database %1 does not allow connections (datallowconn = false).").arg(D);
        else if (!db.canConnect)
            c.detail = QStringLiteral("The user may not connect to database %1.").arg(D);
        else if (db.inspectError)
            c.detail = db.inspectError->toDisplayString();
        else
            c.detail = QStringLiteral("Database %1 was not inspected.").arg(D);
        c.fix = QStringLiteral("Grant CONNECT on the database to the migration user.");
        c.fixSql << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO CURRENT_USER;").arg(quoteIdent(D));
        return;
    }
    b.pass(QStringLiteral("db.connect"), S, QStringLiteral("%1 tables, %2").arg(db.tableCount()).arg(formatBytes(db.sizeBytes)), D);

    // Replica identity: without it, UPDATE/DELETE cannot be replicated, and once a
    // publication covers the table they fail on the source itself (bench-baseline.md pitfall).
    QStringList noRi;
    QStringList riSql;
    for (const auto &t : db.tables) {
        if (t.relkind == QLatin1Char('p') || t.isUnlogged())
            continue;
        if (!t.hasUsableReplicaIdentity()) {
            noRi << t.qualifiedName();
            riSql << QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY FULL;").arg(t.qualifiedName());
        }
    }
    if (!noRi.isEmpty()) {
        auto &c = b.add(QStringLiteral("db.replica-identity"), in.backend == BackendKind::Dms ? Severity::Error : Severity::Warning, S, D);
        c.detail = QStringLiteral("%1 table(s) have no primary key or replica identity: %2. Their UPDATEs and DELETEs cannot be replicated, "
                                  "and once published, UPDATE/DELETE on them fail on the source.")
                       .arg(noRi.size()).arg(noRi.mid(0, 10).join(QStringLiteral(", ")) + (noRi.size() > 10 ? QStringLiteral(", …") : QString()));
        c.fix = in.backend == BackendKind::Dms ? QStringLiteral("Azure DMS needs a primary key on every table: add one, or use another backend.")
                                               : QStringLiteral("Add a primary key (best), or set REPLICA IDENTITY FULL (every UPDATE/DELETE then logs the whole row).");
        c.fixSql = riSql;
        c.objects = noRi;
    } else {
        b.pass(QStringLiteral("db.replica-identity"), S, QStringLiteral("all %1 tables").arg(db.tableCount()), D);
    }

    QStringList unreadable, grantSql;
    for (const auto &t : db.tables)
        if (!t.canSelect) {
            unreadable << t.qualifiedName();
            grantSql << QStringLiteral("GRANT SELECT ON %1 TO CURRENT_USER;").arg(t.qualifiedName());
        }
    if (!unreadable.isEmpty()) {
        auto &c = b.add(QStringLiteral("db.unreadable-tables"), Severity::Error, S, D);
        c.detail = QStringLiteral("The migration user cannot SELECT from %1 table(s): %2.").arg(unreadable.size()).arg(unreadable.mid(0, 10).join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Grant SELECT on these tables (or use the tables' owner / an admin).");
        c.fixSql = grantSql;
        c.objects = unreadable;
    } else {
        b.pass(QStringLiteral("db.unreadable-tables"), S, QStringLiteral("all readable"), D);
    }

    if (db.largeObjects > 0) {
        auto &c = b.add(QStringLiteral("db.large-objects"), Severity::Warning, S, D);
        c.detail = QStringLiteral("%1 large object(s). Logical replication does not carry large objects: they are copied once, and later changes are lost.").arg(db.largeObjects);
        c.fix = QStringLiteral("Store the data in bytea columns, or stop writing large objects from the start of the migration.");
    } else {
        b.pass(QStringLiteral("db.large-objects"), S, QStringLiteral("none"), D);
    }

    QStringList unlogged, loggedSql;
    for (const auto &t : db.tables)
        if (t.isUnlogged()) {
            unlogged << t.qualifiedName();
            loggedSql << QStringLiteral("ALTER TABLE %1 SET LOGGED;").arg(t.qualifiedName());
        }
    if (!unlogged.isEmpty()) {
        auto &c = b.add(QStringLiteral("db.unlogged-tables"), Severity::Warning, S, D);
        c.detail = QStringLiteral("%1 unlogged table(s): %2. Unlogged tables are not in the WAL, so changes after the initial copy are not replicated.")
                       .arg(unlogged.size()).arg(unlogged.join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Make them logged if their changes must reach the target.");
        c.fixSql = loggedSql;
        c.objects = unlogged;
    } else {
        b.pass(QStringLiteral("db.unlogged-tables"), S, QStringLiteral("none"), D);
    }

    if (!db.materializedViews.isEmpty()) {
        auto &c = b.add(QStringLiteral("db.materialized-views"), Severity::Info, S, D);
        c.detail = QStringLiteral("%1 materialized view(s): %2. They are created on the target and must be refreshed after cutover.")
                       .arg(db.materializedViews.size()).arg(db.materializedViews.join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Refresh them on the target after cutover.");
        for (const auto &mv : db.materializedViews)
            c.fixSql << QStringLiteral("REFRESH MATERIALIZED VIEW %1;  -- on the target").arg(mv);
        c.objects = db.materializedViews;
    } else {
        b.pass(QStringLiteral("db.materialized-views"), S, QStringLiteral("none"), D);
    }

    if (db.foreignTables > 0) {
        auto &c = b.add(QStringLiteral("db.foreign-tables"), Severity::Warning, S, D);
        c.detail = QStringLiteral("%1 foreign table(s): their definitions migrate, their data stays on the remote server, and the foreign server's credentials must be set again on the target.").arg(db.foreignTables);
        c.fix = QStringLiteral("Recreate the user mappings on the target after the migration.");
    } else {
        b.pass(QStringLiteral("db.foreign-tables"), S, QStringLiteral("none"), D);
    }

    if (tgt) {
        QStringList missing;
        QStringList notAllowed;
        const QStringList allow = tgt->azureExtensions.isEmpty()
                                      ? QStringList()
                                      : tgt->azureExtensions.toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const auto &e : db.extensions) {
            if (e.name == QLatin1String("plpgsql"))
                continue;
            if (!tgt->availableExtensions.contains(e.name))
                missing << QStringLiteral("%1 %2").arg(e.name, e.version);
            else if (!allow.isEmpty() && !allow.contains(e.name.toLower()))
                notAllowed << e.name;
        }
        if (!missing.isEmpty() || !notAllowed.isEmpty()) {
            auto &c = b.add(QStringLiteral("db.extensions-on-target"), Severity::Error, QStringLiteral("target"), D);
            QStringList parts;
            if (!missing.isEmpty())
                parts << QStringLiteral("not installable on the target: %1").arg(missing.join(QStringLiteral(", ")));
            if (!notAllowed.isEmpty())
                parts << QStringLiteral("not in the target's azure.extensions allow-list: %1").arg(notAllowed.join(QStringLiteral(", ")));
            c.detail = QStringLiteral("Extensions used by %1 are %2.").arg(D, parts.join(QStringLiteral("; ")));
            c.fix = notAllowed.isEmpty() ? QStringLiteral("Install the extension packages on the target server.")
                                         : QStringLiteral("Add them to the target's azure.extensions server parameter (and shared_preload_libraries where needed).");
            c.objects = missing + notAllowed;
        } else {
            b.pass(QStringLiteral("db.extensions-on-target"), QStringLiteral("target"), QStringLiteral("%1 extension(s), all available").arg(db.extensions.size()), D);
        }
    }

    if (in.backend == BackendKind::Service) {
        QStringList bad;
        for (const auto &e : db.extensions)
            if (kServiceUnsupportedExtensions.contains(e.name.toLower()))
                bad << e.name;
        if (!bad.isEmpty()) {
            auto &c = b.add(QStringLiteral("db.extensions-unsupported"), Severity::Error, S, D);
            c.detail = QStringLiteral("The Azure migration service does not migrate %1 (603405).").arg(bad.join(QStringLiteral(", ")));
            c.fix = QStringLiteral("Use the direct backend for this database, or remove the extension.");
            c.objects = bad;
        } else {
            b.pass(QStringLiteral("db.extensions-unsupported"), S, QStringLiteral("none"), D);
        }
    }

    if (db.sequences > 0) {
        auto &c = b.add(QStringLiteral("db.sequences"), Severity::Info, S, D);
        c.detail = QStringLiteral("%1 sequence(s). Logical replication does not carry sequence values; FlexMigrate sets them on the target at cutover.").arg(db.sequences);
    } else {
        b.pass(QStringLiteral("db.sequences"), S, QStringLiteral("none"), D);
    }

    if (in.backend == BackendKind::Dms) {
        if (db.enumTypes > 0) {
            auto &c = b.add(QStringLiteral("db.enum-types"), Severity::Warning, S, D);
            c.detail = QStringLiteral("%1 enum type(s); Azure DMS online sync fails on enum columns during change capture.").arg(db.enumTypes);
            c.fix = QStringLiteral("Use the migration service or the direct backend for this database.");
        } else {
            b.pass(QStringLiteral("db.enum-types"), S, QStringLiteral("none"), D);
        }
    }

    int partitioned = 0;
    for (const auto &t : db.tables)
        partitioned += t.relkind == QLatin1Char('p') ? 1 : 0;
    if (partitioned > 0) {
        auto &c = b.add(QStringLiteral("db.partitioned-tables"), in.backend == BackendKind::Dms ? Severity::Warning : Severity::Info, S, D);
        c.detail = in.backend == BackendKind::Dms
                       ? QStringLiteral("%1 partitioned table(s); Azure DMS does not support partitioned tables.").arg(partitioned)
                       : QStringLiteral("%1 partitioned table(s); their partitions are copied and replicated one by one.").arg(partitioned);
    } else {
        b.pass(QStringLiteral("db.partitioned-tables"), S, QStringLiteral("none"), D);
    }

    if (in.backend == BackendKind::Service) {
        if (db.userCasts > 0) {
            auto &c = b.add(QStringLiteral("db.user-casts"), Severity::Warning, S, D);
            c.detail = QStringLiteral("%1 user-defined cast(s); the Azure service does not migrate them (603409).").arg(db.userCasts);
            c.fix = QStringLiteral("Recreate the casts on the target after the migration.");
        } else {
            b.pass(QStringLiteral("db.user-casts"), S, QStringLiteral("none"), D);
        }
        if (db.userCollations > 0) {
            auto &c = b.add(QStringLiteral("db.user-collations"), Severity::Warning, S, D);
            c.detail = QStringLiteral("%1 user-defined collation(s); the Azure service does not migrate them (603403).").arg(db.userCollations);
            c.fix = QStringLiteral("Create the collations on the target before the migration.");
        } else {
            b.pass(QStringLiteral("db.user-collations"), S, QStringLiteral("none"), D);
        }
    }
}

} // namespace

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Passed: return QStringLiteral("passed");
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

QString backendName(BackendKind b)
{
    switch (b) {
    case BackendKind::Service: return QStringLiteral("service");
    case BackendKind::Dms: return QStringLiteral("dms");
    case BackendKind::Direct: return QStringLiteral("direct");
    }
    return QStringLiteral("direct");
}

int PreflightReport::count(Severity s) const
{
    int n = 0;
    for (const auto &c : checks)
        n += c.severity == s ? 1 : 0;
    return n;
}

QList<CheckResult> PreflightReport::withId(const QString &id) const
{
    QList<CheckResult> out;
    for (const auto &c : checks)
        if (c.id == id)
            out << c;
    return out;
}

QStringList defaultSelection(const ServerInfo &source)
{
    // Every user database, except an empty "postgres": it exists on every server
    // and migrating it would only trip the "exists on target" check.
    QStringList out;
    for (const auto &d : source.databases) {
        if (d.name == QLatin1String("postgres") && d.inspected && d.tables.isEmpty() && d.largeObjects == 0)
            continue;
        out << d.name;
    }
    return out;
}

PreflightReport runPreflight(const PreflightInput &in)
{
    Builder b;
    PreflightReport report;
    if (!in.source)
        return report;
    const ServerInfo &src = *in.source;

    QStringList selected = in.databases;
    if (selected.isEmpty())
        selected = defaultSelection(src);
    selected.removeDuplicates();

    // Selection
    const bool azure = in.backend != BackendKind::Direct;
    if (selected.isEmpty()) {
        auto &c = b.add(QStringLiteral("selection.database-count"), Severity::Error, QString());
        c.detail = QStringLiteral("No database is selected.");
        c.fix = QStringLiteral("Select at least one database.");
    } else if (azure && selected.size() > kMaxDatabasesPerAzureMigration) {
        auto &c = b.add(QStringLiteral("selection.database-count"), Severity::Error, QString());
        c.detail = QStringLiteral("%1 databases are selected; an Azure migration takes at most %2.").arg(selected.size()).arg(kMaxDatabasesPerAzureMigration);
        c.fix = QStringLiteral("Select at most eight, or split the selection into several migrations (FlexMigrate numbers them and runs them one after another).");
        c.objects = selected;
    } else {
        b.pass(QStringLiteral("selection.database-count"), QString(),
               QStringLiteral("%1 database(s)%2").arg(selected.size()).arg(azure ? QStringLiteral(" of at most 8") : QString()));
    }

    QStringList system, missing, present, existingOnTarget;
    for (const auto &name : selected) {
        if (kSystemDatabases.contains(name))
            system << name;
        else if (!src.database(name))
            missing << name;
        else
            present << name;
        if (in.target && in.target->database(name))
            existingOnTarget << name;
    }
    if (!system.isEmpty()) {
        auto &c = b.add(QStringLiteral("selection.system-database"), Severity::Error, QString());
        c.detail = QStringLiteral("%1 %2 system database(s); only user databases migrate.").arg(system.join(QStringLiteral(", ")), system.size() == 1 ? QStringLiteral("is a") : QStringLiteral("are"));
        c.fix = QStringLiteral("Remove them from the selection.");
        c.objects = system;
    } else {
        b.pass(QStringLiteral("selection.system-database"), QString(), QStringLiteral("user databases only"));
    }
    if (!missing.isEmpty()) {
        auto &c = b.add(QStringLiteral("selection.database-missing"), Severity::Error, QStringLiteral("source"));
        QStringList names;
        for (const auto &d : src.databases)
            names << d.name;
        c.detail = QStringLiteral("Not on the source: %1. The source has: %2.").arg(missing.join(QStringLiteral(", ")), names.join(QStringLiteral(", ")));
        c.fix = QStringLiteral("Check the spelling (names are case-sensitive).");
        c.objects = missing;
    } else {
        b.pass(QStringLiteral("selection.database-missing"), QStringLiteral("source"), QStringLiteral("all present"));
    }
    if (in.target) {
        existingOnTarget.removeIf([&](const QString &n) { return kSystemDatabases.contains(n); });
        if (!existingOnTarget.isEmpty()) {
            auto &c = b.add(QStringLiteral("selection.database-exists-on-target"), Severity::Warning, QStringLiteral("target"));
            c.detail = QStringLiteral("Already on the target: %1. Migrating overwrites them (Azure 603101).").arg(existingOnTarget.join(QStringLiteral(", ")));
            c.fix = QStringLiteral("Confirm the overwrite explicitly (--overwrite / the wizard's confirmation), or drop or rename them on the target.");
            c.objects = existingOnTarget;
        } else {
            b.pass(QStringLiteral("selection.database-exists-on-target"), QStringLiteral("target"), QStringLiteral("none exists yet"));
        }
    }

    serverChecks(b, in, src, int(present.size()));
    if (in.target)
        targetChecks(b, in, src, *in.target, present);
    for (const auto &name : present)
        databaseChecks(b, in, *src.database(name), in.target);

    report.checks = b.checks;
    return report;
}

QList<QPair<QString, QString>> checkCatalogue()
{
    QList<QPair<QString, QString>> out;
    for (const auto &d : kChecks)
        out << qMakePair(QString::fromLatin1(d.id), QString::fromUtf8(d.title));
    return out;
}

QJsonObject toJson(const CheckResult &c)
{
    QJsonObject o;
    o[QStringLiteral("id")] = c.id;
    o[QStringLiteral("severity")] = severityName(c.severity);
    o[QStringLiteral("title")] = c.title;
    o[QStringLiteral("detail")] = c.detail;
    if (!c.fix.isEmpty())
        o[QStringLiteral("fix")] = c.fix;
    if (!c.fixSql.isEmpty())
        o[QStringLiteral("fixSql")] = QJsonArray::fromStringList(c.fixSql);
    if (!c.server.isEmpty())
        o[QStringLiteral("server")] = c.server;
    if (!c.database.isEmpty())
        o[QStringLiteral("database")] = c.database;
    if (!c.objects.isEmpty())
        o[QStringLiteral("objects")] = QJsonArray::fromStringList(c.objects);
    return o;
}

QJsonObject toJson(const PreflightReport &r)
{
    QJsonArray checks;
    for (const auto &c : r.checks)
        checks.append(toJson(c));
    QJsonObject summary{{QStringLiteral("errors"), r.count(Severity::Error)},
                        {QStringLiteral("warnings"), r.count(Severity::Warning)},
                        {QStringLiteral("info"), r.count(Severity::Info)},
                        {QStringLiteral("passed"), r.count(Severity::Passed)},
                        {QStringLiteral("canRun"), r.canRun()}};
    return QJsonObject{{QStringLiteral("summary"), summary}, {QStringLiteral("checks"), checks}};
}

} // namespace fm::pg
