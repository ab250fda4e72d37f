// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Long-running operations (azure-api.md §5.3): Azure-AsyncOperation, Location,
// provisioningState, failures, Retry-After, cancel, resume from a saved token.
#include "engine/http/httpclient.h"
#include "engine/http/lro.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace fm;
using namespace fm::http;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;

namespace {

const QUrl kResource(QStringLiteral("https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t?api-version=2024-08-01"));
const QByteArray kAsync("https://management.azure.com/subscriptions/s/providers/Microsoft.DBforPostgreSQL/locations/westus2/azureAsyncOperation/op1?api-version=2024-08-01");
const QByteArray kLocation("https://management.azure.com/subscriptions/s/providers/Microsoft.DBforPostgreSQL/locations/westus2/operationResults/op1?api-version=2024-08-01");

struct Fixture {
    FakeNetworkAccessManager nam;
    QList<int> delays;
    std::unique_ptr<HttpClient> client;
    explicit Fixture(int realDelayMs = 0)
    {
        HttpClient::Options options;
        options.retry.maxRetries = 1;
        options.delayHook = [this, realDelayMs](int ms) { delays << ms; return realDelayMs; };
        client = std::make_unique<HttpClient>(&nam, nullptr, options);
    }
    QList<QString> urls() const
    {
        QList<QString> out;
        for (const auto &r : nam.requests())
            out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.url.toString(QUrl::FullyEncoded);
        return out;
    }
};

bool await(Job *job)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(10000);
}

Response initial(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {})
{
    Response r;
    r.status = status;
    r.url = kResource;
    r.headers = headers;
    r.body = body;
    return r;
}

QString get(const QByteArray &url)
{
    return QStringLiteral("GET ") + QString::fromLatin1(url);
}

} // namespace

