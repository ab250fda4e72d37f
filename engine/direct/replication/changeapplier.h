// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/direct/replication/change.h"
#include "engine/pg/connection.h"

#include <QHash>
#include <QSet>

#include <map>

namespace fm::direct::replication {

/** Rows applied to one target table since the applier was created. */
struct TableCounters {
    qint64 inserts = 0, updates = 0, deletes = 0, truncates = 0;
};

/**
 * @brief Applies decoded changes to the target in commit order, exactly once.
 *
 * Statements go out in libpq pipeline mode (PQenterPipelineMode): one round
 * trip per batch, not per row. Source transactions are applied in one target
 * transaction each, or several consecutive ones grouped into one (a group
 * commits when flush() is called). Before COMMIT, pg_replication_origin_xact_setup
 * records the last source commit's end LSN and time in the same target
 * transaction (PostgreSQL docs, "Replication Progress Tracking"), so after a kill
 * at any point the origin's progress says exactly which source transactions are
 * on the target: open() returns it, replication restarts there, and any source
 * transaction whose commit lies before it is skipped.
 */
class ChangeApplier
{
public:
    ChangeApplier(pg::ConnectionParams target, QString origin);
    ~ChangeApplier();

    /**
     * Connects, creates the origin if needed, binds it to this session
     * (retrying while a killed predecessor's session still holds it), and
     * returns its progress (0 when nothing was applied yet).
     */
    Expected<Lsn> open(CancelToken *cancel);
    bool isOpen() const { return m_conn.isOpen(); }
    /** Drops the connection; an open group is rolled back by the server. */
    void close();

    Expected<void> apply(const Change &change, CancelToken *cancel);
    /**
     * Tables ("schema"."name") whose rows were copied at a later snapshot than the
     * slot's: a change to one of them is left out when its transaction committed
     * before that snapshot's consistent point (the copy has it already). The same
     * rule as a subscription's table sync.
     */
    void setTableSyncPoints(std::map<QString, Lsn> points) { m_syncPoints = std::move(points); }
    /** Commits the open group (no-op without one). */
    Expected<void> flush(CancelToken *cancel);

    bool hasOpenGroup() const { return m_groupOpen; }
    int groupTransactions() const { return m_groupTransactions; }
    /** End LSN of the last source transaction committed on the target. */
    Lsn appliedLsn() const { return m_applied; }
    QDateTime lastCommitTime() const { return m_lastCommitTime; }
    qint64 transactionsApplied() const { return m_transactions; }
    qint64 transactionsSkipped() const { return m_skipped; }
    const std::map<QString, TableCounters> &counters() const { return m_counters; }

    /** Statements per pipeline sync inside a group (bounded memory, no socket deadlock). */
    int pipelineDepth = 256;

private:
    struct TargetTable {
        bool exists = false;
        QSet<QString> columns;       ///< writable columns
        QSet<QString> generated;     ///< GENERATED ... STORED: never written
        QSet<QString> identityAlways; ///< GENERATED ALWAYS AS IDENTITY: OVERRIDING SYSTEM VALUE, not in SET
        QStringList primaryKey;
        QString qualified;
    };

    Expected<const TargetTable *> table(const Change &change, CancelToken *cancel);
    Expected<void> send(const QByteArray &statementKey, const QString &sql, const std::vector<const Value *> &params, CancelToken *cancel);
    Expected<void> sync(CancelToken *cancel);
    Expected<void> beginGroup(CancelToken *cancel);
    Error targetError(const QString &context) const;

    pg::ConnectionParams m_params;
    QString m_origin;
    pg::Connection m_conn;
    QHash<QString, TargetTable> m_tables;
    QHash<QByteArray, QByteArray> m_prepared; ///< statement shape -> prepared statement name
    int m_pending = 0;                        ///< statements sent since the last sync
    bool m_groupOpen = false;
    bool m_inSourceTxn = false;
    bool m_skipping = false;
    std::map<QString, Lsn> m_syncPoints;
    Lsn m_txnCommit = 0; ///< commit LSN of the source transaction being applied
    /** True when `qualified`'s copy already holds the transaction being applied. */
    bool inCopy(const QString &qualified) const
    {
        auto it = m_syncPoints.find(qualified);
        return it != m_syncPoints.end() && m_txnCommit < it->second;
    }
    int m_groupTransactions = 0;
    Lsn m_applied = 0;
    Lsn m_groupEnd = 0;
    QDateTime m_groupCommitTime, m_lastCommitTime;
    qint64 m_transactions = 0, m_skipped = 0;
    std::map<QString, TableCounters> m_counters, m_groupCounters;
    qint64 m_groupTxnCount = 0;
};

} // namespace fm::direct::replication
