// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace fm::emulator {

/** One table (DMS TableLevelOutput, azure-api.md §4.5). */
struct RunnerTable {
    QString schema;
    QString name;
    QString state; ///< queued, copying, copied, indexing, resyncing, streaming, done, failed
    qint64 rowsCopied = 0;
    qint64 inserts = 0, updates = 0, deletes = 0;
};

/** One database as the emulated service reports it (the dbDetails counters, azure-api.md §1.5). */
struct RunnerDatabase {
    QString name;
    /** queued, copying, streaming, cutover, done, failed, cancelled */
    QString phase = QStringLiteral("queued");
    int tablesQueued = 0, tablesLoading = 0, tablesCompleted = 0, tablesErrored = 0;
    qint64 inserts = 0, updates = 0, deletes = 0;
    qint64 lagBytes = -1;
    double latencySeconds = -1;
    QString error;
    std::vector<RunnerTable> tables;
};

struct RunnerStatus {
    /** starting, copying, streaming, cutover, done, failed, cancelled */
    QString state = QStringLiteral("starting");
    bool readyForCutover = false;
    bool finished = false;
    QString error;
    std::vector<RunnerDatabase> databases;
};

/**
 * @brief What moves the data behind an emulated migration (issue 5).
 *
 * The ARM side only drives this interface, so the state machine can be tested
 * with any implementation; the real one runs engine/direct between the local
 * servers mapped to the source and target.
 */
class MigrationRunner
{
public:
    virtual ~MigrationRunner() = default;
    virtual Expected<void> start(const pg::ConnectionParams &source, const pg::ConnectionParams &target, const QStringList &databases) = 0;
    virtual RunnerStatus status() const = 0;
    /** Refused (with the reason) while the initial copy runs. */
    virtual Expected<void> cutover() = 0;
    /** Stops and removes the replication objects; the run ends "cancelled". */
    virtual void cancel() = 0;
    /** Drops what the run left behind (journal, objects); safe to call more than once. */
    virtual void cleanup() = 0;
};

/** Runs fm::direct::DirectEngine in-process (CutoverMode::Manual). */
std::unique_ptr<MigrationRunner> makeDirectRunner(const QString &name, const QString &workDir, const QString &pgBinDir);

} // namespace fm::emulator
