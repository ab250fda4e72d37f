// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/dmsstatusmapper.h"

#include "engine/migration/databasecounters.h"

#include <algorithm>

namespace fm::migration {

using S = MigrationStatus;

namespace {

S::ItemState mapDbState(const dms::DatabaseLevelOutput &d)
{
    const auto &s = d.migrationState;
    auto is = [&](const char *v) { return s.is(QLatin1String(v)); };
    if (is("CONFIGURING") || is("INITIALIAZING") || is("STARTING") || is("VALIDATING") || is("VALIDATION_COMPLETE") || is("BACKUP_IN_PROGRESS")
        || is("BACKUP_COMPLETED") || is("RESTORE_IN_PROGRESS") || is("RESTORE_COMPLETED"))
        return S::ItemState::Preparing;
    if (is("RUNNING")) {
        const bool copying = d.fullLoadQueuedTables.value_or(0) > 0 || d.fullLoadLoadingTables.value_or(0) > 0 || !d.initializationCompleted.value_or(true);
        return copying ? S::ItemState::Copying : S::ItemState::Replicating;
    }
    if (is("READY_TO_COMPLETE"))
        return S::ItemState::ReadyForCutover;
    if (is("COMPLETING"))
        return S::ItemState::CuttingOver;
    if (is("COMPLETE"))
        return S::ItemState::Succeeded;
    if (is("CANCELLING"))
        return S::ItemState::Canceling;
    if (is("CANCELLED"))
        return S::ItemState::Canceled;
    if (is("FAILED") || is("VALIDATION_FAILED"))
        return S::ItemState::Failed;
    return S::ItemState::Unknown;
}

S::ItemState mapTableState(const dms::SyncTableMigrationState &s)
{
    if (s.is(QLatin1String("BEFORE_LOAD")))
        return S::ItemState::Pending;
    if (s.is(QLatin1String("FULL_LOAD")))
        return S::ItemState::Copying;
    // A table whose full load completed keeps receiving changes until cutover.
    if (s.is(QLatin1String("COMPLETED")))
        return S::ItemState::Replicating;
    if (s.is(QLatin1String("CANCELED")))
        return S::ItemState::Canceled;
    if (s.is(QLatin1String("ERROR")) || s.is(QLatin1String("FAILED")))
        return S::ItemState::Failed;
    return S::ItemState::Unknown;
}

S::DatabaseProgress &databaseNamed(S &s, const QString &name)
{
    for (auto &d : s.databases)
        if (d.name == name)
            return d;
    S::DatabaseProgress p;
    p.name = name;
    p.state = S::ItemState::Pending;
    s.databases.append(p);
    return s.databases.last();
}

} // namespace

MigrationStatus statusFromDmsTask(const dms::ProjectTask &task, const QDateTime &observedAt)
{
    S s;
    s.backend = QStringLiteral("dms");
    s.migrationName = task.name;
    s.observedAt = observedAt;
    s.rawState = task.state.toString();
    const auto ml = task.migration();
    if (ml) {
        s.rawSubState = ml->state.toString();
        s.startedOn = ml->startedOn;
        s.endedOn = ml->endedOn;
    }

    for (const auto &d : task.databases()) {
        S::DatabaseProgress &p = databaseNamed(s, d.databaseName);
        detail::copyDatabaseCounters(d, p);
        p.state = mapDbState(d);
        // DMS calls it "CDC apply latency" without a unit; read as seconds like the service's dbDetails.latency.
        p.lag.seconds = d.latency;
    }
    for (const auto &t : task.tables()) {
        // tableName is schema-qualified; databaseName may be missing in old outputs (id "or|db|schema|table").
        QString db = t.databaseName;
        if (db.isEmpty() && t.id.count(QLatin1Char('|')) >= 2)
            db = t.id.section(QLatin1Char('|'), 1, 1);
        S::DatabaseProgress &p = databaseNamed(s, db);
        S::TableProgress tp;
        tp.name = t.tableName;
        tp.rawState = t.state.toString();
        tp.state = mapTableState(t.state);
        tp.totalRows = t.fullLoadTotalRows;
        tp.counters.fullLoadRows = t.fullLoadTotalRows;
        tp.counters.fullLoadBytes = t.fullLoadTotalVolumeBytes;
        tp.counters.cdcInserts = t.cdcInsertCounter;
        tp.counters.cdcUpdates = t.cdcUpdateCounter;
        tp.counters.cdcDeletes = t.cdcDeleteCounter;
        tp.counters.appliedChanges = t.totalChangesApplied;
        tp.counters.dataErrors = t.dataErrorsCounter;
        tp.startedOn = t.fullLoadStartedOn;
        tp.endedOn = t.fullLoadEndedOn;
        tp.estimatedFinish = t.fullLoadEstFinishTime.isValid() && t.fullLoadEstFinishTime.date().year() > 1970 ? t.fullLoadEstFinishTime : QDateTime();
        tp.lastModified = t.lastModifiedTime;
        p.tables.append(tp);
        if (t.fullLoadTotalRows)
            p.counters.fullLoadRows = p.counters.fullLoadRows.value_or(0) + *t.fullLoadTotalRows;
        if (t.fullLoadTotalVolumeBytes)
            p.counters.fullLoadBytes = p.counters.fullLoadBytes.value_or(0) + *t.fullLoadTotalVolumeBytes;
        if (t.dataErrorsCounter)
            p.counters.dataErrors = p.counters.dataErrors.value_or(0) + *t.dataErrorsCounter;
    }

    for (const auto &e : task.errors)
        s.errors.append({e.message, e.code, {}, {}, {}, {}});
    for (const auto &e : task.migrationErrors()) {
        const QString text = e.error.actionableMessage.isEmpty() ? e.error.message : e.error.message + QLatin1Char(' ') + e.error.actionableMessage;
        s.errors.append({text.trimmed(), e.error.hResult ? QString::number(*e.error.hResult) : QString(), {}, {}, {}, {}});
    }
    for (const auto &e : task.databaseErrors()) {
        s.errors.append({e.errorMessage, {}, {}, e.databaseName, {}, {}});
        if (!e.databaseName.isEmpty()) {
            S::DatabaseProgress &p = databaseNamed(s, e.databaseName);
            p.message = e.errorMessage;
        }
    }

    const auto &ts = task.state;
    auto allDbs = [&](S::ItemState st) {
        return !s.databases.isEmpty() && std::all_of(s.databases.begin(), s.databases.end(), [st](const S::DatabaseProgress &d) { return d.state == st; });
    };
    auto anyDb = [&](S::ItemState st) {
        return std::any_of(s.databases.begin(), s.databases.end(), [st](const S::DatabaseProgress &d) { return d.state == st; });
    };
    if (ts.is(QLatin1String("Succeeded"))) {
        s.state = S::State::Succeeded;
        s.subState = S::SubState::Completed;
    } else if (ts.is(QLatin1String("Failed")) || ts.is(QLatin1String("Faulted")) || ts.is(QLatin1String("FailedInputValidation"))) {
        s.state = S::State::Failed;
        s.subState = S::SubState::Completed;
    } else if (ts.is(QLatin1String("Canceled"))) {
        s.state = S::State::Canceled;
        s.subState = S::SubState::Completed;
    } else if (ts.is(QLatin1String("Queued"))) {
        s.state = S::State::InProgress;
        s.subState = S::SubState::Preparing;
    } else if (ts.is(QLatin1String("Running"))) {
        s.state = S::State::InProgress;
        if (ml && ml->state.is(QLatin1String("VALIDATING")))
            s.subState = S::SubState::Validating;
        else if (ml && ml->state.is(QLatin1String("COMPLETE")))
            s.subState = S::SubState::Completed;
        else if (ml && ml->state.is(QLatin1String("FAILED")))
            s.state = S::State::Failed, s.subState = S::SubState::Completed;
        else if (allDbs(S::ItemState::ReadyForCutover)) {
            s.state = S::State::WaitingForUser;
            s.subState = S::SubState::ReadyForCutover;
            s.requiredAction = QStringLiteral("cutover");
        } else if (anyDb(S::ItemState::CuttingOver))
            s.subState = S::SubState::CuttingOver;
        else if (anyDb(S::ItemState::Canceling))
            s.subState = S::SubState::Canceling;
        else if (anyDb(S::ItemState::Copying))
            s.subState = S::SubState::CopyingData;
        else if (anyDb(S::ItemState::Replicating) || anyDb(S::ItemState::ReadyForCutover))
            s.subState = S::SubState::Replicating;
        else if (ml && ml->state.is(QLatin1String("ACTION_REQUIRED")))
            s.state = S::State::WaitingForUser, s.subState = S::SubState::WaitingForInput;
        else
            s.subState = S::SubState::Preparing;
    } else if (ts.isEmpty()) {
        s.state = S::State::NotStarted;
    } else {
        s.state = S::State::Unknown;
        s.subState = S::SubState::Unknown;
    }
    s.recomputeTotals();
    return s;
}

} // namespace fm::migration
