// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/ringbuffersink.h"

#include <QString>

#include <spdlog/logger.h>

#include <memory>
#include <string_view>

/** Lets spdlog/fmt print QString (UTF-8). Secret deliberately has no formatter. */
template<>
struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template<typename Context>
    auto format(const QString &s, Context &ctx) const
    {
        const QByteArray u = s.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(u.constData(), size_t(u.size())), ctx);
    }
};

namespace fm::logging {

struct Options {
    /** Folder of the rotating log file; empty means defaultDirectory(). */
    QString directory;
    spdlog::level::level_enum level = spdlog::level::info;
    size_t maxFileBytes = 5 * 1024 * 1024;
    size_t maxFiles = 5;
    /** Also write to stderr (CLI --verbose). */
    bool console = false;
    /** Write no file (tests that only want the ring buffer). */
    bool noFile = false;
};

/** The user's data folder + "/logs" (QStandardPaths::AppLocalDataLocation). */
QString defaultDirectory();

/**
 * @brief Sets up the shared sinks: redaction first, then the rotating file,
 * the UI ring buffer and optionally stderr. Safe to call again (replaces sinks).
 */
void init(const Options &options = {});

/** Path of the current log file, empty when no file is written. */
QString logFilePath();

/**
 * @brief The logger of one module, e.g. "engine.pg", created on first use with
 * the shared sinks. Every line passes the Redactor before any sink sees it.
 */
std::shared_ptr<spdlog::logger> get(const std::string &name);

/** The ring buffer behind the UI log pane. */
std::shared_ptr<RingBufferSink> ringBuffer();

} // namespace fm::logging
