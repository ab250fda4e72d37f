// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Microsoft.DataMigration in the emulator (issue 5, azure-api.md §4): service
// provisioning, project, connect tasks, the SyncV2 migration task with
// $expand=output (READY_TO_COMPLETE), the complete command per database, data
// equal afterwards; input validation and busy-service errors.
#include "tests/emulator/emulatortestsupport.h"

#include "tests/support/pgcluster.h"

using namespace fm::test::emu;

class TestEmulatorDms : public QObject
{
    Q_OBJECT
private:
    fm::test::PgCluster m_source{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("dmssrc");
        return o;
    }()};
    fm::test::PgCluster m_target{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("dmstgt");
        return o;
    }()};
    std::unique_ptr<Harness> h;
    QByteArray token;

    static QString svc() { return rgPath() + QStringLiteral("/providers/Microsoft.DataMigration/services/dms1"); }
    static QString v() { return QStringLiteral("?api-version=2021-06-30"); }

    json conn(const fm::test::PgCluster &pg, const QString &serverName) const
    {
        Q_UNUSED(pg);
        return {{"type", "PostgreSqlConnectionInfo"},
                {"serverName", serverName.toStdString()},
                {"port", 5432},
                {"databaseName", "postgres"},
                {"userName", "pgadmin"},
                {"password", pg.password().reveal().toStdString()},
                {"encryptConnection", true},
                {"trustServerCertificate", false}};
    }

    void provision()
    {
        Reply r = h->arm("PUT", svc() + v(), token,
                         R"({"location":"westus","sku":{"name":"Premium_4vCores"},"properties":{"virtualSubnetId":"/subscriptions/x/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/default"}})");
        QCOMPARE(r.status, 201);
        QCOMPARE(QString::fromStdString(r.j["properties"]["provisioningState"].get<std::string>()), QStringLiteral("Accepted"));
        QVERIFY(Harness::waitFor([&] { return h->arm("GET", svc() + v(), token).j["properties"]["provisioningState"] == "Succeeded"; }, 10000));
        r = h->arm("PUT", svc() + QStringLiteral("/projects/p1") + v(), token,
                   R"({"location":"westus","properties":{"sourcePlatform":"PostgreSql","targetPlatform":"AzureDbForPostgreSql"}})");
        QCOMPARE(r.status, 201);
        QVERIFY(r.j["properties"].contains("creationTime"));
    }

    QString digest(fm::test::PgCluster &pg, const QString &db)
    {
        auto r = pg.query(db, QStringLiteral("SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || v, ',' ORDER BY id), '')) FROM t"));
        return r ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message;
    }

    static json outputOf(const Reply &r, const char *resultType)
    {
        json out = json::array();
        for (const auto &o : r.j["properties"]["output"])
            if (o.value("resultType", "") == resultType)
                out.push_back(o);
        return out;
    }

