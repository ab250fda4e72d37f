// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// AAD v2 client credentials (azure-api.md §5.1): exact token request, caching and
// refresh before expiry with a fixed clock, shared concurrent fetches, every
// AADSTS mapping, malformed answers.
#include "engine/auth/clientsecretcredential.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QThread>

#include <atomic>
#include <QTest>
#include <QTimeZone>

using namespace fm;
using namespace fm::auth;
using namespace fm::http;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;

namespace {

const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClient = QStringLiteral("00000000-1111-2222-3333-444444444444");
const QString kSecret = QStringLiteral("s3cr~et+value/with=odd&chars");
const QString kScope = QStringLiteral("https://management.core.windows.net/.default");

QByteArray tokenJson(const QByteArray &token, int expiresIn = 3599)
{
    return R"({"token_type":"Bearer","expires_in":)" + QByteArray::number(expiresIn) + ",\"ext_expires_in\":3599,\"access_token\":\"" + token + "\"}";
}

struct Fixture {
    FakeNetworkAccessManager nam;
    QDateTime clock = QDateTime(QDate(2026, 11, 25), QTime(15, 0), QTimeZone::utc());
    std::shared_ptr<ClientSecretCredential> credential;
    explicit Fixture(const CloudProfile &profile = CloudProfile::azureCloud())
    {
        ClientSecretCredential::Options options;
        options.cache.clock = [this] { return clock; };
        options.http.delayHook = [](int) { return 0; };
        options.http.clock = options.cache.clock;
        auto made = ClientSecretCredential::create(&nam, profile, kTenant, kClient, Secret(kSecret), options);
        if (made)
            credential = *made;
    }
    Expected<AccessToken> get()
    {
        QObject context;
        std::optional<Expected<AccessToken>> result;
        credential->getToken({kScope}, &context, [&result](Expected<AccessToken> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return fail(Error::internal(QStringLiteral("test: no answer")));
        return *result;
    }
};

} // namespace

class TestClientSecretCredential : public QObject
{
    Q_OBJECT

private slots:
    void exactTokenRequest_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("scope");
        QTest::newRow("AzureCloud") << "AzureCloud" << "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token"
                                    << "https%3A%2F%2Fmanagement.core.windows.net%2F.default";
        QTest::newRow("AzureChinaCloud") << "AzureChinaCloud" << "https://login.chinacloudapi.cn/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token"
                                         << "https%3A%2F%2Fmanagement.core.chinacloudapi.cn%2F.default";
        QTest::newRow("AzureUSGovernment") << "AzureUSGovernment" << "https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token"
                                           << "https%3A%2F%2Fmanagement.core.usgovcloudapi.net%2F.default";
    }
    void exactTokenRequest()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, url);
        QFETCH(QString, scope);
        const CloudProfile profile = *CloudProfile::byName(cloud);
        Fixture f(profile);
        QVERIFY(f.credential);
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok-1")));
        QObject context;
        std::optional<Expected<AccessToken>> result;
        f.credential->getToken({profile.scope()}, &context, [&result](Expected<AccessToken> r) { result = std::move(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->has_value());
        QCOMPARE((*result)->token.reveal(), QStringLiteral("tok-1"));
        QCOMPARE((*result)->expiresOn, f.clock.addSecs(3599));

        QCOMPARE(f.nam.requests().size(), 1);
        const auto &r = f.nam.requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.url.toString(), url);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(r.header("Accept"), QByteArray("application/json"));
        QVERIFY(!r.hasHeader("Authorization"));
        QVERIFY(r.header("User-Agent").startsWith("FlexMigrate/"));
        QCOMPARE(r.body, QByteArray("grant_type=client_credentials&client_id=00000000-1111-2222-3333-444444444444"
                                    "&client_secret=s3cr~et%2Bvalue%2Fwith%3Dodd%26chars&scope=")
                             + scope.toLatin1());
    }

