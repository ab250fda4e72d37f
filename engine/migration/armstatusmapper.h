// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationresource.h"
#include "engine/migration/migrationstatus.h"

namespace fm::migration {

/**
 * @brief MigrationStatus of the `service` backend from a migrations GET/PUT/PATCH
 * response of either api-version (azure-api.md §1.3, §1.5, §1.12).
 *
 * The 2021 contract has no per-database details, so databases come from
 * dBsToMigrate with the migration's state; 2023+ `dbDetails` give counters and
 * lag in seconds (`latency`). Validation failures become errors coded with the
 * validation type.
 */
MigrationStatus statusFromArmMigration(const arm::MigrationResource &migration, const QDateTime &observedAt = QDateTime::currentDateTimeUtc());

} // namespace fm::migration
