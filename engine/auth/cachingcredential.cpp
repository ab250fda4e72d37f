// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/cachingcredential.h"

#include <QMetaObject>
#include <QObject>

namespace fm::auth {

CachingCredential::CachingCredential(CredentialOptions options)
    : m_options(std::move(options)), m_anchor(std::make_unique<QObject>())
{
}

CachingCredential::~CachingCredential()
{
    // Fetch jobs die with the anchor; whoever still waits hears "cancelled" once.
    QList<Waiter> orphans;
    {
        std::lock_guard lock(m_mutex);
        for (auto &entry : m_entries)
            orphans += std::exchange(entry.waiters, {});
    }
    m_anchor.reset();
    for (const auto &w : orphans)
        deliver(w, fail(Error::cancelled()));
}

QDateTime CachingCredential::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

void CachingCredential::deliver(const Waiter &waiter, const Expected<http::AccessToken> &result)
{
    QObject *context = waiter.context.data();
    if (!context)
        return;
    // Queued even on the same thread: done never runs inside getToken() (TokenCredential contract).
    QMetaObject::invokeMethod(context, [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
}

void CachingCredential::getToken(const QStringList &scopes, QObject *context, std::function<void(Expected<http::AccessToken>)> done)
{
    const QString key = scopes.join(QLatin1Char(' '));
    const QDateTime refreshAfter = now().addSecs(m_options.refreshMargin.count());
    bool start = false;
    {
        std::lock_guard lock(m_mutex);
        Entry &entry = m_entries[key];
        if (entry.token && entry.token->expiresOn > refreshAfter) {
            deliver({context, std::move(done)}, *entry.token);
            return;
        }
        entry.waiters.append({context, std::move(done)});
        if (!entry.fetching) {
            entry.fetching = true;
            ++m_fetches;
            start = true;
        }
    }
    if (start) {
        // Fetch on the anchor's thread, whatever thread asked.
        QMetaObject::invokeMethod(m_anchor.get(), [this, key, scopes] { startFetch(key, scopes); }, Qt::QueuedConnection);
    }
}

void CachingCredential::startFetch(const QString &key, const QStringList &scopes)
{
    fetchToken(scopes, [this, key](Expected<http::AccessToken> result) {
        QList<Waiter> waiters;
        {
            std::lock_guard lock(m_mutex);
            Entry &entry = m_entries[key];
            entry.fetching = false;
            if (result) {
                entry.token = *result;
            } else if (entry.token && entry.token->expiresOn > now() && !result.error().isCancelled()) {
                // A failed refresh inside the margin: the old token still works for a while.
                result = *entry.token;
            }
            waiters = std::exchange(entry.waiters, {});
        }
        for (const auto &w : waiters)
            deliver(w, result);
    });
}

void CachingCredential::invalidate(const QStringList &scopes, const Secret &token)
{
    const QString key = scopes.join(QLatin1Char(' '));
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    // A newer token (another request already refreshed) is kept: one 401 wave, one fetch.
    // Dropping it also stops startFetch() from falling back to the refused token.
    if (it != m_entries.end() && it->token && it->token->token == token)
        it->token.reset();
}

void CachingCredential::clearCache()
{
    std::lock_guard lock(m_mutex);
    for (auto &entry : m_entries)
        entry.token.reset();
}

int CachingCredential::fetchCount() const
{
    std::lock_guard lock(m_mutex);
    return m_fetches;
}

} // namespace fm::auth
