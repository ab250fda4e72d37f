// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/auth/cachingcredential.h"
#include "engine/core/secret.h"
#include "engine/http/cloudprofile.h"
#include "engine/http/httpclient.h"

#include <QUrl>

class QNetworkAccessManager;

namespace fm::auth {

struct ClientSecretOptions {
    CredentialOptions cache;
    /** Retry etc. of the token requests (no bearer, of course). */
    http::HttpClient::Options http;
};

/**
 * @brief AAD v2 client credentials (azure-api.md §5.1): POST
 * {authorityHost}/{tenant}/oauth2/v2.0/token with grant_type=client_credentials,
 * client_id, client_secret and scope=<audience>/.default as a form body.
 *
 * The request is marked sensitive (never logged), errors come back in plain
 * words (aadstserror.h), and the token is cached and refreshed before expiry
 * (CachingCredential). The secret is sent only over https, or plain http to loopback.
 */
class ClientSecretCredential final : public CachingCredential
{
public:
    using Options = ClientSecretOptions;

    /** Inputs must be valid (see create()). nam must outlive the credential. */
    ClientSecretCredential(QNetworkAccessManager *nam, const QUrl &authorityHost, const QString &tenantId, const QString &clientId,
                           Secret secret, Options options = {});

    /** Validates tenant id, client id, secret and authority host first; specific errors, nothing sent. */
    static Expected<std::shared_ptr<ClientSecretCredential>> create(QNetworkAccessManager *nam, const http::CloudProfile &profile,
                                                                    const QString &tenantId, const QString &clientId, Secret secret,
                                                                    Options options = {});

    QUrl tokenUrl() const;
    QString tenantId() const { return m_tenantId; }
    QString clientId() const { return m_clientId; }

    /** The form body for scope (tests assert it exactly; the caller must not log it). */
    QByteArray formBody(const QString &scope) const;

protected:
    void fetchToken(const QStringList &scopes, FetchDone done) override;

private:
    QUrl m_authorityHost;
    QString m_tenantId;
    QString m_clientId;
    Secret m_secret;
    http::HttpClient *m_http = nullptr;
};

/**
 * @brief Reads an AAD v2 token response (access_token, expires_in as number or
 * string, optionally expires_on) relative to now. Never throws.
 */
Expected<http::AccessToken> parseTokenResponse(const QByteArray &body, const QDateTime &now);

} // namespace fm::auth
