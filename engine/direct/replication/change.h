// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace fm::direct::replication {

/** A WAL position (XLogRecPtr): 64 bits, printed as "X/X" like pg_lsn. */
using Lsn = std::uint64_t;

QString lsnToString(Lsn lsn);
/** Parses "16/B374D848"; nullopt for anything else. */
std::optional<Lsn> lsnFromString(QStringView text);

/** PostgreSQL timestamps on the wire: microseconds since 2000-01-01 00:00 UTC. */
std::int64_t toPgMicros(const QDateTime &time);
QDateTime fromPgMicros(std::int64_t micros);

/** One column value in text form (what the output plugins send and what text-format parameters take). */
struct Value {
    enum class Kind { Null, Text, UnchangedToast };
    Kind kind = Kind::Null;
    QByteArray text;

    static Value null() { return {}; }
    static Value fromText(QByteArray t) { return {Kind::Text, std::move(t)}; }
    static Value unchanged() { return {Kind::UnchangedToast, {}}; }
};

/** Columns and values side by side; names refer to the source relation's columns. */
struct Tuple {
    QStringList columns;
    std::vector<Value> values;

    bool isEmpty() const { return columns.isEmpty(); }
    void add(const QString &column, Value value)
    {
        columns << column;
        values.push_back(std::move(value));
    }
};

/**
 * @brief One decoded change, the same whichever output plugin produced it
 * (pgoutput protocol v1 or wal2json format 2).
 *
 * Begin and Commit carry the transaction's identity: its xid, the LSN of the
 * commit record (finalLsn) and the LSN just past it (endLsn, what a replication
 * origin and a standby status update must report), and the commit time.
 * Row changes carry the relation by name, the old key (identity columns, or the
 * whole old row for REPLICA IDENTITY FULL) and the new tuple.
 */
struct Change {
    enum class Kind { Begin, Commit, Insert, Update, Delete, Truncate };
    Kind kind = Kind::Begin;
    std::uint32_t xid = 0;
    Lsn lsn = 0;      ///< WAL position of this message (XLogData start)
    Lsn finalLsn = 0; ///< Begin/Commit: commit record
    Lsn endLsn = 0;   ///< Commit: end of the commit record (the origin's progress after applying it)
    QDateTime commitTime;

    QString schema, table;       ///< row changes; Truncate: first relation
    QStringList keyColumns;      ///< the relation's identity columns (empty: REPLICA IDENTITY FULL / none)
    Tuple oldKey;                ///< Update/Delete: identity values (or the whole old row)
    Tuple newTuple;              ///< Insert/Update
    std::vector<std::pair<QString, QString>> truncated; ///< Truncate: (schema, table) of every relation
    bool cascade = false, restartIdentity = false;      ///< Truncate options

    QString qualifiedTable() const;
};

} // namespace fm::direct::replication
