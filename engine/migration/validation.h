// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace fm::migration {

struct ValidationOptions {
    /** Compare per-chunk row hashes too, not only row counts. */
    bool checksums = false;
    /** Target size of a checksum chunk (tables with a single integer key are split by key range). */
    qint64 rowsPerChunk = 100000;
    /**
     * Leave out the direct engine's heartbeat schema (isDirectHeartbeatSchema()) on both servers: it is
     * written at every heartbeat while changes stream, is not user data, and is never equal for long.
     */
    bool skipHeartbeatSchema = true;
};

/**
 * Whether `schema` is the direct engine's heartbeat schema: direct::objectName(name, "hb"), i.e.
 * fm_<name>_hb, or fm_<name>_hb_<hash> when the name was mangled (upper case, other characters).
 */
bool isDirectHeartbeatSchema(const QString &schema);

/** A key range whose rows differ between the servers. */
struct ChunkDifference {
    QString range; ///< e.g. "id in [1000, 2000)", or "whole table"
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
};

struct TableValidation {
    QString schema;
    QString name;
    qint64 sourceRows = -1;
    qint64 targetRows = -1;
    bool missingOnTarget = false;
    bool checksummed = false;
    int chunks = 0;
    QList<ChunkDifference> differences; ///< only with checksums

    QString qualifiedName() const;
    bool equal() const { return !missingOnTarget && sourceRows == targetRows && differences.isEmpty(); }
};

struct DatabaseValidation {
    QString database;
    QList<TableValidation> tables;
    QStringList extraOnTarget; ///< tables the target has and the source does not
    bool equal() const;
    int differingTables() const;
};

/**
 * @brief Compares one database between source and target: row counts, and with
 * checksums an order-independent sum of 64-bit row hashes (md5 of the row's
 * text, with the same session settings on both sides), chunked by key range so
 * a large table never needs one huge query and a difference is located.
 * Blocking: run it in a ThreadJob. Read-only on both servers.
 */
Expected<DatabaseValidation> validateDatabase(const pg::ConnectionParams &source, const pg::ConnectionParams &target,
                                              const ValidationOptions &options, CancelToken *cancel = nullptr,
                                              const std::function<void(int done, int total)> &progress = {});

QJsonObject toJson(const TableValidation &t);
QJsonObject toJson(const DatabaseValidation &d);

} // namespace fm::migration
