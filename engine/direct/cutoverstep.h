// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

namespace fm::direct {

class Engine;

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

private:
    Engine &m_engine;
};

} // namespace fm::direct
