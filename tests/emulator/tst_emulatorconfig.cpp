// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// The emulator configuration: a valid file parses; every bad one is refused
// with an error that names the key (issue 5, step 1).
#include "tests/emulator/emulatortestsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace fm::test::emu;
using fm::emulator::EmulatorConfig;

class TestEmulatorConfig : public QObject
{
    Q_OBJECT
private slots:
    void validConfig()
    {
        auto c = EmulatorConfig::fromJson(baseConfig(6001, QStringLiteral("pw")));
        QVERIFY2(c.has_value(), c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->tenants.size(), size_t(2));
        QCOMPARE(c->servers.size(), size_t(2));
        QCOMPARE(c->servers[0].kind, fm::emulator::ServerSpec::Kind::Single);
        QCOMPARE(c->servers[0].resourceId(), singlePath());
        QCOMPARE(c->servers[1].postgres.port, 5432);
        QCOMPARE(c->servers[0].postgres.port, 6001);
        QCOMPARE(c->servers[0].postgres.password.reveal(), QStringLiteral("pw"));
        QCOMPARE(c->timing.lroMs, 200);
        QCOMPARE(c->effectiveTokenLifetime(), 3600);
        QVERIFY(c->findTenant(QStringLiteral("contoso.onmicrosoft.com")));
        QVERIFY(c->findApp(kTenant, kContributor.toUpper()));
        QVERIFY(!c->findApp(kOtherTenant, kContributor));
    }

    void shortTokenLifetime()
    {
        json j = baseConfig();
        j["faults"] = {{"shortTokenLifetimeSeconds", 5}, {"throttleEveryNth", 4}, {"seed", 7}};
        auto c = EmulatorConfig::fromJson(j);
        QVERIFY(c.has_value());
        QCOMPARE(c->effectiveTokenLifetime(), 5);
        QCOMPARE(c->faults.throttleEveryNth, 4);
        QCOMPARE(c->faults.seed, 7u);
    }

    void badConfig_data()
    {
        QTest::addColumn<QString>("patch"); // a JSON Patch-like edit as "pointer=json"
        QTest::addColumn<QString>("expectedKey");
        QTest::newRow("no tenants") << "/tenants=null" << "tenants: is required";
        QTest::newRow("tenant id not a guid") << "/tenants/0/id=\"contoso\"" << "tenants[0].id: must be a GUID";
        QTest::newRow("app without secret") << "/tenants/0/apps/1/secret=null" << "tenants[0].apps[1].secret: is required";
        QTest::newRow("duplicate client id") << "/tenants/1/apps/0/clientId=\"aaaaaaaa-0000-0000-0000-000000000001\""
                                             << "tenants[1].apps[0].clientId: is used by another app";
        QTest::newRow("unknown top key") << "/tokenLifetime=5" << "tokenLifetime: unknown key";
        QTest::newRow("lifetime zero") << "/tokenLifetimeSeconds=0" << "tokenLifetimeSeconds: must be between 1 and 86400";
        QTest::newRow("subscription tenant unknown") << "/subscriptions/0/tenantId=\"12345678-1234-1234-1234-123456789012\""
                                                     << "subscriptions[0].tenantId: names no tenant";
        QTest::newRow("server rg unknown") << "/flexibleServers/0/resourceGroup=\"nope\"" << "flexibleServers[0].resourceGroup: no resource group \"nope\"";
        QTest::newRow("server name bad") << "/singleServers/0/name=\"Bad_Name\"" << "singleServers[0].name: must be 3-63 characters";
        QTest::newRow("port out of range") << "/singleServers/0/postgres/port=70000" << "singleServers[0].postgres.port: must be between 1 and 65535";
        QTest::newRow("port not a number") << "/singleServers/0/postgres/port=\"5432\"" << "singleServers[0].postgres.port: must be an integer";
        QTest::newRow("postgres missing") << "/flexibleServers/0/postgres=null" << "flexibleServers[0].postgres: is required";
        QTest::newRow("postgres user missing") << "/flexibleServers/0/postgres/user=null" << "flexibleServers[0].postgres.user: is required";
        QTest::newRow("replication support bad") << "/singleServers/0/replicationSupport=\"full\"" << "singleServers[0].replicationSupport: must be off";
        QTest::newRow("replication support on flexible") << "/flexibleServers/0/replicationSupport=\"logical\""
                                                         << "flexibleServers[0].replicationSupport: only Single Servers";
        QTest::newRow("role unknown") << "/roleAssignments/0/role=\"Admin\"" << "roleAssignments[0].role: must be Owner, Contributor or Reader";
        QTest::newRow("scope bad") << "/roleAssignments/0/scope=\"rg1\"" << "roleAssignments[0].scope: must start with /subscriptions/";
        QTest::newRow("principal unknown") << "/roleAssignments/0/principal=\"cccccccc-0000-0000-0000-000000000000\""
                                           << "roleAssignments[0].principal: names no app";
        QTest::newRow("rate above 1") << "/faults={\"error500Rate\":1.5}" << "faults.error500Rate: must be a number between 0 and 1";
        QTest::newRow("rates sum above 1") << "/faults={\"error500Rate\":0.6,\"error503Rate\":0.6}" << "faults: error500Rate + error503Rate + dropRate";
        QTest::newRow("fault key typo") << "/faults={\"throttleEvery\":3}" << "faults.throttleEvery: unknown key";
        QTest::newRow("timing negative") << "/timing/lroMs=-1" << "timing.lroMs: must be between 0 and 3600000";
    }

