// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QDateTime>
#include <QtGlobal>
#include <QStringList>

#include <functional>

class QObject;

namespace fm::http {

/** @brief A bearer token and when it stops working (UTC). */
struct AccessToken {
    Secret token;
    QDateTime expiresOn;
};

/**
 * @brief Source of bearer tokens. The interface lives low (engine/http), the
 * implementations high (engine/auth), as in the Azure SDK's
 * `azure/core/credentials/credentials.hpp` (STYLE rule 3).
 */
class TokenCredential
{
public:
    virtual ~TokenCredential() = default;

    /**
     * Calls done exactly once, on context's thread, never from inside this call;
     * nothing is called after context is destroyed.
     */
    virtual void getToken(const QStringList &scopes, QObject *context, std::function<void(Expected<AccessToken>)> done) = 0;

    /**
     * The service refused token (HTTP 401: revoked or expired early), so the next
     * getToken() for scopes must fetch a new one instead of answering from a cache.
     * Only drops the cached token when it is still the rejected one, so N requests
     * failing together with the same token cause one refresh, not N (issue 4;
     * Azure SDK BearerTokenAuthenticationPolicy re-authorizes on a 401 challenge).
     * Default: nothing to forget (credentials without a cache).
     */
    virtual void invalidate(const QStringList &scopes, const Secret &token)
    {
        Q_UNUSED(scopes);
        Q_UNUSED(token);
    }
};

} // namespace fm::http
