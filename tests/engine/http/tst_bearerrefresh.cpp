// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Issue 4: a 401 from ARM (token revoked or expired early) forces one token
// refresh and one resend, never more; the second 401 is the error.
#include "engine/http/bearertokenpolicy.h"
#include "engine/http/httpclient.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QMetaObject>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace fm;
using namespace fm::http;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;

namespace {

const QUrl kArmUrl(QStringLiteral("https://management.azure.com/subscriptions/s1/resourceGroups/rg?api-version=2024-08-01"));
const QString kScope = QStringLiteral("https://management.core.windows.net/.default");

/**
 * Answers "token-<generation>"; invalidate() with the current token starts the
 * next generation (a refresh), a stale token is ignored, like CachingCredential.
 */
class RefreshingCredential final : public TokenCredential
{
public:
    void getToken(const QStringList &scopes, QObject *context, std::function<void(Expected<AccessToken>)> done) override
    {
        ++calls;
        lastScopes = scopes;
        const AccessToken token{Secret(current()), QDateTime::currentDateTimeUtc().addSecs(3600)};
        QMetaObject::invokeMethod(context, [done = std::move(done), token] { done(token); }, Qt::QueuedConnection);
    }
    void invalidate(const QStringList &scopes, const Secret &token) override
    {
        invalidatedScopes = scopes;
        if (token == Secret(current()))
            ++refreshes;
    }
    QString current() const { return QStringLiteral("token-%1").arg(refreshes + 1); }

    int calls = 0;
    int refreshes = 0;
    QStringList lastScopes;
    QStringList invalidatedScopes;
};

Expected<Response> await(HttpJob *job)
{
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Job::finished);
        if (!spy.wait(10000))
            return fail(Error::internal(QStringLiteral("test: job did not finish")));
    }
    return job->outcome();
}

HttpClient::Options options()
{
    HttpClient::Options o;
    o.scopes = {kScope};
    o.delayHook = [](int) { return 0; };
    return o;
}

const QByteArray kArmExpired = R"({"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time is earlier than current UTC time."}})";
const QByteArray kChallenge = R"(Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token has been revoked.")";

} // namespace

