// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fm::migration {

/**
 * @brief Where a migration stands, the same for every backend (DESIGN.md
 * "one model"): the wizard, the dashboard and the CLI read only this.
 *
 * Each backend maps its own states onto the normalised enums below and keeps
 * its raw strings (`rawState`, `rawSubState`), so a state the service adds
 * tomorrow is shown verbatim instead of being lost (STYLE.md 6). Counters are
 * optional: absent means "this backend does not report it", not zero.
 */
struct MigrationStatus {
    enum class State { Unknown, NotStarted, InProgress, WaitingForUser, Succeeded, Failed, Canceled, ValidationFailed };
    enum class SubState {
        None,
        Unknown,
        Preparing,       ///< infrastructure, prerequisites, slot/snapshot
        Validating,      ///< premigration checks
        WaitingForInput, ///< the user must answer (see requiredAction)
        CopyingData,     ///< initial copy (full load)
        Replicating,     ///< change capture, catching up
        ReadyForCutover,
        CuttingOver,
        Canceling,
        CleaningUp,
        Completed,
    };
    /** Per database and per table (full load + change capture). */
    enum class ItemState { Unknown, Pending, Preparing, Copying, Replicating, ReadyForCutover, CuttingOver, Succeeded, Failed, Canceling, Canceled };

    struct Counters {
        std::optional<qint64> fullLoadRows;
        std::optional<qint64> fullLoadBytes;
        std::optional<qint64> cdcInserts, cdcUpdates, cdcDeletes;
        std::optional<qint64> appliedChanges;  ///< changes applied on the target
        std::optional<qint64> incomingChanges; ///< changes received and not yet applied
        std::optional<qint64> dataErrors;
    };
    struct Lag {
        std::optional<qint64> bytes;
        std::optional<qint64> seconds;
    };
    struct ErrorInfo {
        QString message;
        QString code;      ///< service code (ARM error.code, validation type, SQLSTATE, hResult)
        QString requestId; ///< x-ms-request-id when the error came with an HTTP response
        QString database;  ///< empty: migration-level
        QString table;
        QDateTime time;
    };
    struct TableProgress {
        QString name; ///< schema-qualified
        ItemState state = ItemState::Unknown;
        QString rawState;
        std::optional<qint64> totalRows; ///< rows copied by the full load (or expected, when copying)
        Counters counters;
        QDateTime startedOn, endedOn, estimatedFinish, lastModified;
    };
    struct DatabaseProgress {
        QString name;
        ItemState state = ItemState::Unknown;
        QString rawState;
        std::optional<qint64> tablesQueued, tablesLoading, tablesCompleted, tablesErrored;
        Counters counters;
        Lag lag;
        QDateTime startedOn, endedOn;
        QString message; ///< the service's text for this database (usually an error)
        QList<TableProgress> tables;

        /** Completed / all tables, 0..1; nullopt when the table counts are unknown. */
        std::optional<double> fullLoadFraction() const;
    };

    QString backend;       ///< "service", "dms" or "direct"
    QString migrationName; ///< the backend's name of the run (ARM name, DMS task name, journal id)
    State state = State::Unknown;
    SubState subState = SubState::None;
    QString rawState;
    QString rawSubState;
    /** What the user has to do when WaitingForInput/ReadyForCutover: "setup-replication", "db-names", "overwrite-dbs", "start-data-migration", "cutover". */
    QString requiredAction;
    QList<DatabaseProgress> databases;
    QList<ErrorInfo> errors;
    Counters totals; ///< sums over databases (see recomputeTotals)
    Lag lag;         ///< worst (largest) lag over databases
    QDateTime startedOn, endedOn;
    QDateTime observedAt; ///< when this status was read

    bool isTerminal() const;
    /** Every database waits for cutover (and none failed). */
    bool isReadyForCutover() const;
    const DatabaseProgress *database(const QString &name) const;
    /** Recomputes `totals` and `lag` from the databases. */
    void recomputeTotals();

    nlohmann::json toJson() const;
    /** Never throws; unknown enum strings become Unknown with the raw text kept in the raw fields. */
    static Expected<MigrationStatus> fromJson(const nlohmann::json &json);
};

QString toString(MigrationStatus::State s);
QString toString(MigrationStatus::SubState s);
QString toString(MigrationStatus::ItemState s);
std::optional<MigrationStatus::State> stateFromString(const QString &s);
std::optional<MigrationStatus::SubState> subStateFromString(const QString &s);
std::optional<MigrationStatus::ItemState> itemStateFromString(const QString &s);

} // namespace fm::migration
