// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/canceltoken.h"

#include <vector>

namespace fm {

void CancelToken::cancel()
{
    std::vector<std::function<void()>> toRun;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled.exchange(true))
            return;
        for (auto &[id, cb] : m_callbacks)
            toRun.push_back(cb);
    }
    for (auto &cb : toRun)
        cb();
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
    std::lock_guard lock(m_mutex);
    m_callbacks.erase(id);
}

} // namespace fm
