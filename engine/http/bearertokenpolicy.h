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
 */
class BearerTokenPolicy final : public HttpPolicy
{
public:
    BearerTokenPolicy(std::shared_ptr<TokenCredential> credential, QStringList scopes);
    void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) override;

    /** The check on its own: an Error when url must not get a bearer token. */
    static Expected<void> checkTransport(const QUrl &url);

private:
    std::shared_ptr<TokenCredential> m_credential;
    QStringList m_scopes;
};

} // namespace fm::http