class TestLro : public QObject
{
    Q_OBJECT

private slots:
    void asyncOperationPut()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, R"({"name":"op1","status":"InProgress","percentComplete":40})").header("Retry-After", "1"));
        f.nam.enqueue(FakeResponse::json(200, R"({"name":"op1","status":"Succeeded"})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"name":"t","properties":{"provisioningState":"Succeeded"}})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource,
                                                               initial(201, {{"Azure-AsyncOperation", kAsync}, {"Location", kLocation}, {"Retry-After", "2"}},
                                                                       R"({"operation":"UpsertElasticServer"})")));
        QSignalSpy progress(lro.get(), &LroPoller::progress);
        QCOMPARE(lro->kind(), LroPoller::Kind::AsyncOperation);
        QVERIFY(await(lro.get()));
        QVERIFY2(lro->outcome().has_value(), qPrintable(lro->outcome() ? QString() : lro->outcome().error().toDisplayString()));
        QCOMPARE(lro->outcome()->body, QByteArray(R"({"name":"t","properties":{"provisioningState":"Succeeded"}})"));
        QCOMPARE(f.urls(), (QList<QString>{get(kAsync), get(kAsync), QStringLiteral("GET ") + kResource.toString(QUrl::FullyEncoded)}));
        QCOMPARE(f.delays, (QList<int>{2000, 1000})); // Retry-After of the initial response, then of the poll
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.at(0).at(0).toString(), QStringLiteral("InProgress"));
        QCOMPARE(progress.at(0).at(1).toInt(), 40);
        QCOMPARE(lro->status(), QStringLiteral("Succeeded"));
    }

    // percentComplete is a server's number: out of range it is unknown (-1) or
    // clamped, never a converted double outside int's range.
    void percentCompleteOutOfRange()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"InProgress","percentComplete":1e300})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"InProgress","percentComplete":250.5})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"Succeeded","percentComplete":-1e30})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"result":1})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "POST", kResource,
                                                               initial(202, {{"Azure-AsyncOperation", kAsync}, {"Location", kLocation}})));
        QSignalSpy progress(lro.get(), &LroPoller::progress);
        QVERIFY(await(lro.get()));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.at(0).at(1).toInt(), -1);
        QCOMPARE(progress.at(1).at(1).toInt(), 100);
        QCOMPARE(progress.at(2).at(1).toInt(), -1);
    }

    void asyncOperationPostFetchesLocationResult()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"Succeeded"})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"result":42})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "POST", kResource,
                                                               initial(202, {{"Azure-AsyncOperation", kAsync}, {"Location", kLocation}})));
        QVERIFY(await(lro.get()));
        QCOMPARE(lro->outcome()->body, QByteArray(R"({"result":42})"));
        QCOMPARE(f.urls(), (QList<QString>{get(kAsync), get(kLocation)}));
        QCOMPARE(f.delays, QList<int>{10000}); // no Retry-After: the default interval
    }

    void locationHeader()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::empty(202).header("Retry-After", "5"));
        f.nam.enqueue(FakeResponse::empty(202));
        f.nam.enqueue(FakeResponse::json(200, R"({"done":true})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "DELETE", kResource, initial(202, {{"Location", kLocation}, {"Retry-After", "3"}})));
        QCOMPARE(lro->kind(), LroPoller::Kind::Location);
        QVERIFY(await(lro.get()));
        QVERIFY(lro->outcome().has_value());
        QCOMPARE(lro->outcome()->body, QByteArray(R"({"done":true})"));
        QCOMPARE(f.urls(), (QList<QString>{get(kLocation), get(kLocation), get(kLocation)}));
        QCOMPARE(f.delays, (QList<int>{3000, 5000, 10000}));
    }

    void failedAndCanceled_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("failed with error") << QByteArray(R"({"status":"Failed","error":{"code":"ServerUpgradeFailed","message":"Disk full","details":[{"code":"Inner","message":"x"}]}})")
                                           << "ServerUpgradeFailed" << "Disk full";
        QTest::newRow("failed without error") << QByteArray(R"({"status":"Failed"})") << "OperationFailed" << "The Azure operation ended with status Failed.";
        QTest::newRow("canceled") << QByteArray(R"({"status":"Canceled"})") << "OperationCanceled" << "The Azure operation ended with status Canceled.";
        QTest::newRow("no status") << QByteArray(R"({"name":"op1"})") << "MalformedOperationStatus" << "";
        QTest::newRow("malformed json") << QByteArray(R"({"status":)") << "MalformedJson" << "";
        QTest::newRow("json array") << QByteArray("[]") << "MalformedOperationStatus" << "";
    }
    void failedAndCanceled()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, body).header("x-ms-request-id", "rq"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource, initial(201, {{"Azure-AsyncOperation", kAsync}})));
        QVERIFY(await(lro.get()));
        QVERIFY(!lro->outcome());
        QCOMPARE(lro->outcome().error().code, code);
        if (!message.isEmpty())
            QCOMPARE(lro->outcome().error().message, message);
        QVERIFY(!lro->outcome().error().isCancelled());
        QCOMPARE(f.nam.requests().size(), 1); // no final GET after a failure
    }

    void unknownStatusKeepsPolling()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"Finalizing"})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"succeeded"})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "DELETE", kResource, initial(202, {{"Azure-AsyncOperation", kAsync}})));
        QVERIFY(await(lro.get()));
        QVERIFY(lro->outcome().has_value());
        QCOMPARE(f.nam.requests().size(), 2);
    }

    void provisioningState_data()
    {
        QTest::addColumn<QList<QByteArray>>("states");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("creating then succeeded") << QList<QByteArray>{"Updating", "Succeeded"} << true;
        QTest::newRow("state vanishes = done") << QList<QByteArray>{""} << true;
        QTest::newRow("failed") << QList<QByteArray>{"Failed"} << false;
        QTest::newRow("canceled") << QList<QByteArray>{"Dropping", "Canceled"} << false;
    }
    void provisioningState()
    {
        QFETCH(QList<QByteArray>, states);
        QFETCH(bool, succeeds);
        Fixture f;
        for (const auto &s : states)
            f.nam.enqueue(FakeResponse::json(200, s.isEmpty() ? QByteArray(R"({"properties":{}})") : R"({"properties":{"provisioningState":")" + s + R"("}})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource,
                                                               initial(201, {}, R"({"properties":{"provisioningState":"Creating"}})")));
        QCOMPARE(lro->kind(), LroPoller::Kind::ProvisioningState);
        QVERIFY(await(lro.get()));
        QCOMPARE(lro->outcome().has_value(), succeeds);
        QCOMPARE(f.nam.requests().size(), states.size());
        for (const auto &r : f.nam.requests())
            QCOMPARE(r.url, kResource);
        if (!succeeds)
            QVERIFY(lro->outcome().error().code.startsWith(QStringLiteral("Provisioning")));
    }

    void doneImmediately_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("PUT 200 succeeded") << QByteArray("PUT") << 200 << QByteArray(R"({"properties":{"provisioningState":"Succeeded"}})");
        QTest::newRow("PUT 201 no state") << QByteArray("PUT") << 201 << QByteArray(R"({"properties":{}})");
        QTest::newRow("DELETE 204") << QByteArray("DELETE") << 204 << QByteArray();
        QTest::newRow("PUT 200 malformed body") << QByteArray("PUT") << 200 << QByteArray("{nope");
    }
    void doneImmediately()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        Fixture f;
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), method, kResource, initial(status, {}, body)));
        QCOMPARE(lro->kind(), LroPoller::Kind::Done);
        QVERIFY(await(lro.get()));
        QVERIFY(lro->outcome().has_value());
        QCOMPARE(lro->outcome()->status, status);
        QCOMPARE(f.nam.requests().size(), 0);
    }

    void pollErrorEndsOperation()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(404, R"({"error":{"code":"ResourceNotFound","message":"gone"}})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource, initial(201, {{"Azure-AsyncOperation", kAsync}})));
        QVERIFY(await(lro.get()));
        QCOMPARE(lro->outcome().error().code, QStringLiteral("ResourceNotFound"));
        QCOMPARE(lro->outcome().error().httpStatus, 404);
    }

    void cancelDuringWait()
    {
        Fixture f(60000); // really wait a minute between polls
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"InProgress"})"));
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource, initial(201, {{"Azure-AsyncOperation", kAsync}})));
        QTest::qWait(20);
        QCOMPARE(f.delays.size(), 1);
        QCOMPARE(f.nam.requests().size(), 0);
        QSignalSpy finished(lro.get(), &Job::finished);
        lro->cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(lro->outcome().error().isCancelled());
        QTest::qWait(50);
        QCOMPARE(f.nam.requests().size(), 0);
    }

    void cancelDuringPollAbortsRequest()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::hanging());
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource, initial(201, {{"Azure-AsyncOperation", kAsync}})));
        QTRY_COMPARE(f.nam.openReplies(), 1);
        lro->cancel();
        QVERIFY(lro->outcome().error().isCancelled());
        QCOMPARE(f.nam.openReplies(), 0);
    }

    void resumeFromToken()
    {
        QString token;
        {
            Fixture f(60000);
            std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(f.client.get(), "PUT", kResource,
                                                                   initial(201, {{"Azure-AsyncOperation", kAsync}, {"Location", kLocation}})));
            token = lro->resumeToken();
            lro->cancel(); // e.g. the program is closed while the operation runs
        }
        QVERIFY(!token.contains(QStringLiteral("Bearer")));
        const auto doc = nlohmann::json::parse(token.toStdString());
        QCOMPARE(doc.at("kind").get<std::string>(), std::string("asyncOperation"));
        QCOMPARE(doc.at("pollUrl").get<std::string>(), kAsync.toStdString());

        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, R"({"status":"Succeeded"})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"name":"t"})"));
        auto resumed = LroPoller::resume(f.client.get(), token);
        QVERIFY(resumed.has_value());
        std::unique_ptr<LroPoller> lro(*resumed);
        QVERIFY(await(lro.get()));
        QVERIFY(lro->outcome().has_value());
        QCOMPARE(lro->outcome()->body, QByteArray(R"({"name":"t"})"));
        QCOMPARE(f.urls(), (QList<QString>{get(kAsync), QStringLiteral("GET ") + kResource.toString(QUrl::FullyEncoded)}));
        QCOMPARE(f.delays, QList<int>{}); // a resumed poller asks at once
        QCOMPARE(lro->resumeToken(), token);
    }

    void resumeRejectsBadTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << "";
        QTest::newRow("not json") << "{{{";
        QTest::newRow("array") << "[]";
        QTest::newRow("unknown kind") << R"({"kind":"magic","method":"PUT","pollUrl":"https://a/b"})";
        QTest::newRow("relative url") << R"({"kind":"location","method":"PUT","pollUrl":"/b"})";
        QTest::newRow("no method") << R"({"kind":"location","pollUrl":"https://a/b"})";
        QTest::newRow("url is a number") << R"({"kind":"location","method":"PUT","pollUrl":5})";
    }
    void resumeRejectsBadTokens()
    {
        QFETCH(QString, token);
        Fixture f;
        const auto r = LroPoller::resume(f.client.get(), token);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("InvalidResumeToken"));
        QCOMPARE(r.error().category, ErrorCategory::Validation);
    }
};

QTEST_GUILESS_MAIN(TestLro)
#include "tst_lro.moc"
