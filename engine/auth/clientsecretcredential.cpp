// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/clientsecretcredential.h"

#include "engine/auth/aadstserror.h"
#include "engine/auth/identifiers.h"
#include "engine/core/logging.h"
#include "engine/http/bearertokenpolicy.h"

#include <QNetworkAccessManager>

#include <nlohmann/json.hpp>

namespace fm::auth {

namespace {

Error malformedToken(const QString &why)
{
    return Error::make(ErrorCategory::Auth, QStringLiteral("MalformedTokenResponse"),
                       QStringLiteral("The token endpoint sent an unusable answer: %1.").arg(why),
                       QStringLiteral("Check --authority-host points at a Microsoft Entra ID (AAD v2) token endpoint."));
}

} // namespace

Expected<http::AccessToken> parseTokenResponse(const QByteArray &body, const QDateTime &now)
{
    const nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(malformedToken(QStringLiteral("not a JSON object")));
    const auto token = doc.find("access_token");
    if (token == doc.end() || !token->is_string() || token->get<std::string>().empty())
        return fail(malformedToken(QStringLiteral("no access_token")));
    qint64 expiresIn = -1;
    if (const auto it = doc.find("expires_in"); it != doc.end()) {
        if (it->is_number())
            expiresIn = it->get<qint64>();
        else if (it->is_string())
            expiresIn = QString::fromStdString(it->get<std::string>()).toLongLong();
    }
    http::AccessToken result;
    result.token = Secret(QString::fromStdString(token->get<std::string>()));
    if (expiresIn > 0) {
        result.expiresOn = now.addSecs(expiresIn);
    } else if (const auto it = doc.find("expires_on"); it != doc.end() && (it->is_number() || it->is_string())) {
        const qint64 epoch = it->is_number() ? it->get<qint64>() : QString::fromStdString(it->get<std::string>()).toLongLong();
        result.expiresOn = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    }
    if (!result.expiresOn.isValid() || result.expiresOn <= now)
        return fail(malformedToken(QStringLiteral("no usable expires_in")));
    return result;
}

ClientSecretCredential::ClientSecretCredential(QNetworkAccessManager *nam, const QUrl &authorityHost, const QString &tenantId,
                                               const QString &clientId, Secret secret, Options options)
    : CachingCredential(options.cache)
    , m_authorityHost(authorityHost)
    , m_tenantId(tenantId)
    , m_clientId(clientId)
    , m_secret(std::move(secret))
{
    m_http = new http::HttpClient(nam, nullptr, std::move(options.http), anchor());
}

Expected<std::shared_ptr<ClientSecretCredential>> ClientSecretCredential::create(QNetworkAccessManager *nam, const http::CloudProfile &profile,
                                                                                 const QString &tenantId, const QString &clientId, Secret secret,
                                                                                 Options options)
{
    const auto tenant = validateTenantId(tenantId);
    if (!tenant)
        return fail(tenant.error());
    const auto client = validateClientId(clientId);
    if (!client)
        return fail(client.error());
    if (secret.isEmpty()) {
        return fail(Error::validation(QStringLiteral("MissingClientSecret"), QStringLiteral("The client secret is empty."),
                                      QStringLiteral("Set FLEXMIGRATE_CLIENT_SECRET or give --client-secret-file with the secret's value.")));
    }
    if (auto ok = profile.validate(); !ok)
        return fail(ok.error());
    return std::make_shared<ClientSecretCredential>(nam, profile.authorityHost, *tenant, *client, std::move(secret), std::move(options));
}

QUrl ClientSecretCredential::tokenUrl() const
{
    QUrl url = m_authorityHost;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + m_tenantId + QStringLiteral("/oauth2/v2.0/token"));
    return url;
}

QByteArray ClientSecretCredential::formBody(const QString &scope) const
{
    // application/x-www-form-urlencoded (azure-api.md §5.1); every value percent-encoded.
    return QByteArrayLiteral("grant_type=client_credentials&client_id=") + QUrl::toPercentEncoding(m_clientId)
        + QByteArrayLiteral("&client_secret=") + QUrl::toPercentEncoding(m_secret.reveal())
        + QByteArrayLiteral("&scope=") + QUrl::toPercentEncoding(scope);
}

void ClientSecretCredential::fetchToken(const QStringList &scopes, FetchDone done)
{
    const QUrl url = tokenUrl();
    // The secret goes in the body: same transport rule as bearer tokens.
    if (auto ok = http::BearerTokenPolicy::checkTransport(url); !ok) {
        Error e = ok.error();
        e.message = QStringLiteral("Refusing to send the client secret to %1 over plain http.").arg(url.host());
        done(fail(e));
        return;
    }
    const QString scope = scopes.join(QLatin1Char(' '));
    http::Request request;
    request.method = "POST";
    request.url = url;
    request.body = formBody(scope);
    request.sensitiveBody = true;
    request.errorStatusAsResponse = true;
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setHeader("Accept", "application/json");

    const AadContext context{m_tenantId, m_clientId, scope, m_authorityHost.host()};
    auto *job = m_http->send(std::move(request), anchor());
    QObject::connect(job, &Job::finished, anchor(), [this, job, context, done = std::move(done)] {
        const Expected<http::Response> outcome = job->outcome();
        job->deleteLater();
        auto log = logging::get("engine.auth");
        if (!outcome) {
            log->warn("token request for client {} failed: {}", m_clientId, outcome.error().toDisplayString());
            done(fail(outcome.error()));
            return;
        }
        if (outcome->status != 200) {
            Error e = aadErrorFromResponse(*outcome, context);
            log->warn("token request for client {} refused: {}", m_clientId, e.toDisplayString());
            done(fail(e));
            return;
        }
        auto token = parseTokenResponse(outcome->body, now());
        if (token)
            log->info("got a token for client {} in tenant {}, valid until {}", m_clientId, m_tenantId, token->expiresOn.toString(Qt::ISODate));
        done(std::move(token));
    });
}

} // namespace fm::auth
