// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Internal to engine/direct: the orchestrator behind DirectEngine. It owns the
// run's shared state (options, cancel token, status, events, journal) and
// drives the steps in DESIGN.md's order ("The direct engine", 2-8):
//   SnapshotStep (2) -> SchemaStep pre-data (3) -> CopyStep (4) ->
//   SchemaStep post-data (5) -> ChangeCapture (6) -> CutoverStep (7) ->
//   CleanupStep (8, on success, failure and cancel; the Journal throughout).

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/direct/directengine.h"
#include "engine/direct/journal.h"
#include "engine/direct/runstate.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <mutex>
#include <thread>

namespace fm::direct {

class ChangeCapture;

class Engine
{
public:
    explicit Engine(DirectOptions o);
    ~Engine();

    static QString resolveJournalPath(const DirectOptions &o);

    // ---------------------------------------------------------------- shared state
    DirectOptions opt;
    CancelToken cancel;
    enum class StopKind { None, Cancel, Stop };
    std::atomic<StopKind> stopKind{StopKind::None};
    std::atomic<bool> cutoverRequested{false};
    std::atomic<bool> finished{false};
    mutable std::mutex mutex; ///< guards state, error, res, events, dbs' phases and lagSeconds
    Expected<void> res;
    QString state = QStringLiteral("starting");
    QString error;
    std::vector<nlohmann::json> events;
    std::vector<std::unique_ptr<DbRun>> dbs;
    Journal journal;
    Clock::time_point started = Clock::now();
    mutable std::deque<std::tuple<Clock::time_point, qint64, qint64>> samples;
    QString pgDump;
    std::optional<pg::Connection> tgtAdmin;
    bool initialized = false; ///< the journal is ours: failures from here on clean up and are journaled
    std::vector<std::thread> analyzers;
    /** How changes reach the target (chosen by checkServers(); see changecapture.h). */
    std::unique_ptr<ChangeCapture> capture;
    QString captureName; ///< what status() reports as changeCapture (guarded by mutex)
    std::optional<Error> captureFailure; ///< set (with cancel()) when the change capture fails on its own thread (guarded by mutex)

    // ---------------------------------------------------------------- helpers for the steps
    void event(nlohmann::json e);
    void setState(const QString &s);
    JournalDatabase &jdb(const DbRun &d) { return journal.databases[d.name]; }
    void saveJournal();
    void setPhase(DbRun &d, const QString &phase, bool persist = true);
    static void setTables(DbRun &d, TableState s);
    QString phaseOf(const DbRun &d) const;
    pg::ConnectionParams sourceFor(const QString &db) const { return opt.source.withDatabase(db); }
    pg::ConnectionParams targetFor(const QString &db) const { return opt.target.withDatabase(db); }
    /** A source connection that may write even when the database was frozen read-only. */
    Expected<pg::Connection> openSourceWritable(const QString &db, CancelToken *c);
    /** False when cancelled meanwhile. */
    bool sleepFor(int ms);
    /** Retries of a unit of work whose session was lost (a COPY, an index build: one transaction each). */
    static constexpr int kRetries = 5;
    /**
     * Before retry `attempt` (1..kRetries) of `what`: logs it, sends a `retry`
     * event, waits 0.5, 1, 2, 4, 8 s. False when `c` was cancelled meanwhile.
     */
    bool retryAfter(const DbRun &d, int attempt, const Error &lost, const QString &what, const CancelToken &c);
    /**
     * Runs `work(0)`, then `work(1..kRetries)` after retryAfter() while it fails
     * with a lost connection and `c` is not cancelled; `work` opens its session
     * again on a retry. The last result.
     */
    Expected<void> withRetries(const DbRun &d, const QString &what, const CancelToken &c, const std::function<Expected<void>(int attempt)> &work);
    Expected<void> loadTables(DbRun &d, pg::Connection &src);
    /** Planner statistics on the target (COPY leaves none), in the background while changes stream. */
    void startAnalyze(DbRun &d);

    // ---------------------------------------------------------------- orchestration
    void run();
    DirectStatus status() const;
    QString cutoverRefusalLocked() const;

private:
    Expected<void> runAll();
    Expected<void> checkServers();
    Expected<void> bringToStreaming(DbRun &d);
    Expected<void> ensureTargetDatabase(DbRun &d, bool allowExisting);
    Expected<void> prepareAndCopy(DbRun &d, pg::Connection &src);
    Expected<void> resumeCopying(DbRun &d, pg::Connection &src);
    /** After a copy that lost its snapshot to a dropped connection: reconnect, then resumeCopying(). */
    Expected<void> recoverCopy(DbRun &d, const Error &lost);
    Expected<void> streamUntilCutover();
    void joinAnalyzers();
    void closeMonitors();
};

} // namespace fm::direct
