// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connection.h"

#include <QString>

namespace fm::direct {

class Engine;
struct DbRun;
struct CopyTask;

/**
 * @brief DESIGN.md step 4: parallel binary COPY streamed source -> target in
 * the process (no files; one COPY message in flight per worker bounds memory),
 * a table that dominates the copy split into ctid ranges
 * (DirectOptions::splitAboveShare), every worker on the exported snapshot.
 * A table's indexes are ready as soon as its last range is in; by default the
 * copy workers build them once no table is left to copy (a build beside a
 * copy took its core), or index sessions of their own do it meanwhile
 * (DirectOptions::indexJobs, like pgcopydb's index jobs). Ready builds go
 * longest first. Builds are serial while copies run and may use parallel
 * workers after; each gets the memory to sort in memory
 * (resources/sql/direct/index_session.sql).
 */
class CopyStep
{
public:
    explicit CopyStep(Engine &engine) : m_engine(engine) {}

    /**
     * `exporter` is closed as soon as every worker imported `snapshot`.
     * `resumed`: the copy of an interrupted one (client-side decoding copies the
     * unfinished tables again), where an index, key or constraint built before
     * the interruption is already there and counts as built. A first copy
     * starts from an empty target: there, such a collision is an error.
     */
    Expected<void> copyTables(DbRun &d, const QString &snapshot, pg::Connection *exporter, bool resumed);

private:
    static Expected<void> copyChunk(pg::Connection &src, pg::Connection &tgt, const CopyTask &task, qint64 freezeMinBytes, CancelToken &local);

    Engine &m_engine;
};

} // namespace fm::direct
