// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QDateTime>
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
};

} // namespace fm::http
