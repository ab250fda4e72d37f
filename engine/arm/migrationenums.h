// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/extendableenum.h"
#include "engine/core/expected.h"

namespace fm::arm {

/**
 * @brief The two migration api-versions we speak (azure-api.md §1.1).
 *
 * `2021-06-15-privatepreview` is the seed's contract (AAD app in
 * secretParameters, JSON booleans, `dBsToMigrate` max 8); `2024-08-01` is the
 * first stable one (no AAD app, "True"/"False" string enums, `dbDetails`).
 */
enum class MigrationApiVersion { PrivatePreview20210615, Stable20240801 };

QString toString(MigrationApiVersion v);
Expected<MigrationApiVersion> parseMigrationApiVersion(const QString &text);
/** Max databases per migration in that api-version's schema (8 / 50). */
int maxDatabases(MigrationApiVersion v);

#define FM_ARM_ENUM(Name, ...)                                                                                                                       \
    struct Name##Tag {                                                                                                                               \
        static QStringList knownValues() { return {__VA_ARGS__}; }                                                                                   \
    };                                                                                                                                               \
    using Name = ExtendableEnum<Name##Tag>;

// azure-api.md §1.9, all versions merged; unknown values are kept.
FM_ARM_ENUM(MigrationState, "InProgress", "WaitingForUserAction", "Canceled", "Failed", "Succeeded", "ValidationFailed", "CleaningUp")
FM_ARM_ENUM(MigrationSubState, "PerformingPreRequisiteSteps", "WaitingForLogicalReplicationSetupRequestOnSourceDB", "WaitingForDBsToMigrateSpecification",
            "WaitingForTargetDBOverwriteConfirmation", "WaitingForDataMigrationScheduling", "WaitingForDataMigrationWindow", "MigratingData",
            "WaitingForCutoverTrigger", "CompletingMigration", "Completed", "CancelingRequestedDBMigrations", "ValidationInProgress")
FM_ARM_ENUM(MigrationDbState, "InProgress", "WaitingForCutoverTrigger", "Failed", "Canceled", "Succeeded", "Canceling")
FM_ARM_ENUM(MigrationDetailsLevel, "Default", "Summary", "Full")
FM_ARM_ENUM(MigrationMode, "Online", "Offline")
FM_ARM_ENUM(MigrationOption, "Validate", "Migrate", "ValidateAndMigrate")
FM_ARM_ENUM(SourceType, "OnPremises", "AWS", "GCP", "AzureVM", "PostgreSQLSingleServer", "AWS_RDS", "AWS_AURORA", "AWS_EC2", "GCP_CloudSQL",
            "GCP_AlloyDB", "GCP_Compute", "EDB")
FM_ARM_ENUM(SslMode, "Prefer", "Require", "VerifyCA", "VerifyFull")
FM_ARM_ENUM(ValidationState, "Failed", "Succeeded", "Warning")
FM_ARM_ENUM(MigrationListFilter, "Active", "All")
FM_ARM_ENUM(NameAvailabilityReason, "Invalid", "AlreadyExists")
// Generic ARM provisioningState (azure-api.md §5.3): terminal Succeeded/Failed/Canceled, anything else is in flight.
FM_ARM_ENUM(ProvisioningState, "Succeeded", "Failed", "Canceled", "Accepted", "Creating", "Updating", "Deleting", "Provisioning")
// Single Server userVisibleState and Flexible Server state (§2, §3).
FM_ARM_ENUM(ServerState, "Ready", "Dropping", "Disabled", "Inaccessible", "Starting", "Stopping", "Stopped", "Updating")

/** Terminal migration states (azure-api.md §10): Succeeded, Failed, Canceled, ValidationFailed. */
bool isTerminal(const MigrationState &state);

} // namespace fm::arm
