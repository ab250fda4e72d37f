// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/jsonutil.h"
#include "engine/arm/migrationrequest.h"
#include "engine/arm/migrationresource.h"
#include "engine/arm/propertiesfile.h"

#include <QFile>
#include <QTest>

using namespace fm;
using namespace fm::arm;
using nlohmann::json;

namespace {
json load(const QString &name)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/arm/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    auto j = jsonutil::parse(f.readAll(), name);
    if (!j)
        qFatal("bad test data %s", qPrintable(name));
    return *j;
}
QString dump(const json &j)
{
    return QString::fromStdString(j.dump(2));
}
} // namespace

class TestMigrationResource : public QObject
{
    Q_OBJECT
private slots:
    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("subState");
        QTest::addColumn<int>("dbCount");
        QTest::addColumn<int>("dbDetails");
        QTest::addColumn<QString>("name");
        QTest::newRow("2021 create 201") << "migration-create-2021-response.json" << "InProgress" << "PerformingPreRequisiteSteps" << 4 << 0 << "testmigration";
        QTest::newRow("2021 get") << "migration-get-2021.json" << "InProgress" << "PerformingPreRequisiteSteps" << 4 << 0 << "testmigration";
        QTest::newRow("2020 get level=Default (nested create request)") << "migration-get-2020-level-default.json" << "InProgress" << "PerformingPreRequisiteSteps" << 1 << 0
                                                                        << "0d8f2bd3-1f5a-4c5d-9ff1-2f1a1f0b8c9e";
        QTest::newRow("2024 create 201") << "migration-create-2024-response.json" << "InProgress" << "PerformingPreRequisiteSteps" << 4 << 0 << "testmigration";
        QTest::newRow("2024 on-premises create, no substate") << "migration-create-2024-onprem-response.json" << "InProgress" << "" << 1 << 0
                                                              << "9a1f3c44-2b1d-4f7e-8e55-3c2d1b0a9f88";
        QTest::newRow("2024 succeeded") << "migration-get-2024-succeeded.json" << "Succeeded" << "Completed" << 1 << 1 << "examplemigration";
        QTest::newRow("2024 failed") << "migration-get-2024-failed.json" << "Failed" << "Completed" << 1 << 1 << "examplemigration";
        QTest::newRow("2024 validation failed") << "migration-get-2024-validationfailed.json" << "ValidationFailed" << "Completed" << 1 << 0 << "examplemigration";
        QTest::newRow("2024 waiting for cutover") << "migration-get-2024-waitingforcutover.json" << "WaitingForUserAction" << "WaitingForCutoverTrigger" << 1 << 1 << "mig1";
        QTest::newRow("2024 update") << "migration-update-2024-response.json" << "InProgress" << "PerformingPreRequisiteSteps" << 4 << 0 << "examplemigration";
        QTest::newRow("2024 cancel") << "migration-cancel-2024-response.json" << "Canceled" << "Completed" << 4 << 0 << "examplemigration";
    }
    void samples()
    {
        QFETCH(QString, file);
        QFETCH(QString, state);
        QFETCH(QString, subState);
        QFETCH(int, dbCount);
        QFETCH(int, dbDetails);
        QFETCH(QString, name);
        auto m = parseMigration(load(file));
        QVERIFY(m);
        QCOMPARE(m->currentStatus.state.toString(), state);
        QVERIFY(m->currentStatus.state.isKnown());
        QCOMPARE(m->currentStatus.subState.toString(), subState);
        QCOMPARE(m->dbsToMigrate.size(), dbCount);
        QCOMPARE(m->currentStatus.dbDetails.size(), dbDetails);
        QCOMPARE(m->displayName(), name);
    }

    void seedEraFields()
    {
        auto m = parseMigration(load(QStringLiteral("migration-get-2021.json")));
        QVERIFY(m);
        QCOMPARE(m->aadClientId, QStringLiteral("cccccccc-cccc-cccc-cccc-cccccccccccc"));
        QCOMPARE(m->sourceServerMetadata->storageMb, std::optional<qint64>(1024)); // storageMB spelling
        QCOMPARE(m->sourceServerMetadata->skuTier, QStringLiteral("Basic"));
        QCOMPARE(m->targetServerMetadata->version, QStringLiteral("11"));
        QCOMPARE(m->migrationResourceGroupId, QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg"));
        QCOMPARE(m->triggerCutover, std::optional<bool>(false)); // JSON boolean
        QCOMPARE(m->detailsLevel.toString(), QStringLiteral("Default"));
        QCOMPARE(m->windowStart, QDateTime(QDate(2021, 5, 6), QTime(16, 5, 58, 895), Qt::UTC));
    }

    void stableFields()
    {
        auto m = parseMigration(load(QStringLiteral("migration-get-2024-succeeded.json")));
        QVERIFY(m);
        QCOMPARE(m->triggerCutover, std::optional<bool>(true)); // "True" string
        QCOMPARE(m->migrateRoles, std::optional<bool>(false));
        QCOMPARE(m->option.toString(), QStringLiteral("ValidateAndMigrate"));
        const auto &db = m->currentStatus.dbDetails.value(QStringLiteral("exampledatabase"));
        QCOMPARE(db.fullLoadCompletedTables, std::optional<qint64>(10));
        QCOMPARE(db.latencySeconds, std::optional<qint64>(0));
        QCOMPARE(db.startedOn, QDateTime(QDate(2025, 3, 15), QTime(18, 30, 22, 123), Qt::UTC)); // 6 fractional digits
        QVERIFY(m->currentStatus.validation);
        QCOMPARE(m->currentStatus.validation->serverLevel.size(), 3);
        QCOMPARE(m->currentStatus.validation->dbLevel.value(0).summary.size(), 3);

        auto v = parseMigration(load(QStringLiteral("migration-get-2024-validationfailed.json")));
        QVERIFY(v);
        const auto &item = v->currentStatus.validation->dbLevel.value(0).summary.value(1);
        QCOMPARE(item.state.toString(), QStringLiteral("Failed"));
        QVERIFY(item.messages.value(0).message.contains(QLatin1String("postgres_fdw")));

        auto f = parseMigration(load(QStringLiteral("migration-get-2024-failed.json")));
        QVERIFY(f && f->currentStatus.error.contains(QLatin1String("User defined Collations")));
        QVERIFY(f->currentStatus.dbDetails.value(QStringLiteral("testdb6")).message.contains(QLatin1String("Collation")));
    }

    void unknownValuesKept()
    {
        auto m = parseMigration(load(QStringLiteral("migration-get-unknown-states.json")));
        QVERIFY(m);
        QCOMPARE(m->currentStatus.state.toString(), QStringLiteral("Hibernating"));
        QVERIFY(!m->currentStatus.state.isKnown());
        QVERIFY(!isTerminal(m->currentStatus.state));
        QCOMPARE(m->currentStatus.subState.toString(), QStringLiteral("WaitingForQuantumAlignment"));
        QCOMPARE(m->mode.toString(), QStringLiteral("Hybrid"));
        QVERIFY(!m->triggerCutover.has_value()); // "maybe" is neither True nor False
        const auto &db = m->currentStatus.dbDetails.value(QStringLiteral("db1"));
        QCOMPARE(db.migrationState.toString(), QStringLiteral("Rebalancing"));
        QCOMPARE(db.fullLoadCompletedTables, std::optional<qint64>(7)); // numeric string
        QCOMPARE(db.latencySeconds, std::optional<qint64>(12));
    }

    void lists()
    {
        auto l = parseMigrationList(load(QStringLiteral("migration-list-2021.json")));
        QVERIFY(l);
        QCOMPARE(l->items.size(), 1);
        QCOMPARE(l->items[0].migrationSubnetResourceId.endsWith(QLatin1String("subnets/default")), true);
        auto bare = parseMigrationList(load(QStringLiteral("migration-list-2020-bare-array.json")));
        QVERIFY(bare);
        QCOMPARE(bare->items.size(), 1);
        QCOMPARE(bare->items[0].detailsLevel.toString(), QStringLiteral("Full"));
        QVERIFY(!parseMigrationList(json::object({{"values", 1}})));
    }

    void malformedNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("properties is array") << QByteArray(R"({"properties": []})");
        QTest::newRow("currentStatus string") << QByteArray(R"({"properties": {"currentStatus": "InProgress"}})");
        QTest::newRow("dbDetails array") << QByteArray(R"({"properties": {"currentStatus": {"currentSubStateDetails": {"dbDetails": [1,2]}}}})");
        QTest::newRow("db entry not object") << QByteArray(R"({"properties": {"currentStatus": {"currentSubStateDetails": {"dbDetails": {"a": 5}}}}})");
        QTest::newRow("counters wrong type") << QByteArray(R"({"properties": {"currentStatus": {"currentSubStateDetails": {"dbDetails": {"a": {"latency": {}, "cdcInsertCounter": [1]}}}}}})");
        QTest::newRow("dbsToMigrate mixed") << QByteArray(R"({"properties": {"dbsToMigrate": ["a", 1, null]}})");
        QTest::newRow("validation garbage") << QByteArray(R"({"properties": {"currentStatus": {"currentSubStateDetails": {"validationDetails": {"serverLevelValidationDetails": [1, "x", {"messages": 3}]}}}}})");
        QTest::newRow("metadata string") << QByteArray(R"({"properties": {"sourceDbServerMetadata": "x", "targetDbServerMetadata": {"sku": 1}}})");
        QTest::newRow("tags array") << QByteArray(R"({"tags": [1], "properties": {}})");
        QTest::newRow("truncated") << QByteArray(R"({"properties": {"currentStatus": {)");
    }
    void malformedNeverCrashes()
    {
        QFETCH(QByteArray, text);
        auto j = jsonutil::parse(text, QStringLiteral("response"));
        if (!j) {
            QVERIFY(j.error().category == ErrorCategory::Validation);
            return;
        }
        auto m = parseMigration(*j);
        auto l = parseMigrationList(*j);
        auto n = parseNameAvailability(*j);
        Q_UNUSED(l);
        Q_UNUSED(n);
        if (!j->is_object())
            QVERIFY(!m);
        else
            QVERIFY(m);
    }

    // A double outside qint64's range has no integer value; converting it was
    // undefined behaviour (found by fuzz_dmsjson: "1.55556e+23").
    void integersOutOfRange_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("present");
        QTest::addColumn<qint64>("value");
        QTest::newRow("integer") << QByteArray(R"({"n": 42})") << true << qint64(42);
        QTest::newRow("fraction truncates") << QByteArray(R"({"n": 12.7})") << true << qint64(12);
        QTest::newRow("negative fraction") << QByteArray(R"({"n": -3.5})") << true << qint64(-3);
        QTest::newRow("string") << QByteArray(R"({"n": " 77 "})") << true << qint64(77);
        QTest::newRow("fuzzer's 1.5e23") << QByteArray(R"({"n": 155556000000000000000000.0})") << false << qint64(0);
        QTest::newRow("1e300") << QByteArray(R"({"n": 1e300})") << false << qint64(0);
        QTest::newRow("-1e300") << QByteArray(R"({"n": -1e300})") << false << qint64(0);
        QTest::newRow("2^63 exactly") << QByteArray(R"({"n": 9223372036854775808.0})") << false << qint64(0);
        QTest::newRow("below -2^63") << QByteArray(R"({"n": -9223372036854777856.0})") << false << qint64(0);
    }
    void integersOutOfRange()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, present);
        QFETCH(qint64, value);
        auto j = jsonutil::parse(text, QStringLiteral("response"));
        QVERIFY(j);
        const auto n = jsonutil::integer(*j, "n");
        QCOMPARE(n.has_value(), present);
        if (present)
            QCOMPARE(*n, value);
    }

    void nameAvailability()
    {
        auto a = parseNameAvailability(load(QStringLiteral("checkname-available.json")));
        QVERIFY(a && a->nameAvailable && a->reason.isEmpty());
        auto t = parseNameAvailability(load(QStringLiteral("checkname-taken.json")));
        QVERIFY(t && !t->nameAvailable);
        QCOMPARE(t->reason.toString(), QStringLiteral("AlreadyExists"));
        QCOMPARE(dump(buildCheckNameBody(QStringLiteral("name1"))), dump(json::parse(R"({"name":"name1","type":"Microsoft.DBforPostgreSQL/flexibleServers/migrations"})")));
    }

    // The 2021 spec example request (azure-api.md §1.11.1) is reproduced exactly.
    void createBody2021MatchesSpecExample()
    {
        CreateMigrationRequest r;
        r.location = QStringLiteral("westus");
        r.sourceDbServerResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg/providers/Microsoft.DBForPostgreSql/servers/testsource");
        r.sourceServerPassword = Secret(QStringLiteral("testsourcepassword"));
        r.targetServerPassword = Secret(QStringLiteral("testtargetpassword"));
        r.aadClientId = QStringLiteral("cccccccc-cccc-cccc-cccc-cccccccccccc");
        r.aadTenantId = QStringLiteral("tttttttt-tttt-tttt-tttt-tttttttttttt");
        r.aadSecret = Secret(QStringLiteral("testaadsecret"));
        r.targetDbServerSubnetResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg/providers/Microsoft.Network/virtualNetworks/testvnet/subnets/default");
        r.dbsToMigrate = {QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("db3"), QStringLiteral("db4")};
        r.migrationResourceGroupId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg");
        auto body = buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615);
        QVERIFY2(body, body ? "" : qPrintable(body.error().message));
        QCOMPARE(dump(*body), dump(load(QStringLiteral("migration-create-2021-request.json"))));
    }

    void createBody2024MatchesSpecExample()
    {
        CreateMigrationRequest r;
        r.location = QStringLiteral("westus");
        r.sourceDbServerResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg/providers/Microsoft.DBForPostgreSql/servers/testsource");
        r.migrationInstanceResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/testrg/providers/Microsoft.DBForPostgreSql/flexibleServers/testsourcemigration");
        r.dbsToMigrate = {QStringLiteral("db1"), QStringLiteral("db2"), QStringLiteral("db3"), QStringLiteral("db4")};
        r.sourceServerPassword = Secret(QStringLiteral("xxxxxxxx"));
        r.targetServerPassword = Secret(QStringLiteral("xxxxxxxx"));
        r.mode = MigrationMode(QStringLiteral("offline")); // canonicalised on the wire
        r.overwriteDbsInTarget = true;
        auto body = buildCreateBody(r, MigrationApiVersion::Stable20240801);
        QVERIFY2(body, body ? "" : qPrintable(body.error().message));
        QCOMPARE(dump(*body), dump(load(QStringLiteral("migration-create-2024-request.json"))));
    }

    void createBodyFromPropertiesFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expect"); // JSON pointer -> value, or "error:" + text
        QTest::newRow("old doc 2021 aad") << "old-doc.json" << "2021-06-15-privatepreview" << "/properties/secretParameters/aadApp/clientId=\"11111111-2222-3333-4444-555555555555\"";
        QTest::newRow("old doc 2021 flag bool") << "old-doc.json" << "2021-06-15-privatepreview" << "/properties/setupLogicalReplicationOnSourceDBIfNeeded=true";
        QTest::newRow("old doc 2021 dBs") << "old-doc.json" << "2021-06-15-privatepreview" << "/properties/dBsToMigrate=[\"inventory\",\"orders\"]";
        QTest::newRow("old doc on 2024 refused") << "old-doc.json" << "2024-08-01" << "error:has no AAD app";
        QTest::newRow("new public 2024") << "new-public.json" << "2024-08-01" << "/properties/overwriteDbsInTarget=\"True\"";
        QTest::newRow("new public usernames") << "new-public.json" << "2024-08-01" << "/properties/secretParameters/targetServerUsername=\"migration_user\"";
        QTest::newRow("new public on 2021 refused") << "new-public.json" << "2021-06-15-privatepreview" << "error:needs the AAD app";
        QTest::newRow("onprem enums canonical") << "new-onprem.json" << "2024-08-01" << "/properties/migrationMode=\"Offline\"";
        QTest::newRow("onprem runtime id") << "new-onprem.json" << "2024-08-01"
                                           << "/properties/migrationInstanceResourceId=\"/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/runtime1\"";
    }
    void createBodyFromPropertiesFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, version);
        QFETCH(QString, expect);
        auto pf = PropertiesFile::read(QStringLiteral(FM_TEST_DATA_DIR "/arm/properties/") + file);
        QVERIFY(pf);
        auto r = pf->request;
        if (r.location.isEmpty())
            r.location = QStringLiteral("westus");
        auto body = buildCreateBody(r, *parseMigrationApiVersion(version));
        if (expect.startsWith(QLatin1String("error:"))) {
            QVERIFY(!body);
            QVERIFY2(body.error().message.contains(expect.mid(6)), qPrintable(body.error().message));
            return;
        }
        QVERIFY2(body, body ? "" : qPrintable(body.error().message));
        const qsizetype eq = expect.indexOf(QLatin1Char('='));
        const json::json_pointer ptr(expect.left(eq).toStdString());
        QVERIFY2(body->contains(ptr), qPrintable(expect.left(eq)));
        QCOMPARE(dump(body->at(ptr)), dump(json::parse(expect.mid(eq + 1).toStdString())));
    }

    void createBodyLimits()
    {
        CreateMigrationRequest r;
        r.location = QStringLiteral("westus");
        r.sourceDbServerResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/s");
        r.sourceServerPassword = Secret(QStringLiteral("a"));
        r.targetServerPassword = Secret(QStringLiteral("b"));
        r.aadClientId = QStringLiteral("c");
        r.aadTenantId = QStringLiteral("t");
        r.aadSecret = Secret(QStringLiteral("s"));
        for (int i = 0; i < 9; ++i)
            r.dbsToMigrate << QStringLiteral("db%1").arg(i);
        auto body = buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615);
        QVERIFY(!body);
        QVERIFY2(body.error().message.contains(QLatin1String("at most 8")), qPrintable(body.error().message));
        r.dbsToMigrate.removeLast();
        QVERIFY(buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615));
        r.location.clear();
        QVERIFY(!buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615));
        // 2021: the source must be a Single Server id; 2024 also takes host:port@user.
        r.location = QStringLiteral("westus");
        r.sourceDbServerResourceId = QStringLiteral("20.66.25.58:5432@postgres");
        auto notArm = buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615);
        QVERIFY(!notArm);
        QVERIFY2(notArm.error().message.contains(QLatin1String("sourceDBServerResourceId")), qPrintable(notArm.error().message));
        r.sourceDbServerResourceId = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/f");
        auto flex = buildCreateBody(r, MigrationApiVersion::PrivatePreview20210615);
        QVERIFY(!flex);
        QVERIFY2(flex.error().message.contains(QLatin1String("Microsoft.DBforPostgreSQL/servers")), qPrintable(flex.error().message));
    }

    void updateBodies_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("dbs");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected"); // body JSON, or "error:" + text
        using K = MigrationUpdate::Kind;
        const QString v21 = QStringLiteral("2021-06-15-privatepreview"), v24 = QStringLiteral("2024-08-01");
        QTest::newRow("2024 cutover all") << int(K::Cutover) << QStringList{} << v24 << R"({"properties":{"triggerCutover":"True"}})";
        QTest::newRow("2024 cutover dbs") << int(K::Cutover) << QStringList{"db1", "db2"} << v24
                                          << R"({"properties":{"triggerCutover":"True","dbsToTriggerCutoverOn":["db1","db2"]}})";
        QTest::newRow("2024 cancel dbs") << int(K::Cancel) << QStringList{"db1"} << v24 << R"({"properties":{"cancel":"True","dbsToCancelMigrationOn":["db1"]}})";
        QTest::newRow("2024 cancel (spec example)") << int(K::Cancel) << QStringList{} << v24 << R"({"properties":{"cancel":"True"}})";
        QTest::newRow("2024 setup replication (spec example)") << int(K::SetupReplication) << QStringList{} << v24
                                                               << R"({"properties":{"setupLogicalReplicationOnSourceDbIfNeeded":"True"}})";
        QTest::newRow("2024 start") << int(K::StartDataMigration) << QStringList{} << v24 << R"({"properties":{"startDataMigration":"True"}})";
        QTest::newRow("2024 db names") << int(K::DbNames) << QStringList{"a", "b"} << v24 << R"({"properties":{"dbsToMigrate":["a","b"]}})";
        QTest::newRow("2024 overwrite") << int(K::OverwriteDbs) << QStringList{} << v24 << R"({"properties":{"overwriteDbsInTarget":"True"}})";
        QTest::newRow("2021 cutover") << int(K::Cutover) << QStringList{} << v21 << R"({"properties":{"triggerCutover":true}})";
        QTest::newRow("2021 cutover dbs refused") << int(K::Cutover) << QStringList{"a"} << v21 << "error:whole migration";
        QTest::newRow("2021 cancel refused") << int(K::Cancel) << QStringList{} << v21 << "error:no cancel operation";
        QTest::newRow("2021 setup replication") << int(K::SetupReplication) << QStringList{} << v21
                                                << R"({"properties":{"setupLogicalReplicationOnSourceDBIfNeeded":true}})";
        QTest::newRow("2021 start") << int(K::StartDataMigration) << QStringList{} << v21 << R"({"properties":{"startDataMigration":true}})";
        QTest::newRow("2021 db names") << int(K::DbNames) << QStringList{"a", "b"} << v21 << R"({"properties":{"dBsToMigrate":["a","b"]}})";
        QTest::newRow("2021 overwrite") << int(K::OverwriteDbs) << QStringList{} << v21 << R"({"properties":{"overwriteDBsInTarget":true}})";
        QTest::newRow("db names empty") << int(K::DbNames) << QStringList{} << v24 << "error:at least one database";
        QTest::newRow("2021 db names too many") << int(K::DbNames) << QStringList{"1", "2", "3", "4", "5", "6", "7", "8", "9"} << v21 << "error:at most 8";
    }
    void updateBodies()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, dbs);
        QFETCH(QString, version);
        QFETCH(QString, expected);
        auto body = buildUpdateBody({MigrationUpdate::Kind(kind), dbs}, *parseMigrationApiVersion(version));
        if (expected.startsWith(QLatin1String("error:"))) {
            QVERIFY(!body);
            QVERIFY2(body.error().message.contains(expected.mid(6)), qPrintable(body.error().message));
            return;
        }
        QVERIFY2(body, body ? "" : qPrintable(body.error().message));
        QCOMPARE(dump(*body), dump(json::parse(expected.toStdString())));
    }

    void apiVersions()
    {
        QVERIFY(parseMigrationApiVersion(QStringLiteral("2024-08-01")) == MigrationApiVersion::Stable20240801);
        QVERIFY(parseMigrationApiVersion(QStringLiteral("2021-06-15-PrivatePreview")) == MigrationApiVersion::PrivatePreview20210615);
        auto bad = parseMigrationApiVersion(QStringLiteral("2023-03-01-preview"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QLatin1String("2023-03-01-preview")));
    }
};

QTEST_GUILESS_MAIN(TestMigrationResource)
#include "tst_migrationresource.moc"
