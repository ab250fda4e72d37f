// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/migrationrunner.h"

#include "engine/direct/directengine.h"

#include <QDir>
#include <QFile>

namespace fm::emulator {

namespace {

class DirectRunner final : public MigrationRunner
{
public:
    DirectRunner(QString name, QString workDir, QString pgBinDir)
        : m_name(std::move(name)), m_workDir(std::move(workDir)), m_pgBinDir(std::move(pgBinDir))
    {
    }

    ~DirectRunner() override
    {
        // DirectEngine's destructor cancels, joins and removes its replication objects.
        m_engine.reset();
    }

    Expected<void> start(const pg::ConnectionParams &source, const pg::ConnectionParams &target, const QStringList &databases) override
    {
        direct::DirectOptions o;
        o.source = source;
        o.target = target;
        o.databases = databases;
        o.name = m_name;
        o.cutover = direct::CutoverMode::Manual;
        o.jobs = 2;
        o.pgBinDir = m_pgBinDir;
        QDir().mkpath(m_workDir);
        o.journalPath = m_workDir + QStringLiteral("/") + m_name + QStringLiteral(".json");
        m_journal = o.journalPath;
        m_engine = std::make_unique<direct::DirectEngine>(std::move(o));
        m_engine->start();
        return {};
    }

    RunnerStatus status() const override
    {
        RunnerStatus s;
        if (!m_engine)
            return s;
        const direct::DirectStatus d = m_engine->status();
        s.state = d.state == QLatin1String("stopped") ? QStringLiteral("cancelled") : d.state;
        s.finished = m_engine->isFinished();
        s.error = d.error;
        if (s.finished) {
            const auto r = m_engine->result();
            if (!r && !r.error().isCancelled() && s.error.isEmpty())
                s.error = r.error().message;
        }
        bool allStreaming = !d.databases.empty();
        for (const auto &db : d.databases) {
            RunnerDatabase r;
            r.name = db.name;
            r.phase = db.phase;
            if (r.phase == QLatin1String("preparing") || r.phase == QLatin1String("copied") || r.phase == QLatin1String("indexing"))
                r.phase = QStringLiteral("copying");
            for (const auto &t : db.tables) {
                if (t.state == QLatin1String("queued"))
                    ++r.tablesQueued;
                else if (t.state == QLatin1String("copying") || t.state == QLatin1String("resyncing"))
                    ++r.tablesLoading;
                else if (t.state == QLatin1String("failed"))
                    ++r.tablesErrored;
                else
                    ++r.tablesCompleted;
                r.tables.push_back({t.schema, t.name, t.state, t.rowsCopied, t.inserts, t.updates, t.deletes});
                r.inserts += t.inserts;
                r.updates += t.updates;
                r.deletes += t.deletes;
            }
            r.lagBytes = db.lagBytes;
            r.latencySeconds = db.lagSeconds;
            allStreaming = allStreaming && db.phase == QLatin1String("streaming");
            s.databases.push_back(std::move(r));
        }
        s.readyForCutover = allStreaming && d.cutoverAllowed && d.state == QLatin1String("streaming");
        return s;
    }

    Expected<void> cutover() override
    {
        if (!m_engine)
            return fail(Error::internal(QStringLiteral("The migration runner was not started.")));
        return m_engine->requestCutover();
    }

    void cancel() override
    {
        if (m_engine)
            m_engine->cancel();
    }

    void cleanup() override
    {
        // The engine drops slots, publications and subscriptions itself on done/cancel/failure;
        // what is left is the journal file.
        if (m_engine && !m_engine->isFinished())
            return;
        if (!m_journal.isEmpty())
            QFile::remove(m_journal);
    }

private:
    QString m_name;
    QString m_workDir;
    QString m_pgBinDir;
    QString m_journal;
    std::unique_ptr<direct::DirectEngine> m_engine;
};

} // namespace

std::unique_ptr<MigrationRunner> makeDirectRunner(const QString &name, const QString &workDir, const QString &pgBinDir)
{
    return std::make_unique<DirectRunner>(name, workDir, pgBinDir);
}

} // namespace fm::emulator
