// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fm::direct {

/** When the engine switches over to the target (issue 3, "Cutover"). */
enum class CutoverMode {
    Manual, ///< when requestCutover() is called (CLI: a line "cutover" on stdin)
    Ready,  ///< as soon as every database streams with no lag
    Never,  ///< streams until stop()/cancel(); then cleans up
};

struct DirectOptions {
    pg::ConnectionParams source; ///< dbname is ignored: databases come from `databases`
    pg::ConnectionParams target;
    QStringList databases;
    /** Names the replication objects (fm_<name>_<db>) and the journal. */
    QString name = QStringLiteral("default");
    int jobs = 2;
    /**
     * Target sessions that build indexes and constraints while the copy goes on
     * (pgcopydb's --index-jobs); -1: as many as `jobs`. 0 (default): the copy
     * workers build them once no table is left to copy, so builds never take
     * the cores from a copy stream. At scale 50 on 2 cores (bench/README.md,
     * both orders, pgbench_accounts still split then): 0 took 18.6-24.1 s,
     * `jobs` sessions 19.6-33.6 s.
     */
    int indexJobs = 0;
    CutoverMode cutover = CutoverMode::Manual;
    bool freezeWrites = false;
    bool resume = false;
    /** Empty: <AppDataLocation>/direct/<name>.json. */
    QString journalPath;
    /** Folder with pg_dump; empty: FLEXMIGRATE_PG_BINDIR, the newest /usr/lib/postgresql/N/bin, then PATH. */
    QString pgBinDir;
    /** Tables with more heap than this are copied as several ctid ranges so all workers share them. */
    qint64 splitThresholdBytes = 32LL * 1024 * 1024;
    /**
     * ...and only when it has more than this many times its share of the copy
     * (all heap / jobs): ranges lose COPY FREEZE on the target and the
     * sequential scan's buffer ring on the source, and two streams into one
     * table queue on its extension lock. 2.0 means that with `jobs` = 2 no table
     * is split: on 2 cores pgbench_accounts (72 % of the heap at scale 50) whole
     * on one stream beside the rest took the run to 11.8-15.6 s, in ranges on
     * both streams 19.2-26.2 s (bench/README.md); alone in a database, whole
     * 9.7-10.0 s, ranges 15.8-17.6 s. With 3 or more jobs a table over twice
     * its share is still split. 0: split whatever is over the threshold.
     */
    double splitAboveShare = 2.0;
    /**
     * A table copied whole with at least this much heap goes in with COPY FREEZE
     * (after a TRUNCATE in the same transaction), smaller ones with a plain COPY:
     * for a few pages the TRUNCATE (a new file, the old one unlinked at commit)
     * costs more than the hint bits FREEZE saves.
     */
    qint64 freezeMinBytes = 4LL * 1024 * 1024;
    /** Heartbeat and status sampling interval. */
    int heartbeatMs = 500;
    /**
     * How changes reach the target (issue 8): "auto" (a native subscription when
     * the source can publish and the target subscribe, else client-side decoding
     * with pgoutput when the source can publish, else wal2json), or forced:
     * "subscription", "pgoutput", "wal2json".
     */
    QString changeCapture = QStringLiteral("auto");
};

/** One table's progress (values, safe to pass between threads). */
struct TableStatus {
    QString schema;
    QString name;
    QString state; ///< queued, copying, copied, indexing, resyncing, streaming, done, failed
    qint64 rowsCopied = 0;
    qint64 rowsTotal = 0;  ///< estimate (pg_class.reltuples) until the table is copied
    qint64 bytesCopied = 0; ///< bytes of the COPY stream
    qint64 bytesTotal = 0;  ///< estimate (pg_table_size)
    qint64 inserts = 0, updates = 0, deletes = 0; ///< applied on the target since streaming began
};

struct DatabaseStatus {
    QString name;
    QString phase; ///< queued, preparing, copying, copied, indexing, streaming, cutover, done, failed, cancelled
    qint64 rowsCopied = 0, rowsTotal = 0, bytesCopied = 0, bytesTotal = 0;
    double copySeconds = 0;
    qint64 lagBytes = -1;    ///< -1 until streaming
    double lagSeconds = -1;  ///< -1 until streaming
    QString slot, publication, subscription;
    std::vector<TableStatus> tables;
};

struct DirectStatus {
    QString state; ///< starting, copying, streaming, cutover, done, failed, cancelled, stopped
    double elapsedSeconds = 0;
    qint64 rowsCopied = 0, rowsTotal = 0, bytesCopied = 0, bytesTotal = 0;
    double rowsPerSecond = 0, mbPerSecond = 0;
    double etaSeconds = -1;
    qint64 lagBytes = -1;
    double lagSeconds = -1;
    bool cutoverAllowed = false;
    QString cutoverRefusal; ///< why a cutover is refused now
    QString changeCapture;  ///< "subscription", "decoder/pgoutput" or "decoder/wal2json" once chosen
    QString error;
    std::vector<DatabaseStatus> databases;

    nlohmann::json toJson() const;
};

class Engine;

/**
 * @brief The direct migration engine (DESIGN.md, "The direct engine").
 *
 * Everything runs on its own threads (a control thread plus copy workers, all
 * libpq blocking calls); callers read status() snapshots and takeEvents() from
 * any thread, so a Qt event loop polls it with a timer and never blocks.
 * Destroying it cancels and joins (and cleans up the replication objects).
 */
class DirectEngine
{
public:
    explicit DirectEngine(DirectOptions options);
    ~DirectEngine();
    DirectEngine(const DirectEngine &) = delete;
    DirectEngine &operator=(const DirectEngine &) = delete;

    void start();
    /** Asks for the cutover; refused (with the reason) while any initial copy is running. */
    Expected<void> requestCutover();
    /** Stops and removes every replication object on both servers; the run ends "cancelled". */
    void cancel();
    /** Like cancel(), but a normal end for CutoverMode::Never ("stopped"). */
    void stop();

    DirectStatus status() const;
    /** Events since the last call ({"event":"copy-finished",...}), oldest first. */
    std::vector<nlohmann::json> takeEvents();
    bool isFinished() const;
    /** Valid once isFinished(). */
    Expected<void> result() const;
    /** Where the journal is written. */
    QString journalPath() const;

private:
    std::unique_ptr<Engine> d;
    std::thread m_thread;
};

/** Where a run with these options keeps its journal (DirectOptions::journalPath or the default). */
QString journalPathFor(const DirectOptions &options);
/** fm_<name>_<db>, lower case, [a-z0-9_], at most 63 bytes (a hash keeps mangled names apart). */
QString objectName(const QString &migrationName, const QString &database);
/** A libpq conninfo string with every value quoted (for CREATE SUBSCRIPTION only; never log it). */
QString conninfoString(const pg::ConnectionParams &params);

} // namespace fm::direct
