// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace fm::pg {

struct TableInfo {
    QString schema;
    QString name;
    QChar relkind;     ///< 'r' table, 'p' partitioned parent
    QChar persistence; ///< 'p' permanent, 'u' unlogged
    QChar replident;   ///< 'd' default, 'n' nothing, 'f' full, 'i' index
    bool hasPrimaryKey = false;
    bool hasReplicaIdentityIndex = false;
    bool canSelect = true;
    bool isPartition = false;
    qint64 estimatedRows = 0;
    qint64 totalBytes = 0;

    QString qualifiedName() const; ///< "schema"."name", quoted
    /** Whether UPDATE/DELETE on this table can be published (it has a usable replica identity). */
    bool hasUsableReplicaIdentity() const;
    bool isUnlogged() const { return persistence == QLatin1Char('u'); }
};

struct ExtensionInfo {
    QString name;
    QString version;
    QString schema;
};

struct DatabaseInfo {
    QString name;
    qint64 sizeBytes = -1; ///< -1 when the user may not connect
    bool allowConnections = true;
    bool canConnect = true;
    QString owner;
    QString encoding;
    QString collate;
    QString ctype;

    /** Filled when the database was inspected in detail. */
    bool inspected = false;
    std::optional<Error> inspectError;
    QList<TableInfo> tables;
    qint64 largeObjects = 0;
    qint64 sequences = 0;
    qint64 foreignTables = 0;
    qint64 enumTypes = 0;
    qint64 userCollations = 0;
    qint64 userCasts = 0;
    QStringList materializedViews; ///< qualified names
    QList<ExtensionInfo> extensions;

    int tableCount() const { return int(tables.size()); }
    qint64 estimatedRows() const;
};

struct ReplicationSlotInfo {
    QString name;
    QString plugin;
    QString type; ///< physical | logical
    QString database;
    bool active = false;
    qint64 retainedBytes = -1;
};

struct LongTransaction {
    int pid = 0;
    QString database;
    QString user;
    QString applicationName;
    QString state;
    qint64 ageSeconds = 0;
};

/** @brief What FlexMigrate knows about one server after inspection. */
struct ServerInfo {
    QString endpoint;    ///< host:port
    QString displayName; ///< user@host:port/db (no password)
    bool isAzure = false;
    ServerKind kind = ServerKind::Unknown;

    QString version;       ///< "15.4"
    QString versionString; ///< version()
    int versionNum = 0;    ///< 150004
    int majorVersion() const { return versionNum >= 100000 ? versionNum / 10000 : versionNum / 100; }
    QString walLevel;
    QString azureReplicationSupport; ///< empty when not Azure Single Server
    QString azureExtensions;         ///< azure.extensions allow-list; empty when not Azure
    int maxReplicationSlots = 0;
    int maxWalSenders = 0;
    int maxWorkerProcesses = 0;
    int maxLogicalReplicationWorkers = 0;
    int slotsUsed = 0;
    int walSendersUsed = 0;
    QString sharedPreloadLibraries;
    bool defaultTransactionReadOnly = false;
    bool inRecovery = false;
    QString serverEncoding;
    /** Allowed logical decoding plugins when the server restricts them; empty = no restriction known. */
    QString outputPluginLibraries;
    QString currentUser;
    bool isSuperuser = false;
    bool hasReplication = false;
    bool canCreateDb = false;
    bool canCreateRole = false;
    bool isAzurePgAdmin = false;

    QList<ReplicationSlotInfo> replicationSlots;
    QList<LongTransaction> longTransactions;
    QMap<QString, QString> availableExtensions; ///< name -> default version
    QList<DatabaseInfo> databases;

    const DatabaseInfo *database(const QString &name) const;
    int freeReplicationSlots() const { return maxReplicationSlots - slotsUsed; }
    int freeWalSenders() const { return maxWalSenders - walSendersUsed; }
};

struct InspectOptions {
    /** Databases to inspect in detail; empty means every database the user can connect to. */
    QStringList databases;
    /** Inspect databases in detail at all (tables, extensions...). */
    bool details = true;
    /** A transaction open longer than this is reported. */
    int longTransactionSeconds = 300;
};

/**
 * @brief Connects to a server and reads what pre-flight needs. Blocking: run it
 * in a ThreadJob. A database that cannot be inspected does not fail the whole
 * inspection; its inspectError is set instead.
 */
Expected<ServerInfo> inspectServer(const ConnectionParams &params, const InspectOptions &options, CancelToken *cancel = nullptr);

QJsonObject toJson(const ServerInfo &info);
QJsonObject toJson(const DatabaseInfo &db);

} // namespace fm::pg
