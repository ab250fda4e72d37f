// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/migrationviewmodel.h"

#include "app/dashboard/tableprogressmodel.h"
#include "engine/core/job.h"
#include "engine/core/logging.h"

#include <QLocale>

namespace fm::dashboard {

using migration::MigrationStatus;
using S = MigrationStatus;

namespace {

/** At one sample per status change (4/s at most for the direct backend) this keeps well over an hour. */
constexpr int kMaxSamples = 20000;

QString stateText(const S &s)
{
    QString t = toString(s.state);
    if (s.subState != S::SubState::None)
        t += QStringLiteral(" / ") + (s.subState == S::SubState::Unknown && !s.rawSubState.isEmpty() ? s.rawSubState : toString(s.subState));
    if (s.state == S::State::Unknown && !s.rawState.isEmpty())
        t += QStringLiteral(" (%1)").arg(s.rawState);
    return t;
}

QString defaultOperator()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown user") : user;
}

} // namespace

MigrationViewModel::MigrationViewModel(QString id, migration::MigrationBackend *backend, QObject *parent)
    : QObject(parent), m_id(std::move(id)), m_backend(backend), m_operator(defaultOperator()), m_tables(new TableProgressModel(this))
{
    m_tables->setValidationLookup([this](const QString &db, const QString &table) { return tableValidation(db, table); });
    if (m_backend) {
        connect(m_backend, &migration::MigrationBackend::statusChanged, this, &MigrationViewModel::onStatus);
        if (m_backend->status().state != S::State::Unknown || !m_backend->status().databases.isEmpty())
            onStatus(m_backend->status());
    }
}

MigrationViewModel::MigrationViewModel(QString id, std::function<migration::MigrationBackend *()> backendLookup, const S &initial, QObject *parent)
    : QObject(parent), m_id(std::move(id)), m_lookup(std::move(backendLookup)), m_operator(defaultOperator()), m_tables(new TableProgressModel(this))
{
    m_tables->setValidationLookup([this](const QString &db, const QString &table) { return tableValidation(db, table); });
    onStatus(initial);
}

MigrationViewModel::~MigrationViewModel() = default;

migration::MigrationBackend *MigrationViewModel::backend() const
{
    return m_lookup ? m_lookup() : m_backend.data();
}

bool MigrationViewModel::isAzure() const
{
    return m_status.backend == QLatin1String("service") || m_status.backend == QLatin1String("dms");
}

bool MigrationViewModel::canResume() const
{
    auto *b = backend();
    // An Azure migration that ended needs no sign-in to be shown as it ended.
    if (isAzure())
        return m_resumer && !b && !m_status.isTerminal();
    return m_resumer && (!b || (b->isFinished() && !m_status.isTerminal()));
}

void MigrationViewModel::resume()
{
    if (!canResume())
        return;
    // An Azure migration is not resumed but followed again once the app is signed in.
    const bool azure = isAzure();
    addTimeline((azure ? tr("Sign-in to Azure requested by %1") : tr("Resume requested by %1")).arg(m_operator));
    QPointer<MigrationViewModel> self(this);
    m_resumer([self, azure](Expected<void> r) {
        if (!self)
            return;
        self->setLastAction(azure ? tr("Sign-in to Azure") : tr("Resume"), r);
        emit self->cutoverStateChanged();
    });
}

QString MigrationViewModel::title() const
{
    if (!m_status.migrationName.isEmpty())
        return m_status.migrationName;
    if (m_spec)
        return m_spec->name;
    return m_id;
}

void MigrationViewModel::setSpec(const migration::MigrationSpec &spec)
{
    m_spec = spec;
    // A migration that had succeeded before this model got its spec (listed after a restart): the checklist names the servers now.
    if (m_checklist && !m_checklistTouched && !m_checklistJob)
        buildChecklist();
}

void MigrationViewModel::setValidationEndpoints(const pg::ConnectionParams &source, const pg::ConnectionParams &target)
{
    m_validationSource = source;
    m_validationTarget = target;
    emit validationChanged();
}

