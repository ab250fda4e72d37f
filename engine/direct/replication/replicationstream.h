// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/direct/replication/change.h"
#include "engine/pg/connection.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <optional>

namespace fm::direct::replication {

/** One XLogData ('w') message: where its data starts, the server's WAL end, the plugin's payload. */
struct XLogData {
    Lsn walStart = 0;
    Lsn walEnd = 0;
    QByteArray data;
};

/**
 * @brief The streaming replication protocol on a `replication=database` libpq
 * connection (PostgreSQL docs, "Streaming Replication Protocol").
 *
 * START_REPLICATION SLOT s LOGICAL lsn (options) switches the connection to
 * COPY BOTH; next() reads CopyData without blocking libpq (PQconsumeInput +
 * PQgetCopyData async) and waits on the socket in short slices so a CancelToken
 * stops it promptly. Primary keepalives ('k') are answered here: a standby
 * status update ('r') reports as flushed only what setFlushed() was told, i.e.
 * what is committed on the target — the slot never forgets a change that was
 * not applied. A lost connection is an error with isConnectionLost(); the
 * caller reconnects with start() from its own applied position.
 */
class ReplicationStream
{
public:
    /** source.dbname is the database to decode; replication=database is added here. */
    ReplicationStream(pg::ConnectionParams source, QString slot);
    ~ReplicationStream();

    Expected<void> start(Lsn from, const QByteArray &pluginOptions, CancelToken *cancel);
    bool isStreaming() const { return m_conn.isOpen(); }
    void close();

    /** The next XLogData, or nullopt when none arrived within timeoutMs (0: only what is buffered). */
    Expected<std::optional<XLogData>> next(int timeoutMs, CancelToken *cancel);

    /** Everything up to lsn is durable on the target; reported in the next status update. */
    void setFlushed(Lsn lsn);
    Lsn flushed() const { return m_flushed; }
    /** The server's position from the last keepalive: everything before it was sent (and read by us). */
    Lsn keepaliveEnd() const { return m_keepaliveEnd; }
    /** Highest server WAL end seen in any message (for byte lag). */
    Lsn serverWalEnd() const { return m_serverEnd; }
    /** Sends a standby status update now. */
    Expected<void> sendStatus(bool replyRequested = false);

    /** Interval of unsolicited status updates (wal_receiver_status_interval's default is 10 s). */
    int statusIntervalMs = 1000;

private:
    Error lost(const QString &what) const;

    pg::ConnectionParams m_params;
    QString m_slot;
    pg::Connection m_conn;
    Lsn m_flushed = 0;
    Lsn m_received = 0;
    Lsn m_keepaliveEnd = 0;
    Lsn m_serverEnd = 0;
    QElapsedTimer m_sinceStatus;
};

} // namespace fm::direct::replication
