// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationenums.h"
#include "engine/core/expected.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace fm::arm {

/** `DBServerMetadata` (azure-api.md §1.3/§1.5); `sku.tier` is not validated (§1.10: sometimes equals the sku name). */
struct ServerMetadata {
    QString location;
    QString version;
    std::optional<qint64> storageMb;
    QString skuName;
    QString skuTier;
};

/** `dbDetails.{db}` (2023-06-01-preview+, §1.5). Counters are absent (nullopt) when the service omits them. */
struct DbMigrationDetails {
    QString databaseName;
    MigrationDbState migrationState;
    QString migrationOperation;
    QDateTime startedOn;
    QDateTime endedOn;
    std::optional<qint64> fullLoadQueuedTables, fullLoadErroredTables, fullLoadLoadingTables, fullLoadCompletedTables;
    std::optional<qint64> cdcUpdateCounter, cdcDeleteCounter, cdcInsertCounter, appliedChanges, incomingChanges;
    std::optional<qint64> latencySeconds; ///< "Lag in seconds between source and target during online phase"
    QString message;
};

struct ValidationMessage {
    ValidationState state;
    QString message;
};
struct ValidationSummaryItem {
    QString type; ///< e.g. SchemaValidation, ExtensionsValidation (free string)
    ValidationState state;
    QList<ValidationMessage> messages;
};
struct DbValidationDetails {
    QString databaseName;
    QDateTime startedOn, endedOn;
    QList<ValidationSummaryItem> summary;
};
struct ValidationDetails {
    ValidationState status;
    QDateTime startedOn, endedOn;
    QList<ValidationSummaryItem> serverLevel;
    QList<DbValidationDetails> dbLevel;
};

struct MigrationCurrentStatus {
    MigrationState state;
    QString error; ///< free text; "" when none
    MigrationSubState subState;
    QMap<QString, DbMigrationDetails> dbDetails; ///< keyed by database name
    std::optional<ValidationDetails> validation;
};

/**
 * @brief A `Microsoft.DBforPostgreSQL/flexibleServers/migrations` resource as
 * returned by GET/PUT/PATCH/DELETE/list, for both supported api-versions.
 *
 * Parsing is lenient (azure-api.md §10): keys case-insensitive, booleans or
 * "True"/"False" strings, every property optional (the 201 after create has no
 * substate, §1.10), unknown enum values kept. The raw JSON is kept for `show`.
 * Secrets are never returned by the service (`adminCredentials: {}`), so none
 * are modelled here.
 */
struct MigrationResource {
    QString id;
    QString name;
    QString type;
    QString location;
    QMap<QString, QString> tags;

    QString migrationId;
    QString migrationName; ///< property (2021 era); falls back to `name`
    MigrationDetailsLevel detailsLevel;
    MigrationCurrentStatus currentStatus;
    std::optional<ServerMetadata> sourceServerMetadata;
    std::optional<ServerMetadata> targetServerMetadata;

    QString sourceDbServerResourceId; ///< an ARM id, or `host:port@user` for non-Azure sources
    QString targetDbServerResourceId;
    QString sourceDbServerFullyQualifiedDomainName;
    QString targetDbServerFullyQualifiedDomainName;
    QString targetDbServerSubnetResourceId; ///< 2021 examples only
    QString migrationResourceGroupId;       ///< 2021: migrationResourceGroup.resourceId
    QString migrationSubnetResourceId;      ///< 2021: migrationResourceGroup.subnetResourceId
    QString userAssignedIdentityResourceId;
    QString migrationInstanceResourceId; ///< 2024-08-01
    QString aadClientId;                 ///< 2021: secretParameters.aadApp.clientId (never the secret)
    QString aadTenantId;
    QString sourceServerUsername, targetServerUsername;
    QStringList dbsToMigrate;
    QStringList dbsToTriggerCutoverOn, dbsToCancelMigrationOn;

    MigrationMode mode;
    MigrationOption option;
    SourceType sourceType;
    SslMode sslMode;
    std::optional<bool> setupLogicalReplicationOnSourceDbIfNeeded;
    std::optional<bool> overwriteDbsInTarget;
    std::optional<bool> startDataMigration;
    std::optional<bool> triggerCutover;
    std::optional<bool> cancel;
    std::optional<bool> migrateRoles;
    QDateTime windowStart, windowEnd;

    nlohmann::json raw; ///< the response as received (for --json / show)

    /** migrationName, or the resource name. */
    QString displayName() const { return migrationName.isEmpty() ? name : migrationName; }
};

/** One page of `Migrations_ListByTargetServer`; the 2020 preview returned a bare array (§7.1), accepted too. */
struct MigrationList {
    QList<MigrationResource> items;
    QString nextLink;
};

/** `checkMigrationNameAvailability` result (§1.2, §1.11.7). */
struct NameAvailability {
    QString name;
    QString type;
    bool nameAvailable = false;
    NameAvailabilityReason reason;
    QString message;
};

/** Parses one resource; fails only when the body is not a JSON object. */
Expected<MigrationResource> parseMigration(const nlohmann::json &body);
Expected<MigrationList> parseMigrationList(const nlohmann::json &body);
Expected<NameAvailability> parseNameAvailability(const nlohmann::json &body);

} // namespace fm::arm