bool MigrationViewModel::canValidate() const
{
    return m_validationSource && m_validationTarget && !isValidating() && !m_status.databases.isEmpty();
}

void MigrationViewModel::setLagThresholdSeconds(qint64 s)
{
    m_lagThresholdSeconds = s;
    emit cutoverStateChanged();
}

void MigrationViewModel::setLagThresholdBytes(qint64 b)
{
    m_lagThresholdBytes = b;
    emit cutoverStateChanged();
}

void MigrationViewModel::onStatus(const S &status)
{
    const S previous = m_status;
    m_status = status;
    if (!m_status.observedAt.isValid())
        m_status.observedAt = QDateTime::currentDateTimeUtc();

    // Throughput from the difference to the previous observation (the backends report cumulative counters).
    Sample sample;
    sample.time = m_status.observedAt;
    sample.lagSeconds = m_status.lag.seconds;
    sample.lagBytes = m_status.lag.bytes;
    if (!m_samples.isEmpty()) {
        const Sample &last = m_samples.last();
        const double dt = last.time.msecsTo(sample.time) / 1000.0;
        if (dt > 0.05) {
            auto delta = [](std::optional<qint64> now, std::optional<qint64> before) { return double(std::max<qint64>(0, now.value_or(0) - before.value_or(0))); };
            sample.rowsPerSecond = delta(m_status.totals.fullLoadRows, previous.totals.fullLoadRows) / dt;
            sample.bytesPerSecond = delta(m_status.totals.fullLoadBytes, previous.totals.fullLoadBytes) / dt;
            sample.changesPerSecond = delta(m_status.totals.appliedChanges, previous.totals.appliedChanges) / dt;
        } else {
            // Two observations in the same instant: keep the newer values, not a second point.
            sample.rowsPerSecond = last.rowsPerSecond;
            sample.bytesPerSecond = last.bytesPerSecond;
            sample.changesPerSecond = last.changesPerSecond;
            m_samples.removeLast();
        }
    }
    m_samples.append(sample);
    if (m_samples.size() > kMaxSamples)
        m_samples.remove(0, m_samples.size() - kMaxSamples);

    // Per-database copy rate and ETA: smoothed rate over the observations (remaining rows / rate).
    for (const auto &d : m_status.databases) {
        const qint64 rows = d.counters.fullLoadRows.value_or(0);
        DatabaseRate rate = m_rates.value(d.name);
        auto last = m_lastRows.find(d.name);
        if (last != m_lastRows.end()) {
            const double dt = last->first.msecsTo(m_status.observedAt) / 1000.0;
            if (dt > 0.05) {
                const double now = std::max<qint64>(0, rows - last->second) / dt;
                rate.rowsPerSecond = rate.rowsPerSecond <= 0 ? now : 0.7 * rate.rowsPerSecond + 0.3 * now;
            }
        }
        m_lastRows.insert(d.name, {m_status.observedAt, rows});
        const bool copying = d.state == S::ItemState::Copying || d.state == S::ItemState::Preparing || d.tablesQueued.value_or(0) > 0 || d.tablesLoading.value_or(0) > 0;
        const std::optional<qint64> remaining = remainingRows(d);
        if (!copying)
            rate.etaSeconds = 0;
        else if (rate.rowsPerSecond > 0 && remaining && *remaining > 0)
            rate.etaSeconds = qint64(*remaining / rate.rowsPerSecond);
        else
            rate.etaSeconds.reset();
        m_rates.insert(d.name, rate);
    }

    if (previous.state != m_status.state || previous.subState != m_status.subState || m_timeline.isEmpty()) {
        TimelineEntry e;
        e.time = m_status.observedAt;
        e.state = m_status.state;
        e.subState = m_status.subState;
        e.text = stateText(m_status);
        m_timeline.append(e);
        emit timelineChanged();
    }
    if (m_cutover && m_status.state == S::State::Succeeded && !m_cutover->completedAt.isValid()) {
        m_cutover->completedAt = m_status.endedOn.isValid() ? m_status.endedOn : m_status.observedAt;
        for (auto &c : m_earlierCutovers)
            if (c.accepted && !c.completedAt.isValid())
                c.completedAt = m_cutover->completedAt;
    }

    // Desktop notifications: once each (issue 7).
    if (m_status.isReadyForCutover() && m_status.state == S::State::WaitingForUser && !m_notifiedReady) {
        m_notifiedReady = true;
        emit notify(QStringLiteral("ready"), tr("%1 is ready for cutover").arg(title()),
                    tr("Every database finished its initial copy and streams changes."));
    }
    if (m_status.isTerminal() && !m_notifiedEnd) {
        m_notifiedEnd = true;
        if (m_status.state == S::State::Succeeded)
            emit notify(QStringLiteral("completed"), tr("%1 completed").arg(title()), tr("The migration finished; the target has the data."));
        else if (m_status.state != S::State::Canceled)
            emit notify(QStringLiteral("failed"), tr("%1 failed").arg(title()),
                        m_status.errors.isEmpty() ? stateText(m_status) : errorText(m_status.errors.first()));
    }

    if (m_status.state == S::State::Succeeded && !m_checklist)
        buildChecklist();

    m_tables->setStatus(m_status);
    emit samplesChanged();
    emit statusChanged();
    emit cutoverStateChanged();
}

