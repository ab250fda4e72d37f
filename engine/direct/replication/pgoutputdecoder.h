// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/direct/replication/decoder.h"

#include <QHash>

namespace fm::direct::replication {

/**
 * @brief pgoutput, logical replication protocol version 1 (PostgreSQL docs,
 * "Logical Replication Message Formats"): Begin, Commit, Origin, Relation,
 * Type, Insert, Update, Delete, Truncate. Values arrive in text format.
 */
class PgOutputDecoder final : public Decoder
{
public:
    explicit PgOutputDecoder(QString publication);

    Plugin plugin() const override { return Plugin::PgOutput; }
    QByteArray startOptions() const override;
    Expected<void> decode(Lsn walStart, const char *data, int size, std::vector<Change> &out) override;
    void reset() override;

private:
    struct Relation {
        QString schema, name;
        QStringList columns;
        QStringList keyColumns;
        char identity = 'd';
    };

    QString m_publication;
    QHash<quint32, Relation> m_relations;
    quint32 m_xid = 0;
    Lsn m_finalLsn = 0;
    QDateTime m_commitTime;
};

} // namespace fm::direct::replication
