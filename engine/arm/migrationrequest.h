// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationenums.h"
#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace fm::arm {

/**
 * @brief What the user asks for when creating a migration, independent of the
 * api-version; buildCreateBody() turns it into the wire body of one version.
 *
 * Passwords and the AAD secret are fm::Secret: revealed only inside
 * buildCreateBody(), whose result must be sent with `sensitiveBody = true`.
 */
struct CreateMigrationRequest {
    QString location;
    QMap<QString, QString> tags;
    QString sourceDbServerResourceId; ///< Single Server ARM id (or host:port@user for other sources, 2024-08-01)
    QString sourceDbServerFullyQualifiedDomainName;
    QString targetDbServerFullyQualifiedDomainName;
    QString targetDbServerSubnetResourceId; ///< 2021 CLI test file / example only
    Secret sourceServerPassword;
    Secret targetServerPassword;
    QString sourceServerUsername; ///< 2024-08-01
    QString targetServerUsername; ///< 2024-08-01
    // 2021-06-15-privatepreview: the AAD app the service acts as (seed).
    QString aadClientId;
    QString aadTenantId;
    Secret aadSecret;
    QString migrationResourceGroupId;  ///< 2021
    QString migrationSubnetResourceId; ///< 2021
    QString userAssignedIdentityResourceId; ///< 2021
    QString migrationInstanceResourceId;    ///< 2024-08-01 (CLI key MigrationRuntimeResourceId)
    QStringList dbsToMigrate;
    std::optional<bool> setupLogicalReplicationOnSourceDbIfNeeded;
    std::optional<bool> overwriteDbsInTarget;
    std::optional<bool> startDataMigration;
    std::optional<bool> triggerCutover;
    std::optional<bool> migrateRoles; ///< 2024-08-01
    MigrationMode mode;
    MigrationOption option;     ///< 2024-08-01
    SourceType sourceType;      ///< 2024-08-01
    SslMode sslMode;            ///< 2024-08-01
    QDateTime windowStart, windowEnd;

    bool hasAadApp() const { return !aadClientId.isEmpty() || !aadTenantId.isEmpty() || !aadSecret.isEmpty(); }
};

/**
 * @brief The PUT body for `version`, or a Validation error naming the field
 * that version cannot carry (AAD app on 2024-08-01, too many databases,
 * missing required fields). Contains secrets: never log it.
 */
Expected<nlohmann::json> buildCreateBody(const CreateMigrationRequest &request, MigrationApiVersion version);

/** One `az ... migration update` operation; exactly one per call as in the CLI (§6.1). */
struct MigrationUpdate {
    enum class Kind { Cutover, Cancel, SetupReplication, StartDataMigration, DbNames, OverwriteDbs };
    Kind kind = Kind::Cutover;
    /** Cutover/Cancel: the databases (empty: the whole migration); DbNames: the new list. */
    QStringList databases;
};

QString toString(MigrationUpdate::Kind kind);

/**
 * @brief The PATCH body for `version` (azure-api.md §1.11.5). 2021: JSON
 * booleans with 2021 casing; 2024-08-01: "True" strings and
 * dbsToTriggerCutoverOn / dbsToCancelMigrationOn. Cancel does not exist in
 * 2021-06-15-privatepreview (use delete) and is refused with a Validation error.
 */
Expected<nlohmann::json> buildUpdateBody(const MigrationUpdate &update, MigrationApiVersion version);

/** `{"name": name, "type": "Microsoft.DBforPostgreSQL/flexibleServers/migrations"}` (§1.2). */
nlohmann::json buildCheckNameBody(const QString &name);

} // namespace fm::arm
