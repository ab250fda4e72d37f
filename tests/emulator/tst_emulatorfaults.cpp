// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Fault injection from the configuration (issue 5): every Nth call 429 with
// Retry-After, 500/503 rates from a seeded RNG, dropped connections, slow answers.
#include "tests/emulator/emulatortestsupport.h"

using namespace fm::test::emu;

class TestEmulatorFaults : public QObject
{
    Q_OBJECT
private:
    static QString serverUrl() { return singlePath() + QStringLiteral("?api-version=2017-12-01"); }

private slots:
    void throttleEveryNth()
    {
        json c = baseConfig();
        c["faults"] = {{"throttleEveryNth", 3}, {"retryAfterSeconds", 7}};
        Harness h(c);
        const QByteArray token = h.token(kContributor); // the token endpoint is not counted (tokenEndpoint false)
        QList<int> statuses;
        for (int i = 0; i < 7; ++i) {
            const Reply r = h.arm("GET", serverUrl(), token);
            statuses << r.status;
            if (r.status == 429) {
                QCOMPARE(r.header("Retry-After"), QByteArray("7"));
                QCOMPARE(r.code(), QStringLiteral("SubscriptionRequestsThrottled"));
                QVERIFY(r.message().contains(QLatin1String("'7' seconds")));
                QVERIFY(!r.header("x-ms-request-id").isEmpty());
            }
        }
        QCOMPARE(statuses, (QList<int>{200, 200, 429, 200, 200, 429, 200}));
    }

    void throttledWriteHasNoEffect()
    {
        json c = baseConfig();
        c["faults"] = {{"throttleEveryNth", 2}};
        Harness h(c);
        const QByteArray token = h.token(kContributor);
        const QString rules = flexPath() + QStringLiteral("/firewallRules?api-version=2024-08-01");
        QCOMPARE(h.arm("GET", rules, token).status, 200); // call 1
        const Reply put = h.arm("PUT", flexPath() + QStringLiteral("/firewallRules/rule1?api-version=2024-08-01"), token,
                                R"({"properties":{"startIpAddress":"10.0.0.1","endIpAddress":"10.0.0.2"}})"); // call 2
        QCOMPARE(put.status, 429);
        QTest::qWait(500); // longer than timing.lroMs
        const Reply after = h.arm("GET", rules, token); // call 3
        QCOMPARE(after.status, 200);
        QCOMPARE(after.j["value"].size(), size_t(0));
    }

    void tokenEndpointFaults()
    {
        json c = baseConfig();
        c["faults"] = {{"throttleEveryNth", 2}, {"tokenEndpoint", true}};
        Harness h(c);
        QCOMPARE(h.tokenRequest(kTenant, Harness::form(kContributor, kSecret)).status, 200);
        const Reply second = h.tokenRequest(kTenant, Harness::form(kContributor, kSecret));
        QCOMPARE(second.status, 429);
        QCOMPARE(second.header("Retry-After"), QByteArray("1"));
    }

    void errorRates_data()
    {
        QTest::addColumn<double>("rate500");
        QTest::addColumn<double>("rate503");
        QTest::addColumn<int>("expected");
        QTest::newRow("all 500") << 1.0 << 0.0 << 500;
        QTest::newRow("all 503") << 0.0 << 1.0 << 503;
    }

    void errorRates()
    {
        QFETCH(double, rate500);
        QFETCH(double, rate503);
        QFETCH(int, expected);
        json c = baseConfig();
        c["faults"] = {{"error500Rate", rate500}, {"error503Rate", rate503}, {"seed", 3}};
        Harness h(c);
        const Reply r = h.arm("GET", serverUrl(), h.token(kContributor));
        QCOMPARE(r.status, expected);
        QCOMPARE(r.code(), expected == 500 ? QStringLiteral("InternalServerError") : QStringLiteral("ServiceUnavailable"));
        if (expected == 503)
            QVERIFY(!r.header("Retry-After").isEmpty());
    }

    void seededRatesAreReproducible()
    {
        json c = baseConfig();
        c["faults"] = {{"error500Rate", 0.3}, {"error503Rate", 0.2}, {"seed", 42}};
        QList<int> runs[2];
        for (auto &run : runs) {
            Harness h(c);
            const QByteArray token = h.token(kContributor);
            for (int i = 0; i < 20; ++i)
                run << h.arm("GET", serverUrl(), token).status;
        }
        QCOMPARE(runs[0], runs[1]);
        QVERIFY(runs[0].contains(200));
        QVERIFY(runs[0].contains(500) || runs[0].contains(503));
    }

    void droppedConnection()
    {
        // QNetworkAccessManager itself resends a request up to twice when the connection closes before
        // an answer, so only a server that drops every call makes the client see the error.
        json c = baseConfig();
        c["faults"] = {{"dropEveryNth", 1}};
        Harness h(c);
        const QByteArray token = h.token(kContributor);
        const qint64 before = h.server->requestCount();
        const Reply dropped = h.arm("GET", serverUrl(), token);
        QCOMPARE(dropped.status, 0);
        QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(h.server->requestCount() > before);
        h.emu->setFaults({});
        QCOMPARE(h.arm("GET", serverUrl(), token).status, 200);
    }

    void droppedWriteTookEffect()
    {
        // dropAfterProcessing (the default): the client sees a dropped connection, yet the PUT happened.
        json c = baseConfig();
        c["faults"] = {{"dropEveryNth", 1}};
        Harness h(c);
        const QByteArray token = h.token(kContributor);
        const QString url = flexPath() + QStringLiteral("/configurations/log_min_duration_statement?api-version=2024-08-01");
        const Reply put = h.arm("PUT", url, token, R"({"properties":{"value":"250","source":"user-override"}})");
        QCOMPARE(put.status, 0);
        h.emu->setFaults({});
        QTest::qWait(500); // longer than timing.lroMs
        const Reply after = h.arm("GET", url, token);
        QCOMPARE(after.status, 200);
        QCOMPARE(QString::fromStdString(after.j["properties"]["value"].get<std::string>()), QStringLiteral("250"));
    }

    void droppedBeforeProcessingHasNoEffect()
    {
        json c = baseConfig();
        c["faults"] = {{"dropEveryNth", 1}, {"dropAfterProcessing", false}};
        Harness h(c);
        const QByteArray token = h.token(kContributor);
        const QString url = flexPath() + QStringLiteral("/configurations/log_min_duration_statement?api-version=2024-08-01");
        QCOMPARE(h.arm("PUT", url, token, R"({"properties":{"value":"250"}})").status, 0);
        h.emu->setFaults({});
        QTest::qWait(500);
        const Reply after = h.arm("GET", url, token);
        QCOMPARE(after.status, 200);
        QCOMPARE(QString::fromStdString(after.j["properties"]["value"].get<std::string>()), QStringLiteral("-1"));
    }

    void slowResponses()
    {
        json c = baseConfig();
        c["faults"] = {{"delayMs", 600}};
        Harness h(c);
        const QByteArray token = h.token(kContributor); // not delayed: tokenEndpoint is false
        QElapsedTimer t;
        t.start();
        const Reply r = h.arm("GET", serverUrl(), token);
        QCOMPARE(r.status, 200);
        QVERIFY2(t.elapsed() >= 550, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulatorfaults.moc"
