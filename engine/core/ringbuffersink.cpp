// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/ringbuffersink.h"

namespace fm {

RingBufferSink::RingBufferSink(size_t capacity) : m_capacity(capacity ? capacity : 1) {}

void RingBufferSink::sink_it_(const spdlog::details::log_msg &msg)
{
    LogEntry e;
    e.id = m_nextId++;
    e.time = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count());
    e.level = msg.level;
    e.logger = QString::fromUtf8(msg.logger_name.data(), qsizetype(msg.logger_name.size()));
    e.message = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
    m_entries.push_back(e);
    while (m_entries.size() > m_capacity)
        m_entries.pop_front();
    if (m_listener)
        m_listener(e);
}

std::vector<LogEntry> RingBufferSink::entriesSince(quint64 lastId) const
{
    std::lock_guard lock(const_cast<std::mutex &>(mutex_));
    std::vector<LogEntry> out;
    for (const auto &e : m_entries)
        if (e.id > lastId)
            out.push_back(e);
    return out;
}

quint64 RingBufferSink::lastId() const
{
    std::lock_guard lock(const_cast<std::mutex &>(mutex_));
    return m_nextId - 1;
}

void RingBufferSink::setListener(std::function<void(const LogEntry &)> listener)
{
    std::lock_guard lock(mutex_);
    m_listener = std::move(listener);
}

} // namespace fm