void MigrationViewModel::addTimeline(const QString &text)
{
    TimelineEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.state = m_status.state;
    e.subState = m_status.subState;
    e.text = text;
    m_timeline.append(e);
    emit timelineChanged();
}

// --- cutover -----------------------------------------------------------------

bool MigrationViewModel::isDatabaseReady(const QString &database) const
{
    const auto *d = m_status.database(database);
    if (!d || d->state != S::ItemState::ReadyForCutover)
        return false;
    if (d->tablesQueued.value_or(0) > 0 || d->tablesLoading.value_or(0) > 0 || d->tablesErrored.value_or(0) > 0)
        return false;
    if (d->lag.seconds && *d->lag.seconds > m_lagThresholdSeconds)
        return false;
    if (d->lag.bytes && *d->lag.bytes > m_lagThresholdBytes)
        return false;
    return true;
}

QString MigrationViewModel::cutoverBlocker(const QStringList &databases) const
{
    auto *b = backend();
    if (!b)
        return isAzure() ? tr("Not followed yet: sign in to Azure first (File ▸ Sign in to Azure…).") : tr("The migration is not attached (resume it first).");
    if (m_cutoverPending || b->isCutoverInFlight())
        return tr("A cutover request is already on its way.");
    if (m_status.isTerminal())
        return tr("The migration has ended (%1).").arg(stateText(m_status));
    // Accepted already: a click between the answer and the next poll (which shows the cutover running) sends nothing.
    for (const QString &name : databases.isEmpty() ? m_cutoverAccepted : databases)
        if (m_cutoverAccepted.contains(name))
            return tr("The cutover of %1 was accepted already.").arg(name);
    auto databaseBlocker = [this](const S::DatabaseProgress &d) -> QString {
        if (d.state == S::ItemState::Failed)
            return tr("Database %1 failed.").arg(d.name);
        if (d.tablesQueued.value_or(0) > 0 || d.tablesLoading.value_or(0) > 0 || d.state == S::ItemState::Copying || d.state == S::ItemState::Pending
            || d.state == S::ItemState::Preparing)
            return tr("Database %1 is still copying its initial data.").arg(d.name);
        if (d.lag.seconds && *d.lag.seconds > m_lagThresholdSeconds)
            return tr("Database %1 lags %2 behind the source (the limit is %3).").arg(d.name, formatDuration(*d.lag.seconds), formatDuration(m_lagThresholdSeconds));
        if (d.lag.bytes && *d.lag.bytes > m_lagThresholdBytes)
            return tr("Database %1 lags %2 behind the source (the limit is %3).").arg(d.name, formatBytes(*d.lag.bytes), formatBytes(m_lagThresholdBytes));
        if (d.state != S::ItemState::ReadyForCutover)
            return tr("Database %1 is not ready for cutover yet (%2).").arg(d.name, d.rawState.isEmpty() ? toString(d.state) : d.rawState);
        return {};
    };
    if (!databases.isEmpty()) {
        if (!supportsPerDatabaseCutover())
            return tr("This backend cuts over every database at once.");
        for (const QString &name : databases) {
            const auto *d = m_status.database(name);
            if (!d)
                return tr("Database %1 is not part of this migration.").arg(name);
            if (const QString why = databaseBlocker(*d); !why.isEmpty())
                return why;
        }
        return {};
    }
    if (m_status.subState == S::SubState::CuttingOver)
        return tr("The cutover is running.");
    if (m_status.databases.isEmpty())
        return tr("No database has reported progress yet.");
    for (const auto &d : m_status.databases)
        if (const QString why = databaseBlocker(d); !why.isEmpty())
            return why;
    if (!m_status.isReadyForCutover() || m_status.state != S::State::WaitingForUser)
        return tr("The backend does not wait for a cutover yet (%1).").arg(stateText(m_status));
    return {};
}

