// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connection.h"

#include <QString>

#include <vector>

namespace fm::direct {

class Engine;
struct DbRun;
struct DumpEntry;
struct DumpScript;

/**
 * @brief DESIGN.md steps 3 and 5: schema pre-data from `pg_dump --snapshot`
 * into the target before the copy, post-data (indexes, constraints, foreign
 * keys) built in parallel after it.
 */
class SchemaStep
{
public:
    explicit SchemaStep(Engine &engine) : m_engine(engine) {}

    /**
     * Dumps pre-data and post-data at `snapshot` (in parallel), keeps post-data
     * in d.postScript and runs pre-data on the target, with autovacuum off on
     * the new tables until buildPostData() ends.
     */
    Expected<void> createPreData(DbRun &d, const QString &snapshot);
    /**
     * The post-data entries not already run during the copy, in dependency-safe
     * waves. `tolerate`: objects that already exist are fine (resume).
     * Without a dumped post-data (resume) it is dumped now, without a snapshot.
     */
    Expected<void> buildPostData(DbRun &d, bool tolerate);

    /** The dump's SET prologue plus index-build settings, once per target session. */
    static Expected<void> prepareIndexSession(pg::Connection &tgt, const DumpScript &script, CancelToken *c);
    /**
     * A post-data statement failed because its object is already there (an
     * index, a key, a constraint built before an interrupted copy resumed):
     * a resume takes that as done.
     */
    static bool alreadyBuilt(const Error &err);
    /** ALTER TABLE ... SET (autovacuum_enabled = false) / RESET for every table the source leaves alone. */
    static QString autovacuumScript(const DbRun &d, bool on);

private:
    Expected<void> runEntries(DbRun &d, const DumpScript &script, const std::vector<const DumpEntry *> &entries, int connections, bool tolerate);

    Engine &m_engine;
};

} // namespace fm::direct
