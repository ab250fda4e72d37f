// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/httppolicy.h"
#include "engine/http/tokencredential.h"

#include <QStringList>

#include <memory>

namespace fm::http {

/**
 * @brief Adds `Authorization: Bearer <token>` from a TokenCredential.
 *
 * Refuses, before asking for a token, to send one over plain http unless the
 * host is loopback (127.0.0.0/8, ::1, localhost): DESIGN.md "bearer tokens
 * never go over plain HTTP except to loopback".
 *
 * A 401 (token revoked or expired before its expiresOn) invalidates the token
 * and sends the request once more with a freshly fetched one; a second 401 is
 * final and comes back as an Error with the service's message and a fix
 * (issue 4). Bodies are plain QByteArrays in Request, so every request can be
 * replayed.
 */
class BearerTokenPolicy final : public HttpPolicy
{
public:
    BearerTokenPolicy(std::shared_ptr<TokenCredential> credential, QStringList scopes);
    void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) override;

    /** The check on its own: an Error when url must not get a bearer token. */
    static Expected<void> checkTransport(const QUrl &url);

    /** The Error for the final 401: ARM's code/message when present, plus the challenge and a fix. */
    static Error unauthorizedError(const Response &response);

private:
    struct State;
    static void authorize(const std::shared_ptr<State> &state);

    std::shared_ptr<TokenCredential> m_credential;
    QStringList m_scopes;
};

} // namespace fm::http
