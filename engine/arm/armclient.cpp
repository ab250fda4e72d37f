// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/armclient.h"

#include "engine/arm/jsonutil.h"
#include "engine/http/httpclient.h"
#include "engine/http/lro.h"

#include <QUrlQuery>

#include <memory>

namespace fm::arm {

ArmClient::ArmClient(http::HttpClient *client, http::CloudProfile profile) : m_client(client), m_profile(std::move(profile)) {}

QUrl ArmClient::url(const QString &path, const QString &apiVersion, const QList<QPair<QString, QString>> &query) const
{
    QUrl u = m_profile.armUrl(path);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("api-version"), apiVersion);
    for (const auto &[k, v] : query)
        q.addQueryItem(k, v);
    u.setQuery(q);
    return u;
}

QUrl ArmClient::url(const ResourceId &id, const QString &suffix, const QString &apiVersion, const QList<QPair<QString, QString>> &query) const
{
    return url(id.toString() + suffix, apiVersion, query);
}

void ArmClient::send(http::Request request, QObject *context, Callback<http::Response> done) const
{
    if (!m_client) {
        // Deliver asynchronously like a real call would.
        QMetaObject::invokeMethod(context, [done = std::move(done)] { done(fail(Error::internal(QStringLiteral("The HTTP client is gone.")))); }, Qt::QueuedConnection);
        return;
    }
    http::call(m_client, std::move(request), context, std::move(done));
}

void ArmClient::sendLongRunning(http::Request request, QObject *context, Callback<http::Response> done, std::function<void(http::LroPoller *)> started) const
{
    const QByteArray method = request.method;
    const QUrl resourceUrl = request.url;
    QPointer<http::HttpClient> client = m_client;
    send(std::move(request), context,
         [client, method, resourceUrl, context, done = std::move(done), started = std::move(started)](Expected<http::Response> r) mutable {
             if (!r)
                 return done(fail(r.error()));
             if (!client)
                 return done(fail(Error::internal(QStringLiteral("The HTTP client is gone."))));
             http::LroPoller *poller = http::LroPoller::fromResponse(client, method, resourceUrl, *r, context);
             if (started)
                 started(poller);
             QObject::connect(poller, &Job::finished, context, [poller, done = std::move(done)] {
                 Expected<http::Response> outcome = poller->outcome();
                 poller->deleteLater();
                 done(std::move(outcome));
             });
         });
}

std::optional<Error> ArmClient::expectType(const ResourceId &id, const QString &type, const QString &what)
{
    if (!id.isValid())
        return Error::validation(QStringLiteral("InvalidResourceId"), QStringLiteral("%1: no resource id given.").arg(what));
    if (!id.isType(type))
        return Error::validation(QStringLiteral("InvalidResourceId"),
                                 QStringLiteral("%1 '%2' is a %3, not a %4.").arg(what, id.toString(), id.resourceType().isEmpty() ? QStringLiteral("resource group") : id.resourceType(), type));
    return std::nullopt;
}

namespace {
struct PageState {
    QList<nlohmann::json> items;
    int pages = 0;
};
} // namespace

void ArmClient::listAll(const QUrl &first, QObject *context, Callback<QList<nlohmann::json>> done) const
{
    auto state = std::make_shared<PageState>();
    auto next = std::make_shared<std::function<void(const QUrl &)>>();
    const ArmClient self = *this;
    // The recursion holds `next` only weakly from inside, so the chain frees itself when it ends.
    std::weak_ptr<std::function<void(const QUrl &)>> weakNext = next;
    *next = [self, state, context, done, weakNext, first](const QUrl &pageUrl) {
        auto keep = weakNext.lock();
        self.send(http::Request::get(pageUrl), context, [self, state, done, keep, first](Expected<http::Response> r) {
            if (!r)
                return done(fail(r.error()));
            auto j = r->json();
            if (!j)
                return done(fail(j.error()));
            const nlohmann::json *items = j->is_array() ? &*j : jsonutil::find(*j, "value"); // 2020 preview: bare array (§7.1)
            if (!items || !items->is_array())
                return done(fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"),
                                             QStringLiteral("The list response from %1 has no 'value' array.").arg(first.path()))));
            for (const auto &i : *items)
                state->items.append(i);
            const QString nextLink = j->is_object() ? jsonutil::string(*j, "nextLink") : QString();
            // Bounded and same-host only: a nextLink elsewhere would receive our bearer token.
            const QUrl nextUrl(nextLink);
            if (nextLink.isEmpty() || ++state->pages >= 100)
                return done(state->items);
            if (!nextUrl.isValid() || nextUrl.host().compare(first.host(), Qt::CaseInsensitive) != 0 || nextUrl.scheme() != first.scheme())
                return done(fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedNextLink"),
                                             QStringLiteral("The service returned a nextLink to another host (%1); it was not followed.").arg(nextUrl.host()))));
            (*keep)(nextUrl);
        });
    };
    (*next)(first);
}

} // namespace fm::arm
