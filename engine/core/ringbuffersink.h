// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <QDateTime>
#include <QString>

#include <deque>
#include <functional>
#include <mutex>

namespace fm {

/** @brief One line of the UI log pane. */
struct LogEntry {
    quint64 id = 0; ///< increasing; the UI asks for entries after the last id it has
    QDateTime time;
    int level = 0; ///< spdlog::level::level_enum
    QString logger;
    QString message; ///< already redacted
};

/**
 * @brief Keeps the last N log lines in memory for the UI's log pane.
 *
 * Modelled on qBittorrent's Logger: ids increase, the view asks for what is
 * new. A listener, when set, is called (on the logging thread) after each
 * line; the UI side turns that into a queued signal.
 */
class RingBufferSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RingBufferSink(size_t capacity = 5000);

    std::vector<LogEntry> entriesSince(quint64 lastId) const;
    quint64 lastId() const;
    void setListener(std::function<void(const LogEntry &)> listener);

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override {}

private:
    size_t m_capacity;
    std::deque<LogEntry> m_entries;
    quint64 m_nextId = 1;
    std::function<void(const LogEntry &)> m_listener;
};

} // namespace fm
