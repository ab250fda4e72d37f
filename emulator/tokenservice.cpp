// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/tokenservice.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace fm::emulator {

namespace {

using json = nlohmann::json;

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString aadTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ssZ"));
}

} // namespace

QString normalizeAudience(QString audience)
{
    audience = audience.trimmed();
    while (audience.endsWith(QLatin1Char('/')))
        audience.chop(1);
    return audience.toLower();
}

TokenService::TokenService(const EmulatorConfig *config)
    : m_config(config)
{
    now = [] { return QDateTime::currentSecsSinceEpoch(); };
    m_key.resize(32);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(m_key.data()), reinterpret_cast<quint32 *>(m_key.data() + m_key.size()));
}

HttpResponse TokenService::aadError(int status, const char *error, int code, const QString &text, const QString &baseUrl) const
{
    const QString trace = newGuid();
    const QString correlation = newGuid();
    const QString ts = aadTimestamp();
    const QString description = QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
                                    .arg(code).arg(text, trace, correlation, ts);
    HttpResponse r = HttpResponse::json(status, {{"error", error},
                                                 {"error_description", description.toStdString()},
                                                 {"error_codes", json::array({code})},
                                                 {"timestamp", ts.toStdString()},
                                                 {"trace_id", trace.toStdString()},
                                                 {"correlation_id", correlation.toStdString()},
                                                 {"error_uri", (baseUrl + QStringLiteral("/error?code=%1").arg(code)).toStdString()}});
    r.setHeader("Cache-Control", "no-store, no-cache");
    return r;
}

bool TokenService::isArmAudience(const QString &audience) const
{
    const QString a = normalizeAudience(audience);
    if (!m_selfAudience.isEmpty() && normalizeAudience(m_selfAudience) == a)
        return true;
    for (const auto &known : m_config->armAudiences)
        if (normalizeAudience(known) == a)
            return true;
    return false;
}

QByteArray TokenService::issue(const QString &tenantId, const AadApp &app, const QString &audience, qint64 lifetimeSeconds, qint64 issuedAt) const
{
    const qint64 iat = issuedAt >= 0 ? issuedAt : now();
    const json header = {{"typ", "JWT"}, {"alg", "HS256"}, {"kid", "flexmigrate-emulator"}};
    const json payload = {{"aud", audience.toStdString()},
                          {"iss", QStringLiteral("https://sts.windows.net/%1/").arg(tenantId).toStdString()},
                          {"iat", iat},
                          {"nbf", iat},
                          {"exp", iat + lifetimeSeconds},
                          {"appid", app.clientId.toStdString()},
                          {"appidacr", "1"},
                          {"idtyp", "app"},
                          {"oid", app.objectId.toStdString()},
                          {"sub", app.objectId.toStdString()},
                          {"tid", tenantId.toStdString()},
                          {"ver", "1.0"}};
    const QByteArray signingInput = b64url(QByteArray::fromStdString(header.dump())) + '.' + b64url(QByteArray::fromStdString(payload.dump()));
    const QByteArray sig = QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256);
    return signingInput + '.' + b64url(sig);
}

