// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// The DMS client against the fake network manager: exact method, URL (api-version,
// $expand=output, deleteRunningTasks, taskType) and body of every operation.
#include "engine/core/logging.h"
#include "engine/dms/dmsclient.h"
#include "tests/engine/arm/clienttestsupport.h"

#include <QTest>

using namespace fm;
using namespace fm::dms;
using namespace fm::test;

namespace {
const QString kService = QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/dmsrg/providers/Microsoft.DataMigration/services/dms1");
const QString kProject = kService + QStringLiteral("/projects/proj1");
const QString kTask = kProject + QStringLiteral("/tasks/task1");

QString q(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

template<typename T>
QString outcome(const Expected<T> &e, const std::function<QString(const T &)> &ok)
{
    return e ? ok(*e) : QStringLiteral("error:%1:%2").arg(e.error().code, e.error().message);
}

QString taskSummary(const ProjectTask &t)
{
    return QStringLiteral("%1 %2 outputs=%3 dbs=%4").arg(t.name, t.state.toString()).arg(t.output.size()).arg(t.databases().size());
}
} // namespace

class TestDmsClient : public QObject
{
    Q_OBJECT

    QString run(ClientFixture &f, const QString &op)
    {
        const DmsClient dms(f.http.get(), f.profile);
        const arm::ResourceId service = DmsClient::serviceId(kSub, QStringLiteral("dmsrg"), QStringLiteral("dms1"));
        const arm::ResourceId project = DmsClient::projectId(service, QStringLiteral("proj1"));
        const arm::ResourceId task = DmsClient::taskId(project, QStringLiteral("task1"));
        auto unit = [](const Expected<Unit> &e) { return outcome<Unit>(e, [](const Unit &) { return QStringLiteral("done"); }); };
        auto svc = [](const Expected<DmsService> &e) { return outcome<DmsService>(e, [](const DmsService &s) { return s.name + QLatin1Char(' ') + s.provisioningState.toString(); }); };
        auto tsk = [](const Expected<ProjectTask> &e) { return outcome<ProjectTask>(e, taskSummary); };

        if (op == QLatin1String("service.get"))
            return svc(await<DmsService>([&](QObject *c, auto d) { dms.getService(service, c, d); }));
        if (op == QLatin1String("service.create"))
            return svc(await<DmsService>([&](QObject *c, auto d) {
                dms.createOrUpdateService(service, QStringLiteral("southcentralus"), QStringLiteral("Premium_4vCores"),
                                          QStringLiteral("/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/default"), c, d);
            }));
        if (op == QLatin1String("service.create.nosubnet"))
            return svc(await<DmsService>([&](QObject *c, auto d) { dms.createOrUpdateService(service, QStringLiteral("x"), QStringLiteral("Premium_4vCores"), {}, c, d); }));
        if (op == QLatin1String("service.delete"))
            return unit(await<Unit>([&](QObject *c, auto d) { dms.deleteService(service, true, c, d); }));
        if (op == QLatin1String("project.get"))
            return outcome<DmsProject>(await<DmsProject>([&](QObject *c, auto d) { dms.getProject(project, c, d); }),
                                       [](const DmsProject &p) { return p.name + QLatin1Char(' ') + p.targetPlatform; });
        if (op == QLatin1String("project.create"))
            return outcome<DmsProject>(await<DmsProject>([&](QObject *c, auto d) { dms.createOrUpdateProject(project, QStringLiteral("westus2"), c, d); }),
                                       [](const DmsProject &p) { return p.name + QLatin1Char(' ') + p.provisioningState.toString(); });
        if (op == QLatin1String("project.delete"))
            return unit(await<Unit>([&](QObject *c, auto d) { dms.deleteProject(project, true, c, d); }));
        if (op == QLatin1String("task.create")) {
            SyncTaskInput in;
            in.source = {QStringLiteral("src.postgres.database.azure.com"), 5432, QStringLiteral("postgres"), QStringLiteral("admin@src"), Secret(QStringLiteral("dms-Src-Pw")), true, false};
            in.target = {QStringLiteral("tgt.postgres.database.azure.com"), 5432, QStringLiteral("postgres"), QStringLiteral("admin"), Secret(QStringLiteral("dms-Tgt-Pw")), true, false};
            in.databases = {{QStringLiteral("inventory"), {}, {}}};
            return tsk(await<ProjectTask>([&](QObject *c, auto d) { dms.createSyncTask(task, in, c, d); }));
        }
        if (op == QLatin1String("task.get"))
            return tsk(await<ProjectTask>([&](QObject *c, auto d) { dms.getTask(task, c, d); }));
        if (op == QLatin1String("task.get.noexpand"))
            return tsk(await<ProjectTask>([&](QObject *c, auto d) { dms.getTask(task, c, d, false); }));
        if (op == QLatin1String("task.list"))
            return outcome<QList<ProjectTask>>(await<QList<ProjectTask>>([&](QObject *c, auto d) { dms.listTasks(project, QLatin1String(kPostgreSqlSyncTaskType), c, d); }),
                                               [](const QList<ProjectTask> &l) { return QString::number(l.size()); });
        if (op == QLatin1String("task.cancel"))
            return tsk(await<ProjectTask>([&](QObject *c, auto d) { dms.cancelTask(task, c, d); }));
        if (op == QLatin1String("task.delete"))
            return unit(await<Unit>([&](QObject *c, auto d) { dms.deleteTask(task, true, c, d); }));
        if (op == QLatin1String("task.complete"))
            return outcome<TaskCommand>(await<TaskCommand>([&](QObject *c, auto d) { dms.completeDatabase(task, QStringLiteral("inventory"), c, d); }),
                                        [](const TaskCommand &t) { return t.commandType + QLatin1Char(' ') + t.state.toString(); });
        if (op == QLatin1String("task.wrongtype"))
            return tsk(await<ProjectTask>([&](QObject *c, auto d) { dms.getTask(project, c, d); }));
        return QStringLiteral("unknown op ") + op;
    }

private slots:
    void initTestCase()
    {
        logging::Options o;
        o.noFile = true;
        o.level = spdlog::level::trace;
        logging::init(o);
    }