private slots:
    void initTestCase()
    {
        for (auto *pg : {&m_source, &m_target}) {
            auto started = pg->start();
            QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        }
        QVERIFY(m_source.createDatabase(QStringLiteral("inventory")).has_value());
        QVERIFY(m_source.execute(QStringLiteral("inventory"), QStringLiteral("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL);"
                                                                             "CREATE TABLE u (id int PRIMARY KEY);"
                                                                             "INSERT INTO t (v) SELECT 'v' || g FROM generate_series(1, 1500) g;"))
                      .has_value());
    }

    void init()
    {
        json c = baseConfig(m_source.port(), m_source.password().reveal(), m_target.port(), m_target.password().reveal());
        c["pgBinDir"] = fm::test::PgCluster::binDir().toStdString();
        h = std::make_unique<Harness>(c);
        token = h->token(kContributor);
    }
    void cleanup() { h.reset(); }

    void migrationTaskWithCompleteCommand()
    {
        provision();
        const QString tasks = svc() + QStringLiteral("/projects/p1/tasks/");
        // Connect to the source by its Azure host name; the output lists the local server's databases.
        json connect = {{"properties", {{"taskType", "ConnectToSource.PostgreSql.Sync"}, {"input", {{"sourceConnectionInfo", conn(m_source, kSingle + ".postgres.database.azure.com")}}}}}};
        Reply r = h->arm("PUT", tasks + QStringLiteral("connect") + v(), token, QByteArray::fromStdString(connect.dump()));
        QCOMPARE(r.status, 201);
        QVERIFY2(!r.body.contains(m_source.password().reveal().toUtf8()), r.body.constData());
        r = h->arm("GET", tasks + QStringLiteral("connect") + v() + QStringLiteral("&$expand=output"), token);
        QCOMPARE(QString::fromStdString(r.j["properties"]["state"].get<std::string>()), QStringLiteral("Succeeded"));
        QVERIFY2(r.j["properties"]["output"][0]["databases"].dump().find("inventory") != std::string::npos, r.body.constData());

        json migrate = {{"properties",
                         {{"taskType", "Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2"},
                          {"input",
                           {{"sourceConnectionInfo", conn(m_source, kSingle + ".postgres.database.azure.com")},
                            {"targetConnectionInfo", conn(m_target, kFlex + ".postgres.database.azure.com")},
                            {"selectedDatabases", json::array({{{"name", "inventory"}, {"targetDatabaseName", "inventory"}}})}}}}}};
        r = h->arm("PUT", tasks + QStringLiteral("mig") + v(), token, QByteArray::fromStdString(migrate.dump()));
        QCOMPARE(r.status, 201);
        QCOMPARE(QString::fromStdString(r.j["properties"]["state"].get<std::string>()), QStringLiteral("Running"));
        QVERIFY(!r.j["properties"].contains("output")); // only with $expand=output

        Reply last;
        QVERIFY2(Harness::waitFor(
                     [&] {
                         last = h->arm("GET", tasks + QStringLiteral("mig") + v() + QStringLiteral("&$expand=output"), token);
                         const json dbs = outputOf(last, "DatabaseLevelOutput");
                         return dbs.size() == 1 && dbs[0]["migrationState"] == "READY_TO_COMPLETE";
                     },
                     180000),
                 last.body.constData());
        json db = outputOf(last, "DatabaseLevelOutput")[0];
        QCOMPARE(db["fullLoadCompletedTables"].get<int>(), 2);
        QCOMPARE(db["initializationCompleted"].get<bool>(), true);
        QCOMPARE(outputOf(last, "MigrationLevelOutput").size(), size_t(1));
        QCOMPARE(QString::fromStdString(outputOf(last, "MigrationLevelOutput")[0]["state"].get<std::string>()), QStringLiteral("PENDING"));
        QCOMPARE(outputOf(last, "TableLevelOutput").size(), size_t(2));

        QVERIFY(m_source.execute(QStringLiteral("inventory"), QStringLiteral("INSERT INTO t (v) SELECT 'late' || g FROM generate_series(1, 7) g;")).has_value());
        QVERIFY(Harness::waitFor([&] { return digest(m_source, QStringLiteral("inventory")) == digest(m_target, QStringLiteral("inventory")); }, 60000));

        // Bad commands first: an unknown database, an unknown command type.
        r = h->arm("POST", tasks + QStringLiteral("mig/command") + v(), token, R"({"commandType":"Migrate.Sync.Complete.Database","input":{"databaseName":"nope"}})");
        QCOMPARE(r.status, 400);
        r = h->arm("POST", tasks + QStringLiteral("mig/command") + v(), token, R"({"commandType":"Migrate.Sync.Stop","input":{"databaseName":"inventory"}})");
        QCOMPARE(r.status, 400);
        // The service cannot be deleted while the task runs (without deleteRunningTasks).
        QCOMPARE(h->arm("DELETE", svc() + v(), token).status, 409);

        r = h->arm("POST", tasks + QStringLiteral("mig/command") + v(), token, R"({"commandType":"Migrate.Sync.Complete.Database","input":{"databaseName":"inventory"}})");
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["state"].get<std::string>()), QStringLiteral("Accepted"));
        QVERIFY2(Harness::waitFor(
                     [&] {
                         last = h->arm("GET", tasks + QStringLiteral("mig") + v() + QStringLiteral("&$expand=output"), token);
                         return last.j["properties"]["state"] == "Succeeded" || last.j["properties"]["state"] == "Failed";
                     },
                     120000),
                 last.body.constData());
        QCOMPARE(QString::fromStdString(last.j["properties"]["state"].get<std::string>()), QStringLiteral("Succeeded"));
        QCOMPARE(QString::fromStdString(outputOf(last, "DatabaseLevelOutput")[0]["migrationState"].get<std::string>()), QStringLiteral("COMPLETE"));
        QCOMPARE(QString::fromStdString(outputOf(last, "MigrationLevelOutput")[0]["state"].get<std::string>()), QStringLiteral("COMPLETE"));
        QCOMPARE(last.j["properties"]["commands"].size(), size_t(1));
        QCOMPARE(digest(m_source, QStringLiteral("inventory")), digest(m_target, QStringLiteral("inventory")));
        auto slotRows = m_source.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_replication_slots"));
        QCOMPARE(slotRows->text(0, 0), QStringLiteral("0"));

        // Clean-up order of the docs: delete task, project, service.
        QCOMPARE(h->arm("DELETE", tasks + QStringLiteral("mig") + v(), token).status, 200);
        QCOMPARE(h->arm("DELETE", svc() + QStringLiteral("/projects/p1") + v(), token).status, 200);
        QCOMPARE(h->arm("DELETE", svc() + v(), token).status, 202);
        QCOMPARE(h->arm("GET", svc() + v(), token).status, 404);
    }

    void inputErrors_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("taskState");
        QTest::newRow("unknown task type") << R"({"properties":{"taskType":"Migrate.SqlServer.SqlDb","input":{}}})" << 400 << QString();
        QTest::newRow("no input") << R"({"properties":{"taskType":"Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2"}})" << 400 << QString();
        QTest::newRow("no databases") << R"({"properties":{"taskType":"Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2","input":{"sourceConnectionInfo":{"serverName":"src-single.postgres.database.azure.com"},"targetConnectionInfo":{"serverName":"tgt-flex.postgres.database.azure.com"},"selectedDatabases":[]}}})"
                                      << 201 << "FailedInputValidation";
        QTest::newRow("wrong password") << R"({"properties":{"taskType":"Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2","input":{"sourceConnectionInfo":{"serverName":"src-single.postgres.database.azure.com","password":"wrong"},"targetConnectionInfo":{"serverName":"tgt-flex.postgres.database.azure.com"},"selectedDatabases":[{"name":"inventory"}]}}})"
                                        << 201 << "FailedInputValidation";
        QTest::newRow("unknown server") << R"({"properties":{"taskType":"ConnectToSource.PostgreSql.Sync","input":{"sourceConnectionInfo":{"serverName":"elsewhere.example.com"}}}})"
                                        << 201 << "Failed";
    }

    void inputErrors()
    {
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, taskState);
        provision();
        const Reply r = h->arm("PUT", svc() + QStringLiteral("/projects/p1/tasks/bad") + v(), token, body.toUtf8());
        QCOMPARE(r.status, status);
        if (!taskState.isEmpty()) {
            QCOMPARE(QString::fromStdString(r.j["properties"]["state"].get<std::string>()), taskState);
            QVERIFY(!r.body.contains("wrong"));
        } else {
            QCOMPARE(r.code(), QStringLiteral("InvalidRequest"));
        }
    }

    void serviceAndProjectErrors()
    {
        Reply r = h->arm("PUT", svc() + v(), token, R"({"location":"westus","sku":{"name":"Premium_4vCores"},"properties":{}})");
        QCOMPARE(r.status, 400);
        QVERIFY(r.message().contains(QLatin1String("virtualSubnetId")));
        r = h->arm("GET", svc() + QStringLiteral("/projects/p1") + v(), token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("ParentResourceNotFound"));
        QCOMPARE(h->arm("GET", svc() + QStringLiteral("?api-version=2024-08-01"), token).code(), QStringLiteral("NoRegisteredProviderFound"));
        QCOMPARE(h->arm("GET", svc() + v(), h->token(kNobody)).status, 403);
        provision();
        r = h->arm("PUT", svc() + QStringLiteral("/projects/p2") + v(), token, R"({"location":"westus","properties":{"sourcePlatform":"Oracle","targetPlatform":"AzureDbForPostgreSql"}})");
        QCOMPARE(r.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorDms)
#include "tst_emulatordms.moc"
