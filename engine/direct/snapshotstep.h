// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/pg/connection.h"

#include <QString>

namespace fm::direct {

class Engine;
struct DbRun;

/** The slot's exported snapshot; valid while `connection` stays open (DESIGN.md, step 2). */
struct ExportedSnapshot {
    pg::Connection connection; ///< the replication connection that exported it
    QString name;              ///< for SET TRANSACTION SNAPSHOT and pg_dump --snapshot
    QString consistentPoint;   ///< LSN from which the slot streams changes
};

/**
 * @brief DESIGN.md step 2, one consistent point: replica identities the
 * publication needs, the heartbeat table, the publication and the logical
 * replication slot with its exported snapshot. Every object is journaled
 * before it is created so CleanupStep can remove it.
 */
class SnapshotStep
{
public:
    explicit SnapshotStep(Engine &engine) : m_engine(engine) {}

    /** REPLICA IDENTITY FULL where needed, heartbeat table, publication (on `src`, the database's own connection). */
    Expected<void> prepareSource(DbRun &d, pg::Connection &src);
    /** CREATE_REPLICATION_SLOT ... (SNAPSHOT 'export') over a replication connection. */
    Expected<ExportedSnapshot> createSlot(DbRun &d);
    /**
     * The same for any slot of d's database: `temporary` ones go with their
     * connection. On failure the error's message starts with `context`.
     */
    Expected<ExportedSnapshot> exportSnapshot(const DbRun &d, const QString &slot, const QString &plugin, bool temporary, const QString &context);

private:
    Engine &m_engine;
};

} // namespace fm::direct