    void badConfig()
    {
        QFETCH(QString, patch);
        QFETCH(QString, expectedKey);
        json j = baseConfig();
        const int eq = patch.indexOf(QLatin1Char('='));
        const std::string pointer = patch.left(eq).toStdString();
        const json value = json::parse(patch.mid(eq + 1).toStdString());
        if (value.is_null())
            j[json::json_pointer(pointer).parent_pointer()].erase(json::json_pointer(pointer).back());
        else
            j[json::json_pointer(pointer)] = value;
        auto c = EmulatorConfig::fromJson(j);
        QVERIFY2(!c.has_value(), "a bad configuration was accepted");
        QVERIFY2(c.error().message.startsWith(expectedKey), qPrintable(c.error().message));
        QCOMPARE(c.error().code, QStringLiteral("EmulatorConfigInvalid"));
    }

    void notJson()
    {
        auto c = EmulatorConfig::fromText("{\"tenants\": [");
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(QLatin1String("not valid JSON")), qPrintable(c.error().message));
        auto missing = EmulatorConfig::load(QStringLiteral("/nonexistent/emulator.json"));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QLatin1String("/nonexistent/emulator.json")));
    }

    void secretsNotInErrors()
    {
        json j = baseConfig();
        j["tenants"][0]["apps"][0]["secret"] = 42; // wrong type: the message names the key, not the value
        auto c = EmulatorConfig::fromJson(j);
        QVERIFY(!c);
        QCOMPARE(c.error().message, QStringLiteral("tenants[0].apps[0].secret: must be a string"));
    }

    // The executable: prints the port and the ready line; a bad file exits 2 naming the key.
    void executable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(QStringLiteral("good.json"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(baseConfig().dump(2)));
        f.close();
        json b = baseConfig();
        b["singleServers"][0]["postgres"]["port"] = 0;
        QFile g(bad);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(QByteArray::fromStdString(b.dump()));
        g.close();

        QProcess p;
        p.setProcessEnvironment([&] {
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir.path()); // logs go to a temporary folder
            env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
            return env;
        }());
        p.start(QStringLiteral(FM_EMULATOR_EXE), {QStringLiteral("--config"), good, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("ready ") && t.elapsed() < 20000) {
            p.waitForReadyRead(500);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.contains("ready http://127.0.0.1:"), out.constData());
        const QByteArray portLine = out.split('\n').first();
        QVERIFY2(portLine.startsWith("port "), out.constData());
        const int port = portLine.mid(5).toInt();
        QVERIFY(port > 0);
        QVERIFY(out.contains(QByteArray("ready http://127.0.0.1:") + QByteArray::number(port)));
        // It answers: a token request works over the real socket.
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/%2/oauth2/v2.0/token").arg(port).arg(kTenant)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = nam.post(req, Harness::form(kContributor, kSecret));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        p.terminate();
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);

        QProcess q;
        q.start(QStringLiteral(FM_EMULATOR_EXE), {QStringLiteral("--config"), bad});
        QVERIFY(q.waitForFinished(15000));
        QCOMPARE(q.exitCode(), 2);
        const QString err = QString::fromUtf8(q.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("singleServers[0].postgres.port: must be between 1 and 65535")), qPrintable(err));

        QProcess r;
        r.start(QStringLiteral(FM_EMULATOR_EXE), {QStringLiteral("--config"), good, QStringLiteral("--host"), QStringLiteral("0.0.0.0")});
        QVERIFY(r.waitForFinished(15000));
        QCOMPARE(r.exitCode(), 2);
        QVERIFY(QString::fromUtf8(r.readAllStandardError()).contains(QLatin1String("loopback only")));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorConfig)
#include "tst_emulatorconfig.moc"