bool MigrationViewModel::canCutover(const QStringList &databases) const
{
    return cutoverBlocker(databases).isEmpty();
}

bool MigrationViewModel::supportsPerDatabaseCutover() const
{
    // The direct engine switches every database at once (DirectBackend refuses subsets); the
    // Azure service takes dbsToTriggerCutoverOn (reference/azure-api.md).
    auto *b = backend();
    return b && b->name() != QLatin1String("direct");
}

QString MigrationViewModel::cutoverConfirmationText(const QStringList &databases) const
{
    QStringList lines;
    const QStringList names = databases.isEmpty() ? [this] {
        QStringList all;
        for (const auto &d : m_status.databases)
            all << d.name;
        return all;
    }() : databases;
    lines << tr("Cut over %1 to the target now?").arg(names.join(QStringLiteral(", ")));
    for (const QString &n : names) {
        const auto *d = m_status.database(n);
        if (!d)
            continue;
        lines << tr("• %1: lag %2 / %3, %4 changes pending")
                     .arg(n, d->lag.seconds ? formatDuration(*d->lag.seconds) : tr("unknown"), d->lag.bytes ? formatBytes(*d->lag.bytes) : tr("unknown"),
                          d->counters.incomingChanges ? QLocale().toString(*d->counters.incomingChanges) : tr("no"));
    }
    lines << tr("Pending changes are applied first; stop the application's writes to the source before you go on. "
                "Replication objects are dropped on both servers afterwards.");
    return lines.join(QLatin1Char('\n'));
}

bool MigrationViewModel::requestCutover(const QStringList &databases)
{
    // Refuse locally: a second click while the first is pending sends nothing (issue 7).
    if (!canCutover(databases))
        return false;
    m_cutoverPending = true;
    ++m_cutoverRequests;
    CutoverRecord record;
    record.requestedAt = QDateTime::currentDateTimeUtc();
    record.requestedBy = m_operator;
    record.databases = databases;
    record.lagAtRequest = m_status.lag;
    record.pendingChanges = m_status.totals.incomingChanges;
    if (m_cutover)
        m_earlierCutovers << *m_cutover;
    m_cutover = record;
    addTimeline(tr("Cutover requested by %1").arg(m_operator));
    emit cutoverStateChanged();
    QPointer<MigrationViewModel> self(this);
    backend()->cutover(databases, [self](Expected<void> result) {
        if (!self)
            return;
        self->m_cutoverPending = false;
        self->m_cutover->answered = true;
        self->m_cutover->accepted = result.has_value();
        if (result) {
            if (self->m_cutover->databases.isEmpty())
                for (const auto &d : self->m_status.databases)
                    self->m_cutoverAccepted << d.name;
            else
                self->m_cutoverAccepted << self->m_cutover->databases;
        }
        if (!result)
            self->m_cutover->refusal = result.error().message;
        self->addTimeline(result ? tr("Cutover accepted") : tr("Cutover refused: %1").arg(result.error().message));
        self->setLastAction(tr("Cutover"), result);
        emit self->cutoverStateChanged();
    });
    return true;
}

