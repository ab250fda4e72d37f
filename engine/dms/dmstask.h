// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/dms/dmsenums.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <variant>

namespace fm::dms {

/** Task type of the PostgreSQL online migration (2021-06-30+; azure-api.md §4.3). */
inline constexpr const char *kPostgreSqlSyncTaskType = "Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2";
/** The complete (cutover) command of one database (§4.6). */
inline constexpr const char *kCompleteDatabaseCommand = "Migrate.Sync.Complete.Database";

/** ReportableException (§4.5). */
struct ReportableException {
    QString message;
    QString actionableMessage;
    QString filePath;
    QString lineNumber;
    std::optional<qint64> hResult;
    QString stackTrace;
};

/** `resultType: MigrationLevelOutput`. The doc sample spells sourceVersion/targetVersion, the spec sourceServerVersion: both read. */
struct MigrationLevelOutput {
    QString id;
    QDateTime startedOn, endedOn;
    QString sourceServer, sourceServerVersion, targetServer, targetServerVersion;
    QString sourceServerType, targetServerType;
    ReplicateMigrationState state;
    std::optional<qint64> databaseCount;
};

/** `resultType: DatabaseLevelOutput` (counters int64). */
struct DatabaseLevelOutput {
    QString id;
    QString databaseName;
    QDateTime startedOn, endedOn;
    SyncDatabaseMigrationReportingState migrationState;
    std::optional<qint64> incomingChanges, appliedChanges;
    std::optional<qint64> cdcInsertCounter, cdcDeleteCounter, cdcUpdateCounter;
    std::optional<qint64> fullLoadCompletedTables, fullLoadLoadingTables, fullLoadQueuedTables, fullLoadErroredTables;
    std::optional<bool> initializationCompleted;
    std::optional<qint64> latency; ///< "CDC apply latency" (unit not documented; the doc's sample shows 0)
};

/** `resultType: TableLevelOutput`. `dataErrorsCount` (doc) and `dataErrorsCounter` (spec) both read. */
struct TableLevelOutput {
    QString id;
    QString tableName; ///< schema-qualified, e.g. public.orders
    QString databaseName;
    std::optional<qint64> cdcInsertCounter, cdcUpdateCounter, cdcDeleteCounter;
    QDateTime fullLoadEstFinishTime, fullLoadStartedOn, fullLoadEndedOn;
    std::optional<qint64> fullLoadTotalRows;
    std::optional<qint64> fullLoadTotalVolumeBytes; ///< doc sample only
    SyncTableMigrationState state;
    std::optional<qint64> totalChangesApplied;
    std::optional<qint64> dataErrorsCounter;
    QDateTime lastModifiedTime;
};

struct ErrorEvent {
    QString timestamp;
    QString eventType;
    QString text;
};

/** `resultType: ErrorOutput` (migration-level error). */
struct ErrorOutput {
    QString id;
    ReportableException error;
    QList<ErrorEvent> events;
};

/** `resultType: DatabaseLevelErrorOutput`. */
struct DatabaseLevelErrorOutput {
    QString id;
    QString databaseName; ///< not in the spec; taken from `id` ("db|name") when present
    QString errorMessage;
    QList<ErrorEvent> events;
};

/** Any other resultType, kept raw (never fatal). */
struct UnknownOutput {
    QString resultType;
    nlohmann::json raw;
};

using TaskOutputItem = std::variant<MigrationLevelOutput, DatabaseLevelOutput, TableLevelOutput, ErrorOutput, DatabaseLevelErrorOutput, UnknownOutput>;

/** Parses one output item by its resultType; never fails (unknown or malformed -> UnknownOutput). */
TaskOutputItem parseOutputItem(const nlohmann::json &item);

struct ODataError {
    QString code;
    QString message;
};

struct TaskCommand {
    QString commandType;
    CommandState state;
    QString databaseName; ///< input.databaseName
    QList<ReportableException> errors;
};

/** A `ProjectTask` (`…/projects/{p}/tasks/{t}`), with its output when fetched with `$expand=output`. */
struct ProjectTask {
    QString id;
    QString name;
    QString etag;
    QString taskType;
    TaskState state;
    QList<ODataError> errors;
    QList<TaskCommand> commands;
    QList<TaskOutputItem> output;
    nlohmann::json raw;

    QList<DatabaseLevelOutput> databases() const;
    QList<TableLevelOutput> tables() const;
    std::optional<MigrationLevelOutput> migration() const;
    QList<ErrorOutput> migrationErrors() const;
    QList<DatabaseLevelErrorOutput> databaseErrors() const;
};

/**
 * @brief Parses a task GET/PUT/cancel response. Accepts the ARM resource shape
 * (`{properties: {...}}`) and the flat shape of the doc's sample (`{output, state, taskType}`).
 */
Expected<ProjectTask> parseProjectTask(const nlohmann::json &body);

struct DmsService {
    QString id, name, location, etag, kind;
    QString skuName, skuTier, skuSize;
    ServiceProvisioningState provisioningState;
    QString virtualSubnetId;
    nlohmann::json raw;
};
Expected<DmsService> parseService(const nlohmann::json &body);

struct DmsProject {
    QString id, name, location;
    QString sourcePlatform, targetPlatform;
    ProjectProvisioningState provisioningState;
    QDateTime creationTime;
    nlohmann::json raw;
};
Expected<DmsProject> parseProject(const nlohmann::json &body);

/** Command response (CommandProperties, §4.6); accepts the `{"command": {...}}` wrapping of the spec example too. */
Expected<TaskCommand> parseCommand(const nlohmann::json &body);

} // namespace fm::dms
