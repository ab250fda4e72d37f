// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/direct/replication/changeapplier.h"
#include "engine/direct/replication/decoder.h"
#include "engine/pg/connectionparams.h"

#include <atomic>
#include <map>
#include <mutex>

namespace fm::direct::replication {

struct ClientReplicationOptions {
    pg::ConnectionParams source; ///< dbname = the database decoded
    pg::ConnectionParams target; ///< dbname = the database applied to
    QString slot;                ///< existing logical slot, created with the plugin below
    Plugin plugin = Plugin::PgOutput;
    QString publication;         ///< pgoutput only
    QString origin;              ///< replication origin on the target (created if missing)
    /** Source transactions grouped into one target transaction at most (1: one each). */
    int groupTransactions = 64;
    /** How long a reconnect loop may try before giving up (source or target down). */
    int reconnectTimeoutMs = 120000;
    /** Tables copied again at a later point ("schema"."name" -> its LSN): see ChangeApplier::setTableSyncPoints(). */
    std::map<QString, Lsn> tableSyncPoints;
};

/** A snapshot of the client-side change capture (safe to copy between threads). */
struct ClientReplicationStatus {
    QString plugin;
    bool connected = false;
    Lsn applied = 0;   ///< end LSN of the last source transaction committed on the target
    Lsn confirmed = 0; ///< what the slot was told it may forget
    Lsn serverEnd = 0; ///< source WAL end as last reported by the walsender
    qint64 lagBytes = -1;
    double lagSeconds = -1;
    qint64 transactions = 0, skipped = 0;
    int reconnects = 0;
    QString lastError; ///< the last connection loss that was recovered from
    std::map<QString, TableCounters> tables;
};

/**
 * @brief Client-side logical decoding: ReplicationStream -> Decoder ->
 * ChangeApplier, the change capture for sources that cannot publish or targets
 * that cannot subscribe (issue 8).
 *
 * run() streams until cancelled or, after drainTo(lsn), until everything up to
 * lsn is on the target. Losing the source or target connection is not an
 * error: the open target transaction is abandoned (rolled back by the server),
 * both sides reconnect, and streaming restarts at the origin's progress.
 */
class ClientReplication
{
public:
    explicit ClientReplication(ClientReplicationOptions options);
    ~ClientReplication();

    Expected<void> run(CancelToken &cancel);
    /**
     * Ends run() successfully once a source transaction whose commit ends at or
     * after lsn is applied: take lsn inside a marker transaction, before its
     * commit (only commits move the applied position).
     */
    void drainTo(Lsn lsn) { m_drainTo.store(lsn); }
    ClientReplicationStatus status() const;

private:
    void publish(const class ReplicationStream &stream, const ChangeApplier &applier, bool connected);

    ClientReplicationOptions m_opt;
    std::atomic<Lsn> m_drainTo{0};
    mutable std::mutex m_mutex;
    ClientReplicationStatus m_status;
};

/**
 * Which plugin the source offers for a client-side slot: pgoutput when a
 * publication can be used (canPublish), else wal2json when the source can
 * create a slot with it (probed with a temporary slot), else an error naming both.
 */
Expected<Plugin> choosePlugin(pg::Connection &source, bool canPublish, CancelToken *cancel = nullptr);

/** Drops the origin on the target (cleanup); absent is fine. */
Expected<void> dropOrigin(pg::Connection &target, const QString &origin, CancelToken *cancel);

} // namespace fm::direct::replication
