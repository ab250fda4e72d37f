// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/pg/inspection.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fm::pg {

/** Passed is a check that ran and found nothing; the others are what it found. */
enum class Severity { Passed, Info, Warning, Error };
QString severityName(Severity s);

/** Which backend will run the migration; some checks differ (DMS needs primary keys, the Azure ones allow 8 databases). */
enum class BackendKind { Service, Dms, Direct };
QString backendName(BackendKind b);

/** @brief One named pre-flight check's outcome. `id` is stable: docs and tests refer to it. */
struct CheckResult {
    QString id;       ///< e.g. "source.wal-level"
    Severity severity = Severity::Passed;
    QString title;    ///< one line
    QString detail;   ///< what was found
    QString fix;      ///< what to do
    QStringList fixSql; ///< statements that fix it, when there are any
    QString server;   ///< "source" | "target" | "" (selection)
    QString database; ///< set for per-database checks
    QStringList objects; ///< the tables/extensions/slots concerned
};

struct PreflightInput {
    const ServerInfo *source = nullptr;
    const ServerInfo *target = nullptr; ///< optional
    QStringList databases;              ///< the selection; empty = defaultSelection(source)
    BackendKind backend = BackendKind::Direct;
    /** The Azure service is asked to enable logical replication on the source (it restarts it). */
    bool serviceSetsUpReplication = false;
};

struct PreflightReport {
    QList<CheckResult> checks;
    bool canRun() const { return count(Severity::Error) == 0; }
    int count(Severity s) const;
    QList<CheckResult> withId(const QString &id) const;
};

/** Maximum databases per migration for the Azure backends (azure-api.md §9.2). */
constexpr int kMaxDatabasesPerAzureMigration = 8;

/** What "no --db" means: every user database except an empty "postgres". */
QStringList defaultSelection(const ServerInfo &source);

/** Evaluates every check against inspected servers. Pure: no I/O. */
PreflightReport runPreflight(const PreflightInput &input);

/** The catalogue: every check id with its title, for docs and the troubleshooting guide. */
QList<QPair<QString, QString>> checkCatalogue();

QJsonObject toJson(const CheckResult &c);
QJsonObject toJson(const PreflightReport &r);

} // namespace fm::pg