// --- cancel / delete -----------------------------------------------------------

QList<MigrationViewModel::CutoverRecord> MigrationViewModel::cutoverHistory() const
{
    QList<CutoverRecord> all = m_earlierCutovers;
    if (m_cutover)
        all << *m_cutover;
    return all;
}

bool MigrationViewModel::isDirect() const
{
    if (auto *b = backend())
        return b->name() == QLatin1String("direct");
    return m_status.backend == QLatin1String("direct");
}

bool MigrationViewModel::canCancel() const
{
    return backend() && !m_status.isTerminal();
}

QString MigrationViewModel::cancelConfirmationText() const
{
    if (isDirect())
        return tr("Cancel %1?\nThe copy and change capture stop; the replication slot, publication and subscription are dropped on both servers. "
                  "Data already copied stays on the target.").arg(title());
    return tr("Cancel %1?\nThe service stops the migration and removes its replication objects. Data already copied stays on the target.").arg(title());
}

QString MigrationViewModel::removeConfirmationText() const
{
    QString what;
    if (isDirect())
        what = tr("A running migration is cancelled first (replication objects dropped); then its journal is deleted and it leaves this list.");
    else
        what = tr("The migration resource is deleted in Azure (a running one is cancelled first), and it leaves this list.");
    return tr("Delete %1?\n%2 Neither database is deleted.").arg(title(), what);
}

void MigrationViewModel::cancel()
{
    auto *b = backend();
    if (!b)
        return;
    addTimeline(tr("Cancel requested by %1").arg(m_operator));
    QPointer<MigrationViewModel> self(this);
    b->cancel([self](Expected<void> r) {
        if (self)
            self->setLastAction(tr("Cancel"), r);
    });
}

void MigrationViewModel::remove()
{
    auto *b = backend();
    if (!b && !m_remover)
        return;
    QPointer<MigrationViewModel> self(this);
    auto done = [self](Expected<void> r) {
        if (!self)
            return;
        self->setLastAction(tr("Delete"), r);
        if (r)
            emit self->removed();
    };
    if (m_remover)
        m_remover(done);
    else
        b->remove(done);
}

void MigrationViewModel::setLastAction(const QString &action, const Expected<void> &result)
{
    // A dialog the user closed is not a failure.
    m_lastAction = result                              ? tr("%1 accepted.").arg(action)
                   : result.error().isCancelled() ? tr("%1 cancelled.").arg(action)
                                                  : tr("%1 failed: %2").arg(action, result.error().toDisplayString());
    emit actionFinished(action, result.has_value(), m_lastAction);
}

// --- validation ------------------------------------------------------------------

void MigrationViewModel::validate(bool checksums)
{
    if (!canValidate())
        return;
    QStringList databases;
    for (const auto &d : m_status.databases)
        databases << d.name;
    const pg::ConnectionParams source = *m_validationSource;
    const pg::ConnectionParams target = *m_validationTarget;
    migration::ValidationOptions options;
    options.checksums = checksums;
    // Blocking libpq work on its own thread (DESIGN.md: the UI thread never blocks).
    auto *job = new ThreadJob<QList<migration::DatabaseValidation>>([=](CancelToken &cancel) -> Expected<QList<migration::DatabaseValidation>> {
        QList<migration::DatabaseValidation> out;
        for (const QString &db : databases) {
            auto v = migration::validateDatabase(source.withDatabase(db), target.withDatabase(db), options, &cancel);
            if (!v)
                return fail(v.error());
            // The direct engine's heartbeat schema is left out by validateDatabase itself (ValidationOptions::skipHeartbeatSchema).
            out << *v;
        }
        return out;
    }, this);
    m_validationJob = job;
    m_validationError.clear();
    emit validationChanged();
    connect(job, &Job::finished, this, [this, job] {
        m_validationJob = nullptr;
        if (job->error()) {
            m_validationError = job->error()->toDisplayString();
        } else {
            m_validation = job->result();
            m_validatedAt = QDateTime::currentDateTimeUtc();
        }
        int differing = 0;
        for (const auto &d : m_validation)
            differing += d.differingTables();
        addTimeline(job->error() ? tr("Validation failed: %1").arg(m_validationError)
                                 : tr("Validated: %n table(s) differ", nullptr, differing));
        job->deleteLater();
        m_tables->refreshValidation();
        if (m_checklist && !job->error()) {
            bool equal = true;
            for (const auto &d : m_validation)
                equal = equal && d.equal();
            m_checklist->setValidationResult(equal);
            emit checklistChanged();
        }
        emit validationChanged();
    });
    job->start();
}

