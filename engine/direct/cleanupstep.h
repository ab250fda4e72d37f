// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/pg/connection.h"

#include <QString>

namespace fm::direct {

class Engine;
struct DbRun;

/**
 * @brief DESIGN.md step 8: removes every object the engine created, on
 * success (source side only), failure and cancel (both sides). It works from
 * the journal, never with the run's cancel token (it runs after a cancel),
 * and best effort: one failed DROP is logged and the rest still goes.
 */
class CleanupStep
{
public:
    explicit CleanupStep(Engine &engine) : m_engine(engine) {}

    /** Every database that got past "queued" and is not "done". */
    void cleanupAll(bool dropCreatedTargets);
    /** Both sides of one database; `dropCreatedTarget`: also the target database when this run created it. */
    void cleanupDb(DbRun &d, bool dropCreatedTarget);
    /** Slot, publication, heartbeat schema, replica identities; `undoFreeze`: the read-only default too. */
    void cleanupSource(DbRun &d, bool undoFreeze);

private:
    static void dropSlot(pg::Connection &src, const QString &slot);

    Engine &m_engine;
};

} // namespace fm::direct
