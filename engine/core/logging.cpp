// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/logging.h"

#include "engine/core/redaction.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace fm::logging {

namespace {

/** Redacts the payload, then hands the line to the real sinks. */
class RedactingSink final : public spdlog::sinks::dist_sink_mt
{
protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string clean = Redactor::instance().redact(std::string(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
        spdlog::sinks::dist_sink_mt::sink_it_(copy);
    }
};

struct State {
    std::mutex mutex;
    std::shared_ptr<RedactingSink> root = std::make_shared<RedactingSink>();
    std::shared_ptr<RingBufferSink> ring = std::make_shared<RingBufferSink>(5000);
    QString filePath;
    spdlog::level::level_enum level = spdlog::level::info;
    bool initialised = false;
};

State &state()
{
    static State s;
    return s;
}

void initLocked(State &s, const Options &options)
{
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(s.ring);
    s.filePath.clear();
    if (!options.noFile) {
        const QString dir = options.directory.isEmpty() ? defaultDirectory() : options.directory;
        if (QDir().mkpath(dir)) {
            s.filePath = QDir(dir).filePath(QStringLiteral("flexmigrate.log"));
            try {
                sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                    s.filePath.toStdString(), options.maxFileBytes, options.maxFiles));
            } catch (const spdlog::spdlog_ex &) {
                // An unwritable log folder must not stop the program; the ring buffer still works.
                s.filePath.clear();
            }
        }
    }
    if (options.console)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    s.root->set_sinks(sinks);
    s.level = options.level;
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger> &l) { l->set_level(options.level); });
    s.initialised = true;
}

} // namespace

QString defaultDirectory()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share/flexmigrate");
    return base + QStringLiteral("/logs");
}

void init(const Options &options)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    initLocked(s, options);
}

QString logFilePath()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    return s.filePath;
}

std::shared_ptr<spdlog::logger> get(const std::string &name)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    if (!s.initialised) {
        Options quiet;
        quiet.noFile = true;
        initLocked(s, quiet);
    }
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, s.root);
    logger->set_level(s.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

std::shared_ptr<RingBufferSink> ringBuffer()
{
    return state().ring;
}

} // namespace fm::logging
