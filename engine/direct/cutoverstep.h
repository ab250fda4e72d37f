// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/pg/connection.h"

namespace fm::direct {

class Engine;
struct DbRun;

/**
 * @brief DESIGN.md step 7: optional write freeze on the source, drain to a
 * final heartbeat marker, sequences set from the source, change capture
 * stopped, replication objects dropped on both sides. A failure before the
 * capture is stopped leaves the run to the orchestrator's cleanup, which
 * undoes the freeze (CleanupStep, journal field `frozen`).
 */
class CutoverStep
{
public:
    explicit CutoverStep(Engine &engine) : m_engine(engine) {}

    Expected<void> run();
    /**
     * Step 5 for one database whose change capture is stopped: the target's
     * heartbeat schema (through `tgt`), the source's replication objects; then
     * done. Also what a run killed after step 4 does on --resume.
     */
    void finish(DbRun &d, pg::Connection &tgt);

private:
    Engine &m_engine;
};

} // namespace fm::direct
