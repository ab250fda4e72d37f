// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/canceltoken.h"

#include <vector>

namespace fm {

void CancelToken::cancel()
{
    std::vector<int> ids;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled.exchange(true))
            return;
        for (const auto &[id, cb] : m_callbacks)
            ids.push_back(id);
    }
    // Each callback runs outside the lock (it may cancel other tokens or block
    // in PQcancel), one at a time, and only while still registered: remove()
    // waits for a running one (see the header).
    for (int id : ids) {
        std::function<void()> cb;
        {
            std::lock_guard lock(m_mutex);
            auto it = m_callbacks.find(id);
            if (it == m_callbacks.end())
                continue;
            cb = it->second;
            m_running = id;
            m_runner = std::this_thread::get_id();
        }
        cb();
        {
            std::lock_guard lock(m_mutex);
            m_running = 0;
        }
        m_done.notify_all();
    }
}

int CancelToken::onCancel(std::function<void()> callback)
{
    std::unique_lock lock(m_mutex);
    if (m_cancelled.load()) {
        lock.unlock();
        callback();
        return 0;
    }
    const int id = m_nextId++;
    m_callbacks.emplace(id, std::move(callback));
    return id;
}

void CancelToken::remove(int id)
{
    std::unique_lock lock(m_mutex);
    m_callbacks.erase(id);
    // A callback that removes itself (same thread) must not wait for itself.
    m_done.wait(lock, [&] { return m_running != id || id == 0 || m_runner == std::this_thread::get_id(); });
}

} // namespace fm
