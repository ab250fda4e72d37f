// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// HttpClient and its policy chain against the in-process fake network manager:
// exact headers, bearer transport rule, retry/backoff/Retry-After with a fixed
// clock and jitter, cancellation, timeouts, error mapping.
#include "engine/http/httpclient.h"
#include "tests/engine/http/fakecredential.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <nlohmann/json.hpp>

using namespace fm;
using namespace fm::http;
using fm::test::FakeCredential;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;

Q_DECLARE_METATYPE(QList<FakeResponse>)

namespace {

const QUrl kArmUrl(QStringLiteral("https://management.azure.com/subscriptions/s1/resourceGroups/rg?api-version=2024-08-01"));

/** Runs the job's event loop until it finishes (or 10 s pass). */
Expected<Response> await(HttpJob *job)
{
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Job::finished);
        if (!spy.wait(10000))
            return fail(Error::internal(QStringLiteral("test: job did not finish")));
    }
    return job->outcome();
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void sendsRequestIdUserAgentAndBearer()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(200, R"({"id":"x"})").header("x-ms-request-id", "req-1"));
        auto credential = std::make_shared<FakeCredential>();
        HttpClient::Options options;
        options.scopes = {QStringLiteral("https://management.core.windows.net/.default")};
        HttpClient client(&nam, credential, options);

        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QVERIFY2(outcome.has_value(), qPrintable(outcome ? QString() : outcome.error().toDisplayString()));
        QCOMPARE(outcome->status, 200);
        QCOMPARE(outcome->requestId(), QStringLiteral("req-1"));
        QCOMPARE(outcome->json()->at("id").get<std::string>(), std::string("x"));

        QCOMPARE(nam.requests().size(), 1);
        const auto &r = nam.requests().first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.url, kArmUrl);
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer fake-access-token"));
        QCOMPARE(r.header("Accept"), QByteArray("application/json"));
        QCOMPARE(r.header("User-Agent"), QByteArray("FlexMigrate/" FLEXMIGRATE_TEST_VERSION));
        QCOMPARE(r.header("x-ms-return-client-request-id"), QByteArray("true"));
        static const QRegularExpression guid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY2(guid.match(QString::fromLatin1(r.header("x-ms-client-request-id"))).hasMatch(), r.header("x-ms-client-request-id").constData());
        QCOMPARE(credential->calls, 1);
        QCOMPARE(credential->lastScopes, options.scopes);
    }

    void sendsJsonBody_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("PUT") << QByteArray("PUT");
        QTest::newRow("PATCH") << QByteArray("PATCH");
        QTest::newRow("POST") << QByteArray("POST");
    }
    void sendsJsonBody()
    {
        QFETCH(QByteArray, method);
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(201, "{}"));
        HttpClient client(&nam, nullptr);
        std::unique_ptr<HttpJob> job(client.send(Request::json(method, kArmUrl, {{"location", "eastus"}, {"properties", {{"a", true}}}})));
        QVERIFY(await(job.get()).has_value());
        const auto &r = nam.requests().first();
        QCOMPARE(r.method, method);
        QCOMPARE(r.body, QByteArray(R"({"location":"eastus","properties":{"a":true}})"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(!r.hasHeader("Authorization")); // no credential, no bearer
    }

    void keepsCallerRequestId()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::empty(204));
        HttpClient client(&nam, nullptr);
        Request request = Request::get(kArmUrl);
        request.setHeader("x-ms-client-request-id", "11111111-2222-3333-4444-555555555555");
        std::unique_ptr<HttpJob> job(client.send(request));
        QCOMPARE(await(job.get())->status, 204);
        QCOMPARE(nam.requests().first().header("x-ms-client-request-id"), QByteArray("11111111-2222-3333-4444-555555555555"));
    }

    void bearerTransportRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://management.azure.com/x" << true;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8443/x" << true;
        QTest::newRow("http 127.8.9.10") << "http://127.8.9.10/x" << true;
        QTest::newRow("http [::1]") << "http://[::1]:8080/x" << true;
        QTest::newRow("http localhost") << "http://localhost:8080/x" << true;
        QTest::newRow("http LOCALHOST") << "http://LOCALHOST/x" << true;
        QTest::newRow("http public host") << "http://management.azure.com/x" << false;
        QTest::newRow("http private ip") << "http://10.0.0.5/x" << false;
        QTest::newRow("http localhost suffix trick") << "http://localhost.example.com/x" << false;
        QTest::newRow("http 127 prefix name") << "http://127.0.0.1.nip.io/x" << false;
        QTest::newRow("http ::2") << "http://[::2]/x" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1/x" << false;
    }
    void bearerTransportRule()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(200, "{}"));
        auto credential = std::make_shared<FakeCredential>();
        HttpClient::Options options;
        options.scopes = {QStringLiteral("https://management.core.windows.net/.default")};
        HttpClient client(&nam, credential, options);
        std::unique_ptr<HttpJob> job(client.send(Request::get(QUrl(url))));
        const auto outcome = await(job.get());
        QCOMPARE(outcome.has_value(), allowed);
        if (allowed) {
            QCOMPARE(nam.requests().first().header("Authorization"), QByteArray("Bearer fake-access-token"));
        } else {
            QCOMPARE(outcome.error().code, QStringLiteral("InsecureTransport"));
            QCOMPARE(outcome.error().category, ErrorCategory::Auth);
            QVERIFY(outcome.error().message.contains(QStringLiteral("could read the token")));
            QVERIFY(outcome.error().fix.contains(QStringLiteral("127.0.0.1")));
            QCOMPARE(nam.requests().size(), 0); // nothing went out
            QCOMPARE(credential->calls, 0);     // not even a token was fetched
        }
    }

    void credentialErrorEndsCall()
    {
        FakeNetworkAccessManager nam;
        auto credential = std::make_shared<FakeCredential>();
        credential->error = Error::make(ErrorCategory::Auth, QStringLiteral("AADSTS7000215"), QStringLiteral("bad secret"));
        HttpClient::Options options;
        options.scopes = {QStringLiteral("s/.default")};
        HttpClient client(&nam, credential, options);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, QStringLiteral("AADSTS7000215"));
        QCOMPARE(nam.requests().size(), 0);
    }

    void retry_data()
    {
        QTest::addColumn<QList<FakeResponse>>("answers");
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<int>("maxDelayMs");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<QList<int>>("expectedDelays");
        QTest::addColumn<int>("finalStatus"); // 0: error expected
        QTest::addColumn<QString>("finalCode");

        auto s = [](int status) { return FakeResponse::json(status, "{}"); };
        auto ra = [](int status, const QByteArray &after) { return FakeResponse::json(status, "{}").header("Retry-After", after); };
        const auto net = FakeResponse::networkError(QNetworkReply::RemoteHostClosedError);

        QTest::newRow("429 Retry-After seconds") << QList<FakeResponse>{ra(429, "7"), s(200)} << 3 << 60000 << 1.0 << QList<int>{7000} << 200 << QString();
        // clock is fixed at 2026-11-25T15:00:00Z
        QTest::newRow("429 Retry-After HTTP date") << QList<FakeResponse>{ra(429, "Wed, 25 Nov 2026 15:00:12 GMT"), s(200)} << 3 << 60000 << 1.0 << QList<int>{12000} << 200 << QString();
        QTest::newRow("429 Retry-After date in the past") << QList<FakeResponse>{ra(429, "Wed, 25 Nov 2026 14:00:00 GMT"), s(200)} << 3 << 60000 << 1.0 << QList<int>{0} << 200 << QString();
        QTest::newRow("503 Retry-After") << QList<FakeResponse>{ra(503, "3"), s(200)} << 3 << 60000 << 1.0 << QList<int>{3000} << 200 << QString();
        QTest::newRow("429 retry-after-ms") << QList<FakeResponse>{s(429).header("retry-after-ms", "250"), s(200)} << 3 << 60000 << 1.0 << QList<int>{250} << 200 << QString();
        QTest::newRow("429 without Retry-After backs off") << QList<FakeResponse>{s(429), s(200)} << 3 << 60000 << 1.0 << QList<int>{800} << 200 << QString();
        QTest::newRow("Retry-After capped by max delay") << QList<FakeResponse>{ra(429, "3600"), s(200)} << 3 << 60000 << 1.0 << QList<int>{60000} << 200 << QString();
        QTest::newRow("garbage Retry-After backs off") << QList<FakeResponse>{ra(503, "soon"), s(200)} << 3 << 60000 << 1.0 << QList<int>{800} << 200 << QString();
        QTest::newRow("500 exponential") << QList<FakeResponse>{s(500), s(500), s(500), s(200)} << 3 << 60000 << 1.0 << QList<int>{800, 1600, 3200} << 200 << QString();
        QTest::newRow("502 jitter 1.2") << QList<FakeResponse>{s(502), s(504), s(200)} << 3 << 60000 << 1.2 << QList<int>{960, 1920} << 200 << QString();
        QTest::newRow("408 jitter 0.8") << QList<FakeResponse>{s(408), s(200)} << 3 << 60000 << 0.8 << QList<int>{640} << 200 << QString();
        QTest::newRow("max delay caps backoff") << QList<FakeResponse>{s(500), s(500), s(500), s(200)} << 3 << 2000 << 1.0 << QList<int>{800, 1600, 2000} << 200 << QString();
        QTest::newRow("connection error") << QList<FakeResponse>{net, s(200)} << 3 << 60000 << 1.0 << QList<int>{800} << 200 << QString();
        QTest::newRow("bounded: retries exhausted") << QList<FakeResponse>{s(500), s(500), s(500), s(500)} << 3 << 60000 << 1.0 << QList<int>{800, 1600, 3200} << 0 << "HTTP500";
        QTest::newRow("bounded: connection errors exhausted") << QList<FakeResponse>{net, net, net} << 2 << 60000 << 1.0 << QList<int>{800, 1600} << 0 << "NetworkError";
        QTest::newRow("no retries configured") << QList<FakeResponse>{s(503)} << 0 << 60000 << 1.0 << QList<int>{} << 0 << "HTTP503";
        QTest::newRow("404 not retried") << QList<FakeResponse>{s(404)} << 3 << 60000 << 1.0 << QList<int>{} << 0 << "HTTP404";
        QTest::newRow("400 not retried") << QList<FakeResponse>{s(400)} << 3 << 60000 << 1.0 << QList<int>{} << 0 << "HTTP400";
        QTest::newRow("501 not retried") << QList<FakeResponse>{s(501)} << 3 << 60000 << 1.0 << QList<int>{} << 0 << "HTTP501";
        QTest::newRow("TLS failure not retried") << QList<FakeResponse>{FakeResponse::networkError(QNetworkReply::SslHandshakeFailedError)} << 3 << 60000 << 1.0 << QList<int>{} << 0 << "NetworkError";
    }
    void retry()
    {
        QFETCH(QList<FakeResponse>, answers);
        QFETCH(int, maxRetries);
        QFETCH(int, maxDelayMs);
        QFETCH(double, jitter);
        QFETCH(QList<int>, expectedDelays);
        QFETCH(int, finalStatus);
        QFETCH(QString, finalCode);

        FakeNetworkAccessManager nam;
        for (const auto &a : answers)
            nam.enqueue(a);
        QList<int> delays;
        HttpClient::Options options;
        options.retry.maxRetries = maxRetries;
        options.retry.maxDelay = std::chrono::milliseconds(maxDelayMs);
        options.retry.jitter = [jitter] { return jitter; };
        options.clock = [] { return QDateTime(QDate(2026, 11, 25), QTime(15, 0), QTimeZone::utc()); };
        options.delayHook = [&delays](int ms) { delays << ms; return 0; };
        HttpClient client(&nam, nullptr, options);

        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QCOMPARE(delays, expectedDelays);
        QCOMPARE(nam.requests().size(), expectedDelays.size() + 1);
        // Every attempt of one call carries the same client request id.
        for (const auto &r : nam.requests())
            QCOMPARE(r.header("x-ms-client-request-id"), nam.requests().first().header("x-ms-client-request-id"));
        if (finalStatus) {
            QVERIFY2(outcome.has_value(), qPrintable(outcome ? QString() : outcome.error().toDisplayString()));
            QCOMPARE(outcome->status, finalStatus);
        } else {
            QVERIFY(!outcome);
            QCOMPARE(outcome.error().code, finalCode);
        }
    }

    void cancelDuringBackoffWait()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(503, "{}").header("Retry-After", "30"));
        HttpClient::Options options;
        QList<int> delays;
        options.delayHook = [&delays](int ms) { delays << ms; return ms; }; // really wait 30 s
        HttpClient client(&nam, nullptr, options);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        QTRY_COMPARE(delays, QList<int>{30000});
        QElapsedTimer timer;
        timer.start();
        QSignalSpy finished(job.get(), &Job::finished);
        job->cancel();
        QCOMPARE(finished.size(), 1); // at once, not after the wait
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!job->outcome());
        QVERIFY(job->outcome().error().isCancelled());
        QTest::qWait(100);
        QCOMPARE(nam.requests().size(), 1); // the wait never ended in a second attempt
        QCOMPARE(finished.size(), 1);       // and finished() came once
    }

    void cancelInFlightAbortsReply()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::hanging());
        HttpClient client(&nam, nullptr);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        QTRY_COMPARE(nam.openReplies(), 1);
        job->cancel();
        QVERIFY(job->isFinished());
        QVERIFY(job->outcome().error().isCancelled());
        QCOMPARE(nam.openReplies(), 0);
    }

    void cancelBeforeStart()
    {
        FakeNetworkAccessManager nam;
        HttpClient client(&nam, nullptr);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        job->cancel(); // start() is queued; nothing ran yet
        QVERIFY(job->outcome().error().isCancelled());
        QTest::qWait(50);
        QCOMPARE(nam.requests().size(), 0);
    }

    void destroyingJobAbortsReply()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::hanging());
        HttpClient client(&nam, nullptr);
        auto *job = client.send(Request::get(kArmUrl));
        QTRY_COMPARE(nam.openReplies(), 1);
        delete job;
        QCOMPARE(nam.openReplies(), 0);
    }

    void timeoutIsRetryableNetworkError()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::hanging());
        nam.enqueue(FakeResponse::json(200, "{}"));
        HttpClient::Options options;
        options.delayHook = [](int) { return 0; };
        HttpClient client(&nam, nullptr, options);
        Request request = Request::get(kArmUrl);
        request.timeoutMs = 50;
        std::unique_ptr<HttpJob> job(client.send(request));
        const auto outcome = await(job.get());
        QVERIFY(outcome.has_value()); // the timed-out attempt was retried
        QCOMPARE(nam.requests().size(), 2);
        QCOMPARE(nam.openReplies(), 0);

        options.retry.maxRetries = 0;
        HttpClient once(&nam, nullptr, options);
        nam.enqueue(FakeResponse::hanging());
        std::unique_ptr<HttpJob> job2(once.send(request));
        const auto timedOut = await(job2.get());
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().code, QStringLiteral("Timeout"));
        QCOMPARE(timedOut.error().category, ErrorCategory::Network);
        QVERIFY(timedOut.error().retryable);
    }

    void armErrorBecomesError()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(409, R"({"error":{"code":"MissingSubscriptionRegistration","message":"The subscription is not registered to use namespace 'Microsoft.DataMigration'.","details":[{"code":"Inner","message":"inner text"}]}})")
                        .header("x-ms-request-id", "rid-9")
                        .header("x-ms-correlation-request-id", "cid-9"));
        HttpClient client(&nam, nullptr);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QVERIFY(!outcome);
        const Error &e = outcome.error();
        QCOMPARE(e.category, ErrorCategory::Arm);
        QCOMPARE(e.code, QStringLiteral("MissingSubscriptionRegistration"));
        QCOMPARE(e.httpStatus, 409);
        QCOMPARE(e.requestId, QStringLiteral("rid-9"));
        QCOMPARE(e.correlationId, QStringLiteral("cid-9"));
        QCOMPARE(e.details, QStringLiteral("Inner: inner text"));
        QVERIFY(!e.retryable);
        QVERIFY(!e.fix.isEmpty());
        QCOMPARE(job->error()->code, e.code); // Job::error() agrees with outcome()
    }

    void errorStatusAsResponse()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(400, R"({"error":"invalid_client"})"));
        HttpClient client(&nam, nullptr);
        Request request = Request::get(kArmUrl);
        request.errorStatusAsResponse = true;
        std::unique_ptr<HttpJob> job(client.send(request));
        const auto outcome = await(job.get());
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->status, 400);
        QCOMPARE(outcome->body, QByteArray(R"({"error":"invalid_client"})"));
    }

    void redirectIsNotFollowed()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::empty(302).header("Location", "https://evil.example.com/steal"));
        HttpClient client(&nam, nullptr);
        std::unique_ptr<HttpJob> job(client.send(Request::get(kArmUrl)));
        const auto outcome = await(job.get());
        QVERIFY(outcome.has_value());
        QCOMPARE(outcome->status, 302);
        QCOMPARE(nam.requests().size(), 1);
    }

    void callHelperDeliversOnceAndRespectsContext()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(FakeResponse::json(200, "{}"));
        HttpClient client(&nam, nullptr);
        QObject context;
        int calls = 0;
        call(&client, Request::get(kArmUrl), &context, [&calls](Expected<Response> r) {
            ++calls;
            QVERIFY(r.has_value());
        });
        QTRY_COMPARE(calls, 1);
        QTest::qWait(20);
        QCOMPARE(calls, 1);

        nam.enqueue(FakeResponse::hanging());
        auto *doomed = new QObject;
        call(&client, Request::get(kArmUrl), doomed, [&calls](Expected<Response>) { ++calls; });
        QTRY_COMPARE(nam.openReplies(), 1);
        delete doomed;
        QCOMPARE(nam.openReplies(), 0); // destroying the context aborted the request
        QTest::qWait(20);
        QCOMPARE(calls, 1);             // and nothing was called
    }

    void httpDate_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
        QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
        QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
        QTest::newRow("garbage") << QByteArray("tomorrow") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }
    void httpDate()
    {
        QFETCH(QByteArray, value);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = RetryPolicy::parseHttpDate(value);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed.toUTC(), expected);
    }

    void malformedJsonNeverThrows_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces") << QByteArray("   ");
        QTest::newRow("truncated") << QByteArray("{\"id\": \"x");
        QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>");
        QTest::newRow("nul bytes") << QByteArray("\0\0\0", 3);
        QTest::newRow("invalid utf8") << QByteArray("{\"a\":\"\xff\xfe\"}");
    }
    void malformedJsonNeverThrows()
    {
        QFETCH(QByteArray, body);
        Response r;
        r.status = 200;
        r.body = body;
        const auto doc = r.json();
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, QStringLiteral("MalformedJson"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