    void operations_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QStringList>("responses");
        QTest::addColumn<QStringList>("requests");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("result");
        const QString v = QStringLiteral("?api-version=2021-06-30");
        QTest::newRow("service get") << "service.get" << QStringList{"200 dms/service-create-response.json"} << QStringList{"GET " + kService + v} << "" << "DmsSdkService Accepted";
        QTest::newRow("service create, provisioningState LRO")
            << "service.create"
            << QStringList{"201 dms/service-create-response.json", "200 raw:{\"name\":\"dms1\",\"properties\":{\"provisioningState\":\"Deploying\"}}",
                           "200 raw:{\"name\":\"dms1\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"}
            << QStringList{"PUT " + kService + v, "GET " + kService + v, "GET " + kService + v}
            << q("{'location':'southcentralus','sku':{'name':'Premium_4vCores'},'properties':{'virtualSubnetId':'/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/default'}}")
            << "dms1 Succeeded";
        QTest::newRow("service create needs a subnet") << "service.create.nosubnet" << QStringList{} << QStringList{} << ""
                                                       << "error:InvalidDmsService:A DMS service needs a virtual subnet (virtualSubnetId).";
        QTest::newRow("service delete with running tasks") << "service.delete"
                                                           << QStringList{"202 - | Location: https://management.azure.com/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DataMigration/locations/westus/operationResults/op9?api-version=2021-06-30",
                                                                          "204 -"}
                                                           << QStringList{"DELETE " + kService + v + "&deleteRunningTasks=true",
                                                                          "GET /subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DataMigration/locations/westus/operationResults/op9?api-version=2021-06-30"}
                                                           << "" << "done";
        QTest::newRow("project get") << "project.get" << QStringList{"200 dms/project-response.json"} << QStringList{"GET " + kProject + v} << "" << "proj1 AzureDbForPostgreSql";
        QTest::newRow("project create") << "project.create" << QStringList{"201 dms/project-response.json"} << QStringList{"PUT " + kProject + v}
                                        << q("{'location':'westus2','properties':{'sourcePlatform':'PostgreSql','targetPlatform':'AzureDbForPostgreSql'}}") << "proj1 Succeeded";
        QTest::newRow("project delete") << "project.delete" << QStringList{"204 -"} << QStringList{"DELETE " + kProject + v + "&deleteRunningTasks=true"} << "" << "done";
        QTest::newRow("task create") << "task.create" << QStringList{"201 raw:{\"name\":\"task1\",\"properties\":{\"taskType\":\"Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2\",\"state\":\"Queued\"}}"}
                                     << QStringList{"PUT " + kTask + v}
                                     << q("{'properties':{'taskType':'Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2','input':{"
                                          "'sourceConnectionInfo':{'type':'PostgreSqlConnectionInfo','serverName':'src.postgres.database.azure.com','port':5432,'databaseName':'postgres','userName':'admin@src','password':'dms-Src-Pw','encryptConnection':true,'trustServerCertificate':false},"
                                          "'targetConnectionInfo':{'type':'PostgreSqlConnectionInfo','serverName':'tgt.postgres.database.azure.com','port':5432,'databaseName':'postgres','userName':'admin','password':'dms-Tgt-Pw','encryptConnection':true,'trustServerCertificate':false},"
                                          "'selectedDatabases':[{'name':'inventory','targetDatabaseName':'inventory','migrationSetting':{},'sourceSetting':{},'targetSetting':{},'selectedTables':[]}]}}}")
                                     << "task1 Queued outputs=0 dbs=0";
        QTest::newRow("task get with output") << "task.get" << QStringList{"200 dms/task-get-running.json"} << QStringList{"GET " + kTask + v + "&$expand=output"} << ""
                                              << "task1 Running outputs=6 dbs=2";
        QTest::newRow("task get without output") << "task.get.noexpand" << QStringList{"200 raw:{\"name\":\"task1\",\"properties\":{\"state\":\"Running\"}}"}
                                                 << QStringList{"GET " + kTask + v} << "" << "task1 Running outputs=0 dbs=0";
        QTest::newRow("task list by type") << "task.list" << QStringList{"200 raw:{\"value\":[{\"name\":\"a\",\"properties\":{\"state\":\"Running\"}},{\"name\":\"b\",\"properties\":{}}]}"}
                                           << QStringList{"GET " + kProject + "/tasks" + v + "&taskType=Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2"} << "" << "2";
        QTest::newRow("task cancel") << "task.cancel" << QStringList{"200 raw:{\"name\":\"task1\",\"properties\":{\"state\":\"Canceled\"}}"} << QStringList{"POST " + kTask + "/cancel" + v}
                                     << "" << "task1 Canceled outputs=0 dbs=0";
        QTest::newRow("task delete") << "task.delete" << QStringList{"200 -"} << QStringList{"DELETE " + kTask + v + "&deleteRunningTasks=true"} << "" << "done";
        QTest::newRow("complete command") << "task.complete" << QStringList{"200 dms/command-response.json"} << QStringList{"POST " + kTask + "/command" + v}
                                          << q("{'commandType':'Migrate.Sync.Complete.Database','input':{'databaseName':'inventory'}}") << "Migrate.Sync.Complete.Database Accepted";
        QTest::newRow("DMS error envelope") << "task.get" << QStringList{"400 raw:{\"error\":{\"code\":\"InvalidRequest\",\"message\":\"The task is not in a valid state.\"}}"}
                                            << QStringList{"GET " + kTask + v + "&$expand=output"} << "" << "error:InvalidRequest:The task is not in a valid state.";
        QTest::newRow("task id of the wrong type") << "task.wrongtype" << QStringList{} << QStringList{} << ""
                                                   << "error:InvalidResourceId:DMS task id '" + kProject + "' is a Microsoft.DataMigration/services/projects, not a Microsoft.DataMigration/services/projects/tasks.";
    }

