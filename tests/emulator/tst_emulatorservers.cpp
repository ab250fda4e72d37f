// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Servers and their children (issue 5, step 4): configurations with the
// pending-until-restart rule, restart as a long-running operation
// (Azure-AsyncOperation, Location, Retry-After, status endpoint), firewall rules,
// and databases listed from / created on a real local PostgreSQL server.
#include "tests/emulator/emulatortestsupport.h"

#include "tests/support/pgcluster.h"

using namespace fm::test::emu;

class TestEmulatorServers : public QObject
{
    Q_OBJECT
private:
    fm::test::PgCluster m_pg{[] {
        fm::test::PgClusterOptions o;
        o.name = QStringLiteral("emusrv");
        return o;
    }()};
    std::unique_ptr<Harness> h;
    QByteArray token;

    QString v(const QString &path, const QString &apiVersion) const { return path + QStringLiteral("?api-version=") + apiVersion; }

    /** Polls an Azure-AsyncOperation URL until a terminal status; returns the statuses seen. */
    QStringList pollAsync(const QByteArray &url)
    {
        QStringList seen;
        for (int i = 0; i < 100; ++i) {
            const Reply r = h->send("GET", QString::fromUtf8(url), {}, {{"Authorization", "Bearer " + token}});
            if (r.status != 200)
                return seen << QStringLiteral("HTTP %1").arg(r.status);
            const QString s = QString::fromStdString(r.j["status"].get<std::string>());
            if (seen.isEmpty() || seen.last() != s)
                seen << s;
            if (s != QLatin1String("InProgress"))
                return seen;
            QTest::qWait(100);
        }
        return seen;
    }

private slots:
    void initTestCase()
    {
        auto started = m_pg.start();
        QVERIFY2(started.has_value(), started ? "" : qPrintable(started.error().message));
        QVERIFY(m_pg.createDatabase(QStringLiteral("appdb")).has_value());
    }

    void init()
    {
        h = std::make_unique<Harness>(baseConfig(m_pg.port(), m_pg.password().reveal(), m_pg.port(), m_pg.password().reveal()));
        token = h->token(kContributor);
    }
    void cleanup() { h.reset(); }

    void configurationPutAndRestart()
    {
        const QString param = singlePath() + QStringLiteral("/configurations/azure.replication_support");
        Reply r = h->arm("GET", v(param, QStringLiteral("2017-12-01")), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["properties"]["value"].get<std::string>()), QStringLiteral("replica"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["allowedValues"].get<std::string>()), QStringLiteral("off,replica,logical"));
        QCOMPARE(QString::fromStdString(r.j["type"].get<std::string>()), QStringLiteral("Microsoft.DBforPostgreSQL/servers/configurations"));