class TestBearerRefresh : public QObject
{
    Q_OBJECT

private slots:
    void unauthorizedOnceIsRetriedWithNewToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("GET") << QByteArray("GET") << QByteArray();
        QTest::newRow("PUT json") << QByteArray("PUT") << QByteArray(R"({"properties":{"version":"16"}})");
        QTest::newRow("POST binary") << QByteArray("POST") << QByteArray("\x00\x01\xff payload", 12);
        QTest::newRow("PATCH large") << QByteArray("PATCH") << QByteArray(256 * 1024, 'x');
    }
    void unauthorizedOnceIsRetriedWithNewToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(401, kArmExpired).header("WWW-Authenticate", kChallenge));
        nam.enqueue(FakeResponse::json(200, R"({"id":"ok"})"));
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());

        Request request;
        request.method = method;
        request.url = kArmUrl;
        request.body = body;
        request.setHeader("Content-Type", "application/json");
        std::unique_ptr<HttpJob> job(client.send(request));
        const auto outcome = await(job.get());
        QVERIFY2(outcome.has_value(), qPrintable(outcome ? QString() : outcome.error().toDisplayString()));
        QCOMPARE(outcome->status, 200);

        QCOMPARE(nam.requests().size(), 2);
        QCOMPARE(credential->refreshes, 1);
        QCOMPARE(credential->calls, 2);
        QCOMPARE(credential->invalidatedScopes, QStringList{kScope});
        QCOMPARE(nam.requests().at(0).header("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(nam.requests().at(1).header("Authorization"), QByteArray("Bearer token-2"));
        for (const auto &r : nam.requests()) {
            // The body was buffered in Request: the resend carries it unchanged.
            QCOMPARE(r.method, method);
            QCOMPARE(r.body, body);
            QCOMPARE(r.url, kArmUrl);
        }
        // Same logical operation: the client request id is kept across the resend.
        QCOMPARE(nam.requests().at(1).header("x-ms-client-request-id"), nam.requests().at(0).header("x-ms-client-request-id"));
    }

    void unauthorizedTwiceIsTheError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("challenge");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("ARM body") << kArmExpired << false << "ExpiredAuthenticationToken" << int(ErrorCategory::Arm)
                                  << "expiry UTC time is earlier";
        QTest::newRow("ARM body + challenge") << kArmExpired << true << "ExpiredAuthenticationToken" << int(ErrorCategory::Arm)
                                              << "expiry UTC time is earlier";
        QTest::newRow("challenge only") << QByteArray() << true << "Unauthorized" << int(ErrorCategory::Auth)
                                        << "The access token has been revoked.";
        QTest::newRow("nothing") << QByteArray() << false << "Unauthorized" << int(ErrorCategory::Auth) << "refused the access token";
    }
    void unauthorizedTwiceIsTheError()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, challenge);
        QFETCH(QString, code);
        QFETCH(int, category);
        QFETCH(QString, messagePart);
        FakeNetworkAccessManager nam;
        for (int i = 0; i < 2; ++i) {
            FakeResponse r = body.isEmpty() ? FakeResponse::empty(401) : FakeResponse::json(401, body);
            r.header("x-ms-request-id", QByteArray("req-") + QByteArray::number(i + 1));
            if (challenge)
                r.header("WWW-Authenticate", kChallenge);
            nam.enqueue(r);
        }
        // A third send would get this 200 and hide the bug.
        nam.enqueue(FakeResponse::json(200, "{}"));
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());

        std::unique_ptr<HttpJob> job(client.send(Request::json("PUT", kArmUrl, nlohmann::json{{"a", 1}})));
        const auto outcome = await(job.get());
        QVERIFY(!outcome.has_value());
        QCOMPARE(nam.requests().size(), 2);
        QCOMPARE(nam.queued(), 1);
        QCOMPARE(credential->refreshes, 1);
        QCOMPARE(credential->calls, 2);

        const Error &e = outcome.error();
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.code, code);
        QCOMPARE(int(e.category), category);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
        QVERIFY(!e.fix.isEmpty());
        QVERIFY(!e.retryable);
        QCOMPARE(e.requestId, QStringLiteral("req-2"));
        QVERIFY2(e.details.contains(QStringLiteral("refused twice")), qPrintable(e.details));
        if (challenge && category == int(ErrorCategory::Arm))
            QVERIFY2(e.details.contains(QStringLiteral("has been revoked")), qPrintable(e.details));
        const QString shown = e.toDisplayString();
        QVERIFY(!shown.contains(QStringLiteral("token-1")));
        QVERIFY(!shown.contains(QStringLiteral("token-2")));
    }

    void otherStatusesAreNotRefreshed_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("403") << 403;
        QTest::newRow("404") << 404;
        QTest::newRow("400") << 400;
    }
    void otherStatusesAreNotRefreshed()
    {
        QFETCH(int, status);
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(status, R"({"error":{"code":"AuthorizationFailed","message":"no"}})"));
        nam.enqueue(FakeResponse::json(200, "{}"));
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QVERIFY(!outcome.has_value());
        QCOMPARE(outcome.error().httpStatus, status);
        QCOMPARE(nam.requests().size(), 1);
        QCOMPARE(credential->refreshes, 0);
        QCOMPARE(credential->calls, 1);
    }

    void errorStatusAsResponseGetsTheSecond401()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::empty(401));
        nam.enqueue(FakeResponse::empty(401).header("x-ms-request-id", "second"));
        nam.enqueue(FakeResponse::json(200, "{}"));
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());
        Request request = Request::get(kArmUrl);
        request.errorStatusAsResponse = true;
        std::unique_ptr<HttpJob> job(client.send(request));
        const auto outcome = await(job.get());
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->status, 401);
        QCOMPARE(outcome->requestId(), QStringLiteral("second"));
        QCOMPARE(nam.requests().size(), 2);
        QCOMPARE(credential->refreshes, 1);
    }

    void eachRequestGetsItsOwnRetry()
    {
        // The "once" is per request: a later request may refresh again.
        FakeNetworkAccessManager nam;
        for (int i = 0; i < 2; ++i) {
            nam.enqueue(FakeResponse::empty(401));
            nam.enqueue(FakeResponse::json(200, "{}"));
        }
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());
        for (int i = 0; i < 2; ++i) {
            std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
            const auto outcome = await(job.get());
            QVERIFY(outcome.has_value());
            QCOMPARE(outcome->status, 200);
        }
        QCOMPARE(nam.requests().size(), 4);
        QCOMPARE(credential->refreshes, 2);
        QCOMPARE(nam.requests().at(3).header("Authorization"), QByteArray("Bearer token-3"));
    }

    void cancelDuringRefreshSendsNothingMore()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::empty(401).header("x-ms-request-id", "only"));
        nam.enqueue(FakeResponse::json(200, "{}"));
        auto credential = std::make_shared<RefreshingCredential>();
        HttpClient client(&nam, credential, options());
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        QSignalSpy finished(job.get(), &Job::finished);
        // Cancel as soon as the first request went out; its 401 arrives after.
        QVERIFY(QTest::qWaitFor([&] { return nam.requests().size() == 1; }, 5000));
        job->cancel();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(!job->outcome().has_value());
        QVERIFY(job->outcome().error().isCancelled());
        QTest::qWait(50);
        QCOMPARE(nam.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBearerRefresh)
#include "tst_bearerrefresh.moc"
