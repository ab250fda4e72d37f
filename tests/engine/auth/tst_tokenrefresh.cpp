// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Issue 4 end to end with the real credential: ARM answers 401 with a cached,
// not yet expired token -> CachingCredential drops it, ClientSecretCredential
// fetches one new token from AAD, the request is sent once more.
#include "engine/auth/clientsecretcredential.h"
#include "engine/http/httpclient.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace fm;
using namespace fm::auth;
using namespace fm::http;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;
using fm::test::RecordedRequest;

namespace {

const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClient = QStringLiteral("00000000-1111-2222-3333-444444444444");
const QString kScope = QStringLiteral("https://management.core.windows.net/.default");
const QUrl kArmUrl(QStringLiteral("https://management.azure.com/subscriptions/s1?api-version=2022-12-01"));

/** AAD on login.microsoftonline.com hands out token-1, token-2, ...; ARM answers from the queue. */
struct Fixture {
    FakeNetworkAccessManager nam;
    QDateTime clock = QDateTime(QDate(2026, 11, 25), QTime(15, 0), QTimeZone::utc());
    std::shared_ptr<ClientSecretCredential> credential;
    std::unique_ptr<HttpClient> arm;
    int issued = 0;
    std::optional<FakeResponse> aadFailure;
    QList<RecordedRequest> armRequests() const
    {
        QList<RecordedRequest> out;
        for (const auto &r : nam.requests())
            if (r.url.host() == kArmUrl.host())
                out << r;
        return out;
    }

    Fixture()
    {
        nam.setHandler([this](const RecordedRequest &r) -> std::optional<FakeResponse> {
            if (r.url.host() != QLatin1String("login.microsoftonline.com"))
                return std::nullopt;
            if (aadFailure)
                return *aadFailure;
            ++issued;
            return FakeResponse::json(200, R"({"token_type":"Bearer","expires_in":3599,"access_token":"token-)" + QByteArray::number(issued) + "\"}");
        });
        ClientSecretCredential::Options options;
        options.cache.clock = [this] { return clock; };
        options.http.delayHook = [](int) { return 0; };
        options.http.clock = options.cache.clock;
        if (auto made = ClientSecretCredential::create(&nam, CloudProfile::azureCloud(), kTenant, kClient, Secret(QStringLiteral("s3cret")), options))
            credential = *made;
        HttpClient::Options armOptions;
        armOptions.scopes = {kScope};
        armOptions.delayHook = [](int) { return 0; };
        armOptions.clock = options.cache.clock;
        arm = std::make_unique<HttpClient>(&nam, credential, armOptions);
    }

    Expected<Response> get()
    {
        std::unique_ptr<HttpJob> job(arm->send(Request::get(kArmUrl)));
        if (!job->isFinished()) {
            QSignalSpy spy(job.get(), &fm::Job::finished);
            if (!spy.wait(10000))
                return fail(Error::internal(QStringLiteral("test: job did not finish")));
        }
        return job->outcome();
    }

    Expected<AccessToken> token()
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

class TestTokenRefresh : public QObject
{
    Q_OBJECT

private slots:
    void revokedTokenIsRefreshedOnce()
    {
        Fixture f;
        QVERIFY(f.credential);
        f.nam.enqueue(FakeResponse::json(200, "{}"));
        QVERIFY(f.get().has_value());
        QCOMPARE(f.credential->fetchCount(), 1);

        // The cached token-1 is valid for another hour, but ARM now refuses it.
        f.nam.enqueue(FakeResponse::json(401, R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})"));
        f.nam.enqueue(FakeResponse::json(200, R"({"id":"s1"})"));
        const auto outcome = f.get();
        QVERIFY2(outcome.has_value(), qPrintable(outcome ? QString() : outcome.error().toDisplayString()));
        QCOMPARE(outcome->status, 200);
        QCOMPARE(f.credential->fetchCount(), 2);
        QCOMPARE(f.issued, 2);
        const auto arm = f.armRequests();
        QCOMPARE(arm.size(), 3);
        QCOMPARE(arm.at(1).header("Authorization"), QByteArray("Bearer token-1"));
        QCOMPARE(arm.at(2).header("Authorization"), QByteArray("Bearer token-2"));

        // The new token is cached again: no further fetch.
        f.nam.enqueue(FakeResponse::json(200, "{}"));
        QVERIFY(f.get().has_value());
        QCOMPARE(f.credential->fetchCount(), 2);
        QCOMPARE(f.armRequests().last().header("Authorization"), QByteArray("Bearer token-2"));
    }

    void secondUnauthorizedIsFinal()
    {
        Fixture f;
        QVERIFY(f.credential);
        const QByteArray body = R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})";
        f.nam.enqueue(FakeResponse::json(401, body));
        f.nam.enqueue(FakeResponse::json(401, body));
        f.nam.enqueue(FakeResponse::json(200, "{}"));
        const auto outcome = f.get();
        QVERIFY(!outcome.has_value());
        QCOMPARE(outcome.error().code, QStringLiteral("InvalidAuthenticationToken"));
        QCOMPARE(outcome.error().httpStatus, 401);
        QVERIFY(!outcome.error().fix.isEmpty());
        QCOMPARE(f.armRequests().size(), 2);
        QCOMPARE(f.credential->fetchCount(), 2);
        QCOMPARE(f.issued, 2);
    }

    void staleInvalidateKeepsNewerToken()
    {
        // Two requests failed with token-1; the first already refreshed to token-2.
        // The second one's invalidate(token-1) must not throw token-2 away.
        Fixture f;
        QVERIFY(f.credential);
        QCOMPARE(f.token()->token.reveal(), QStringLiteral("token-1"));
        f.credential->invalidate({kScope}, Secret(QStringLiteral("token-1")));
        QCOMPARE(f.token()->token.reveal(), QStringLiteral("token-2"));
        f.credential->invalidate({kScope}, Secret(QStringLiteral("token-1")));
        QCOMPARE(f.token()->token.reveal(), QStringLiteral("token-2"));
        QCOMPARE(f.credential->fetchCount(), 2);
        // Other scopes are untouched.
        f.credential->invalidate({QStringLiteral("https://ossrdbms-aad.database.windows.net/.default")}, Secret(QStringLiteral("token-2")));
        QCOMPARE(f.token()->token.reveal(), QStringLiteral("token-2"));
        QCOMPARE(f.credential->fetchCount(), 2);
    }

    void failedRefreshDoesNotReuseRefusedToken()
    {
        // CachingCredential falls back to a still-valid old token when a refresh fails;
        // a token the service refused must not be that fallback.
        Fixture f;
        QVERIFY(f.credential);
        QVERIFY(f.token().has_value());
        f.aadFailure = FakeResponse::json(401, R"({"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app are expired.","error_codes":[7000222]})");
        f.credential->invalidate({kScope}, Secret(QStringLiteral("token-1")));
        const auto t = f.token();
        QVERIFY(!t.has_value());
        QVERIFY2(t.error().toDisplayString().contains(QStringLiteral("7000222")), qPrintable(t.error().toDisplayString()));
    }
};

QTEST_GUILESS_MAIN(TestTokenRefresh)
#include "tst_tokenrefresh.moc"