        // PUT is a long-running operation (azure-api.md §2, §5.3); values are case-insensitive.
        r = h->arm("PUT", v(param, QStringLiteral("2017-12-01")), token, R"({"properties":{"value":"LOGICAL","source":"user-override"}})");
        QCOMPARE(r.status, 202);
        const QByteArray async = r.header("Azure-AsyncOperation");
        const QByteArray location = r.header("Location");
        QVERIFY2(async.startsWith(h->base.toUtf8() + "/subscriptions/" + kSub.toUtf8() + "/providers/Microsoft.DBforPostgreSQL/locations/westus/azureAsyncOperation/"),
                 async.constData());
        QVERIFY(async.endsWith("?api-version=2017-12-01"));
        QVERIFY(location.contains("/operationResults/"));
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(QString::fromStdString(r.j["operation"].get<std::string>()), QStringLiteral("UpsertElasticServerConfiguration"));
        QCOMPARE(pollAsync(async), (QStringList{QStringLiteral("InProgress"), QStringLiteral("Succeeded")}));
        r = h->send("GET", QString::fromUtf8(location), {}, {{"Authorization", "Bearer " + token}});
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["properties"]["value"].get<std::string>()), QStringLiteral("logical"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["source"].get<std::string>()), QStringLiteral("user-override"));

        // Flexible Server shows the pending restart (static parameter).
        const QString wal = flexPath() + QStringLiteral("/configurations/wal_level");
        r = h->arm("PUT", v(wal, QStringLiteral("2024-08-01")), token, R"({"properties":{"value":"logical","source":"user-override"}})");
        QCOMPARE(r.status, 202);
        QCOMPARE(pollAsync(r.header("Azure-AsyncOperation")).last(), QStringLiteral("Succeeded"));
        r = h->arm("GET", v(wal, QStringLiteral("2024-08-01")), token);
        QCOMPARE(QString::fromStdString(r.j["properties"]["value"].get<std::string>()), QStringLiteral("logical"));
        QCOMPARE(r.j["properties"]["isConfigPendingRestart"].get<bool>(), true);
        QCOMPARE(r.j["properties"]["isDynamicConfig"].get<bool>(), false);

        // Restart: 202, Location answers 202 while running, then 204; afterwards nothing is pending.
        r = h->arm("POST", v(flexPath() + QStringLiteral("/restart"), QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.status, 202);
        const QByteArray restartLocation = r.header("Location");
        QVERIFY(!r.header("Azure-AsyncOperation").isEmpty());
        // A second restart while the first runs is refused.
        QCOMPARE(h->arm("POST", v(flexPath() + QStringLiteral("/restart"), QStringLiteral("2024-08-01")), token).status, 409);
        r = h->arm("GET", v(flexPath(), QStringLiteral("2024-08-01")), token);
        QCOMPARE(QString::fromStdString(r.j["properties"]["state"].get<std::string>()), QStringLiteral("Updating"));
        r = h->send("GET", QString::fromUtf8(restartLocation), {}, {{"Authorization", "Bearer " + token}});
        QCOMPARE(r.status, 202);
        QVERIFY(!r.header("Retry-After").isEmpty());
        QVERIFY(Harness::waitFor([&] { return h->send("GET", QString::fromUtf8(restartLocation), {}, {{"Authorization", "Bearer " + token}}).status == 204; }, 5000));
        r = h->arm("GET", v(wal, QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.j["properties"]["isConfigPendingRestart"].get<bool>(), false);
        r = h->arm("GET", v(flexPath(), QStringLiteral("2024-08-01")), token);
        QCOMPARE(QString::fromStdString(r.j["properties"]["state"].get<std::string>()), QStringLiteral("Ready"));
    }

    void operationStatusNeedsToken()
    {
        Reply r = h->arm("POST", v(singlePath() + QStringLiteral("/restart"), QStringLiteral("2017-12-01")), token);
        QCOMPARE(r.status, 202);
        const Reply anon = h->send("GET", QString::fromUtf8(r.header("Azure-AsyncOperation")));
        QCOMPARE(anon.status, 401);
        const Reply unknown = h->arm("GET", QStringLiteral("/subscriptions/%1/providers/Microsoft.DBforPostgreSQL/locations/westus/azureAsyncOperation/%2?api-version=2017-12-01")
                                                .arg(kSub, QStringLiteral("00000000-0000-0000-0000-000000000000")),
                                     token);
        QCOMPARE(unknown.status, 404);
    }

    void invalidConfigurationValues_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QString single = singlePath() + QStringLiteral("/configurations/");
        QTest::newRow("enum") << single + QStringLiteral("azure.replication_support") << QByteArray(R"({"properties":{"value":"full"}})") << "InvalidParameterValue";
        QTest::newRow("integer range") << single + QStringLiteral("max_replication_slots") << QByteArray(R"({"properties":{"value":"1000"}})") << "InvalidParameterValue";
        QTest::newRow("not a number") << single + QStringLiteral("max_wal_senders") << QByteArray(R"({"properties":{"value":"ten"}})") << "InvalidParameterValue";
        QTest::newRow("no value") << single + QStringLiteral("array_nulls") << QByteArray(R"({"properties":{}})") << "InvalidRequestContent";
        QTest::newRow("not json") << single + QStringLiteral("array_nulls") << QByteArray("value=on") << "InvalidRequestContent";
    }

    void invalidConfigurationValues()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const Reply r = h->arm("PUT", v(path, QStringLiteral("2017-12-01")), token, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), code);
    }

    void firewallRules()
    {
        const QString rules = flexPath() + QStringLiteral("/firewallRules");
        Reply r = h->arm("PUT", v(rules + QStringLiteral("/AllowAll_2026"), QStringLiteral("2024-08-01")), token,
                         R"({"properties":{"startIpAddress":"0.0.0.0","endIpAddress":"255.255.255.255"}})");
        QCOMPARE(r.status, 202);
        QCOMPARE(pollAsync(r.header("Azure-AsyncOperation")).last(), QStringLiteral("Succeeded"));
        r = h->arm("GET", v(rules, QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.j["value"].size(), size_t(1));
        QCOMPARE(QString::fromStdString(r.j["value"][0]["properties"]["endIpAddress"].get<std::string>()), QStringLiteral("255.255.255.255"));
        r = h->arm("GET", v(rules + QStringLiteral("/AllowAll_2026"), QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["type"].get<std::string>()), QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));
        r = h->arm("PUT", v(rules + QStringLiteral("/bad"), QStringLiteral("2024-08-01")), token, R"({"properties":{"startIpAddress":"10.0.0.9","endIpAddress":"10.0.0.1"}})");
        QCOMPARE(r.status, 400);
        r = h->arm("PUT", v(rules + QStringLiteral("/bad"), QStringLiteral("2024-08-01")), token, R"({"properties":{"startIpAddress":"::1","endIpAddress":"::1"}})");
        QCOMPARE(r.status, 400);
        r = h->arm("DELETE", v(rules + QStringLiteral("/AllowAll_2026"), QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.status, 202);
        QCOMPARE(pollAsync(r.header("Azure-AsyncOperation")).last(), QStringLiteral("Succeeded"));
        QCOMPARE(h->arm("GET", v(rules, QStringLiteral("2024-08-01")), token).j["value"].size(), size_t(0));
        QCOMPARE(h->arm("DELETE", v(rules + QStringLiteral("/AllowAll_2026"), QStringLiteral("2024-08-01")), token).status, 204);
    }

    void databasesAreReal()
    {
        const QString dbs = singlePath() + QStringLiteral("/databases");
        Reply r = h->arm("GET", v(dbs, QStringLiteral("2017-12-01")), token);
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const auto &d : r.j["value"])
            names << QString::fromStdString(d["name"].get<std::string>());
        QVERIFY2(names.contains(QStringLiteral("appdb")) && names.contains(QStringLiteral("postgres")), qPrintable(names.join(u',')));
        QVERIFY(!names.contains(QStringLiteral("template0")));
        r = h->arm("GET", v(dbs + QStringLiteral("/appdb"), QStringLiteral("2017-12-01")), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["properties"]["charset"].get<std::string>()), QStringLiteral("UTF8"));
        QCOMPARE(h->arm("GET", v(dbs + QStringLiteral("/nope"), QStringLiteral("2017-12-01")), token).status, 404);

        // PUT creates it on the local server, DELETE drops it.
        const QString flexDbs = flexPath() + QStringLiteral("/databases/");
        r = h->arm("PUT", v(flexDbs + QStringLiteral("created_by_arm"), QStringLiteral("2024-08-01")), token,
                   R"({"properties":{"charset":"UTF8","collation":"en_US.utf8"}})");
        QCOMPARE(r.status, 202);
        QCOMPARE(pollAsync(r.header("Azure-AsyncOperation")).last(), QStringLiteral("Succeeded"));
        auto q = m_pg.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'created_by_arm'"));
        QVERIFY(q.has_value());
        QCOMPARE(q->text(0, 0), QStringLiteral("1"));
        r = h->arm("DELETE", v(flexDbs + QStringLiteral("created_by_arm"), QStringLiteral("2024-08-01")), token);
        QCOMPARE(r.status, 202);
        QCOMPARE(pollAsync(r.header("Azure-AsyncOperation")).last(), QStringLiteral("Succeeded"));
        q = m_pg.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'created_by_arm'"));
        QCOMPARE(q->text(0, 0), QStringLiteral("0"));
    }

    void unreachableLocalServer()
    {
        json c = baseConfig(1, QStringLiteral("x"), 1, QStringLiteral("x")); // nothing listens on port 1
        Harness bad(c);
        const Reply r = bad.arm("GET", v(singlePath() + QStringLiteral("/databases"), QStringLiteral("2017-12-01")), bad.token(kContributor));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.code(), QStringLiteral("InternalServerError"));
        QVERIFY(r.message().contains(QLatin1String("127.0.0.1:1")));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorServers)
#include "tst_emulatorservers.moc"
