// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/jsonutil.h"
#include "engine/migration/armstatusmapper.h"
#include "engine/migration/dmsstatusmapper.h"

#include <QFile>
#include <QTest>

using namespace fm;
using namespace fm::migration;
using nlohmann::json;
using S = MigrationStatus;


namespace {
json load(const QString &name)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return *arm::jsonutil::parse(f.readAll(), name);
}
const QDateTime kNow(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

S fromArm(const QString &file)
{
    return statusFromArmMigration(*arm::parseMigration(load(QStringLiteral("arm/") + file)), kNow);
}
S fromDms(const QString &file)
{
    return statusFromDmsTask(*dms::parseProjectTask(load(QStringLiteral("dms/") + file)), kNow);
}
} // namespace

class TestMigrationStatus : public QObject
{
    Q_OBJECT
private slots:
    void fromArmSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("subState");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("databases");
        QTest::addColumn<int>("errors");
        QTest::newRow("2021 get") << "migration-get-2021.json" << "InProgress" << "Preparing" << "" << 4 << 0;
        QTest::newRow("2020 level=Default") << "migration-get-2020-level-default.json" << "InProgress" << "Preparing" << "" << 1 << 0;
        QTest::newRow("2024 onprem 201 (no substate)") << "migration-create-2024-onprem-response.json" << "InProgress" << "None" << "" << 1 << 0;
        QTest::newRow("2024 succeeded") << "migration-get-2024-succeeded.json" << "Succeeded" << "Completed" << "" << 1 << 0;
        QTest::newRow("2024 failed") << "migration-get-2024-failed.json" << "Failed" << "Completed" << "" << 1 << 1;
        QTest::newRow("2024 validation failed") << "migration-get-2024-validationfailed.json" << "ValidationFailed" << "Completed" << "" << 1 << 1;
        QTest::newRow("2024 waiting for cutover") << "migration-get-2024-waitingforcutover.json" << "WaitingForUser" << "ReadyForCutover" << "cutover" << 1 << 0;
        QTest::newRow("2024 canceled") << "migration-cancel-2024-response.json" << "Canceled" << "Completed" << "" << 4 << 0;
        QTest::newRow("unknown states") << "migration-get-unknown-states.json" << "Unknown" << "Unknown" << "" << 1 << 0;
    }
    void fromArmSamples()
    {
        QFETCH(QString, file);
        QFETCH(QString, state);
        QFETCH(QString, subState);
        QFETCH(QString, action);
        QFETCH(int, databases);
        QFETCH(int, errors);
        const S s = fromArm(file);
        QCOMPARE(s.backend, QStringLiteral("service"));
        QCOMPARE(toString(s.state), state);
        QCOMPARE(toString(s.subState), subState);
        QCOMPARE(s.requiredAction, action);
        QCOMPARE(s.databases.size(), databases);
        QCOMPARE(s.errors.size(), errors);
        QCOMPARE(s.observedAt, kNow);
    }

    void armDetails()
    {
        const S w = fromArm(QStringLiteral("migration-get-2024-waitingforcutover.json"));
        QVERIFY(w.isReadyForCutover());
        const auto *db = w.database(QStringLiteral("db1"));
        QVERIFY(db);
        QCOMPARE(toString(db->state), toString(S::ItemState::ReadyForCutover));
        QCOMPARE(db->tablesCompleted, std::optional<qint64>(12));
        QCOMPARE(db->counters.cdcInserts, std::optional<qint64>(40));
        QCOMPARE(db->counters.cdcUpdates, std::optional<qint64>(3));
        QCOMPARE(db->counters.cdcDeletes, std::optional<qint64>(1));
        QCOMPARE(db->lag.seconds, std::optional<qint64>(0));
        QCOMPARE(db->fullLoadFraction(), std::optional<double>(1.0));
        QCOMPARE(w.totals.appliedChanges, std::optional<qint64>(44));
        QVERIFY(!w.totals.fullLoadRows); // the service reports no row counts

        const S f = fromArm(QStringLiteral("migration-get-2024-failed.json"));
        QVERIFY(f.isTerminal());
        QCOMPARE(f.errors[0].database, QStringLiteral("testdb6"));
        QVERIFY(f.errors[0].message.contains(QLatin1String("User defined Collations")));
        QCOMPARE(toString(f.database(QStringLiteral("testdb6"))->state), toString(S::ItemState::Failed));

        const S v = fromArm(QStringLiteral("migration-get-2024-validationfailed.json"));
        QCOMPARE(v.errors[0].code, QStringLiteral("ExtensionsValidation"));
        QCOMPARE(v.errors[0].database, QStringLiteral("exampledatabase"));
        QVERIFY(v.errors[0].message.contains(QLatin1String("postgres_fdw")));

        const S u = fromArm(QStringLiteral("migration-get-unknown-states.json"));
        QCOMPARE(u.rawState, QStringLiteral("Hibernating"));
        QCOMPARE(u.rawSubState, QStringLiteral("WaitingForQuantumAlignment"));
        QCOMPARE(u.databases[0].rawState, QStringLiteral("Rebalancing"));
        QCOMPARE(toString(u.databases[0].state), toString(S::ItemState::Unknown));

        const S seed = fromArm(QStringLiteral("migration-get-2021.json"));
        QCOMPARE(toString(seed.databases[0].state), toString(S::ItemState::Preparing));
        QCOMPARE(seed.startedOn, QDateTime(QDate(2021, 5, 6), QTime(16, 5, 58, 895), Qt::UTC));
        QVERIFY(!seed.endedOn.isValid());
    }

    void waitingSubstatesNameTheAction_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("action");
        QTest::newRow("replication") << "WaitingForLogicalReplicationSetupRequestOnSourceDB" << "setup-replication";
        QTest::newRow("dbs") << "WaitingForDBsToMigrateSpecification" << "db-names";
        QTest::newRow("overwrite") << "WaitingForTargetDBOverwriteConfirmation" << "overwrite-dbs";
        QTest::newRow("schedule") << "WaitingForDataMigrationScheduling" << "start-data-migration";
        QTest::newRow("window") << "WaitingForDataMigrationWindow" << "start-data-migration";
    }
    void waitingSubstatesNameTheAction()
    {
        QFETCH(QString, raw);
        QFETCH(QString, action);
        json j = {{"name", "m"}, {"properties", {{"currentStatus", {{"state", "WaitingForUserAction"}, {"currentSubStateDetails", {{"currentSubState", raw.toStdString()}}}}}}}};
        const S s = statusFromArmMigration(*arm::parseMigration(j), kNow);
        QCOMPARE(toString(s.state), toString(S::State::WaitingForUser));
        QCOMPARE(toString(s.subState), toString(S::SubState::WaitingForInput));
        QCOMPARE(s.requiredAction, action);
    }

    void onlineMigratingDataBecomesReplicating()
    {
        json j = {{"name", "m"},
                  {"properties",
                   {{"migrationMode", "Online"},
                    {"currentStatus",
                     {{"state", "InProgress"},
                      {"currentSubStateDetails",
                       {{"currentSubState", "MigratingData"},
                        {"dbDetails", {{"a", {{"migrationState", "InProgress"}, {"fullLoadCompletedTables", 3}, {"fullLoadQueuedTables", 0}, {"latency", 4}}}}}}}}}}}};
        const S s = statusFromArmMigration(*arm::parseMigration(j), kNow);
        QCOMPARE(toString(s.subState), toString(S::SubState::Replicating));
        QCOMPARE(toString(s.databases[0].state), toString(S::ItemState::Replicating));
        QCOMPARE(s.lag.seconds, std::optional<qint64>(4));
    }

    void fromDmsSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("subState");
        QTest::addColumn<int>("databases");
        QTest::addColumn<int>("errors");
        QTest::newRow("doc sample (one db ready)") << "task-output-doc.json" << "WaitingForUser" << "ReadyForCutover" << 1 << 0;
        QTest::newRow("running, copying") << "task-get-running.json" << "InProgress" << "CopyingData" << 2 << 0;
        QTest::newRow("all ready") << "task-get-ready.json" << "WaitingForUser" << "ReadyForCutover" << 2 << 0;
        QTest::newRow("failed") << "task-get-failed.json" << "Failed" << "Completed" << 1 << 3;
        QTest::newRow("unknown") << "task-get-unknown.json" << "Unknown" << "Unknown" << 1 << 0;
    }
    void fromDmsSamples()
    {
        QFETCH(QString, file);
        QFETCH(QString, state);
        QFETCH(QString, subState);
        QFETCH(int, databases);
        QFETCH(int, errors);
        const S s = fromDms(file);
        QCOMPARE(s.backend, QStringLiteral("dms"));
        QCOMPARE(toString(s.state), state);
        QCOMPARE(toString(s.subState), subState);
        QCOMPARE(s.databases.size(), databases);
        QCOMPARE(s.errors.size(), errors);
    }

    void dmsDetails()
    {
        const S s = fromDms(QStringLiteral("task-get-running.json"));
        QCOMPARE(s.rawState, QStringLiteral("Running"));
        QCOMPARE(s.rawSubState, QStringLiteral("PENDING"));
        QCOMPARE(s.startedOn, QDateTime(QDate(2024, 1, 1), QTime(10, 0), Qt::UTC));
        const auto *inv = s.database(QStringLiteral("inventory"));
        QVERIFY(inv);
        QCOMPARE(toString(inv->state), toString(S::ItemState::Copying));
        QCOMPARE(inv->tables.size(), 2);
        QCOMPARE(inv->tables[0].name, QStringLiteral("public.orders"));
        QCOMPARE(toString(inv->tables[0].state), toString(S::ItemState::Copying));
        QCOMPARE(inv->tables[0].totalRows, std::optional<qint64>(150000));
        QCOMPARE(inv->tables[0].counters.cdcInserts, std::optional<qint64>(20));
        QCOMPARE(inv->tables[0].estimatedFinish, QDateTime(QDate(2024, 1, 1), QTime(10, 20), Qt::UTC));
        QCOMPARE(toString(inv->tables[1].state), toString(S::ItemState::Replicating));
        QCOMPARE(inv->counters.fullLoadRows, std::optional<qint64>(152500));
        QCOMPARE(inv->counters.dataErrors, std::optional<qint64>(2));
        QCOMPARE(inv->lag.seconds, std::optional<qint64>(7));
        QCOMPARE(inv->counters.incomingChanges, std::optional<qint64>(12));
        const auto *sales = s.database(QStringLiteral("sales"));
        QCOMPARE(toString(sales->state), toString(S::ItemState::ReadyForCutover));
        QVERIFY(!s.isReadyForCutover());
        QCOMPARE(s.totals.cdcInserts, std::optional<qint64>(110));
        QCOMPARE(s.totals.appliedChanges, std::optional<qint64>(130));
        QCOMPARE(s.lag.seconds, std::optional<qint64>(7)); // worst database

        const S doc = fromDms(QStringLiteral("task-output-doc.json"));
        QCOMPARE(doc.databases[0].tables[0].counters.fullLoadBytes, std::optional<qint64>(46592));
        QVERIFY(!doc.databases[0].tables[0].estimatedFinish.isValid()); // 1970 placeholder dropped

        const S f = fromDms(QStringLiteral("task-get-failed.json"));
        QCOMPARE(f.errors[0].code, QStringLiteral("InvalidRequest"));
        QVERIFY(f.errors[1].message.contains(QLatin1String("Check the firewall")));
        QCOMPARE(f.errors[1].code, QStringLiteral("-2146233088"));
        QCOMPARE(f.errors[2].database, QStringLiteral("sales"));
        QCOMPARE(f.database(QStringLiteral("sales"))->message, QStringLiteral("Table public.orders has no primary key."));

        const S u = fromDms(QStringLiteral("task-get-unknown.json"));
        QCOMPARE(u.rawState, QStringLiteral("Hibernating"));
        QCOMPARE(u.databases[0].rawState, QStringLiteral("WARPING"));
        QCOMPARE(u.databases[0].tables[0].rawState, QStringLiteral("TELEPORTING"));
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("arm waiting") << "arm/migration-get-2024-waitingforcutover.json";
        QTest::newRow("arm failed") << "arm/migration-get-2024-failed.json";
        QTest::newRow("dms running") << "dms/task-get-running.json";
        QTest::newRow("dms failed") << "dms/task-get-failed.json";
    }
    void jsonRoundTrip()
    {
        QFETCH(QString, file);
        const S s = file.startsWith(QLatin1String("arm/")) ? fromArm(file.mid(4)) : fromDms(file.mid(4));
        const json j = s.toJson();
        auto back = S::fromJson(j);
        QVERIFY(back);
        QCOMPARE(QString::fromStdString(back->toJson().dump()), QString::fromStdString(j.dump()));
        QCOMPARE(back->databases.size(), s.databases.size());
        QCOMPARE(back->observedAt, kNow);
    }

    void fromJsonIsLenient()
    {
        QVERIFY(!S::fromJson(json::array()));
        auto s = S::fromJson(json::parse(R"({"state":"Teleporting","subState":7,"databases":[1,{"name":"a","state":"Nope","tables":"x"}],"errors":[null]})"));
        QVERIFY(s);
        QCOMPARE(toString(s->state), toString(S::State::Unknown));
        QCOMPARE(toString(s->subState), toString(S::SubState::Unknown));
        QCOMPARE(s->databases.size(), 1);
        QCOMPARE(toString(s->databases[0].state), toString(S::ItemState::Unknown));
    }
};

QTEST_GUILESS_MAIN(TestMigrationStatus)
#include "tst_migrationstatus.moc"
