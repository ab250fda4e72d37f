// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/bearertokenpolicy.h"

#include "engine/core/logging.h"
#include "engine/core/redaction.h"
#include "engine/http/armerror.h"
#include "engine/http/cloudprofile.h"

#include <QRegularExpression>

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

struct BearerTokenPolicy::State {
    std::shared_ptr<TokenCredential> credential;
    QStringList scopes;
    PipelineCall *call = nullptr;
    NextPolicy next;
    ResponseCallback done;
    /** Without Authorization; each attempt adds the token it got. */
    Request request;
    bool refreshed = false;
};

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
    auto state = std::make_shared<State>();
    state->credential = m_credential;
    state->scopes = m_scopes;
    state->call = &call;
    state->next = next;
    state->done = std::move(done);
    state->request = std::move(request);
    authorize(state);
}

void BearerTokenPolicy::authorize(const std::shared_ptr<State> &state)
{
    state->credential->getToken(state->scopes, state->call->context(), [state](Expected<AccessToken> token) {
        if (state->call->isCancelled())
            return;
        if (!token) {
            state->done(fail(token.error()));
            return;
        }
        Request request = state->request;
        request.setHeader("Authorization", QByteArrayLiteral("Bearer ") + token->token.reveal().toUtf8());
        const Secret used = token->token;
        state->next(std::move(request), [state, used](Expected<Response> outcome) {
            if (state->call->isCancelled())
                return;
            if (!outcome || outcome->status != 401) {
                state->done(std::move(outcome));
                return;
            }
            if (!state->refreshed) {
                // Exactly one refresh per request: a second 401 means the new token is refused too,
                // and asking again would only loop (issue 4).
                state->refreshed = true;
                logging::get("engine.http")->info("{} {} answered HTTP 401: fetching a new token and sending once more",
                                                  QString::fromLatin1(state->request.method), state->request.url.host());
                state->credential->invalidate(state->scopes, used);
                authorize(state);
                return;
            }
            if (state->request.errorStatusAsResponse)
                state->done(std::move(outcome));
            else
                state->done(fail(unauthorizedError(*outcome)));
        });
    });
}

Error BearerTokenPolicy::unauthorizedError(const Response &response)
{
    Error e = errorFromResponse(response);
    QStringList details;
    if (!e.details.isEmpty())
        details << e.details;
    // ARM's challenge says why in error_description (e.g. "The access token has expired.").
    const QString challenge = QString::fromLatin1(response.header("WWW-Authenticate")).trimmed();
    static const QRegularExpression description(QStringLiteral("error_description=\"([^\"]*)\""));
    const QString why = description.match(challenge).captured(1);
    if (e.category != ErrorCategory::Arm) {
        e.category = ErrorCategory::Auth;
        e.code = QStringLiteral("Unauthorized");
        e.message = QStringLiteral("%1 refused the access token (HTTP 401)%2")
                        .arg(response.url.host(), why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + redacted(why));
    } else if (!why.isEmpty()) {
        details << QStringLiteral("challenge: %1").arg(redacted(why));
    }
    details << QStringLiteral("refused twice: the request was sent again once with a newly fetched token");
    e.details = details.join(QStringLiteral("; "));
    e.retryable = false;
    if (e.fix.isEmpty())
        e.fix = QStringLiteral("Sign in again (az login when using the Azure CLI credential) or check that the client secret "
                               "was not rotated or revoked; check the tenant and cloud (--cloud) match the subscription.");
    return e;
}

} // namespace fm::http
