// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/migrationrunner.h"

#include "engine/core/secret.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>

namespace fm::emulator {

/** dbDetails of one database (azure-api.md §1.5 DbMigrationStatus). */
struct MigrationDbDetail {
    QString name;
    QString migrationState = QStringLiteral("InProgress"); ///< InProgress, WaitingForCutoverTrigger, Failed, Canceled, Succeeded, Canceling
    QString migrationOperation;
    QString startedOn, endedOn;
    int fullLoadQueuedTables = 0, fullLoadErroredTables = 0, fullLoadLoadingTables = 0, fullLoadCompletedTables = 0;
    qint64 cdcUpdateCounter = 0, cdcDeleteCounter = 0, cdcInsertCounter = 0, appliedChanges = 0, incomingChanges = 0;
    qint64 latency = 0;
    QString message;
};

/** The emulator's internal phase; the wire state/substate are derived from it. */
enum class MigrationPhase {
    Prerequisites,       ///< InProgress / PerformingPreRequisiteSteps
    RestartingSource,    ///< InProgress / PerformingPreRequisiteSteps (source restarts for logical replication)
    WaitingReplication,  ///< WaitingForUserAction / WaitingForLogicalReplicationSetupRequestOnSourceDB
    WaitingOverwrite,    ///< WaitingForUserAction / WaitingForTargetDBOverwriteConfirmation
    WaitingWindow,       ///< InProgress / WaitingForDataMigrationWindow
    MigratingData,       ///< InProgress / MigratingData
    WaitingCutover,      ///< WaitingForUserAction / WaitingForCutoverTrigger
    Completing,          ///< InProgress / CompletingMigration
    Canceling,           ///< InProgress / CancelingRequestedDBMigrations
    Done,                ///< Succeeded | Failed | Canceled / Completed
};

struct Migration {
    QString name;
    QString targetId;       ///< target server resource id (canonical casing)
    QString id;             ///< targetId + /migrations/name
    QString migrationId;    ///< GUID
    QString createdWith;    ///< api-version of the PUT
    QString location;
    nlohmann::json tags = nlohmann::json::object();
    QByteArray createFingerprint; ///< normalized create body: a repeated identical PUT is idempotent

    // The request, normalized.
    QString sourceResourceId;
    QString sourceFqdn, targetFqdn;
    QString sourceUser, targetUser;
    Secret sourcePassword, targetPassword;
    QString aadClientId, aadTenantId;
    Secret aadSecret;
    QStringList dbs;
    nlohmann::json migrationResourceGroup; ///< echoed (2021)
    QString targetSubnetId;                ///< echoed (2021)
    QString userAssignedIdentity;          ///< echoed (2021)
    QString migrationInstanceResourceId;   ///< echoed (2024)
    QString mode = QStringLiteral("Online");
    QString option;       ///< 2024: Validate, Migrate, ValidateAndMigrate
    QString sourceType;   ///< 2024
    QString sslMode;      ///< 2024
    bool setupLogicalReplication = false;
    bool overwriteDbs = false;
    bool startDataMigration = false;
    bool triggerCutover = false;
    bool cancel = false;
    bool migrateRoles = false;
    QString windowStart, windowEnd;

    // Progress.
    MigrationPhase phase = MigrationPhase::Prerequisites;
    qint64 phaseUntilMs = 0;
    QString state = QStringLiteral("InProgress"); ///< only meaningful in Done
    QString error;
    std::map<QString, MigrationDbDetail> dbDetails;
    nlohmann::json validationDetails; ///< 2024, when migrationOption validates
    std::unique_ptr<MigrationRunner> runner;
    bool cutoverRequested = false;
    bool deleted = false;    ///< DELETE: gone from ARM, still cleaning up
    bool cleanedUp = false;

    bool isActive() const { return phase != MigrationPhase::Done; }
};

} // namespace fm::emulator
