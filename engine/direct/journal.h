// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QString>
#include <QStringList>

#include <map>
#include <mutex>

namespace fm::direct {

/** What the journal knows about one database (issue 3: "records progress so a killed process resumes"). */
struct JournalDatabase {
    QString phase = QStringLiteral("queued"); ///< queued, preparing, copying, copied, indexed, streaming, cutover, done, cleaned
    QString slot, publication, subscription, heartbeatSchema;
    bool createdTargetDatabase = false;
    bool frozen = false;
    /** The database's own default_transaction_read_only setting before the freeze ("off", ...); empty: none (undo = RESET). */
    QString frozenPrevious;
    /** Source tables we set to REPLICA IDENTITY FULL (undone at cleanup), with their previous setting. */
    std::map<QString, QString> replicaIdentityChanged;
    /** Publication units (top-level tables, "schema"."name") copied completely. */
    QStringList doneUnits;
    /**
     * The cutover drained this database, set its sequences and stopped its change
     * capture: a run killed after that only finishes the cleanup on resume (the
     * target's heartbeat table may be gone, so streaming again cannot work).
     */
    bool captureStopped = false;
    /**
     * Client-side decoding after a resumed copy (issue 3): tables ("schema"."name",
     * leaves and roots) copied again at a later snapshot, with that snapshot's
     * consistent point ("X/X"). Changes to them committed before it are in the
     * copy and are skipped, as a subscription's table sync does.
     */
    std::map<QString, QString> tableSyncPoints;
};

/**
 * @brief The direct engine's journal: a JSON file with no secrets (connection
 * endpoints without passwords), rewritten atomically at every phase change.
 */
class Journal
{
public:
    explicit Journal(QString path) : m_path(std::move(path)) {}

    QString path() const { return m_path; }
    /** False when there is no journal yet. */
    Expected<bool> load();
    Expected<void> save();

    std::mutex mutex; ///< guards the fields below while threads update them
    QString name, source, target;
    QString state = QStringLiteral("running"); ///< running, done, failed, cancelled, stopped
    std::map<QString, JournalDatabase> databases;
    /** The process that runs (or last ran) the migration: an observer must not resume a run that is still alive. */
    qint64 ownerPid = 0;
    QString ownerHost;

    /** True when state is "running" and the owner process still runs on this machine (PID reuse aside). */
    bool ownerAlive() const;

private:
    QString m_path;
};

} // namespace fm::direct
