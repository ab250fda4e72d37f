// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationstatus.h"

namespace fm::migration::detail {

/**
 * The per-database fields that the migration service's dbDetails (engine/arm)
 * and DMS's DatabaseLevelOutput (engine/dms) share name for name: one copy
 * for both mappers. State mapping and latency (named differently) stay with
 * each mapper.
 */
template<typename Details>
void copyDatabaseCounters(const Details &d, MigrationStatus::DatabaseProgress &p)
{
    p.rawState = d.migrationState.toString();
    p.tablesQueued = d.fullLoadQueuedTables;
    p.tablesLoading = d.fullLoadLoadingTables;
    p.tablesCompleted = d.fullLoadCompletedTables;
    p.tablesErrored = d.fullLoadErroredTables;
    p.counters.cdcInserts = d.cdcInsertCounter;
    p.counters.cdcUpdates = d.cdcUpdateCounter;
    p.counters.cdcDeletes = d.cdcDeleteCounter;
    p.counters.appliedChanges = d.appliedChanges;
    p.counters.incomingChanges = d.incomingChanges;
    p.startedOn = d.startedOn;
    p.endedOn = d.endedOn;
}

} // namespace fm::migration::detail
