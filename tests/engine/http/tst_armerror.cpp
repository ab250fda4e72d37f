// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// ARM error envelope (azure-api.md §5.4) -> fm::Error, including hostile bodies.
#include "engine/http/armerror.h"

#include <QTest>

using namespace fm;
using namespace fm::http;

class TestArmError : public QObject
{
    Q_OBJECT

private slots:
    void envelope_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("details");
        QTest::addColumn<bool>("retryable");

        const int arm = int(ErrorCategory::Arm);
        const int http = int(ErrorCategory::Http);
        QTest::newRow("authorization failed")
            << 403
            << QByteArray(R"({"error":{"code":"AuthorizationFailed","message":"The client 'c' with object id 'o' does not have authorization to perform action 'Microsoft.DBforPostgreSQL/flexibleServers/migrations/write' over scope '/subscriptions/s'."}})")
            << arm << "AuthorizationFailed"
            << "The client 'c' with object id 'o' does not have authorization to perform action 'Microsoft.DBforPostgreSQL/flexibleServers/migrations/write' over scope '/subscriptions/s'."
            << "" << false;
        QTest::newRow("nested details joined depth first")
            << 400
            << QByteArray(R"({"error":{"code":"InvalidTemplate","message":"outer","target":"properties","details":[{"code":"A","message":"first","details":[{"code":"A1","message":"deep"}]},{"code":"B","message":"second","target":"dbsToMigrate"},{"message":"no code"},{"code":"OnlyCode"}]}})")
            << arm << "InvalidTemplate" << "outer"
            << "target: properties; A: first; A1: deep; B: second (target dbsToMigrate); no code; OnlyCode" << false;
        QTest::newRow("throttled 429 is retryable")
            << 429 << QByteArray(R"({"error":{"code":"RetryableErrorDueToAnotherOperation","message":"busy"}})")
            << arm << "RetryableErrorDueToAnotherOperation" << "busy" << "" << true;
        QTest::newRow("dms odata error 500")
            << 500 << QByteArray(R"({"error":{"code":"InternalServerError","message":"oops","details":[]}})")
            << arm << "InternalServerError" << "oops" << "" << true;
        QTest::newRow("bare error object")
            << 404 << QByteArray(R"({"code":"ResourceNotFound","message":"gone"})")
            << arm << "ResourceNotFound" << "gone" << "" << false;
        QTest::newRow("message only")
            << 400 << QByteArray(R"({"error":{"message":"just text"}})")
            << arm << "" << "just text" << "" << false;
        QTest::newRow("empty body 503") << 503 << QByteArray() << http << "HTTP503" << "" << "" << true;
        QTest::newRow("html 502") << 502 << QByteArray("<html>Bad Gateway</html>") << http << "HTTP502" << "" << "" << true;
        QTest::newRow("truncated json") << 400 << QByteArray(R"({"error":{"code":"X")") << http << "HTTP400" << "" << "" << false;
        QTest::newRow("error is a string (AAD shape)") << 401 << QByteArray(R"({"error":"invalid_client"})") << http << "HTTP401" << "" << "" << false;
        QTest::newRow("code is a number") << 400 << QByteArray(R"({"error":{"code":5,"message":7}})") << http << "HTTP400" << "" << "" << false;
        QTest::newRow("array body") << 400 << QByteArray("[1,2]") << http << "HTTP400" << "" << "" << false;
        QTest::newRow("details not an array") << 400 << QByteArray(R"({"error":{"code":"C","message":"m","details":{"code":"x"}}})") << arm << "C" << "m" << "" << false;
        QTest::newRow("408") << 408 << QByteArray() << http << "HTTP408" << "" << "" << true;
    }
    void envelope()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, category);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QString, details);
        QFETCH(bool, retryable);

        Response r;
        r.status = status;
        r.url = QUrl(QStringLiteral("https://management.azure.com/subscriptions/s/x"));
        r.body = body;
        r.headers = {{"x-ms-request-id", "req-1"}, {"X-MS-Correlation-Request-Id", "corr-1"}};
        const Error e = errorFromResponse(r);
        QCOMPARE(int(e.category), category);
        QCOMPARE(e.code, code);
        if (!message.isEmpty())
            QCOMPARE(e.message, message);
        else
            QVERIFY2(e.message.contains(QString::number(status)), qPrintable(e.message));
        QCOMPARE(e.details, details);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.requestId, QStringLiteral("req-1"));
        QCOMPARE(e.correlationId, QStringLiteral("corr-1"));
        QCOMPARE(e.retryable, retryable);
    }

    void deepNestingIsBounded()
    {
        // A hostile body nested thousands deep must neither crash nor recurse without end.
        QByteArray body = R"({"error":{"code":"C","message":"m","details":)";
        for (int i = 0; i < 2000; ++i)
            body += R"([{"code":"D","message":"d","details":)";
        body += "[]";
        for (int i = 0; i < 2000; ++i)
            body += "}]";
        body += "}}";
        Response r;
        r.status = 400;
        r.body = body;
        const Error e = errorFromResponse(r);
        QCOMPARE(e.code, QStringLiteral("C"));
        QVERIFY(e.details.count(QStringLiteral("D: d")) <= 10);
    }

    void fixForKnownCodes()
    {
        Response r;
        r.status = 403;
        r.body = R"({"error":{"code":"AuthorizationFailed","message":"m"}})";
        QVERIFY(errorFromResponse(r).fix.contains(QStringLiteral("Contributor")));
    }
};

QTEST_GUILESS_MAIN(TestArmError)
#include "tst_armerror.moc"
