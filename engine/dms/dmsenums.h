// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationenums.h"

namespace fm::dms {

using arm::ExtendableEnum;

// azure-api.md §4.1-§4.6; every value set is open-ended (unknown values are kept).
FM_ARM_ENUM(TaskState, "Unknown", "Queued", "Running", "Canceled", "Succeeded", "Failed", "FailedInputValidation", "Faulted")
FM_ARM_ENUM(ServiceProvisioningState, "Accepted", "Deleting", "Deploying", "Stopped", "Stopping", "Starting", "FailedToStart", "FailedToStop", "Succeeded",
            "Failed")
FM_ARM_ENUM(ProjectProvisioningState, "Deleting", "Succeeded")
FM_ARM_ENUM(ReplicateMigrationState, "UNDEFINED", "VALIDATING", "PENDING", "COMPLETE", "ACTION_REQUIRED", "FAILED")
// "INITIALIAZING" (sic) is the spec's spelling.
FM_ARM_ENUM(SyncDatabaseMigrationReportingState, "UNDEFINED", "CONFIGURING", "INITIALIAZING", "STARTING", "RUNNING", "READY_TO_COMPLETE", "COMPLETING",
            "COMPLETE", "CANCELLING", "CANCELLED", "FAILED", "VALIDATING", "VALIDATION_COMPLETE", "VALIDATION_FAILED", "RESTORE_IN_PROGRESS",
            "RESTORE_COMPLETED", "BACKUP_IN_PROGRESS", "BACKUP_COMPLETED")
FM_ARM_ENUM(SyncTableMigrationState, "BEFORE_LOAD", "FULL_LOAD", "COMPLETED", "CANCELED", "ERROR", "FAILED")
FM_ARM_ENUM(CommandState, "Unknown", "Accepted", "Running", "Succeeded", "Failed")

/** Task states after which the task does nothing more. */
bool isTerminal(const TaskState &state);

} // namespace fm::dms
