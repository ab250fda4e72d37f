// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Pre-flight logic on hand-built inspections: cases a local machine cannot
// produce for real (an older target major version, Azure allow-lists, PostGIS).
// tst_inspection runs the same checks against real clusters.
#include "engine/pg/preflight.h"
#include "tests/support/testutil.h"

#include <QTest>

using namespace fm;
using namespace fm::pg;

namespace {
ServerInfo healthyServer(int versionNum)
{
    ServerInfo s;
    s.version = QStringLiteral("%1.2").arg(versionNum / 10000);
    s.versionNum = versionNum;
    s.walLevel = QStringLiteral("logical");
    s.maxReplicationSlots = 10;
    s.maxWalSenders = 10;
    s.maxLogicalReplicationWorkers = 4;
    s.maxWorkerProcesses = 8;
    s.currentUser = QStringLiteral("admin");
    s.isSuperuser = true;
    s.hasReplication = true;
    s.availableExtensions = {{QStringLiteral("plpgsql"), QStringLiteral("1.0")}, {QStringLiteral("hstore"), QStringLiteral("1.8")}};
    return s;
}

DatabaseInfo db(const QString &name)
{
    DatabaseInfo d;
    d.name = name;
    d.inspected = true;
    TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = QStringLiteral("t");
    t.relkind = QLatin1Char('r');
    t.persistence = QLatin1Char('p');
    t.replident = QLatin1Char('d');
    t.hasPrimaryKey = true;
    d.tables << t;
    return d;
}

Severity severityOf(const PreflightReport &r, const QString &id, const QString &database = {})
{
    for (const auto &c : r.checks)
        if (c.id == id && (database.isEmpty() || c.database == database))
            return c.severity;
    return Severity(-1);
}
} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT
private slots:
    void healthyPairPassesEverything()
    {
        ServerInfo src = healthyServer(150004), tgt = healthyServer(160002);
        src.databases << db(QStringLiteral("app"));
        PreflightInput in{&src, &tgt, {QStringLiteral("app")}, BackendKind::Direct};
        const auto r = runPreflight(in);
        QVERIFY(r.canRun());
        QCOMPARE(r.count(Severity::Warning), 0);
        QCOMPARE(severityOf(r, QStringLiteral("target.version")), Severity::Info); // 15 -> 16 is an upgrade, said as info
        // Every check id used is in the catalogue, so docs can list them.
        QStringList ids;
        for (const auto &[id, title] : checkCatalogue())
            ids << id;
        for (const auto &c : r.checks)
            QVERIFY2(ids.contains(c.id), qPrintable(c.id));
    }

    void targetVersionLowerIsAnError()
    {
        ServerInfo src = healthyServer(150004), tgt = healthyServer(140009);
        src.databases << db(QStringLiteral("app"));
        const auto r = runPreflight({&src, &tgt, {QStringLiteral("app")}, BackendKind::Service});
        QVERIFY(!r.canRun());
        const auto c = r.withId(QStringLiteral("target.version")).value(0);
        QCOMPARE(c.severity, Severity::Error);
        QVERIFY2(c.detail.contains(QLatin1String("14.2")) && c.detail.contains(QLatin1String("15.2")), qPrintable(c.detail));
        QVERIFY(c.fix.contains(QLatin1String("15")));
        // Old numbering (9.6 -> 96xxx) compares by major too.
        ServerInfo old = healthyServer(90624);
        old.databases << db(QStringLiteral("app"));
        ServerInfo same = healthyServer(90624);
        QCOMPARE(severityOf(runPreflight({&old, &same, {QStringLiteral("app")}, BackendKind::Service}), QStringLiteral("target.version")), Severity::Passed);
    }

    void databaseCountDependsOnBackend_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("backend");
        QTest::addColumn<int>("severity");
        QTest::newRow("8 service") << 8 << int(BackendKind::Service) << int(Severity::Passed);
        QTest::newRow("9 service") << 9 << int(BackendKind::Service) << int(Severity::Error);
        QTest::newRow("9 dms") << 9 << int(BackendKind::Dms) << int(Severity::Error);
        QTest::newRow("9 direct") << 9 << int(BackendKind::Direct) << int(Severity::Passed);
        QTest::newRow("0 direct") << 0 << int(BackendKind::Direct) << int(Severity::Error);
    }
    void databaseCountDependsOnBackend()
    {
        QFETCH(int, count);
        QFETCH(int, backend);
        QFETCH(int, severity);
        ServerInfo src = healthyServer(150004);
        src.maxReplicationSlots = src.maxWalSenders = 20;
        QStringList names;
        for (int i = 0; i < count; ++i) {
            src.databases << db(QStringLiteral("db%1").arg(i));
            names << QStringLiteral("db%1").arg(i);
        }
        PreflightInput in{&src, nullptr, names, BackendKind(backend)};
        if (count == 0) {
            src.databases.clear();
            in.databases = {};
        }
        const auto r = runPreflight(in);
        QCOMPARE(int(severityOf(r, QStringLiteral("selection.database-count"))), severity);
    }

    void azureSingleServerWalLevelFix()
    {
        ServerInfo src = healthyServer(110012);
        src.walLevel = QStringLiteral("replica");
        src.azureReplicationSupport = QStringLiteral("REPLICA");
        src.databases << db(QStringLiteral("app"));
        auto r = runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Service});
        auto c = r.withId(QStringLiteral("source.wal-level")).value(0);
        QCOMPARE(c.severity, Severity::Error);
        QVERIFY2(c.fix.contains(QLatin1String("azure.replication_support")), qPrintable(c.fix));
        // When the service is asked to set it up, it is a warning about the restart.
        PreflightInput in{&src, nullptr, {QStringLiteral("app")}, BackendKind::Service, true};
        r = runPreflight(in);
        c = r.withId(QStringLiteral("source.wal-level")).value(0);
        QCOMPARE(c.severity, Severity::Warning);
        QVERIFY(c.fix.contains(QLatin1String("restart")));
    }

    void restrictedOutputPlugins()
    {
        ServerInfo src = healthyServer(150020);
        src.isSuperuser = false;
        src.databases << db(QStringLiteral("app"));
        src.outputPluginLibraries = QStringLiteral("test_decoding");
        auto r = runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Direct});
        auto c = r.withId(QStringLiteral("source.output-plugins")).value(0);
        QCOMPARE(c.severity, Severity::Error);
        QVERIFY(c.fixSql.value(0).contains(QLatin1String("test_decoding, pgoutput")));
        src.outputPluginLibraries = QStringLiteral("pgoutput, test_decoding");
        r = runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Direct});
        QCOMPARE(r.withId(QStringLiteral("source.output-plugins")).value(0).severity, Severity::Passed);
    }

    void standbySourceIsRefusedBefore16()
    {
        ServerInfo src = healthyServer(150004);
        src.inRecovery = true;
        src.databases << db(QStringLiteral("app"));
        QCOMPARE(severityOf(runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Direct}), QStringLiteral("source.in-recovery")), Severity::Error);
        ServerInfo src16 = healthyServer(160001);
        src16.inRecovery = true;
        src16.databases << db(QStringLiteral("app"));
        QCOMPARE(severityOf(runPreflight({&src16, nullptr, {QStringLiteral("app")}, BackendKind::Direct}), QStringLiteral("source.in-recovery")), Severity::Passed);
    }

    void extensionsOnTargetAndAllowList()
    {
        ServerInfo src = healthyServer(150004), tgt = healthyServer(150004);
        DatabaseInfo d = db(QStringLiteral("app"));
        d.extensions << ExtensionInfo{QStringLiteral("plpgsql"), QStringLiteral("1.0"), QStringLiteral("pg_catalog")}
                     << ExtensionInfo{QStringLiteral("hstore"), QStringLiteral("1.8"), QStringLiteral("public")}
                     << ExtensionInfo{QStringLiteral("postgis"), QStringLiteral("3.3"), QStringLiteral("public")};
        src.databases << d;
        auto r = runPreflight({&src, &tgt, {QStringLiteral("app")}, BackendKind::Service});
        auto c = r.withId(QStringLiteral("db.extensions-on-target")).value(0);
        QCOMPARE(c.severity, Severity::Error);
        QCOMPARE(c.objects, QStringList{QStringLiteral("postgis 3.3")});
        auto u = r.withId(QStringLiteral("db.extensions-unsupported")).value(0);
        QCOMPARE(u.severity, Severity::Error);
        QCOMPARE(u.objects, QStringList{QStringLiteral("postgis")});

        // Azure Flexible Server: installable but not allow-listed.
        tgt.availableExtensions.insert(QStringLiteral("postgis"), QStringLiteral("3.3"));
        tgt.azureExtensions = QStringLiteral("POSTGIS,pg_trgm");
        r = runPreflight({&src, &tgt, {QStringLiteral("app")}, BackendKind::Direct});
        c = r.withId(QStringLiteral("db.extensions-on-target")).value(0);
        QCOMPARE(c.severity, Severity::Error);
        QVERIFY2(c.detail.contains(QLatin1String("allow-list")) && c.detail.contains(QLatin1String("hstore")), qPrintable(c.detail));
        QVERIFY(!c.objects.contains(QStringLiteral("postgis")));
        QVERIFY(r.withId(QStringLiteral("db.extensions-unsupported")).isEmpty()); // a service-only check
    }

    void dmsIsStricter()
    {
        ServerInfo src = healthyServer(150004);
        DatabaseInfo d = db(QStringLiteral("app"));
        d.tables[0].hasPrimaryKey = false;
        d.enumTypes = 2;
        TableInfo parent = d.tables[0];
        parent.name = QStringLiteral("p");
        parent.relkind = QLatin1Char('p');
        d.tables << parent;
        src.databases << d;
        const auto dms = runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Dms});
        QCOMPARE(severityOf(dms, QStringLiteral("db.replica-identity")), Severity::Error);
        QCOMPARE(severityOf(dms, QStringLiteral("db.enum-types")), Severity::Warning);
        QCOMPARE(severityOf(dms, QStringLiteral("db.partitioned-tables")), Severity::Warning);
        const auto direct = runPreflight({&src, nullptr, {QStringLiteral("app")}, BackendKind::Direct});
        QCOMPARE(severityOf(direct, QStringLiteral("db.replica-identity")), Severity::Warning);
        QVERIFY(direct.withId(QStringLiteral("db.enum-types")).isEmpty());
        QCOMPARE(severityOf(direct, QStringLiteral("db.partitioned-tables")), Severity::Info);
        // The partitioned parent itself holds no rows: only the leaf is reported.
        QCOMPARE(direct.withId(QStringLiteral("db.replica-identity")).value(0).objects, QStringList{QStringLiteral("\"public\".\"t\"")});
    }

    void defaultSelectionSkipsEmptyPostgres()
    {
        ServerInfo src = healthyServer(150004);
        DatabaseInfo postgres = db(QStringLiteral("postgres"));
        postgres.tables.clear();
        src.databases << postgres << db(QStringLiteral("app"));
        QCOMPARE(defaultSelection(src), QStringList{QStringLiteral("app")});
        src.databases[0].tables << db(QStringLiteral("x")).tables;
        QCOMPARE(defaultSelection(src), (QStringList{QStringLiteral("postgres"), QStringLiteral("app")}));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
