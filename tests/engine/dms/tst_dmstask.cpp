// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/jsonutil.h"
#include "engine/dms/dmsrequest.h"
#include "engine/dms/dmstask.h"

#include <QFile>
#include <QTest>

using namespace fm;
using namespace fm::dms;
using nlohmann::json;

namespace {
json load(const QString &name)
{
    QFile f(QStringLiteral(FM_TEST_DATA_DIR "/dms/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return *arm::jsonutil::parse(f.readAll(), name);
}
QString dump(const json &j)
{
    return QString::fromStdString(j.dump());
}
} // namespace

class TestDmsTask : public QObject
{
    Q_OBJECT
private slots:
    void docSampleFlatShape()
    {
        auto t = parseProjectTask(load(QStringLiteral("task-output-doc.json")));
        QVERIFY(t);
        QCOMPARE(t->state.toString(), QStringLiteral("Running"));
        QCOMPARE(t->output.size(), 3);
        const auto dbs = t->databases();
        QCOMPARE(dbs.size(), 1);
        QCOMPARE(dbs[0].databaseName, QStringLiteral("inventory"));
        QCOMPARE(dbs[0].migrationState.toString(), QStringLiteral("READY_TO_COMPLETE"));
        QCOMPARE(dbs[0].fullLoadCompletedTables, std::optional<qint64>(2));
        QCOMPARE(dbs[0].initializationCompleted, std::optional<bool>(true));
        QVERIFY(!dbs[0].endedOn.isValid()); // null
        const auto m = t->migration();
        QVERIFY(m);
        QCOMPARE(m->state.toString(), QStringLiteral("PENDING"));
        QCOMPARE(m->sourceServerVersion, QStringLiteral("PostgreSQL")); // doc spelling sourceVersion
        QCOMPARE(m->databaseCount, std::optional<qint64>(1));
        QCOMPARE(m->startedOn, QDateTime(QDate(2018, 7, 5), QTime(23, 36, 2, 278), Qt::UTC));
        const auto tables = t->tables();
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables[0].tableName, QStringLiteral("public.orders"));
        QCOMPARE(tables[0].fullLoadTotalRows, std::optional<qint64>(112));
        QCOMPARE(tables[0].fullLoadTotalVolumeBytes, std::optional<qint64>(46592));
        QCOMPARE(tables[0].dataErrorsCounter, std::optional<qint64>(0)); // doc spelling dataErrorsCount
        QCOMPARE(tables[0].cdcInsertCounter, std::optional<qint64>(50));
    }

    void everyResultType_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::addColumn<int>("index"); // variant index
        QTest::newRow("MigrationLevelOutput") << QByteArray(R"({"resultType":"MigrationLevelOutput","state":"ACTION_REQUIRED"})") << 0;
        QTest::newRow("DatabaseLevelOutput") << QByteArray(R"({"resultType":"DatabaseLevelOutput","databaseName":"d","migrationState":"RUNNING"})") << 1;
        QTest::newRow("TableLevelOutput") << QByteArray(R"({"resultType":"TableLevelOutput","tableName":"public.t","state":"FULL_LOAD"})") << 2;
        QTest::newRow("ErrorOutput") << QByteArray(R"({"resultType":"ErrorOutput","error":{"message":"boom","hResult":5}})") << 3;
        QTest::newRow("DatabaseLevelErrorOutput") << QByteArray(R"({"resultType":"DatabaseLevelErrorOutput","id":"db|x","errorMessage":"bad"})") << 4;
        QTest::newRow("case-insensitive resultType") << QByteArray(R"({"resultType":"databaselevelOutput","databaseName":"d"})") << 1;
        QTest::newRow("unknown resultType") << QByteArray(R"({"resultType":"MigrationValidationOutput"})") << 5;
        QTest::newRow("no resultType") << QByteArray(R"({"x":1})") << 5;
        QTest::newRow("not an object") << QByteArray(R"("text")") << 5;
        QTest::newRow("error not object") << QByteArray(R"({"resultType":"ErrorOutput","error":"boom"})") << 3;
    }
    void everyResultType()
    {
        QFETCH(QByteArray, item);
        QFETCH(int, index);
        const auto parsed = parseOutputItem(*arm::jsonutil::parse(item, QStringLiteral("item")));
        QCOMPARE(int(parsed.index()), index);
        if (auto *e = std::get_if<ErrorOutput>(&parsed); e && item.contains("hResult")) {
            QCOMPARE(e->error.message, QStringLiteral("boom"));
            QCOMPARE(e->error.hResult, std::optional<qint64>(5));
        }
        if (auto *e = std::get_if<DatabaseLevelErrorOutput>(&parsed)) {
            QCOMPARE(e->databaseName, QStringLiteral("x"));
            QCOMPARE(e->errorMessage, QStringLiteral("bad"));
        }
        if (auto *u = std::get_if<UnknownOutput>(&parsed); u && item.contains("Validation"))
            QCOMPARE(u->resultType, QStringLiteral("MigrationValidationOutput"));
    }

