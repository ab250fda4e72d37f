// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/direct/changecapture.h"
#include "engine/direct/replication/clientreplication.h"

#include <map>
#include <mutex>
#include <thread>

namespace fm::direct {

/**
 * @brief Change capture by client-side logical decoding (issue 8): for sources
 * that cannot publish (Azure Single Server) or targets that cannot subscribe.
 *
 * One thread per database streams the engine's slot (created with this
 * plugin) and applies it on the target with a replication origin named after
 * the slot, so a killed and resumed run continues at the origin's progress and
 * applies each source transaction exactly once. The heartbeat row travels
 * like any other change, so lag and the cutover drain (changecapture.h,
 * CutoverStep) work unchanged.
 */
class DecoderCapture final : public ChangeCapture
{
public:
    DecoderCapture(Engine &engine, replication::Plugin plugin);
    ~DecoderCapture() override;

    QString kind() const override { return QStringLiteral("decoder"); }
    QString slotPlugin() const override { return replication::pluginName(m_plugin); }
    bool usesPublication() const override { return m_plugin == replication::Plugin::PgOutput; }
    Expected<void> start(DbRun &d) override;
    Expected<void> resumeCopy(DbRun &d, pg::Connection &src, const QStringList &unfinished,
                              const std::function<Expected<void>()> &buildPostData) override;
    void poll(DbRun &d, pg::Connection &tgtMon) override;
    Expected<void> stop(DbRun &d, pg::Connection &tgt) override;

private:
    struct Runner {
        std::unique_ptr<replication::ClientReplication> rep;
        std::unique_ptr<CancelToken> cancel;
        std::thread thread;
    };
    void stopRunner(const QString &db);

    Engine &m_engine;
    replication::Plugin m_plugin;
    std::mutex m_mutex;
    std::map<QString, std::unique_ptr<Runner>> m_runners;
};

} // namespace fm::direct