std::optional<bool> MigrationViewModel::tableValidation(const QString &database, const QString &table) const
{
    for (const auto &d : m_validation) {
        if (d.database != database)
            continue;
        for (const auto &t : d.tables)
            if (t.qualifiedName() == table || t.schema + QLatin1Char('.') + t.name == table)
                return t.equal();
    }
    return std::nullopt;
}

// --- post-cutover checklist ---------------------------------------------------------

namespace {

/** The server behind an endpoint: its host, or for an Azure resource id the host name Azure gives it. */
pg::ConnectionParams endpointParams(const migration::ServerEndpoint &e)
{
    pg::ConnectionParams p;
    p.host = e.host;
    p.port = e.port;
    p.user = e.user;
    p.sslmode = e.sslMode;
    if (p.host.isEmpty() && !e.resourceId.isEmpty())
        p.host = e.resourceId.section(QLatin1Char('/'), -1) + QStringLiteral(".postgres.database.azure.com");
    return p;
}

} // namespace

void MigrationViewModel::buildChecklist()
{
    carryover::ChecklistContext c;
    if (m_validationSource && m_validationTarget) {
        c.source = *m_validationSource;
        c.target = *m_validationTarget;
    } else if (m_spec) {
        c.source = endpointParams(m_spec->source);
        c.target = endpointParams(m_spec->target);
    }
    for (const auto &d : m_status.databases)
        c.databases << d.name;
    if (m_spec) {
        // Single Server ids are .../Microsoft.DBforPostgreSQL/servers/<name> (flexibleServers otherwise).
        c.singleServerSource = m_spec->source.resourceId.contains(QLatin1String("/servers/"), Qt::CaseInsensitive);
        if (c.singleServerSource)
            c.sourceServerName = m_spec->source.resourceId.section(QLatin1Char('/'), -1);
        if (!m_spec->aadApp.useAzureCli)
            c.aadClientId = m_spec->aadApp.clientId;
    }
    if (m_validatedAt.isValid()) {
        bool equal = true;
        for (const auto &d : m_validation)
            equal = equal && d.equal();
        c.validationEqual = equal;
    }
    m_checklist.emplace(std::move(c));
    emit checklistChanged();
}

bool MigrationViewModel::canVerifyChecklist() const
{
    return m_checklist && m_validationSource && m_validationTarget && !m_checklistJob;
}

void MigrationViewModel::verifyChecklist()
{
    if (!canVerifyChecklist())
        return;
    // The endpoints may have come after the checklist was built: verify against them.
    carryover::ChecklistContext c = m_checklist->context();
    c.source = *m_validationSource;
    c.target = *m_validationTarget;
    carryover::PostCutoverChecklist list(c);
    for (const auto &i : m_checklist->items())
        if (i.manual && i.verified)
            list.confirm(i.id);
    auto *job = new ThreadJob<carryover::PostCutoverChecklist>([list](CancelToken &cancel) mutable -> Expected<carryover::PostCutoverChecklist> {
        auto r = list.verifyAll(&cancel);
        if (!r)
            return fail(r.error());
        return list;
    }, this);
    m_checklistJob = job;
    m_checklistTouched = true;
    m_checklistError.clear();
    emit checklistChanged();
    connect(job, &Job::finished, this, [this, job] {
        m_checklistJob = nullptr;
        if (job->error())
            m_checklistError = job->error()->toDisplayString();
        else
            m_checklist = job->result();
        job->deleteLater();
        emit checklistChanged();
    });
    job->start();
}