    void operations()
    {
        QFETCH(QString, op);
        QFETCH(QStringList, responses);
        QFETCH(QStringList, requests);
        QFETCH(QString, body);
        QFETCH(QString, result);
        ClientFixture f;
        for (const auto &r : responses)
            f.nam.enqueue(responseFrom(r));
        const quint64 logStart = logging::ringBuffer()->lastId();
        QCOMPARE(run(f, op), result);
        QStringList sent;
        QByteArray lastBody;
        for (const auto &r : f.nam.requests()) {
            sent << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString(QUrl::FullyEncoded).mid(kArm.size());
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer fake-access-token"));
            if (!r.body.isEmpty())
                lastBody = r.body;
        }
        QCOMPARE(sent, requests);
        QCOMPARE(canonicalJson(lastBody), body.isEmpty() ? QString() : canonicalJson(body.toUtf8()));
        QCOMPARE(f.nam.queued(), 0);
        for (const auto &e : logging::ringBuffer()->entriesSince(logStart))
            for (const char *needle : {"dms-Src-Pw", "dms-Tgt-Pw", "\"password\""})
                QVERIFY2(!e.message.contains(QLatin1String(needle)), qPrintable(e.message));
    }
};

QTEST_GUILESS_MAIN(TestDmsClient)
#include "tst_dmsclient.moc"
