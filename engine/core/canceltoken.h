// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace fm {

/**
 * @brief Cooperative cancellation shared between a job and the code it runs.
 *
 * Work polls isCancelled(); blocking calls register a callback (PQcancel, a
 * QNetworkReply abort) for the time they block. Thread-safe.
 */
class CancelToken
{
public:
    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    /** Runs now if already cancelled. Returns an id for remove(). */
    int onCancel(std::function<void()> callback);
    /**
     * Unregisters; if cancel() is running this very callback on another thread,
     * waits for it to return, so what the callback refers to may be destroyed
     * right after (a registration is usually a scope's locals).
     */
    void remove(int id);

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::map<int, std::function<void()>> m_callbacks;
    int m_nextId = 1;
    int m_running = 0; ///< id of the callback cancel() runs now, 0 when none
    std::thread::id m_runner;
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

/** Registers a callback for the lifetime of a scope. */
class CancelRegistration
{
public:
    CancelRegistration(CancelToken *token, std::function<void()> callback)
        : m_token(token), m_id(token ? token->onCancel(std::move(callback)) : 0) {}
    ~CancelRegistration()
    {
        if (m_token)
            m_token->remove(m_id);
    }
    CancelRegistration(const CancelRegistration &) = delete;
    CancelRegistration &operator=(const CancelRegistration &) = delete;

private:
    CancelToken *m_token;
    int m_id;
};

} // namespace fm
