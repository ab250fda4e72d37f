// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/dms/dmstask.h"
#include "engine/migration/migrationstatus.h"

namespace fm::migration {

/**
 * @brief MigrationStatus of the `dms` backend from a task GET with `$expand=output`
 * (azure-api.md §4.5): MigrationLevelOutput -> timestamps and overall state,
 * DatabaseLevelOutput -> per-database counters, TableLevelOutput -> per-table
 * rows and CDC counters, ErrorOutput/DatabaseLevelErrorOutput and task errors -> errors.
 * The task stays `Running` while CDC listens, so "ready for cutover" comes from
 * every database being READY_TO_COMPLETE (§4.5).
 */
MigrationStatus statusFromDmsTask(const dms::ProjectTask &task, const QDateTime &observedAt = QDateTime::currentDateTimeUtc());

} // namespace fm::migration