void MigrationViewModel::confirmChecklistItem(carryover::ChecklistItem::Id id, bool done)
{
    if (!m_checklist)
        return;
    m_checklist->confirm(id, done);
    m_checklistTouched = true;
    emit checklistChanged();
}

// --- history -----------------------------------------------------------------------

QList<MigrationViewModel::Phase> MigrationViewModel::phases() const
{
    QList<Phase> out;
    for (const auto &e : m_timeline) {
        // Actions (cutover requested...) are timeline notes, not phases.
        const QString name = e.subState != S::SubState::None ? toString(e.subState) : toString(e.state);
        if (!out.isEmpty() && out.last().name == name)
            continue;
        if (e.text.startsWith(QLatin1String("Cutover")) || e.text.startsWith(QLatin1String("Cancel")) || e.text.startsWith(QLatin1String("Validat")))
            continue;
        if (!out.isEmpty())
            out.last().end = e.time;
        out.append({name, e.time, {}});
    }
    if (!out.isEmpty() && m_status.isTerminal())
        out.last().end = out.last().start;
    return out;
}

namespace {

bool unfinished(S::ItemState s)
{
    return s == S::ItemState::Pending || s == S::ItemState::Preparing || s == S::ItemState::Copying || s == S::ItemState::Unknown;
}

} // namespace

std::optional<qint64> MigrationViewModel::remainingRows(const S::DatabaseProgress &d)
{
    qint64 remaining = 0;
    for (const auto &t : d.tables) {
        if (!unfinished(t.state))
            continue;
        const qint64 copied = t.counters.fullLoadRows.value_or(0);
        // No estimate (never analysed: reltuples unknown) or one already passed: rows cannot tell how far we are.
        if (!t.totalRows || *t.totalRows <= 0 || (t.state == S::ItemState::Copying && *t.totalRows <= copied && copied > 0))
            return std::nullopt;
        remaining += std::max<qint64>(0, *t.totalRows - copied);
    }
    return remaining;
}

double MigrationViewModel::copyFraction(const S::DatabaseProgress &d)
{
    const qint64 queued = d.tablesQueued.value_or(0), loading = d.tablesLoading.value_or(0), completed = d.tablesCompleted.value_or(0),
                 errored = d.tablesErrored.value_or(0);
    if (d.state == S::ItemState::Succeeded || d.state == S::ItemState::ReadyForCutover || d.state == S::ItemState::Replicating
        || d.state == S::ItemState::CuttingOver || (queued == 0 && loading == 0 && completed > 0))
        return 1.0;
    if (const auto remaining = remainingRows(d); remaining && !d.tables.isEmpty()) {
        qint64 copied = 0;
        for (const auto &t : d.tables)
            copied += t.counters.fullLoadRows.value_or(0);
        if (copied + *remaining > 0)
            return std::min(1.0, double(copied) / double(copied + *remaining));
    }
    const qint64 all = queued + loading + completed + errored;
    return all > 0 ? std::min(1.0, (completed + 0.5 * loading) / double(all)) : 0.0;
}

QString MigrationViewModel::errorText(const S::ErrorInfo &e)
{
    QString t = e.message;
    QStringList where;
    if (!e.database.isEmpty())
        where << tr("database %1").arg(e.database);
    if (!e.table.isEmpty())
        where << tr("table %1").arg(e.table);
    if (!where.isEmpty())
        t = where.join(QStringLiteral(", ")) + QStringLiteral(": ") + t;
    QStringList ids;
    if (!e.code.isEmpty())
        ids << tr("code %1").arg(e.code);
    if (!e.requestId.isEmpty())
        ids << tr("request id %1").arg(e.requestId);
    if (!ids.isEmpty())
        t += QStringLiteral(" (") + ids.join(QStringLiteral(", ")) + QLatin1Char(')');
    return t;
}

QString MigrationViewModel::formatBytes(qint64 bytes)
{
    return QLocale(QLocale::English).formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString MigrationViewModel::formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace fm::dashboard
