// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace fm::dms {

/** `PUT …/services/{s}` body (azure-api.md §4.1). Online PostgreSQL needs a Premium SKU, e.g. Premium_4vCores. */
nlohmann::json buildServiceBody(const QString &location, const QString &skuName, const QString &virtualSubnetId);

/** `PUT …/projects/{p}` body for PostgreSQL -> Azure Database for PostgreSQL (§4.2). */
nlohmann::json buildProjectBody(const QString &location);

/** `PostgreSqlConnectionInfo` (§4.3). The password is a Secret, revealed only into the task body. */
struct PostgreSqlConnectionInfo {
    QString serverName;
    int port = 5432;
    QString databaseName = QStringLiteral("postgres");
    QString userName; ///< Single Server: user@server
    Secret password;
    bool encryptConnection = true;
    bool trustServerCertificate = false;
};

struct SelectedDatabase {
    QString name;
    QString targetDatabaseName; ///< empty: same as name ("Target database will be truncated before starting migration")
    QStringList selectedTables; ///< schema-qualified; empty: all tables (tutorial)
};

struct SyncTaskInput {
    PostgreSqlConnectionInfo source;
    PostgreSqlConnectionInfo target;
    QList<SelectedDatabase> databases;
};

/**
 * @brief `PUT …/tasks/{t}` body of the online sync task (SyncV2, §4.4). Errors
 * name the field: missing servers/users/passwords, no database, database names
 * with ';' and passwords with '{' or '}' (DMS known issues, §9.2).
 * Contains the passwords: send with sensitiveBody.
 */
Expected<nlohmann::json> buildSyncTaskBody(const SyncTaskInput &input);

/** `POST …/tasks/{t}/command` body: the bare CommandProperties as SDKs send it (§4.6). */
nlohmann::json buildCompleteCommandBody(const QString &databaseName, const QDateTime &commitTimestamp = {});

} // namespace fm::dms
