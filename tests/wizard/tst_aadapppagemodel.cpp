// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/fakenetworkaccessmanager.h"
#include "wizard/viewmodels/aadapppagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace fm;
using namespace fm::ui;
using fm::test::FakeNetworkAccessManager;
using fm::test::FakeResponse;
using fm::test::RecordedRequest;

namespace {

const QString kTenant = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kClient = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
const QString kSecretText = QStringLiteral("Sup3r~Secret.Value_thatMustNeverLeak");
const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kRg = QStringLiteral("/subscriptions/") + kSub + QStringLiteral("/resourceGroups/rg-mig");
const QString kSrc = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/servers/src");
const QString kTgt = kRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/tgt");
const QByteArray kContributor =
    R"({"value":[{"actions":["*"],"notActions":["Microsoft.Authorization/*/Delete","Microsoft.Authorization/*/Write"],"dataActions":[],"notDataActions":[]}]})";
const QByteArray kReader = R"({"value":[{"actions":["*/read"],"notActions":[],"dataActions":[],"notDataActions":[]}]})";

http::CloudProfile testProfile()
{
    return http::CloudProfile::custom(QUrl(QStringLiteral("https://management.example.test")), QUrl(QStringLiteral("https://login.example.test")),
                                      QStringLiteral("https://management.core.windows.net/"));
}

/** A credential that answers at once (the Azure CLI path without running az). */
class FixedCredential : public http::TokenCredential
{
public:
    void getToken(const QStringList &, QObject *context, std::function<void(Expected<http::AccessToken>)> done) override
    {
        QTimer::singleShot(0, context, [done] { done(http::AccessToken{Secret(QStringLiteral("cli-token")), QDateTime::currentDateTimeUtc().addSecs(3600)}); });
    }
};

struct Fixture {
    FakeNetworkAccessManager nam;
    WizardModel wizard{&nam};
    QMap<QString, bool> contributorOn; // scope -> Contributor
    int tokenStatus = 200;

    Fixture()
    {
        wizard.setProfile(testProfile());
        wizard.spec().source.resourceId = kSrc;
        wizard.spec().target.resourceId = kTgt;
        nam.setHandler([this](const RecordedRequest &r) -> std::optional<FakeResponse> {
            if (r.url.host() == QLatin1String("login.example.test")) {
                if (tokenStatus != 200)
                    return FakeResponse::json(tokenStatus, R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."})");
                return FakeResponse::json(200, R"({"token_type":"Bearer","expires_in":3600,"access_token":"tok-1"})");
            }
            const QString path = r.url.path();
            const QString suffix = QStringLiteral("/providers/Microsoft.Authorization/permissions");
            if (path.endsWith(suffix)) {
                const QString scope = path.chopped(suffix.size());
                if (contributorOn.contains(scope))
                    return FakeResponse::json(200, contributorOn.value(scope) ? kContributor : kReader);
                // Without Microsoft.Authorization/permissions/read even the check is refused.
                return FakeResponse::json(403, R"({"error":{"code":"AuthorizationFailed","message":"The client does not have authorization to perform action 'Microsoft.Authorization/permissions/read'."}})");
            }
            return std::nullopt;
        });
    }
};

bool waitVerified(AadAppPageModel &m)
{
    QSignalSpy spy(&m, &AadAppPageModel::verified);
    m.verify();
    return spy.count() > 0 || spy.wait(10000);
}

} // namespace

