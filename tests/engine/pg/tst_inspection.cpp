// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Inspection and every pre-flight check against real clusters: one database
// built to trip each per-database check, one that passes them all, and
// clusters configured to trip the server-level checks.
#include "engine/pg/connection.h"
#include "engine/pg/inspection.h"
#include "engine/pg/preflight.h"
#include "tests/support/testutil.h"
#include "tests/support/pgcluster.h"

#include <QTest>
#include <QThread>

using namespace fm;
using namespace fm::pg;

namespace {

const char *kTripsSql = R"SQL(
CREATE EXTENSION hstore;
CREATE EXTENSION postgres_fdw;
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."NoKey" (a int, b text);                        -- no primary key
CREATE TABLE keyed (id int PRIMARY KEY, v text);
CREATE TABLE full_ident (a int); ALTER TABLE full_ident REPLICA IDENTITY FULL;  -- usable without a key
CREATE TABLE nothing_ident (id int PRIMARY KEY); ALTER TABLE nothing_ident REPLICA IDENTITY NOTHING;
CREATE UNLOGGED TABLE scratch (id int PRIMARY KEY);
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one;
SELECT lo_from_bytea(0, '\x0102'::bytea);
CREATE SERVER other FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', dbname 'x');
CREATE FOREIGN TABLE remote_t (id int) SERVER other;
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE CAST (integer AS mood) WITH INOUT;
CREATE COLLATION my_c (locale = 'C');
CREATE SEQUENCE counter;
CREATE TABLE parted (id int, k int, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100);
CREATE TABLE secret_stuff (id int PRIMARY KEY);
INSERT INTO keyed SELECT g, 'v' || g FROM generate_series(1, 500) g;
)SQL";

const char *kCleanSql = R"SQL(
CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE tags (item_id bigint REFERENCES items(id), tag text, PRIMARY KEY (item_id, tag));
INSERT INTO items (name) SELECT 'item ' || g FROM generate_series(1, 1000) g;
)SQL";

const CheckResult *find(const PreflightReport &r, const QString &id, const QString &db = {})
{
    for (const auto &c : r.checks)
        if (c.id == id && (db.isEmpty() || c.database == db))
            return &c;
    return nullptr;
}


} // namespace

class TestInspection : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("src"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("tgt"); return o; }()};
    ServerInfo m_src;
    ServerInfo m_tgt;