    void armShapeAndErrors()
    {
        auto t = parseProjectTask(load(QStringLiteral("task-get-failed.json")));
        QVERIFY(t);
        QVERIFY(isTerminal(t->state));
        QCOMPARE(t->errors.size(), 1);
        QCOMPARE(t->errors[0].code, QStringLiteral("InvalidRequest"));
        QCOMPARE(t->migrationErrors().size(), 1);
        QCOMPARE(t->migrationErrors()[0].error.actionableMessage, QStringLiteral("Check the firewall rules of the source server."));
        QCOMPARE(t->migrationErrors()[0].events.size(), 1);
        QCOMPARE(t->databaseErrors().size(), 1);
        QCOMPARE(t->databaseErrors()[0].databaseName, QStringLiteral("sales"));
        QCOMPARE(t->databaseErrors()[0].events[0].text, QStringLiteral("no pk"));
    }

    void unknownValuesKept()
    {
        auto t = parseProjectTask(load(QStringLiteral("task-get-unknown.json")));
        QVERIFY(t);
        QCOMPARE(t->state.toString(), QStringLiteral("Hibernating"));
        QVERIFY(!t->state.isKnown());
        QVERIFY(!isTerminal(t->state));
        QCOMPARE(t->taskType, QStringLiteral("Migrate.PostgreSql.AzureDbForPostgreSql.SyncV3"));
        QCOMPARE(t->output.size(), 6); // garbage items kept as UnknownOutput
        QCOMPARE(t->databases().value(0).migrationState.toString(), QStringLiteral("WARPING"));
        QCOMPARE(t->databases().value(0).fullLoadCompletedTables, std::optional<qint64>(4));
        QCOMPARE(t->tables().value(0).state.toString(), QStringLiteral("TELEPORTING"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("properties string") << QByteArray(R"({"properties":"x"})");
        QTest::newRow("output object") << QByteArray(R"({"properties":{"output":{"a":1}}})");
        QTest::newRow("errors garbage") << QByteArray(R"({"properties":{"errors":[1,"x",{"code":5}],"commands":[null,{"input":7}]}})");
        QTest::newRow("events garbage") << QByteArray(R"({"output":[{"resultType":"ErrorOutput","events":{"a":1}},{"resultType":"DatabaseLevelErrorOutput","events":[1,null]}]})");
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        auto j = arm::jsonutil::parse(text, QStringLiteral("t"));
        QVERIFY(j);
        auto t = parseProjectTask(*j);
        QCOMPARE(t.has_value(), j->is_object());
        QVERIFY(!parseService(json::array()));
        QVERIFY(!parseCommand(json(3)));
    }

    void serviceProjectCommand()
    {
        auto s = parseService(load(QStringLiteral("service-create-response.json")));
        QVERIFY(s);
        QCOMPARE(s->provisioningState.toString(), QStringLiteral("Accepted"));
        QCOMPARE(s->skuName, QStringLiteral("Basic_1vCore"));
        QCOMPARE(s->skuSize, QStringLiteral("1 vCore"));
        QVERIFY(s->virtualSubnetId.endsWith(QLatin1String("/subnets/default")));
        auto p = parseProject(load(QStringLiteral("project-response.json")));
        QVERIFY(p);
        QCOMPARE(p->sourcePlatform, QStringLiteral("PostgreSql"));
        QCOMPARE(p->provisioningState.toString(), QStringLiteral("Succeeded"));
        QCOMPARE(p->creationTime, QDateTime(QDate(2024, 1, 1), QTime(9, 0, 0, 123), Qt::UTC));
        auto c = parseCommand(load(QStringLiteral("command-response.json")));
        QVERIFY(c);
        QCOMPARE(c->state.toString(), QStringLiteral("Accepted"));
        QCOMPARE(c->databaseName, QStringLiteral("TestDatabase"));
        auto w = parseCommand(load(QStringLiteral("command-response-wrapped.json")));
        QVERIFY(w);
        QCOMPARE(w->state.toString(), QStringLiteral("Failed"));
        QCOMPARE(w->errors.value(0).message, QStringLiteral("Database is not ready to complete."));
    }

    void requestBodies()
    {
        QCOMPARE(dump(buildServiceBody(QStringLiteral("southcentralus"), QStringLiteral("Premium_4vCores"), QStringLiteral("/sub/net"))),
                 dump(json::parse(R"({"location":"southcentralus","sku":{"name":"Premium_4vCores"},"properties":{"virtualSubnetId":"/sub/net"}})")));
        QCOMPARE(dump(buildProjectBody(QStringLiteral("westus2"))),
                 dump(json::parse(R"({"location":"westus2","properties":{"sourcePlatform":"PostgreSql","targetPlatform":"AzureDbForPostgreSql"}})")));
        QCOMPARE(dump(buildCompleteCommandBody(QStringLiteral("inventory"))),
                 dump(json::parse(R"({"commandType":"Migrate.Sync.Complete.Database","input":{"databaseName":"inventory"}})")));
        QCOMPARE(dump(buildCompleteCommandBody(QStringLiteral("inventory"), QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC))),
                 dump(json::parse(R"({"commandType":"Migrate.Sync.Complete.Database","input":{"databaseName":"inventory","commitTimeStamp":"2024-01-02T03:04:05.000Z"}})")));
    }

    void syncTaskBody()
    {
        SyncTaskInput in;
        in.source = {QStringLiteral("src.postgres.database.azure.com"), 5432, QStringLiteral("postgres"), QStringLiteral("admin@src"), Secret(QStringLiteral("pw-s")), true, false};
        in.target = {QStringLiteral("tgt.postgres.database.azure.com"), 5432, QStringLiteral("postgres"), QStringLiteral("admin"), Secret(QStringLiteral("pw-t")), true, false};
        in.databases = {{QStringLiteral("inventory"), {}, {QStringLiteral("public.orders")}}};
        auto body = buildSyncTaskBody(in);
        QVERIFY(body);
        const json expected = json::parse(R"({ "properties": {
            "taskType": "Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2",
            "input": {
              "sourceConnectionInfo": { "type": "PostgreSqlConnectionInfo", "serverName": "src.postgres.database.azure.com", "port": 5432,
                                        "databaseName": "postgres", "userName": "admin@src", "password": "pw-s", "encryptConnection": true, "trustServerCertificate": false },
              "targetConnectionInfo": { "type": "PostgreSqlConnectionInfo", "serverName": "tgt.postgres.database.azure.com", "port": 5432,
                                        "databaseName": "postgres", "userName": "admin", "password": "pw-t", "encryptConnection": true, "trustServerCertificate": false },
              "selectedDatabases": [
                { "name": "inventory", "targetDatabaseName": "inventory",
                  "migrationSetting": {}, "sourceSetting": {}, "targetSetting": {},
                  "selectedTables": [ { "name": "public.orders" } ] } ] } } })");
        QCOMPARE(dump(*body), dump(expected));
    }

    void syncTaskBodyErrors_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no source server") << "sourceServer" << "Source connection: the server name is empty";
        QTest::newRow("brace password") << "bracePassword" << "'{' or '}'";
        QTest::newRow("no target user") << "targetUser" << "Target connection: the user name is empty";
        QTest::newRow("no databases") << "noDatabases" << "No database";
        QTest::newRow("semicolon db") << "semicolon" << "contains ';'";
        QTest::newRow("duplicate db") << "duplicate" << "selected twice";
        QTest::newRow("bad port") << "port" << "out of range";
    }
    void syncTaskBodyErrors()
    {
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        SyncTaskInput in;
        in.source = {QStringLiteral("s"), 5432, QStringLiteral("postgres"), QStringLiteral("u@s"), Secret(QStringLiteral("p1")), true, false};
        in.target = {QStringLiteral("t"), 5432, QStringLiteral("postgres"), QStringLiteral("u"), Secret(QStringLiteral("p2")), true, false};
        in.databases = {{QStringLiteral("a"), {}, {}}};
        if (field == QLatin1String("sourceServer"))
            in.source.serverName.clear();
        else if (field == QLatin1String("bracePassword"))
            in.source.password = Secret(QStringLiteral("a{b}c"));
        else if (field == QLatin1String("targetUser"))
            in.target.userName.clear();
        else if (field == QLatin1String("noDatabases"))
            in.databases.clear();
        else if (field == QLatin1String("semicolon"))
            in.databases = {{QStringLiteral("a;b"), {}, {}}};
        else if (field == QLatin1String("duplicate"))
            in.databases = {{QStringLiteral("a"), {}, {}}, {QStringLiteral("a"), {}, {}}};
        else if (field == QLatin1String("port"))
            in.target.port = 70000;
        auto body = buildSyncTaskBody(in);
        QVERIFY(!body);
        QVERIFY2(body.error().message.contains(mentions), qPrintable(body.error().message));
        QVERIFY(!body.error().message.contains(QLatin1String("a{b}c")));
    }
};

QTEST_GUILESS_MAIN(TestDmsTask)
#include "tst_dmstask.moc"
