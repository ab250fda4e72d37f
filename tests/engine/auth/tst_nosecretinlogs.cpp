// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// DESIGN.md "Secrets never reach a log": capture every log line (at trace level,
// bodies included) during a full token + ARM sequence - token fetch, GETs, a
// PUT with passwords, a retry, an LRO, an ARM error and an AADSTS error - and
// assert the client secret, the access token and the Authorization header value
// appear in none of them.
#include "engine/auth/clientsecretcredential.h"
#include "engine/core/logging.h"
#include "engine/http/httpclient.h"
#include "engine/http/lro.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace fm;
using namespace fm::auth;
using namespace fm::http;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;

namespace {

const QString kTenant = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kClient = QStringLiteral("00000000-1111-2222-3333-444444444444");
// Deliberately not JWT-shaped, so only our own discipline (not the JWT pattern of the redactor) keeps it out.
const QString kAccessToken = QStringLiteral("opaque-access-token-4f7d1c2b9a");
const QString kSecret = QStringLiteral("Xy8Q~client+secret/value=42");
const QString kPassword = QStringLiteral("Target-Pa55word!");

Expected<Response> sendAndWait(HttpClient &client, Request request)
{
    std::unique_ptr<HttpJob> job(client.send(std::move(request)));
    QSignalSpy spy(job.get(), &Job::finished);
    if (!job->isFinished() && !spy.wait(10000))
        return fail(Error::internal(QStringLiteral("test: no answer")));
    return job->outcome();
}

} // namespace

class TestNoSecretInLogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        logging::Options options;
        options.noFile = true;
        options.level = spdlog::level::trace;
        logging::init(options);
    }

    void fullSequenceLeaksNothing()
    {
        const quint64 before = logging::ringBuffer()->lastId();
        const CloudProfile profile = CloudProfile::azureCloud();
        const QUrl server = profile.armUrl(QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t"));
        const QByteArray async = "https://management.azure.com/subscriptions/s/providers/Microsoft.DBforPostgreSQL/locations/westus2/azureAsyncOperation/op1?api-version=2024-08-01&sig=opaque";
        const QByteArray tokenBody = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + kAccessToken.toUtf8() + "\"}";

        FakeNetworkAccessManager nam;
        nam.setHandler([&](const fm::test::RecordedRequest &r) -> std::optional<FakeResponse> {
            if (r.url.path().endsWith(QLatin1String("/oauth2/v2.0/token")))
                return FakeResponse::json(200, tokenBody);
            return std::nullopt;
        });
        // ARM answers in order: a GET after one 503, a PUT starting an LRO, its poll, the final GET, a 403.
        nam.enqueue(FakeResponse::json(503, R"({"error":{"code":"ServerBusy","message":"try later"}})").header("Retry-After", "0"));
        nam.enqueue(FakeResponse::json(200, R"({"name":"t","properties":{"administratorLogin":"admin"}})").header("x-ms-request-id", "r1"));
        nam.enqueue(FakeResponse::json(201, R"({"properties":{"provisioningState":"Accepted"}})").header("Azure-AsyncOperation", async));
        nam.enqueue(FakeResponse::json(200, R"({"status":"Succeeded"})"));
        nam.enqueue(FakeResponse::json(200, R"({"name":"t","properties":{"provisioningState":"Succeeded"}})"));
        nam.enqueue(FakeResponse::json(403, R"({"error":{"code":"AuthorizationFailed","message":"The client '00000000-1111-2222-3333-444444444444' does not have authorization."}})"));

        ClientSecretCredential::Options credentialOptions;
        credentialOptions.http.delayHook = [](int) { return 0; };
        auto credential = ClientSecretCredential::create(&nam, profile, kTenant, kClient, Secret(kSecret), credentialOptions);
        QVERIFY(credential.has_value());
        HttpClient::Options options;
        options.scopes = {profile.scope()};
        options.delayHook = [](int) { return 0; };
        HttpClient client(&nam, *credential, options);

        QVERIFY(sendAndWait(client, Request::get(server)).has_value());
        const nlohmann::json body = {{"properties", {{"secretParameters", {{"adminCredentials", {{"targetServerPassword", kPassword.toStdString()}}}}}}}};
        const auto put = sendAndWait(client, Request::json("PUT", server, body));
        QVERIFY(put.has_value());
        std::unique_ptr<LroPoller> lro(LroPoller::fromResponse(&client, "PUT", server, *put));
        QSignalSpy lroDone(lro.get(), &Job::finished);
        QVERIFY(lro->isFinished() || lroDone.wait(10000));
        QVERIFY(lro->outcome().has_value());
        const auto denied = sendAndWait(client, Request::get(server));
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, QStringLiteral("AuthorizationFailed"));

        // A second credential whose secret is refused.
        FakeNetworkAccessManager aadNam;
        aadNam.enqueue(FakeResponse::json(401, R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]})"));
        auto refused = ClientSecretCredential::create(&aadNam, profile, kTenant, kClient, Secret(kSecret), credentialOptions);
        QVERIFY(refused.has_value());
        HttpClient refusedClient(&aadNam, *refused, options);
        const auto noToken = sendAndWait(refusedClient, Request::get(server));
        QVERIFY(!noToken);
        QCOMPARE(noToken.error().code, QStringLiteral("AADSTS7000215"));

        // The requests really carried the secrets (so their absence from the log means something).
        bool sawBearer = false, sawSecret = false;
        for (const auto &r : nam.requests()) {
            sawBearer |= r.header("Authorization") == "Bearer " + kAccessToken.toUtf8();
            sawSecret |= r.body.contains(QUrl::toPercentEncoding(kSecret));
        }
        QVERIFY(sawBearer);
        QVERIFY(sawSecret);

        const auto entries = logging::ringBuffer()->entriesSince(before);
        QVERIFY2(entries.size() >= 20, qPrintable(QString::number(entries.size())));
        const QStringList forbidden = {kSecret, QString::fromLatin1(QUrl::toPercentEncoding(kSecret)), kAccessToken,
                                       QStringLiteral("Bearer ") + kAccessToken, kPassword, QStringLiteral("client_secret")};
        bool sawTraceBody = false, sawAuthorizationHeader = false, sawTokenUrl = false;
        for (const auto &e : entries) {
            const QString line = e.logger + QLatin1Char(' ') + e.message;
            for (const QString &f : forbidden)
                QVERIFY2(!line.contains(f), qPrintable(QStringLiteral("leaked \"%1\" in: %2").arg(f, line)));
            sawTraceBody |= line.contains(QLatin1String("--> body:"));
            sawTokenUrl |= line.contains(QLatin1String("/oauth2/v2.0/token"));
            if (line.contains(QLatin1String("Authorization:"))) {
                sawAuthorizationHeader = true;
                QVERIFY2(line.contains(QLatin1String("Authorization: REDACTED")), qPrintable(line));
            }
        }
        QVERIFY(sawTraceBody);          // bodies really were logged at trace level (redacted)
        QVERIFY(sawAuthorizationHeader); // headers really were logged at debug level
        QVERIFY(sawTokenUrl);           // the token request itself was logged (without its body)
    }
};

QTEST_GUILESS_MAIN(TestNoSecretInLogs)
#include "tst_nosecretinlogs.moc"
