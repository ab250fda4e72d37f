// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/armstatusmapper.h"

#include "engine/migration/databasecounters.h"

#include <algorithm>

namespace fm::migration {

using S = MigrationStatus;

namespace {

S::State mapState(const arm::MigrationState &s)
{
    if (s.isEmpty())
        return S::State::NotStarted;
    if (s.is(QLatin1String("InProgress")) || s.is(QLatin1String("CleaningUp")))
        return S::State::InProgress;
    if (s.is(QLatin1String("WaitingForUserAction")))
        return S::State::WaitingForUser;
    if (s.is(QLatin1String("Succeeded")))
        return S::State::Succeeded;
    if (s.is(QLatin1String("Failed")))
        return S::State::Failed;
    if (s.is(QLatin1String("Canceled")))
        return S::State::Canceled;
    if (s.is(QLatin1String("ValidationFailed")))
        return S::State::ValidationFailed;
    return S::State::Unknown;
}

// The PATCH each waiting substate asks for (§1.12 item 5).
struct SubStateMap {
    const char *raw;
    S::SubState sub;
    const char *action;
};
const SubStateMap kSubStates[] = {
    {"PerformingPreRequisiteSteps", S::SubState::Preparing, ""},
    {"WaitingForLogicalReplicationSetupRequestOnSourceDB", S::SubState::WaitingForInput, "setup-replication"},
    {"WaitingForDBsToMigrateSpecification", S::SubState::WaitingForInput, "db-names"},
    {"WaitingForTargetDBOverwriteConfirmation", S::SubState::WaitingForInput, "overwrite-dbs"},
    {"WaitingForDataMigrationScheduling", S::SubState::WaitingForInput, "start-data-migration"},
    {"WaitingForDataMigrationWindow", S::SubState::WaitingForInput, "start-data-migration"},
    {"MigratingData", S::SubState::CopyingData, ""},
    {"WaitingForCutoverTrigger", S::SubState::ReadyForCutover, "cutover"},
    {"CompletingMigration", S::SubState::CuttingOver, ""},
    {"Completed", S::SubState::Completed, ""},
    {"CancelingRequestedDBMigrations", S::SubState::Canceling, ""},
    {"ValidationInProgress", S::SubState::Validating, ""},
};

bool fullLoadDone(const arm::DbMigrationDetails &d)
{
    return d.fullLoadCompletedTables.value_or(0) > 0 && d.fullLoadQueuedTables.value_or(0) == 0 && d.fullLoadLoadingTables.value_or(0) == 0;
}

S::ItemState mapDbState(const arm::DbMigrationDetails &d, bool online)
{
    const auto &s = d.migrationState;
    if (s.is(QLatin1String("InProgress")))
        return online && fullLoadDone(d) ? S::ItemState::Replicating : S::ItemState::Copying;
    if (s.is(QLatin1String("WaitingForCutoverTrigger")))
        return S::ItemState::ReadyForCutover;
    if (s.is(QLatin1String("Failed")))
        return S::ItemState::Failed;
    if (s.is(QLatin1String("Canceled")))
        return S::ItemState::Canceled;
    if (s.is(QLatin1String("Succeeded")))
        return S::ItemState::Succeeded;
    if (s.is(QLatin1String("Canceling")))
        return S::ItemState::Canceling;
    return S::ItemState::Unknown;
}

S::ItemState dbStateFromMigration(S::State state, S::SubState sub)
{
    switch (state) {
    case S::State::Succeeded:
        return S::ItemState::Succeeded;
    case S::State::Failed:
    case S::State::ValidationFailed:
        return S::ItemState::Failed;
    case S::State::Canceled:
        return S::ItemState::Canceled;
    case S::State::NotStarted:
        return S::ItemState::Pending;
    default:
        break;
    }
    switch (sub) {
    case S::SubState::CopyingData:
        return S::ItemState::Copying;
    case S::SubState::Replicating:
        return S::ItemState::Replicating;
    case S::SubState::ReadyForCutover:
        return S::ItemState::ReadyForCutover;
    case S::SubState::CuttingOver:
        return S::ItemState::CuttingOver;
    case S::SubState::Canceling:
        return S::ItemState::Canceling;
    case S::SubState::Preparing:
    case S::SubState::Validating:
    case S::SubState::WaitingForInput:
        return S::ItemState::Preparing;
    default:
        return S::ItemState::Unknown;
    }
}

} // namespace

MigrationStatus statusFromArmMigration(const arm::MigrationResource &m, const QDateTime &observedAt)
{
    S s;
    s.backend = QStringLiteral("service");
    s.migrationName = m.displayName();
    s.observedAt = observedAt;
    const auto &cs = m.currentStatus;
    s.rawState = cs.state.toString();
    s.rawSubState = cs.subState.toString();
    s.state = mapState(cs.state);
    if (cs.state.is(QLatin1String("CleaningUp"))) {
        s.subState = S::SubState::CleaningUp;
    } else if (cs.subState.isEmpty()) {
        s.subState = S::SubState::None;
    } else {
        s.subState = S::SubState::Unknown;
        for (const auto &e : kSubStates)
            if (cs.subState.is(QLatin1String(e.raw))) {
                s.subState = e.sub;
                s.requiredAction = QString::fromLatin1(e.action);
            }
    }
    const bool online = m.mode.is(QLatin1String("Online"));

    // dbDetails first (2023+), then databases that have no details yet (and every database in 2021).
    for (auto it = cs.dbDetails.begin(); it != cs.dbDetails.end(); ++it) {
        const auto &d = it.value();
        S::DatabaseProgress p;
        p.name = d.databaseName;
        detail::copyDatabaseCounters(d, p);
        p.state = mapDbState(d, online);
        p.lag.seconds = d.latencySeconds;
        p.message = d.message;
        if (p.state == S::ItemState::Failed && !d.message.isEmpty())
            s.errors.append({d.message, d.migrationOperation, {}, p.name, {}, d.endedOn});
        s.databases.append(p);
    }
    for (const auto &name : m.dbsToMigrate) {
        if (s.database(name))
            continue;
        S::DatabaseProgress p;
        p.name = name;
        p.state = dbStateFromMigration(s.state, s.subState);
        s.databases.append(p);
    }
    // MigratingData covers copy and change capture; once every database copies changes, say so.
    if (s.subState == S::SubState::CopyingData && !s.databases.isEmpty()
        && std::all_of(s.databases.begin(), s.databases.end(), [](const S::DatabaseProgress &d) { return d.state == S::ItemState::Replicating; }))
        s.subState = S::SubState::Replicating;

    if (!cs.error.trimmed().isEmpty()) {
        // Per-database messages are already listed; keep the migration-level text unless it repeats one.
        bool repeated = false;
        for (const auto &e : s.errors)
            repeated = repeated || e.message.trimmed() == cs.error.trimmed();
        if (!repeated)
            s.errors.prepend({cs.error.trimmed(), {}, {}, {}, {}, m.windowEnd});
    }
    if (cs.validation) {
        auto addItems = [&](const QList<arm::ValidationSummaryItem> &items, const QString &db) {
            for (const auto &i : items) {
                if (!i.state.is(QLatin1String("Failed")))
                    continue;
                QStringList texts;
                for (const auto &msg : i.messages)
                    texts << msg.message;
                s.errors.append({texts.isEmpty() ? QStringLiteral("%1 failed.").arg(i.type) : texts.join(QLatin1Char(' ')), i.type, {}, db, {}, cs.validation->endedOn});
            }
        };
        addItems(cs.validation->serverLevel, {});
        for (const auto &d : cs.validation->dbLevel)
            addItems(d.summary, d.databaseName);
    }
    s.startedOn = m.windowStart;
    if (s.isTerminal())
        s.endedOn = m.windowEnd;
    s.recomputeTotals();
    return s;
}

} // namespace fm::migration