private slots:
    void initTestCase()
    {
        REQUIRE_OK(m_source.start());
        REQUIRE_OK(m_target.start());
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("trips")));
        REQUIRE_OK(m_source.execute(QStringLiteral("trips"), QString::fromUtf8(kTripsSql)));
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("clean")));
        REQUIRE_OK(m_source.execute(QStringLiteral("clean"), QString::fromUtf8(kCleanSql)));
        REQUIRE_OK(m_target.createDatabase(QStringLiteral("trips"))); // exists on target already
        auto s = inspectServer(m_source.params(), {});
        REQUIRE_OK(s);
        m_src = *s;
        InspectOptions targetOptions;
        targetOptions.details = false;
        auto t = inspectServer(m_target.params(), targetOptions);
        REQUIRE_OK(t);
        m_tgt = *t;
    }

    void serverFacts()
    {
        QCOMPARE(m_src.majorVersion(), m_source.majorVersion());
        QCOMPARE(m_src.walLevel, QStringLiteral("logical"));
        QCOMPARE(m_src.maxReplicationSlots, 20);
        QVERIFY(m_src.isSuperuser);
        QCOMPARE(m_src.currentUser, QStringLiteral("postgres"));
        QVERIFY(m_src.availableExtensions.contains(QStringLiteral("hstore")));
        QVERIFY(m_src.azureReplicationSupport.isEmpty());
        QStringList names;
        for (const auto &d : m_src.databases)
            names << d.name;
        QCOMPARE(names, (QStringList{QStringLiteral("clean"), QStringLiteral("postgres"), QStringLiteral("trips")})); // no templates
    }

    void databaseFacts()
    {
        const DatabaseInfo *trips = m_src.database(QStringLiteral("trips"));
        QVERIFY(trips && trips->inspected);
        QVERIFY(trips->sizeBytes > 1000000);
        QCOMPARE(trips->largeObjects, 1);
        QCOMPARE(trips->foreignTables, 1);
        QCOMPARE(trips->enumTypes, 1);
        QCOMPARE(trips->userCollations, 1);
        QCOMPARE(trips->userCasts, 1);
        QVERIFY(trips->sequences >= 1);
        QCOMPARE(trips->materializedViews, QStringList{QStringLiteral("\"public\".\"mv\"")});
        QStringList ext;
        for (const auto &e : trips->extensions)
            ext << e.name;
        QVERIFY(ext.contains(QStringLiteral("hstore")) && ext.contains(QStringLiteral("postgres_fdw")));
        const DatabaseInfo *clean = m_src.database(QStringLiteral("clean"));
        QCOMPARE(clean->tableCount(), 2);
        QVERIFY2(clean->estimatedRows() >= 1000, qPrintable(QString::number(clean->estimatedRows())));
    }

    void tripsDatabaseTripsEveryPerDatabaseCheck()
    {
        PreflightInput in{&m_src, &m_tgt, {QStringLiteral("trips"), QStringLiteral("clean")}, BackendKind::Service};
        const auto r = runPreflight(in);
        const QString D = QStringLiteral("trips");

        auto ri = find(r, QStringLiteral("db.replica-identity"), D);
        QVERIFY(ri);
        QCOMPARE(ri->severity, Severity::Warning);
        QCOMPARE(ri->objects, (QStringList{QStringLiteral("\"Sales\".\"NoKey\""), QStringLiteral("\"public\".\"nothing_ident\"")}));
        QVERIFY(ri->fixSql.contains(QStringLiteral("ALTER TABLE \"Sales\".\"NoKey\" REPLICA IDENTITY FULL;")));

        QCOMPARE(find(r, QStringLiteral("db.large-objects"), D)->severity, Severity::Warning);
        auto unlogged = find(r, QStringLiteral("db.unlogged-tables"), D);
        QCOMPARE(unlogged->severity, Severity::Warning);
        QCOMPARE(unlogged->fixSql, QStringList{QStringLiteral("ALTER TABLE \"public\".\"scratch\" SET LOGGED;")});
        QCOMPARE(find(r, QStringLiteral("db.materialized-views"), D)->severity, Severity::Info);
        QCOMPARE(find(r, QStringLiteral("db.foreign-tables"), D)->severity, Severity::Warning);
        QCOMPARE(find(r, QStringLiteral("db.sequences"), D)->severity, Severity::Info);
        QCOMPARE(find(r, QStringLiteral("db.partitioned-tables"), D)->severity, Severity::Info);
        QCOMPARE(find(r, QStringLiteral("db.user-casts"), D)->severity, Severity::Warning);
        QCOMPARE(find(r, QStringLiteral("db.user-collations"), D)->severity, Severity::Warning);
        QCOMPARE(find(r, QStringLiteral("db.extensions-on-target"), D)->severity, Severity::Passed); // same binaries
        auto exists = find(r, QStringLiteral("selection.database-exists-on-target"));
        QCOMPARE(exists->severity, Severity::Warning);
        QCOMPARE(exists->objects, QStringList{QStringLiteral("trips")});

        // The clean database passes every per-database check.
        for (const auto &c : r.checks)
            if (c.database == QLatin1String("clean"))
                QVERIFY2(c.severity == Severity::Passed || c.id == QLatin1String("db.sequences"), qPrintable(c.id + QLatin1String(": ") + c.detail));

        // An extension the target cannot install (simulated: both clusters share one installation).
        ServerInfo tgt = m_tgt;
        tgt.availableExtensions.remove(QStringLiteral("hstore"));
        PreflightInput in2{&m_src, &tgt, {D}, BackendKind::Direct};
        auto ext = find(runPreflight(in2), QStringLiteral("db.extensions-on-target"), D);
        QCOMPARE(ext->severity, Severity::Error);
        QVERIFY(ext->objects.value(0).startsWith(QLatin1String("hstore")));
    }

    void unreadableTablesAndConnectPrivileges()
    {
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE migrator LOGIN PASSWORD 'Migr-Pass-1' REPLICATION")));
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("locked")));
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QStringLiteral("REVOKE CONNECT ON DATABASE locked FROM PUBLIC")));
        REQUIRE_OK(m_source.execute(QStringLiteral("trips"), QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO migrator; "
                                                                            "REVOKE SELECT ON secret_stuff FROM migrator; GRANT USAGE ON SCHEMA \"Sales\" TO migrator;")));
        ConnectionParams p = m_source.params();
        p.user = QStringLiteral("migrator");
        p.password = Secret(QStringLiteral("Migr-Pass-1"));
        auto s = inspectServer(p, {});
        REQUIRE_OK(s);
        QVERIFY(!s->isSuperuser);
        QVERIFY(s->hasReplication);
        const auto r = runPreflight({&*s, nullptr, {QStringLiteral("trips"), QStringLiteral("locked")}, BackendKind::Direct});
        auto unreadable = find(r, QStringLiteral("db.unreadable-tables"), QStringLiteral("trips"));
        QCOMPARE(unreadable->severity, Severity::Error);
        QVERIFY(unreadable->objects.contains(QStringLiteral("\"public\".\"secret_stuff\"")));
        QVERIFY(unreadable->objects.contains(QStringLiteral("\"Sales\".\"NoKey\"")));
        QVERIFY(unreadable->fixSql.contains(QStringLiteral("GRANT SELECT ON \"public\".\"secret_stuff\" TO CURRENT_USER;")));
        auto locked = find(r, QStringLiteral("db.connect"), QStringLiteral("locked"));
        QCOMPARE(locked->severity, Severity::Error);
        QVERIFY(locked->fixSql.value(0).contains(QLatin1String("GRANT CONNECT ON DATABASE \"locked\"")));
        QCOMPARE(find(r, QStringLiteral("source.replication-privilege"))->severity, Severity::Passed);
    }

    void roleWithoutReplicationOrWrites()
    {
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"),
                                    QStringLiteral("CREATE ROLE reader LOGIN PASSWORD 'Reader-Pass-1'; ALTER ROLE reader SET default_transaction_read_only = on;")));
        ConnectionParams p = m_source.params();
        p.user = QStringLiteral("reader");
        p.password = Secret(QStringLiteral("Reader-Pass-1"));
        auto s = inspectServer(p, {});
        REQUIRE_OK(s);
        const auto r = runPreflight({&*s, nullptr, {QStringLiteral("clean")}, BackendKind::Direct});
        auto repl = find(r, QStringLiteral("source.replication-privilege"));
        QCOMPARE(repl->severity, Severity::Error);
        QCOMPARE(repl->fixSql, QStringList{QStringLiteral("ALTER ROLE \"reader\" WITH REPLICATION;")});
        QCOMPARE(find(r, QStringLiteral("source.read-only"))->severity, Severity::Error);
        QVERIFY(!r.canRun());

        // The same role on the target cannot create databases and cannot subscribe.
        REQUIRE_OK(m_target.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE reader LOGIN PASSWORD 'Reader-Pass-1';")));
        ConnectionParams tp = m_target.params();
        tp.user = QStringLiteral("reader");
        tp.password = Secret(QStringLiteral("Reader-Pass-1"));
        InspectOptions o;
        o.details = false;
        auto t = inspectServer(tp, o);
        REQUIRE_OK(t);
        const auto r2 = runPreflight({&m_src, &*t, {QStringLiteral("clean")}, BackendKind::Direct});
        QCOMPARE(find(r2, QStringLiteral("target.create-database"))->severity, Severity::Error);
        auto sub = find(r2, QStringLiteral("target.subscription"));
        QCOMPARE(sub->severity, Severity::Info);
        QVERIFY(sub->detail.contains(QLatin1String("client-side decoding")));
    }

    void slotsSendersAndLongTransactions()
    {
        test::PgClusterOptions o;
        o.name = QStringLiteral("tight");
        o.maxReplicationSlots = 2;
        o.maxWalSenders = 1;
        test::PgCluster tight(o);
        REQUIRE_OK(tight.start());
        REQUIRE_OK(tight.createDatabase(QStringLiteral("app")));
        REQUIRE_OK(tight.execute(QStringLiteral("postgres"), QStringLiteral("SELECT pg_create_logical_replication_slot('old_a', 'test_decoding');"
                                                                           " SELECT pg_create_logical_replication_slot('old_b', 'wal2json');")));
        // A transaction that stays open while we inspect.
        auto holder = Connection::open(tight.params(QStringLiteral("app")));
        QVERIFY(holder);
        QVERIFY(holder->execScript(QStringLiteral("BEGIN; SELECT txid_current();")));
        QThread::msleep(1500);
        InspectOptions io;
        io.longTransactionSeconds = 1;
        auto s = inspectServer(tight.params(), io);
        REQUIRE_OK(s);
        QCOMPARE(s->slotsUsed, 2);
        const auto r = runPreflight({&*s, nullptr, {QStringLiteral("app")}, BackendKind::Direct});
        auto slotsCheck = find(r, QStringLiteral("source.replication-slots"));
        QCOMPARE(slotsCheck->severity, Severity::Error);
        QVERIFY(slotsCheck->detail.contains(QLatin1String("max_replication_slots is 2 with 2 in use")));
        auto inactive = find(r, QStringLiteral("source.inactive-slots"));
        QCOMPARE(inactive->severity, Severity::Warning);
        QCOMPARE(inactive->fixSql, (QStringList{QStringLiteral("SELECT pg_drop_replication_slot('old_a');"), QStringLiteral("SELECT pg_drop_replication_slot('old_b');")}));
        QCOMPARE(find(r, QStringLiteral("source.wal-senders"))->severity, Severity::Warning); // 1 < 2 slots
        auto longTx = find(r, QStringLiteral("source.long-running-transactions"));
        QCOMPARE(longTx->severity, Severity::Warning);
        auto pid = holder->exec(QStringLiteral("SELECT pg_backend_pid()::text AS pid"));
        QVERIFY(longTx->fixSql.contains(QStringLiteral("SELECT pg_terminate_backend(%1);").arg(pid->text(0, "pid"))));

        // Applying the suggested fixes clears the slot checks.
        REQUIRE_OK(tight.execute(QStringLiteral("postgres"), inactive->fixSql.join(QLatin1Char(' '))));
        auto again = inspectServer(tight.params(), io);
        REQUIRE_OK(again);
        const auto r2 = runPreflight({&*again, nullptr, {QStringLiteral("app")}, BackendKind::Direct});
        QCOMPARE(find(r2, QStringLiteral("source.replication-slots"))->severity, Severity::Passed);
        QCOMPARE(find(r2, QStringLiteral("source.inactive-slots"))->severity, Severity::Passed);
    }

    void walLevelReplicaIsAnError()
    {
        test::PgClusterOptions o;
        o.name = QStringLiteral("replica");
        o.walLevel = QStringLiteral("replica");
        test::PgCluster c(o);
        REQUIRE_OK(c.start());
        auto s = inspectServer(c.params(), {});
        REQUIRE_OK(s);
        const auto r = runPreflight({&*s, nullptr, {}, BackendKind::Direct});
        auto w = find(r, QStringLiteral("source.wal-level"));
        QCOMPARE(w->severity, Severity::Error);
        QVERIFY(w->detail.contains(QLatin1String("replica")));
        QCOMPARE(w->fixSql.value(0), QStringLiteral("ALTER SYSTEM SET wal_level = logical;  -- then restart the server"));
        QVERIFY(!r.canRun());
    }

    void selectionChecks()
    {
        const auto r = runPreflight({&m_src, &m_tgt, {QStringLiteral("clean"), QStringLiteral("nope"), QStringLiteral("azure_sys")}, BackendKind::Direct});
        auto missing = find(r, QStringLiteral("selection.database-missing"));
        QCOMPARE(missing->severity, Severity::Error);
        QCOMPARE(missing->objects, QStringList{QStringLiteral("nope")});
        QVERIFY(missing->detail.contains(QLatin1String("clean, postgres, trips")));
        auto system = find(r, QStringLiteral("selection.system-database"));
        QCOMPARE(system->severity, Severity::Error);
        QCOMPARE(system->objects, QStringList{QStringLiteral("azure_sys")});
    }

    void cancellingInspectionIsQuick()
    {
        CancelToken token;
        token.cancel();
        auto s = inspectServer(m_source.params(), {}, &token);
        QVERIFY(!s);
        QVERIFY(s.error().isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
