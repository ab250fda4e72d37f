// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/emulatorconfig.h"
#include "emulator/httpexchange.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace fm::emulator {

/** What a valid bearer token says (the claims ARM needs). */
struct TokenClaims {
    QString tenantId;
    QString clientId; ///< appid
    QString objectId; ///< oid
    QString audience; ///< aud
    qint64 expiresAt = 0; ///< seconds since the epoch (exp)
};

enum class TokenProblem { None, Missing, Malformed, Expired, WrongAudience };

struct TokenCheck {
    TokenProblem problem = TokenProblem::None;
    TokenClaims claims;
    QString detail; ///< for the ARM message (expiry time, audience); never the token
};

/**
 * @brief The AAD v2 client-credentials token endpoint (azure-api.md §5.1).
 *
 * Tokens are JWT-shaped (header.payload.signature, base64url) with aud, iss,
 * tid, appid, oid, iat, nbf, exp, signed with HMAC-SHA256 by a key made at
 * start-up: clients must treat them as opaque, ARM checks signature, expiry
 * and audience on every call. Errors carry the real AADSTS codes and the
 * error/error_description/error_codes/trace_id/correlation_id shape.
 */
class TokenService
{
public:
    explicit TokenService(const EmulatorConfig *config);

    /** POST /{tenant}/oauth2/v2.0/token with a form body. */
    HttpResponse handleTokenRequest(const QString &tenant, const HttpRequest &request, const QString &baseUrl);

    /** Checks "Authorization: Bearer ..." (only the signature, expiry and audience: tenant and RBAC are ARM's job). */
    TokenCheck check(const QByteArray &authorizationHeader) const;

    /** Makes a token directly (tests: expired or foreign-audience tokens without waiting). */
    QByteArray issue(const QString &tenantId, const AadApp &app, const QString &audience, qint64 lifetimeSeconds, qint64 issuedAt = -1) const;

    /** The emulator's own base URL also counts as an ARM audience (a custom cloud whose audience is its endpoint). */
    void setSelfAudience(const QString &baseUrl) { m_selfAudience = baseUrl; }

    /** Seconds since the epoch; replaceable so tests can move time. */
    std::function<qint64()> now;

private:
    HttpResponse aadError(int status, const char *error, int code, const QString &text, const QString &baseUrl) const;
    bool isArmAudience(const QString &audience) const;

    const EmulatorConfig *m_config;
    QByteArray m_key;
    QString m_selfAudience;
};

QString normalizeAudience(QString audience);

} // namespace fm::emulator
