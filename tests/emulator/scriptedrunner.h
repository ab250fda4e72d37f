// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// A MigrationRunner for backend tests: the emulator's ARM/DMS state machines run
// for real (prerequisites on the real clusters, polling, commands, deletes),
// while the data phase follows a short script — copying, then streaming and
// ready, then cutover and done — so each backend can be driven through every
// step in seconds. The direct engine itself is tested against real clusters.

#include "emulator/migrationrunner.h"

#include <QElapsedTimer>

#include <atomic>
#include <memory>

namespace fm::test::emu {

struct RunnerScript {
    int copyMs = 400;
    int cutoverMs = 200;
    /** The copy fails (a table without replica identity) instead of reaching streaming. */
    bool failCopy = false;
    /** Counters shared with the test. */
    std::shared_ptr<std::atomic<int>> started = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> cleanups = std::make_shared<std::atomic<int>>(0);
};

class ScriptedRunner final : public emulator::MigrationRunner
{
public:
    explicit ScriptedRunner(RunnerScript script)
        : m_script(std::move(script))
    {
    }

    Expected<void> start(const pg::ConnectionParams &, const pg::ConnectionParams &, const QStringList &databases) override
    {
        m_dbs = databases;
        m_clock.start();
        ++*m_script.started;
        return {};
    }

    emulator::RunnerStatus status() const override
    {
        emulator::RunnerStatus st;
        const qint64 t = m_clock.elapsed();
        const bool copying = t < m_script.copyMs;
        QString phase;
        if (m_cancelled) {
            st.state = QStringLiteral("cancelled");
            st.finished = true;
            phase = QStringLiteral("cancelled");
        } else if (copying) {
            st.state = QStringLiteral("copying");
            phase = QStringLiteral("copying");
        } else if (m_script.failCopy) {
            st.state = QStringLiteral("failed");
            st.finished = true;
            st.error = QStringLiteral("copy failed");
            phase = QStringLiteral("failed");
        } else if (m_cutoverAt < 0) {
            st.state = QStringLiteral("streaming");
            st.readyForCutover = true;
            phase = QStringLiteral("streaming");
        } else if (t - m_cutoverAt < m_script.cutoverMs) {
            st.state = QStringLiteral("cutover");
            phase = QStringLiteral("cutover");
        } else {
            st.state = QStringLiteral("done");
            st.finished = true;
            phase = QStringLiteral("done");
        }
        for (const auto &name : m_dbs) {
            emulator::RunnerDatabase d;
            d.name = name;
            d.phase = phase;
            d.tablesQueued = copying ? 1 : 0;
            d.tablesLoading = copying ? 1 : 0;
            d.tablesCompleted = copying ? 0 : 2;
            d.inserts = copying ? 0 : 7;
            d.lagBytes = copying ? -1 : 0;
            d.latencySeconds = copying ? -1 : 0.2;
            if (phase == QLatin1String("failed")) {
                d.error = QStringLiteral("relation \"public.items\" has no replica identity");
                d.tablesErrored = 1;
            }
            for (const char *table : {"items", "orders"}) {
                emulator::RunnerTable tb;
                tb.schema = QStringLiteral("public");
                tb.name = QString::fromLatin1(table);
                tb.state = copying ? QStringLiteral("copying") : QStringLiteral("streaming");
                tb.rowsCopied = copying ? 10 : 100;
                d.tables.push_back(tb);
            }
            st.databases.push_back(d);
        }
        return st;
    }

    Expected<void> cutover() override
    {
        if (m_clock.elapsed() < m_script.copyMs)
            return fail(Error::validation(QStringLiteral("CutoverRefused"), QStringLiteral("The initial copy has not finished.")));
        if (m_cutoverAt < 0)
            m_cutoverAt = m_clock.elapsed();
        return {};
    }
    void cancel() override { m_cancelled = true; }
    void cleanup() override { ++*m_script.cleanups; }

private:
    RunnerScript m_script;
    QStringList m_dbs;
    QElapsedTimer m_clock;
    qint64 m_cutoverAt = -1;
    bool m_cancelled = false;
};

} // namespace fm::test::emu