class TstAadAppPageModel : public QObject
{
    Q_OBJECT
private slots:
    void tenantValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("guid") << kTenant << "";
        QTest::newRow("guid upper") << kTenant.toUpper() << "";
        QTest::newRow("domain") << "contoso.onmicrosoft.com" << "";
        QTest::newRow("empty") << "" << "The tenant id is missing.";
        QTest::newRow("url") << "https://login.microsoftonline.com/contoso.onmicrosoft.com"
                             << "The tenant id \"https://login.microsoftonline.com/contoso.onmicrosoft.com\" looks like a URL; only the tenant id itself is wanted.";
        QTest::newRow("short guid") << "11111111-2222-3333-4444" << "The tenant id \"11111111-2222-3333-4444\" is not a complete GUID (8-4-4-4-12 hexadecimal digits).";
        QTest::newRow("bad chars") << "con toso!" << "The tenant id \"con toso!\" is neither a GUID nor a domain name.";
    }
    void tenantValidation()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        Fixture f;
        AadAppPageModel m(&f.wizard);
        m.setTenantId(input);
        QCOMPARE(m.tenantIdError(), error);
    }

    void commonTenantRefused()
    {
        Fixture f;
        AadAppPageModel m(&f.wizard);
        m.setTenantId(QStringLiteral("common"));
        QVERIFY2(m.tenantIdError().startsWith(QLatin1String("\"common\" is not a tenant")), qPrintable(m.tenantIdError()));
    }

    void clientValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("guid") << kClient << "";
        QTest::newRow("empty") << "  " << "The client id is missing.";
        QTest::newRow("secret pasted") << kSecretText << "The client id looks like a client secret, not an application id.";
        QTest::newRow("not guid") << "my-app" << "The client id \"my-app\" is not a GUID (8-4-4-4-12 hexadecimal digits).";
    }
    void clientValidation()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        Fixture f;
        AadAppPageModel m(&f.wizard);
        m.setClientId(input);
        QCOMPARE(m.clientIdError(), error);
        // A secret pasted into the wrong field is not echoed back.
        QVERIFY(!m.clientIdError().contains(kSecretText));
    }

    void inputErrors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("error");
        QTest::newRow("no tenant") << "" << kClient << kSecretText << "The tenant id is missing.";
        QTest::newRow("no client") << kTenant << "" << kSecretText << "The client id is missing.";
        QTest::newRow("no secret") << kTenant << kClient << ""
                                   << "Enter the client secret of the app registration (Certificates & secrets), or use the signed-in Azure CLI.";
    }
    void inputErrors()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, client);
        QFETCH(QString, secret);
        QFETCH(QString, error);
        Fixture f;
        AadAppPageModel m(&f.wizard);
        m.setTenantId(tenant);
        m.setClientId(client);
        m.setSecret(Secret(secret));
        QCOMPARE(m.inputError(), error);
        QVERIFY(waitVerified(m));
        QCOMPARE(m.errorText(), error);
        QVERIFY(!m.isComplete());
        QCOMPARE(f.nam.requests().size(), 0); // nothing is sent for bad inputs
    }

    void verify_data()
    {
        QTest::addColumn<bool>("src");
        QTest::addColumn<bool>("tgt");
        QTest::addColumn<bool>("rg");
        QTest::newRow("all contributor") << true << true << true;
        QTest::newRow("source reader") << false << true << true;
        QTest::newRow("target reader") << true << false << true;
        QTest::newRow("resource group reader") << true << true << false;
        QTest::newRow("all reader") << false << false << false;
    }
    void verify()
    {
        QFETCH(bool, src);
        QFETCH(bool, tgt);
        QFETCH(bool, rg);
        Fixture f;
        f.contributorOn = {{kSrc, src}, {kTgt, tgt}, {kRg, rg}};
        AadAppPageModel m(&f.wizard);
        m.setTenantId(kTenant);
        m.setClientId(kClient);
        m.setSecret(Secret(kSecretText));
        QSignalSpy busy(&m, &AadAppPageModel::busyChanged);
        QVERIFY(waitVerified(m));
        QCOMPARE(busy.count(), 2);
        QVERIFY(!m.isBusy());
        const bool all = src && tgt && rg;
        QCOMPARE(m.isComplete(), all);
        QCOMPARE(m.isVerified(), all);

        const auto &checks = m.scopeChecks();
        QCOMPARE(checks.size(), 3);
        const QList<QPair<QString, bool>> expected{{kSrc, src}, {kTgt, tgt}, {kRg, rg}};
        const QStringList missing{QStringLiteral("Microsoft.DBforPostgreSQL/servers/write, Microsoft.DBforPostgreSQL/servers/delete"),
                                  QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers/write, Microsoft.DBforPostgreSQL/flexibleServers/delete, "
                                                 "Microsoft.DBforPostgreSQL/flexibleServers/migrations/write, "
                                                 "Microsoft.DBforPostgreSQL/flexibleServers/migrations/delete"),
                                  QStringLiteral("Microsoft.Resources/deployments/write, Microsoft.DataMigration/services/write, "
                                                 "Microsoft.DataMigration/services/delete")};
        QStringList failedLabels;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(checks[i].scope, expected[i].first);
            QVERIFY(checks[i].checked);
            QCOMPARE(checks[i].ok, expected[i].second);
            if (checks[i].ok) {
                QCOMPARE(checks[i].missingText, QString());
            } else {
                failedLabels << checks[i].label;
                QCOMPARE(checks[i].missingText, QStringLiteral("Assign the Contributor role on %1 to the app %2 (missing: %3).")
                                                    .arg(expected[i].first, kClient, missing[i]));
            }
        }
        QCOMPARE(m.errorText(), all ? QString() : QStringLiteral("Contributor is missing on: %1.").arg(failedLabels.join(QStringLiteral(", "))));

        // The exact requests: one token request (the only one with the secret), then the three scopes with the bearer.
        const auto &reqs = f.nam.requests();
        QCOMPARE(reqs.size(), 4);
        QCOMPARE(reqs[0].method, QByteArray("POST"));
        QCOMPARE(reqs[0].url.toString(), QStringLiteral("https://login.example.test/%1/oauth2/v2.0/token").arg(kTenant));
        QVERIFY(reqs[0].body.contains(QUrl::toPercentEncoding(kSecretText)));
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(reqs[i].method, QByteArray("GET"));
            QCOMPARE(reqs[i].url.toString(), QStringLiteral("https://management.example.test%1/providers/Microsoft.Authorization/permissions?api-version=2022-04-01")
                                                 .arg(expected[i - 1].first));
            QCOMPARE(reqs[i].header("Authorization"), QByteArray("Bearer tok-1"));
            QVERIFY(!reqs[i].url.toString().contains(kSecretText));
            QVERIFY(!reqs[i].body.contains(kSecretText.toUtf8()));
        }
        QVERIFY(!m.errorText().contains(kSecretText));
        for (const auto &c : checks)
            QVERIFY(!c.missingText.contains(kSecretText));
        QCOMPARE(f.wizard.spec().aadApp.tenantId, kTenant);
        QCOMPARE(f.wizard.spec().aadApp.clientId, kClient);
        QCOMPARE(f.wizard.spec().aadApp.secretRef, QString()); // not saved unless asked
    }

    void editingResetsVerify_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("tenant") << "tenant";
        QTest::newRow("client") << "client";
        QTest::newRow("secret") << "secret";
        QTest::newRow("cli") << "cli";
        QTest::newRow("cloud") << "cloud";
    }
    void editingResetsVerify()
    {
        QFETCH(QString, edit);
        Fixture f;
        f.contributorOn = {{kSrc, true}, {kTgt, true}, {kRg, true}};
        AadAppPageModel m(&f.wizard);
        m.setTenantId(kTenant);
        m.setClientId(kClient);
        m.setSecret(Secret(kSecretText));
        QVERIFY(waitVerified(m));
        QVERIFY(m.isComplete());
        if (edit == QLatin1String("tenant"))
            m.setTenantId(QStringLiteral("contoso.onmicrosoft.com"));
        else if (edit == QLatin1String("client"))
            m.setClientId(kClient);
        else if (edit == QLatin1String("secret"))
            m.setSecret(Secret(QStringLiteral("other")));
        else if (edit == QLatin1String("cli"))
            m.setUseAzureCli(true);
        else
            f.wizard.setProfile(http::CloudProfile::custom(QUrl(QStringLiteral("http://127.0.0.1:1")), QUrl(QStringLiteral("http://127.0.0.1:1")),
                                                           QStringLiteral("aud")));
        QVERIFY(!m.isComplete());
        QVERIFY(m.scopeChecks().isEmpty());
    }

    void sourceInAnotherResourceGroup()
    {
        Fixture f;
        const QString otherRg = QStringLiteral("/subscriptions/") + kSub + QStringLiteral("/resourceGroups/rg-old");
        const QString src = otherRg + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/servers/src");
        f.wizard.spec().source.resourceId = src;
        f.contributorOn = {{src, true}, {kTgt, true}, {kRg, true}, {otherRg, false}};
        AadAppPageModel m(&f.wizard);
        m.setTenantId(kTenant);
        m.setClientId(kClient);
        m.setSecret(Secret(kSecretText));
        QVERIFY(waitVerified(m));
        const auto &c = m.scopeChecks();
        QCOMPARE(c.size(), 4);
        QCOMPARE(c[3].label, QStringLiteral("Source resource group"));
        QCOMPARE(c[3].scope, otherRg);
        QVERIFY(c[3].checked);
        QVERIFY(!c[3].ok);
        QCOMPARE(m.errorText(), QStringLiteral("Contributor is missing on: Source resource group."));
        QVERIFY(!m.isComplete());
    }

    void permissionsUnreadable()
    {
        Fixture f;
        f.contributorOn = {{kSrc, true}, {kTgt, true}}; // the resource group answers 403
        AadAppPageModel m(&f.wizard);
        m.setTenantId(kTenant);
        m.setClientId(kClient);
        m.setSecret(Secret(kSecretText));
        QVERIFY(waitVerified(m));
        QVERIFY(!m.isComplete());
        const auto &c = m.scopeChecks();
        QVERIFY(c[0].ok);
        QVERIFY(c[1].ok);
        QVERIFY(c[2].checked);
        QVERIFY(!c[2].ok);
        QVERIFY2(c[2].missingText.startsWith(QLatin1String("Could not read the permissions: ")), qPrintable(c[2].missingText));
        QVERIFY2(c[2].missingText.contains(QLatin1String("Microsoft.Authorization/permissions/read")), qPrintable(c[2].missingText));
        QCOMPARE(m.errorText(), QStringLiteral("Contributor is missing on: Resource group."));
    }

    void tokenFailure()
    {
        Fixture f;
        f.tokenStatus = 401;
        AadAppPageModel m(&f.wizard);
        m.setTenantId(kTenant);
        m.setClientId(kClient);
        m.setSecret(Secret(kSecretText));
        QVERIFY(waitVerified(m));
        QVERIFY(!m.isComplete());
        QVERIFY2(m.errorText().startsWith(QLatin1String("No token: ")), qPrintable(m.errorText()));
        QVERIFY2(m.errorText().contains(QLatin1String("AADSTS7000215")) || m.errorText().contains(QLatin1String("secret")), qPrintable(m.errorText()));
        QVERIFY(!m.errorText().contains(kSecretText));
        QCOMPARE(f.nam.requests().size(), 1); // no ARM call without a token
    }

    void azureCliAndUnknownScopes()
    {
        Fixture f;
        f.wizard.spec().target.resourceId.clear(); // AAD page before the target page
        f.contributorOn = {{kSrc, false}};
        f.wizard.setCredentialFactory([](QNetworkAccessManager *, const http::CloudProfile &, const CredentialInputs &in)
                                          -> Expected<std::shared_ptr<http::TokenCredential>> {
            if (!in.useAzureCli)
                return fail(Error::internal(QStringLiteral("expected the Azure CLI path")));
            return std::shared_ptr<http::TokenCredential>(std::make_shared<FixedCredential>());
        });
        AadAppPageModel m(&f.wizard);
        m.setUseAzureCli(true);
        QCOMPARE(m.inputError(), QString()); // no tenant, client or secret needed
        QVERIFY(waitVerified(m));
        const auto &c = m.scopeChecks();
        QCOMPARE(c.size(), 3);
        QVERIFY(c[0].checked);
        QVERIFY(c[0].missingText.startsWith(QStringLiteral("Assign the Contributor role on %1 to the signed-in Azure CLI account (missing: ").arg(kSrc)));
        QVERIFY(!c[1].checked);
        QCOMPARE(c[1].missingText, QStringLiteral("Not checked: the target server is not entered yet."));
        QVERIFY(!c[2].checked);
        QCOMPARE(c[2].missingText, QStringLiteral("Not checked: the target server is not entered yet."));
        QCOMPARE(m.errorText(), QStringLiteral("Contributor is missing on: Source server."));
        QCOMPARE(f.nam.requests().size(), 1);
        QCOMPARE(f.nam.requests()[0].header("Authorization"), QByteArray("Bearer cli-token"));
    }
};

QTEST_GUILESS_MAIN(TstAadAppPageModel)
#include "tst_aadapppagemodel.moc"
