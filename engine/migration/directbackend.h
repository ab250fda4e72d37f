// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/direct/directengine.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"
#include "engine/migration/migrationstore.h"

#include <map>
#include <memory>

class QTimer;

namespace fm::migration {

/**
 * @brief The `direct` backend: engine/direct in process (DESIGN.md "Three ways").
 *
 * The engine runs on its own threads; this object polls its status() snapshot
 * with a QTimer on the owning thread (status() only takes a mutex briefly, so
 * the event loop never waits on libpq) and maps it onto MigrationStatus.
 * Cutover is DirectEngine::requestCutover() for all databases at once; a
 * refusal's reason becomes the Error message.
 *
 * Destroying a running backend cancels the engine at once; the engine's
 * cleanup (dropping the replication objects can take seconds: a busy slot is
 * waited for up to 15 s) and the join run on a QThreadPool::globalInstance()
 * thread, so the owning event loop does not wait. QCoreApplication's
 * destructor waits for the global pool, so an app that quits still finishes
 * the cleanup before the process ends.
 *
 * observe() reattaches after an app restart from the engine's journal (no
 * secret in it): a run still alive in another process (the CLI, say) is
 * followed read-only through its journal; an interrupted run (its process is
 * gone) is resumed when the passwords are known, otherwise it waits for
 * start(credentials) with required action "resume"; an ended run reports its
 * final state.
 */
class DirectBackend : public MigrationBackend
{
    Q_OBJECT
public:
    explicit DirectBackend(direct::DirectOptions options, QObject *parent = nullptr);
    ~DirectBackend() override;

    QString name() const override { return QStringLiteral("direct"); }
    /** Passwords given here replace those in the options' connection parameters. */
    void start(const StartCredentials &credentials, ActionCallback done) override;
    /** Reattaches from the journal (see the class comment); NotFound when there is none. */
    void observe(ActionCallback done) override;
    /** "resume" (after observe() found an interrupted run) = start({}): the passwords already in the options, or libpq's own (PGPASSFILE, ~/.pgpass). */
    void resolveAction(const QString &action, const QStringList &databases, ActionCallback done) override;
    void cancel(ActionCallback done) override;
    void remove(ActionCallback done) override;

    /** What the store keeps (name, databases, journal path, last state; never a password); `id` and `createdUtc` are the caller's. */
    StoredMigration record() const;

    /** How often the engine's status is read (default 250 ms). Takes effect at the next tick. */
    void setPollInterval(int ms);
    /** The engine's events so far ({"event": ...}), oldest first. */
    const std::vector<nlohmann::json> &events() const { return m_events; }

    /**
     * The engine options of a `direct` spec: source/target by host, port and user,
     * databases, jobs, cutover mode (manual, or automatic = as soon as ready) and
     * the write freeze. Passwords come at start(); the spec is checked first.
     */
    static Expected<direct::DirectOptions> optionsFromSpec(const MigrationSpec &spec);

    /** The mapping used on every tick (public for tests and the emulator). */
    static MigrationStatus mapStatus(const direct::DirectStatus &status, const direct::DirectOptions &options, bool cutoverRequested);

protected:
    void doCutover(const QStringList &databases, ActionCallback done) override;

private:
    void poll();
    void startEngine();
    /** Follows a run of another process through its journal (phases only). */
    void pollJournal();
    /** A status from the journal alone (per-database phases, no table detail). */
    MigrationStatus statusFromJournal(const QString &state, const std::map<QString, QString> &phases) const;

    direct::DirectOptions m_options;
    std::unique_ptr<direct::DirectEngine> m_engine;
    QTimer *m_timer = nullptr;
    bool m_cutoverRequested = false;
    QDateTime m_startedOn;
    QDateTime m_endedOn;
    std::vector<nlohmann::json> m_events;
    std::vector<std::function<void()>> m_afterFinish; ///< remove() waiting for a cancelled engine to end
    bool m_watchingJournal = false; ///< observe(): another process runs it
    bool m_resumeOnStart = false;   ///< observe() found an interrupted run: start() resumes it
    qint64 m_ownerPid = 0;
};

} // namespace fm::migration
