// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/bearertokenpolicy.h"

#include "engine/http/cloudprofile.h"

namespace fm::http {

BearerTokenPolicy::BearerTokenPolicy(std::shared_ptr<TokenCredential> credential, QStringList scopes)
    : m_credential(std::move(credential)), m_scopes(std::move(scopes))
{
}

Expected<void> BearerTokenPolicy::checkTransport(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    Error e = Error::make(ErrorCategory::Auth, QStringLiteral("InsecureTransport"),
                          QStringLiteral("Refusing to send an Azure access token to %1 over %2: anyone on the network "
                                         "path could read the token and act as your AAD application.")
                              .arg(url.host(), scheme.isEmpty() ? QStringLiteral("an unknown scheme") : QStringLiteral("plain ") + scheme),
                          QStringLiteral("Use an https:// endpoint. Plain http is accepted only for this machine "
                                         "(127.0.0.1, ::1 or localhost), e.g. the local emulator."));
    return fail(e);
}

void BearerTokenPolicy::send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done)
{
    if (!m_credential) {
        next(std::move(request), std::move(done));
        return;
    }
    if (auto ok = checkTransport(request.url); !ok) {
        done(fail(ok.error()));
        return;
    }
    if (m_scopes.isEmpty()) {
        done(fail(Error::internal(QStringLiteral("The HTTP client has a credential but no token scope."))));
        return;
    }
    PipelineCall *callPtr = &call;
    m_credential->getToken(m_scopes, call.context(),
                           [callPtr, next, request = std::move(request), done = std::move(done)](Expected<AccessToken> token) mutable {
        if (callPtr->isCancelled())
            return;
        if (!token) {
            done(fail(token.error()));
            return;
        }
        request.setHeader("Authorization", QByteArrayLiteral("Bearer ") + token->token.reveal().toUtf8());
        next(std::move(request), std::move(done));
    });
}

} // namespace fm::http
