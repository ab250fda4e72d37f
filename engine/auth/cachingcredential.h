// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/tokencredential.h"

#include <QHash>
#include <QList>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QObject;

namespace fm::auth {

struct CredentialOptions {
    /** A token is refreshed this long before it expires, so no call starts with a token about to die. */
    std::chrono::seconds refreshMargin{300};
    /** UTC now; injectable for tests. */
    std::function<QDateTime()> clock;
};

/**
 * @brief Token cache shared by the credentials: one cached token per scope set,
 * refreshed refreshMargin before expiry, and concurrent getToken() calls for the
 * same scopes share one fetch. When a refresh fails while the old token is still
 * valid, the old token is used (as the Azure SDK does).
 *
 * getToken() may be called from any thread; fetches run on the thread that
 * created the credential, answers go to each caller's context thread.
 */
class CachingCredential : public http::TokenCredential
{
public:
    ~CachingCredential() override;

    void getToken(const QStringList &scopes, QObject *context, std::function<void(Expected<http::AccessToken>)> done) final;

    /** Drops the cached token for scopes if it is token (see TokenCredential::invalidate). */
    void invalidate(const QStringList &scopes, const Secret &token) final;

    /** Forgets cached tokens (e.g. after the secret changed). */
    void clearCache();
    /** How many fetches were started (tests: proves sharing and caching). */
    int fetchCount() const;

protected:
    explicit CachingCredential(CredentialOptions options);

    using FetchDone = std::function<void(Expected<http::AccessToken>)>;
    /** Gets a fresh token; runs on anchor()'s thread and calls done exactly once there. */
    virtual void fetchToken(const QStringList &scopes, FetchDone done) = 0;

    /** Lives on the creating thread; parent of fetch jobs, destroyed with the credential. */
    QObject *anchor() const { return m_anchor.get(); }
    QDateTime now() const;

private:
    struct Waiter {
        QPointer<QObject> context;
        std::function<void(Expected<http::AccessToken>)> done;
    };
    struct Entry {
        std::optional<http::AccessToken> token;
        bool fetching = false;
        QList<Waiter> waiters;
    };
    void startFetch(const QString &key, const QStringList &scopes);
    static void deliver(const Waiter &waiter, const Expected<http::AccessToken> &result);

    CredentialOptions m_options;
    std::unique_ptr<QObject> m_anchor;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    int m_fetches = 0;
};

} // namespace fm::auth