    void cachesAndRefreshesBeforeExpiry()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok-1", 3600)));
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok-2", 3600)));
        QCOMPARE(f.get()->token.reveal(), QStringLiteral("tok-1"));
        f.clock = f.clock.addSecs(3000); // 10 min left: still outside the 5 min margin
        QCOMPARE(f.get()->token.reveal(), QStringLiteral("tok-1"));
        QCOMPARE(f.nam.requests().size(), 1);
        f.clock = f.clock.addSecs(301); // 4:59 left: refreshed ahead of expiry
        QCOMPARE(f.get()->token.reveal(), QStringLiteral("tok-2"));
        QCOMPARE(f.nam.requests().size(), 2);
        QCOMPARE(f.credential->fetchCount(), 2);
    }

    void concurrentCallsShareOneRequest()
    {
        Fixture f;
        FakeResponse slow = FakeResponse::json(200, tokenJson("tok-shared"));
        slow.delayMs = 50;
        f.nam.enqueue(slow);
        QObject a, b, c;
        QStringList got;
        for (QObject *ctx : {&a, &b, &c})
            f.credential->getToken({kScope}, ctx, [&got](Expected<AccessToken> r) { got << r->token.reveal(); });
        QTRY_COMPARE(got.size(), 3);
        QCOMPARE(got, QStringList(3, QStringLiteral("tok-shared")));
        QCOMPARE(f.nam.requests().size(), 1);
        QCOMPARE(f.credential->fetchCount(), 1);
    }

    void answersOnTheContextsThread()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok")));
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::atomic<QThread *> calledOn = nullptr;
        f.credential->getToken({kScope}, &context, [&calledOn](Expected<AccessToken> r) {
            if (r)
                calledOn = QThread::currentThread();
        });
        QTRY_VERIFY(calledOn.load() != nullptr);
        QCOMPARE(calledOn.load(), &worker);
        worker.quit();
        worker.wait();
    }

    void destroyedContextIsNotCalled()
    {
        Fixture f;
        FakeResponse slow = FakeResponse::json(200, tokenJson("tok"));
        slow.delayMs = 30;
        f.nam.enqueue(slow);
        int calls = 0;
        QObject kept;
        auto *gone = new QObject;
        f.credential->getToken({kScope}, gone, [&calls](Expected<AccessToken>) { ++calls; });
        f.credential->getToken({kScope}, &kept, [&calls](Expected<AccessToken>) { calls += 10; });
        delete gone;
        QTRY_COMPARE(calls, 10);
        QTest::qWait(30);
        QCOMPARE(calls, 10);
    }

    void answerNeverInsideGetToken()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok")));
        QVERIFY(f.get().has_value());
        bool called = false;
        QObject context;
        f.credential->getToken({kScope}, &context, [&called](Expected<AccessToken>) { called = true; });
        QVERIFY(!called); // cached, but still delivered through the event loop
        QTRY_VERIFY(called);
    }

    void aadstsErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("fixPart");
        QTest::addColumn<bool>("retryable");

        auto aad = [](const char *error, int code, const char *text) {
            return QByteArray("{\"error\":\"") + error + R"(","error_description":"AADSTS)" + QByteArray::number(code) + ": " + text
                + "\\r\\nTrace ID: 0b8f-trace\\r\\nCorrelation ID: 9c1e-corr\\r\\nTimestamp: 2026-11-25 15:00:00Z\",\"error_codes\":["
                + QByteArray::number(code) + R"(],"timestamp":"2026-11-25 15:00:00Z","trace_id":"0b8f-trace","correlation_id":"9c1e-corr"})";
        };
        QTest::newRow("7000215 invalid secret") << 401 << aad("invalid_client", 7000215, "Invalid client secret provided.") << "AADSTS7000215"
                                                << "client secret is wrong" << "not its Secret ID" << false;
        QTest::newRow("7000222 expired secret") << 401 << aad("invalid_client", 7000222, "The provided client secret keys are expired.") << "AADSTS7000222"
                                                << "has expired" << "new client secret" << false;
        QTest::newRow("700016 unknown app") << 400 << aad("unauthorized_client", 700016, "Application with identifier was not found.") << "AADSTS700016"
                                            << "was not found in tenant 72f988bf" << "client id and the tenant id" << false;
        QTest::newRow("90002 unknown tenant") << 400 << aad("invalid_request", 90002, "Tenant not found.") << "AADSTS90002"
                                              << "does not exist in this cloud" << "--cloud" << false;
        QTest::newRow("900023 bad tenant format") << 400 << aad("invalid_request", 900023, "Specified tenant identifier is neither a valid DNS name, nor a valid external domain.") << "AADSTS900023"
                                                  << "not a valid tenant id" << "GUID" << false;
        QTest::newRow("90038 national cloud") << 400 << aad("invalid_request", 90038, "Tenant is in a different national cloud.") << "AADSTS90038"
                                              << "another national cloud" << "AzureChinaCloud" << false;
        QTest::newRow("70011 invalid scope") << 400 << aad("invalid_scope", 70011, "The provided value for scope is not valid.") << "AADSTS70011"
                                             << "scope" << "/.default" << false;
        QTest::newRow("50001 invalid resource") << 400 << aad("invalid_resource", 50001, "Resource not found.") << "AADSTS50001"
                                                << "is not known" << "--arm-audience" << false;
        QTest::newRow("7000112 app disabled") << 400 << aad("unauthorized_client", 7000112, "Application is disabled.") << "AADSTS7000112"
                                              << "is disabled" << "Enable" << false;
        QTest::newRow("70002 invalid client") << 401 << aad("invalid_client", 70002, "Error validating credentials.") << "AADSTS70002"
                                              << "were rejected" << "secret" << false;
        QTest::newRow("7000218 no secret") << 400 << aad("invalid_client", 7000218, "The request body must contain client_assertion or client_secret.") << "AADSTS7000218"
                                           << "no client secret" << "FLEXMIGRATE_CLIENT_SECRET" << false;
        QTest::newRow("90014 missing field") << 400 << aad("invalid_request", 90014, "The request body must contain grant_type.") << "AADSTS90014"
                                             << "missing a required field" << "" << false;
        QTest::newRow("unknown AADSTS keeps code") << 400 << aad("invalid_request", 123456, "Something new.") << "AADSTS123456"
                                                   << "refused the token request" << "error?code=123456" << false;
        QTest::newRow("code only in description") << 401 << QByteArray(R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})")
                                                  << "AADSTS7000215" << "client secret is wrong" << "" << false;
        QTest::newRow("oauth error only") << 400 << QByteArray(R"({"error":"invalid_client"})") << "invalid_client" << "invalid_client" << "client secret" << false;
        QTest::newRow("temporarily unavailable") << 400 << QByteArray(R"({"error":"temporarily_unavailable"})") << "temporarily_unavailable" << "temporarily_unavailable" << "" << true;
        QTest::newRow("not json") << 404 << QByteArray("<html>not found</html>") << "HTTP404" << "without an AAD error" << "--authority-host" << false;
        QTest::newRow("json array") << 400 << QByteArray("[]") << "HTTP400" << "without an AAD error" << "" << false;
    }
    void aadstsErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        QFETCH(QString, fixPart);
        QFETCH(bool, retryable);
        Fixture f;
        f.nam.enqueue(FakeResponse::json(status, body));
        const auto result = f.get();
        QVERIFY(!result);
        const Error &e = result.error();
        QCOMPARE(e.category, ErrorCategory::Auth);
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
        QVERIFY2(e.fix.contains(fixPart), qPrintable(e.fix));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.retryable, retryable);
        QVERIFY(!e.toDisplayString().contains(kSecret));
        if (body.contains("trace_id")) {
            QCOMPARE(e.requestId, QStringLiteral("0b8f-trace"));
            QCOMPARE(e.correlationId, QStringLiteral("9c1e-corr"));
            QVERIFY(!e.details.contains(QLatin1String("Trace ID"))); // only the first line of the description
        }
        QCOMPARE(f.nam.requests().size(), 1); // 4xx is not retried
    }

    void serverErrorsAreRetried()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(503, R"({"error":"temporarily_unavailable"})").header("Retry-After", "1"));
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok-after-retry")));
        const auto result = f.get();
        QVERIFY(result.has_value());
        QCOMPARE(result->token.reveal(), QStringLiteral("tok-after-retry"));
        QCOMPARE(f.nam.requests().size(), 2);
    }

    void failedRefreshKeepsValidToken()
    {
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, tokenJson("tok-1", 3600)));
        f.nam.enqueue(FakeResponse::json(401, R"({"error":"invalid_client","error_codes":[7000222]})"));
        QVERIFY(f.get().has_value());
        f.clock = f.clock.addSecs(3400); // inside the refresh margin, not expired
        const auto again = f.get();
        QVERIFY(again.has_value());
        QCOMPARE(again->token.reveal(), QStringLiteral("tok-1"));
        f.nam.enqueue(FakeResponse::json(401, R"({"error":"invalid_client","error_codes":[7000222]})"));
        f.clock = f.clock.addSecs(300); // now expired: the error comes through
        const auto expired = f.get();
        QVERIFY(!expired);
        QCOMPARE(expired.error().code, QStringLiteral("AADSTS7000222"));
    }

    void malformedTokenResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("no access_token") << QByteArray(R"({"expires_in":3599})");
        QTest::newRow("token not a string") << QByteArray(R"({"access_token":5,"expires_in":3599})");
        QTest::newRow("no expiry") << QByteArray(R"({"access_token":"t"})");
        QTest::newRow("negative expiry") << QByteArray(R"({"access_token":"t","expires_in":-5})");
        QTest::newRow("truncated") << QByteArray("{\"access_token\":\"t\",\"expi");
    }
    void malformedTokenResponses()
    {
        QFETCH(QByteArray, body);
        Fixture f;
        f.nam.enqueue(FakeResponse::json(200, body));
        const auto result = f.get();
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("MalformedTokenResponse"));
    }

    void expiresInAsString()
    {
        const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        const auto t = parseTokenResponse(R"({"access_token":"t","expires_in":"3599"})", now);
        QVERIFY(t.has_value());
        QCOMPARE(t->expiresOn, now.addSecs(3599));
    }

    void invalidInputsSendNothing_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad tenant") << "not a tenant" << kClient << "s" << "https://login.microsoftonline.com" << "InvalidTenantId";
        QTest::newRow("bad client") << kTenant << "1234" << "s" << "https://login.microsoftonline.com" << "InvalidClientId";
        QTest::newRow("empty secret") << kTenant << kClient << "" << "https://login.microsoftonline.com" << "MissingClientSecret";
        QTest::newRow("plain http authority") << kTenant << kClient << "s" << "http://login.example.com" << "InsecureEndpoint";
    }
    void invalidInputsSendNothing()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, client);
        QFETCH(QString, secret);
        QFETCH(QString, authority);
        QFETCH(QString, code);
        FakeNetworkAccessManager nam;
        const auto profile = CloudProfile::custom(QUrl(QStringLiteral("https://management.azure.com")), QUrl(authority), QStringLiteral("https://management.core.windows.net/"));
        const auto made = ClientSecretCredential::create(&nam, profile, tenant, client, Secret(secret));
        QVERIFY(!made);
        QCOMPARE(made.error().code, code);
        QCOMPARE(nam.requests().size(), 0);
    }

    void loopbackAuthorityAllowed()
    {
        const auto profile = CloudProfile::custom(QUrl(QStringLiteral("http://127.0.0.1:8443")), QUrl(QStringLiteral("http://127.0.0.1:8443")),
                                                  QStringLiteral("http://127.0.0.1:8443"));
        Fixture f(profile);
        QVERIFY(f.credential);
        f.nam.enqueue(FakeResponse::json(200, tokenJson("emulator-token")));
        QObject context;
        std::optional<Expected<AccessToken>> result;
        f.credential->getToken({profile.scope()}, &context, [&result](Expected<AccessToken> r) { result = std::move(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->has_value());
        QCOMPARE(f.nam.requests().first().url.toString(), QStringLiteral("http://127.0.0.1:8443/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token"));
        QVERIFY(f.nam.requests().first().body.endsWith("&scope=http%3A%2F%2F127.0.0.1%3A8443%2F.default"));
    }
};

QTEST_GUILESS_MAIN(TestClientSecretCredential)
#include "tst_clientsecretcredential.moc"
