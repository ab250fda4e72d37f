// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// AAD v2 client credentials and ARM authentication/authorization of the
// emulator (issue 5, steps 3 and 4): every token error, 401 for missing,
// malformed, expired, foreign-audience and foreign-tenant tokens, 403
// AuthorizationFailed, api-version errors and 404 shapes.
#include "tests/emulator/emulatortestsupport.h"

#include <QDateTime>

using namespace fm::test::emu;

class TestEmulatorAuth : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Harness> h;

    static json jwtPayload(const QByteArray &token)
    {
        const QList<QByteArray> parts = token.split('.');
        if (parts.size() != 3)
            return {};
        const QByteArray p = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
        return json::parse(p.constData(), p.constData() + p.size(), nullptr, false);
    }

private slots:
    void init() { h = std::make_unique<Harness>(baseConfig()); }
    void cleanup() { h.reset(); }

    void tokenHappyPath()
    {
        const Reply r = h->tokenRequest(kTenant, Harness::form(kContributor, kSecret));
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.j["token_type"].get<std::string>()), QStringLiteral("Bearer"));
        QCOMPARE(r.j["expires_in"].get<int>(), 3600);
        QCOMPARE(r.j["ext_expires_in"].get<int>(), 3600);
        const QByteArray token = QByteArray::fromStdString(r.j["access_token"].get<std::string>());
        const json claims = jwtPayload(token);
        QVERIFY2(claims.is_object(), token.constData());
        QCOMPARE(QString::fromStdString(claims["aud"].get<std::string>()), QStringLiteral("https://management.azure.com/"));
        QCOMPARE(QString::fromStdString(claims["tid"].get<std::string>()), kTenant);
        QCOMPARE(QString::fromStdString(claims["appid"].get<std::string>()), kContributor);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(claims["exp"].get<qint64>() >= now + 3590 && claims["exp"].get<qint64>() <= now + 3610);
        QVERIFY(!r.body.contains(kSecret.toUtf8()));
        // The tenant may also be named by its domain; both ARM audiences work.
        const Reply byDomain = h->tokenRequest(QStringLiteral("contoso.onmicrosoft.com"),
                                               Harness::form(kContributor, kSecret, QStringLiteral("https://management.core.windows.net//.default")));
        QCOMPARE(byDomain.status, 200);
        const QByteArray t2 = QByteArray::fromStdString(byDomain.j["access_token"].get<std::string>());
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("?api-version=2024-08-01"), t2).status, 200);
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("?api-version=2024-08-01"), token).status, 200);
    }

    void tokenErrors_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("aadsts");
        const QString arm = QStringLiteral("https://management.azure.com/.default");
        QTest::newRow("unknown tenant") << QStringLiteral("fabrikam.onmicrosoft.com") << Harness::form(kContributor, kSecret) << 400 << "invalid_request" << 90002;
        QTest::newRow("unknown app") << kTenant << Harness::form(QStringLiteral("cccccccc-0000-0000-0000-000000000000"), kSecret) << 400 << "unauthorized_client"
                                     << 700016;
        QTest::newRow("app of another tenant") << kTenant << Harness::form(kForeignApp, kSecret) << 400 << "unauthorized_client" << 700016;
        QTest::newRow("bad secret") << kTenant << Harness::form(kContributor, QStringLiteral("wrong")) << 401 << "invalid_client" << 7000215;
        QTest::newRow("secret id pasted") << kTenant << Harness::form(kContributor, QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")) << 401
                                          << "invalid_client" << 7000215;
        QTest::newRow("no secret") << kTenant << QByteArray("grant_type=client_credentials&client_id=" + kContributor.toUtf8() + "&scope=" + QUrl::toPercentEncoding(arm))
                                   << 401 << "invalid_client" << 7000218;
        QTest::newRow("no grant type") << kTenant << QByteArray("client_id=" + kContributor.toUtf8()) << 400 << "invalid_request" << 900144;
        QTest::newRow("password grant") << kTenant << QByteArray("grant_type=password&client_id=" + kContributor.toUtf8()) << 400 << "unsupported_grant_type"
                                        << 70003;
        QTest::newRow("no scope") << kTenant << QByteArray("grant_type=client_credentials&client_id=" + kContributor.toUtf8() + "&client_secret=x") << 400
                                  << "invalid_request" << 900144;
        QTest::newRow("scope without .default") << kTenant << Harness::form(kContributor, kSecret, QStringLiteral("https://management.azure.com/user_impersonation"))
                                                << 400 << "invalid_scope" << 70011;
        QTest::newRow("two scopes") << kTenant << Harness::form(kContributor, kSecret, arm + QStringLiteral(" https://graph.microsoft.com/.default")) << 400
                                    << "invalid_scope" << 70011;
        QTest::newRow("unknown resource") << kTenant << Harness::form(kContributor, kSecret, QStringLiteral("https://example.com/.default")) << 400
                                          << "invalid_scope" << 500011;
    }

    void tokenErrors()
    {
        QFETCH(QString, tenant);
        QFETCH(QByteArray, form);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, aadsts);
        const Reply r = h->tokenRequest(tenant, form);
        QCOMPARE(r.status, status);
        QVERIFY2(r.j.is_object(), r.body.constData());
        QCOMPARE(QString::fromStdString(r.j["error"].get<std::string>()), error);
        QVERIFY2(r.j["error_codes"] == json::array({aadsts}), r.body.constData());
        const QString description = QString::fromStdString(r.j["error_description"].get<std::string>());
        QVERIFY2(description.startsWith(QStringLiteral("AADSTS%1: ").arg(aadsts)), qPrintable(description));
        QVERIFY(description.contains(QLatin1String("\r\nTrace ID: ")));
        QVERIFY(description.contains(QLatin1String("\r\nCorrelation ID: ")));
        for (const char *k : {"timestamp", "trace_id", "correlation_id", "error_uri"})
            QVERIFY2(r.j.contains(k), k);
        QVERIFY(!r.body.contains(kSecret.toUtf8()));
        QVERIFY(!r.j.contains("access_token"));
    }

    void expiredSecretAndDisabledApp()
    {
        json c = baseConfig();
        c["tenants"][0]["apps"][1]["secretExpired"] = true;
        c["tenants"][0]["apps"][2]["disabled"] = true;
        h = std::make_unique<Harness>(c);
        Reply r = h->tokenRequest(kTenant, Harness::form(kReader, kSecret));
        QCOMPARE(r.status, 401);
        QVERIFY(r.j["error_codes"] == json::array({7000222}));
        r = h->tokenRequest(kTenant, Harness::form(kNobody, kSecret));
        QCOMPARE(r.status, 400);
        QVERIFY(r.j["error_codes"] == json::array({7000112}));
    }

    void wrongContentType()
    {
        const Reply r = h->send("POST", QStringLiteral("/%1/oauth2/v2.0/token").arg(kTenant), Harness::form(kContributor, kSecret),
                                {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(QString::fromStdString(r.j["error"].get<std::string>()), QStringLiteral("invalid_request"));
    }

    void arm401_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << "missing" << "AuthenticationFailed";
        QTest::newRow("not bearer") << "basic" << "InvalidAuthenticationToken";
        QTest::newRow("garbage") << "garbage" << "InvalidAuthenticationToken";
        QTest::newRow("tampered") << "tampered" << "InvalidAuthenticationToken";
        QTest::newRow("expired") << "expired" << "ExpiredAuthenticationToken";
        QTest::newRow("other audience") << "audience" << "InvalidAuthenticationTokenAudience";
        QTest::newRow("other tenant") << "tenant" << "InvalidAuthenticationTokenTenant";
    }

    void arm401()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QList<QPair<QByteArray, QByteArray>> headers;
        const QByteArray good = h->token(kContributor);
        const auto *app = h->emu->config().findApp(kTenant, kContributor);
        if (kind == QLatin1String("basic"))
            headers = {{"Authorization", "Basic dXNlcjpwYXNz"}};
        else if (kind == QLatin1String("garbage"))
            headers = {{"Authorization", "Bearer not-a-token"}};
        else if (kind == QLatin1String("tampered")) {
            QByteArray t = good;
            t[t.size() - 3] = t[t.size() - 3] == 'A' ? 'B' : 'A';
            headers = {{"Authorization", "Bearer " + t}};
        } else if (kind == QLatin1String("expired"))
            headers = {{"Authorization", "Bearer "
                                             + h->emu->tokens().issue(kTenant, *app, QStringLiteral("https://management.azure.com/"), 60,
                                                                      QDateTime::currentSecsSinceEpoch() - 3600)}};
        else if (kind == QLatin1String("audience")) {
            const Reply r = h->tokenRequest(kTenant, Harness::form(kContributor, kSecret, QStringLiteral("https://graph.microsoft.com/.default")));
            QCOMPARE(r.status, 200); // a valid token, just not for ARM
            headers = {{"Authorization", "Bearer " + QByteArray::fromStdString(r.j["access_token"].get<std::string>())}};
        } else if (kind == QLatin1String("tenant")) {
            headers = {{"Authorization", "Bearer " + h->token(kForeignApp, kOtherTenant)}};
        }
        const Reply r = h->send("GET", flexPath() + QStringLiteral("?api-version=2024-08-01"), {}, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), code);
        QVERIFY(!r.message().isEmpty());
        const QByteArray www = r.header("WWW-Authenticate");
        QVERIFY2(www.startsWith("Bearer authorization_uri=\""), www.constData());
        QVERIFY(www.contains("error=\"invalid_token\""));
        QVERIFY(!r.header("x-ms-request-id").isEmpty());
        if (kind == QLatin1String("expired"))
            QVERIFY2(r.message().contains(QLatin1String("is earlier than current UTC time")), qPrintable(r.message()));
        if (kind == QLatin1String("audience"))
            QVERIFY2(r.message().contains(QLatin1String("https://graph.microsoft.com/")), qPrintable(r.message()));
    }

    void shortTokenLifetimeExpires()
    {
        json c = baseConfig();
        c["faults"] = {{"shortTokenLifetimeSeconds", 1}};
        h = std::make_unique<Harness>(c);
        const Reply t = h->tokenRequest(kTenant, Harness::form(kContributor, kSecret));
        QCOMPARE(t.j["expires_in"].get<int>(), 1);
        const QByteArray token = QByteArray::fromStdString(t.j["access_token"].get<std::string>());
        QCOMPARE(h->arm("GET", flexPath() + QStringLiteral("?api-version=2024-08-01"), token).status, 200);
        QTest::qWait(2100);
        const Reply r = h->arm("GET", flexPath() + QStringLiteral("?api-version=2024-08-01"), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("ExpiredAuthenticationToken"));
    }

    void authorization_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("action");
        const QString v17 = QStringLiteral("?api-version=2017-12-01");
        const QString v24 = QStringLiteral("?api-version=2024-08-01");
        QTest::newRow("contributor reads") << kContributor << QByteArray("GET") << singlePath() + v17 << 200 << QString();
        QTest::newRow("reader reads") << kReader << QByteArray("GET") << singlePath() + v17 << 200 << QString();
        QTest::newRow("reader cannot restart") << kReader << QByteArray("POST") << singlePath() + QStringLiteral("/restart") + v17 << 403
                                               << "Microsoft.DBforPostgreSQL/servers/restart/action";
        QTest::newRow("reader cannot create a migration") << kReader << QByteArray("PUT") << flexPath() + QStringLiteral("/migrations/m1") + v24 << 403
                                                          << "Microsoft.DBforPostgreSQL/flexibleServers/migrations/write";
        QTest::newRow("nobody cannot read") << kNobody << QByteArray("GET") << flexPath() + v24 << 403 << "Microsoft.DBforPostgreSQL/flexibleServers/read";
        QTest::newRow("server-scoped reads its server") << kServerScoped << QByteArray("GET") << flexPath() + v24 << 200 << QString();
        QTest::newRow("server-scoped cannot read the source") << kServerScoped << QByteArray("GET") << singlePath() + v17 << 403
                                                              << "Microsoft.DBforPostgreSQL/servers/read";
        QTest::newRow("nobody on a missing rg still 403") << kNobody << QByteArray("GET")
                                                          << QStringLiteral("/subscriptions/%1/resourceGroups/nope/providers/Microsoft.DBforPostgreSQL/flexibleServers/x").arg(kSub) + v24
                                                          << 403 << "Microsoft.DBforPostgreSQL/flexibleServers/read";
    }

    void authorization()
    {
        QFETCH(QString, app);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, action);
        const Reply r = h->arm(method, path, h->token(app), method == "PUT" ? QByteArray("{}") : QByteArray());
        QCOMPARE(r.status, status);
        if (status == 403) {
            QCOMPARE(r.code(), QStringLiteral("AuthorizationFailed"));
            const QString scope = path.left(path.indexOf(QLatin1Char('?'))).remove(QRegularExpression(QStringLiteral("/restart$")));
            const auto *a = h->emu->config().findApp(kTenant, app);
            const QString expected = QStringLiteral("The client '%1' with object id '%2' does not have authorization to perform action '%3' over scope '%4' or the "
                                                    "scope is invalid. If access was recently granted, please refresh your credentials.")
                                         .arg(app, a->objectId, action, scope);
            QCOMPARE(r.message(), expected);
        }
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<int>("entries");
        QTest::addColumn<QString>("firstAction");
        QTest::newRow("contributor at subscription") << kContributor << QStringLiteral("/subscriptions/") + kSub << 1 << "*";
        QTest::newRow("contributor at server") << kContributor << singlePath() << 1 << "*";
        QTest::newRow("reader") << kReader << flexPath() << 1 << "*/read";
        QTest::newRow("nobody") << kNobody << flexPath() << 0 << QString();
        QTest::newRow("server-scoped at its server") << kServerScoped << flexPath() << 1 << "*";
        QTest::newRow("server-scoped at the rg") << kServerScoped << rgPath() << 0 << QString();
    }

    void permissions()
    {
        QFETCH(QString, app);
        QFETCH(QString, scope);
        QFETCH(int, entries);
        QFETCH(QString, firstAction);
        const Reply r = h->arm("GET", scope + QStringLiteral("/providers/Microsoft.Authorization/permissions?api-version=2022-04-01"), h->token(app));
        QCOMPARE(r.status, 200);
        QVERIFY(r.j["value"].is_array());
        QCOMPARE(int(r.j["value"].size()), entries);
        if (entries > 0) {
            const json &p = r.j["value"][0];
            QCOMPARE(QString::fromStdString(p["actions"][0].get<std::string>()), firstAction);
            QVERIFY(p["notActions"].is_array());
            QVERIFY(p["dataActions"].is_array());
            if (app == kContributor)
                QVERIFY(p["notActions"].dump().find("Microsoft.Authorization/*/Write") != std::string::npos);
        }
    }

    void apiVersions_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << flexPath() << 400 << "MissingApiVersionParameter";
        QTest::newRow("unsupported for flexibleServers") << flexPath() + QStringLiteral("?api-version=2017-12-01") << 400 << "NoRegisteredProviderFound";
        QTest::newRow("unsupported for servers") << singlePath() + QStringLiteral("?api-version=2024-08-01") << 400 << "NoRegisteredProviderFound";
        QTest::newRow("migrations need their own") << flexPath() + QStringLiteral("/migrations?api-version=2022-12-01") << 400 << "NoRegisteredProviderFound";
        QTest::newRow("malformed") << flexPath() + QStringLiteral("?api-version=latest") << 400 << "InvalidApiVersionParameter";
        QTest::newRow("migrations 2021") << flexPath() + QStringLiteral("/migrations?api-version=2021-06-15-privatepreview") << 200 << QString();
        QTest::newRow("migrations 2024") << flexPath() + QStringLiteral("/migrations?api-version=2024-08-01") << 200 << QString();
        QTest::newRow("single 2017") << singlePath() + QStringLiteral("?api-version=2017-12-01") << 200 << QString();
    }

    void apiVersions()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply r = h->arm("GET", path, h->token(kContributor));
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
        if (code == QLatin1String("NoRegisteredProviderFound"))
            QVERIFY2(r.message().contains(QLatin1String("The supported api-versions are")), qPrintable(r.message()));
    }

    void notFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messageStart");
        const QString v = QStringLiteral("?api-version=2024-08-01");
        QTest::newRow("subscription") << QStringLiteral("/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg1") + v << "SubscriptionNotFound"
                                      << "The subscription '33333333-3333-3333-3333-333333333333' could not be found.";
        QTest::newRow("resource group") << QStringLiteral("/subscriptions/%1/resourceGroups/nope/providers/Microsoft.DBforPostgreSQL/flexibleServers/x").arg(kSub) + v
                                        << "ResourceGroupNotFound" << "Resource group 'nope' could not be found.";
        QTest::newRow("server") << rgPath() + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/nope") + v << "ResourceNotFound"
                                << "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/nope' under resource group 'rg1' was not found.";
        QTest::newRow("parent") << rgPath() + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/flexibleServers/nope/migrations/m1") + v << "ParentResourceNotFound"
                                << "Failed to perform 'read' on resource(s) of type 'flexibleServers/migrations', because the parent resource";
        QTest::newRow("migration") << flexPath() + QStringLiteral("/migrations/nothere") + v << "ResourceNotFound"
                                   << "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/tgt-flex/migrations/nothere'";
        QTest::newRow("configuration") << flexPath() + QStringLiteral("/configurations/no_such_setting") + v << "ResourceNotFound"
                                       << "The requested resource of type 'Microsoft.DBforPostgreSQL/flexibleServers/configurations' with name 'no_such_setting'";
        QTest::newRow("resource type") << rgPath() + QStringLiteral("/providers/Microsoft.DBforPostgreSQL/widgets/x") + v << "InvalidResourceType"
                                       << "The resource type 'widgets' could not be found";
    }

    void notFound()
    {
        QFETCH(QString, path);
        QFETCH(QString, code);
        QFETCH(QString, messageStart);
        const Reply r = h->arm("GET", path, h->token(kContributor));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), code);
        QVERIFY2(r.message().startsWith(messageStart), qPrintable(r.message()));
    }

    void armHeaders()
    {
        const Reply r = h->send("GET", singlePath() + QStringLiteral("?api-version=2017-12-01"), {},
                                {{"Authorization", "Bearer " + h->token(kContributor)}, {"x-ms-client-request-id", "abc-123"},
                                 {"x-ms-correlation-request-id", "corr-9"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-ms-client-request-id"), QByteArray("abc-123"));
        QCOMPARE(r.header("x-ms-correlation-request-id"), QByteArray("corr-9"));
        QVERIFY(!r.header("x-ms-request-id").isEmpty());
        QVERIFY(!r.header("x-ms-ratelimit-remaining-subscription-reads").isEmpty());
        QCOMPARE(QString::fromStdString(r.j["type"].get<std::string>()), QStringLiteral("Microsoft.DBforPostgreSQL/servers"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["userVisibleState"].get<std::string>()), QStringLiteral("Ready"));
        QCOMPARE(QString::fromStdString(r.j["properties"]["version"].get<std::string>()), QStringLiteral("11"));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorAuth)
#include "tst_emulatorauth.moc"