HttpResponse TokenService::handleTokenRequest(const QString &tenant, const HttpRequest &request, const QString &baseUrl)
{
    const Tenant *t = m_config->findTenant(tenant);
    if (!t)
        return aadError(400, "invalid_request", 90002,
                        QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. "
                                       "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.")
                            .arg(tenant),
                        baseUrl);
    if (!request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded"))
        return aadError(400, "invalid_request", 900144, QStringLiteral("The request body must contain the following parameter: 'grant_type'."), baseUrl);

    // Form encoding writes spaces as '+'; QUrlQuery does not undo that.
    QByteArray body = request.body;
    body.replace('+', "%20");
    const QUrlQuery form(QString::fromUtf8(body));
    auto field = [&](const char *name) { return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };

    const QString grantType = field("grant_type");
    if (grantType.isEmpty())
        return aadError(400, "invalid_request", 900144, QStringLiteral("The request body must contain the following parameter: 'grant_type'."), baseUrl);
    if (grantType != QLatin1String("client_credentials"))
        return aadError(400, "unsupported_grant_type", 70003,
                        QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType), baseUrl);
    const QString clientId = field("client_id");
    if (clientId.isEmpty())
        return aadError(400, "invalid_request", 900144, QStringLiteral("The request body must contain the following parameter: 'client_id'."), baseUrl);
    const QString scope = field("scope");
    if (scope.isEmpty())
        return aadError(400, "invalid_request", 900144, QStringLiteral("The request body must contain the following parameter: 'scope'."), baseUrl);

    const AadApp *app = m_config->findApp(t->id, clientId);
    if (!app)
        return aadError(400, "unauthorized_client", 700016,
                        QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been "
                                       "installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your "
                                       "authentication request to the wrong tenant.")
                            .arg(clientId, t->domain.isEmpty() ? t->id : t->domain),
                        baseUrl);
    if (app->disabled)
        return aadError(400, "unauthorized_client", 7000112,
                        QStringLiteral("Application '%1'(%2) is disabled.").arg(app->clientId, app->displayName), baseUrl);

    const QString secret = field("client_secret");
    if (secret.isEmpty())
        return aadError(401, "invalid_client", 7000218,
                        QStringLiteral("The request body must contain the following parameter: 'client_assertion' or 'client_secret'."), baseUrl);
    if (secret != app->secret.reveal())
        return aadError(401, "invalid_client", 7000215,
                        QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the "
                                       "client secret ID, for a secret added to app '%1'.")
                            .arg(app->clientId),
                        baseUrl);
    if (app->secretExpired)
        return aadError(401, "invalid_client", 7000222,
                        QStringLiteral("The provided client secret keys for app '%1' are expired. Visit the Azure portal to create new keys for your app "
                                       "or consider using certificate credentials for added security.")
                            .arg(app->clientId),
                        baseUrl);

    // Client credentials take exactly one "<resource>/.default" scope (AADSTS70011 otherwise).
    const QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (scopes.size() != 1 || !scopes.first().endsWith(QLatin1String("/.default")))
        return aadError(400, "invalid_scope", 70011,
                        QStringLiteral("The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is "
                                       "not valid. The scope %1 is not valid. The scope format is invalid. Scope must be in a valid URI form "
                                       "<https://example/scope> or a valid Guid <guid/scope>.")
                            .arg(scope),
                        baseUrl);
    const QString resource = scopes.first().chopped(int(qstrlen("/.default")));
    bool known = isArmAudience(resource);
    for (const auto &other : m_config->otherResources)
        known = known || normalizeAudience(other) == normalizeAudience(resource);
    if (!known)
        return aadError(400, "invalid_scope", 500011,
                        QStringLiteral("The resource principal named %1 was not found in the tenant named %2. This can happen if the application has not "
                                       "been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent "
                                       "your authentication request to the wrong tenant.")
                            .arg(resource, t->domain.isEmpty() ? t->id : t->domain),
                        baseUrl);

    // The issued aud is the resource's identifier as ARM lists it (with the trailing slash).
    QString audience = resource;
    if (!audience.endsWith(QLatin1Char('/')))
        audience += QLatin1Char('/');
    const int lifetime = m_config->effectiveTokenLifetime();
    const QByteArray token = issue(t->id, *app, audience, lifetime);
    HttpResponse r = HttpResponse::json(200, {{"token_type", "Bearer"}, {"expires_in", lifetime}, {"ext_expires_in", lifetime}, {"access_token", token.toStdString()}});
    r.setHeader("Cache-Control", "no-store, no-cache");
    return r;
}

TokenCheck TokenService::check(const QByteArray &authorizationHeader) const
{
    TokenCheck c;
    if (authorizationHeader.trimmed().isEmpty()) {
        c.problem = TokenProblem::Missing;
        return c;
    }
    const QByteArray h = authorizationHeader.trimmed();
    if (!h.toLower().startsWith("bearer ")) {
        c.problem = TokenProblem::Malformed;
        c.detail = QStringLiteral("The 'Authorization' header is not a Bearer token.");
        return c;
    }
    const QByteArray token = h.mid(7).trimmed();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        c.problem = TokenProblem::Malformed;
        return c;
    }
    const QByteArray expected = b64url(QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], m_key, QCryptographicHash::Sha256));
    if (expected != parts[2]) {
        c.problem = TokenProblem::Malformed;
        return c;
    }
    const QByteArray payloadText = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    const json payload = json::parse(payloadText.constData(), payloadText.constData() + payloadText.size(), nullptr, false);
    if (!payload.is_object() || !payload.contains("exp") || !payload["exp"].is_number_integer()) {
        c.problem = TokenProblem::Malformed;
        return c;
    }
    auto str = [&](const char *k) { return payload.contains(k) && payload[k].is_string() ? QString::fromStdString(payload[k].get<std::string>()) : QString(); };
    c.claims.tenantId = str("tid");
    c.claims.clientId = str("appid");
    c.claims.objectId = str("oid");
    c.claims.audience = str("aud");
    c.claims.expiresAt = payload["exp"].get<qint64>();
    const qint64 t = now();
    if (c.claims.expiresAt <= t) {
        c.problem = TokenProblem::Expired;
        const QString fmt = QStringLiteral("M/d/yyyy h:mm:ss AP");
        c.detail = QStringLiteral("The access token expiry UTC time '%1' is earlier than current UTC time '%2'.")
                       .arg(QDateTime::fromSecsSinceEpoch(c.claims.expiresAt, Qt::UTC).toString(fmt),
                            QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(fmt));
        return c;
    }
    if (!isArmAudience(c.claims.audience)) {
        c.problem = TokenProblem::WrongAudience;
        QStringList allowed;
        for (const auto &a : m_config->armAudiences)
            allowed << QStringLiteral("'%1/'").arg(normalizeAudience(a)) << QStringLiteral("'%1'").arg(normalizeAudience(a));
        c.detail = QStringLiteral("The access token has been obtained for wrong audience or resource '%1'. It should exactly match with one of the allowed "
                                  "audiences %2.")
                       .arg(c.claims.audience, allowed.join(QLatin1Char(',')));
        return c;
    }
    return c;
}

} // namespace fm::emulator
