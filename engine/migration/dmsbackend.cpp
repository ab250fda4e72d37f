// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/dmsbackend.h"

#include "engine/arm/serverclients.h"
#include "engine/core/logging.h"
#include "engine/dms/dmsclient.h"
#include "engine/migration/dmsstatusmapper.h"

#include <QTimer>

#include <algorithm>

namespace fm::migration {

namespace {
using S = MigrationStatus;

auto log() { return fm::logging::get("engine.migration"); }

const QString kSingleType = QStringLiteral("Microsoft.DBforPostgreSQL/servers");
const QString kFlexibleType = QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers");

/** Deleting what is already gone is success (cleanup is retried after restarts). */
bool isGone(const Error &e) { return e.httpStatus == 404; }

/** Cleanup order (azure-api.md §4, DmsClient): task -> project -> service, then the firewall rules they needed. */
int deleteRank(const QString &id)
{
    auto r = arm::ResourceId::parse(id);
    if (!r)
        return 9;
    const QString t = r->resourceType();
    if (t.endsWith(QLatin1String("/tasks"), Qt::CaseInsensitive))
        return 0;
    if (t.endsWith(QLatin1String("/projects"), Qt::CaseInsensitive))
        return 1;
    if (t.compare(QLatin1String("Microsoft.DataMigration/services"), Qt::CaseInsensitive) == 0)
        return 2;
    return 3;
}

S::ErrorInfo errorInfo(const Error &e)
{
    return S::ErrorInfo{e.message, e.code, e.requestId, {}, {}, QDateTime::currentDateTimeUtc()};
}

// DMS resource names: letters, digits, '-', '_', '.' (azure-api.md §4.1); the migration name already is one.
QString dmsName(const QString &name)
{
    QString n;
    for (QChar c : name)
        n += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('-');
    return n.left(50);
}
} // namespace

DmsBackend::DmsBackend(const dms::DmsClient *client, MigrationSpec spec, StoredMigration record, QObject *parent)
    : MigrationBackend(parent)
    , m_client(client)
    , m_spec(std::move(spec))
    , m_record(std::move(record))
    , m_created(m_record.createdResources)
    , m_taskId(m_record.migrationResourceId)
    , m_timer(new QTimer(this))
{
    m_single = std::make_unique<arm::SingleServerClient>(client->httpClient(), client->profile());
    m_flexible = std::make_unique<arm::FlexibleServerClient>(client->httpClient(), client->profile());
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { poll(); });
}

DmsBackend::~DmsBackend() = default;

Expected<DmsBackend::Names> DmsBackend::namesFor(const MigrationSpec &spec)
{
    auto target = arm::ResourceId::parseOfType(spec.target.resourceId, kFlexibleType, QStringLiteral("The target server id"));
    if (!target)
        return fail(target.error());
    const QString base = dmsName(spec.name);
    Names n;
    // The DMS service lives in the target's subscription and resource group (and region: start()).
    n.service = dms::DmsClient::serviceId(target->subscriptionId(), target->resourceGroup(), base + QStringLiteral("-dms"));
    n.project = dms::DmsClient::projectId(n.service, base);
    n.task = dms::DmsClient::taskId(n.project, base);
    n.firewallRule = QStringLiteral("flexmigrate-dms-") + base;
    return n;
}

StoredMigration DmsBackend::record() const
{
    StoredMigration r = m_record;
    r.name = m_spec.name;
    r.backend = Backend::Dms;
    r.targetResourceId = m_spec.target.resourceId;
    r.migrationResourceId = m_taskId;
    r.apiVersion = m_client->apiVersion();
    r.databases = m_spec.databases;
    r.createdResources = m_created;
    if (status().state != S::State::Unknown)
        r.lastState = status().rawState;
    // While cleaning up the status reads CleaningUp: the outcome is kept so a restart mid-cleanup still reports it.
    if (m_outcome) {
        r.extra[QStringLiteral("dmsOutcome")] = toString(m_outcome->state);
        r.extra[QStringLiteral("dmsOutcomeRaw")] = m_outcome->rawState;
    }
    return r;
}

void DmsBackend::addCreated(const QString &id)
{
    if (m_created.contains(id, Qt::CaseInsensitive))
        return;
    m_created << id;
    emit recordChanged();
}

void DmsBackend::dropCreated(const QString &id)
{
    m_created.removeIf([&](const QString &x) { return x.compare(id, Qt::CaseInsensitive) == 0; });
    emit recordChanged();
}

void DmsBackend::setPhase(const QString &raw, const QString &message)
{
    S s = status();
    s.backend = name();
    s.migrationName = m_spec.name;
    s.state = S::State::InProgress;
    s.subState = S::SubState::Preparing;
    s.rawState = raw;
    s.rawSubState.clear();
    if (!s.startedOn.isValid())
        s.startedOn = QDateTime::currentDateTimeUtc();
    s.observedAt = QDateTime::currentDateTimeUtc();
    if (s.databases.isEmpty())
        for (const auto &db : m_spec.databases) {
            S::DatabaseProgress d;
            d.name = db;
            d.state = S::ItemState::Preparing;
            s.databases << d;
        }
    if (!message.isEmpty())
        log()->info("dms '{}': {}", m_spec.name, message);
    setStatus(s);
}

// ------------------------------------------------------------------ queue

void DmsBackend::enqueue(std::function<void(Release)> op)
{
    m_queue.push_back(std::move(op));
    runNext();
}

void DmsBackend::runNext()
{
    if (m_busy || m_queue.empty())
        return;
    m_busy = true;
    auto op = std::move(m_queue.front());
    m_queue.pop_front();
    QPointer<DmsBackend> self(this);
    op([self] {
        if (!self)
            return;
        // Next request from the event loop, never nested in a response handler.
        QMetaObject::invokeMethod(
            self,
            [self] {
                if (!self)
                    return;
                self->m_busy = false;
                self->runNext();
            },
            Qt::QueuedConnection);
    });
}

void DmsBackend::runSteps(std::shared_ptr<std::deque<Step>> steps, std::function<void(Expected<void>)> done, bool cancellable)
{
    if (steps->empty())
        return done({});
    if (cancellable && m_cancelRequested)
        return done(fail(Error::cancelled()));
    Step step = std::move(steps->front());
    steps->pop_front();
    QPointer<DmsBackend> self(this);
    enqueue([self, step = std::move(step), steps, done, cancellable](Release release) mutable {
        step([self, steps, done, release, cancellable](Expected<void> r) mutable {
            release();
            if (!self)
                return;
            if (!r)
                return done(r);
            self->runSteps(steps, std::move(done), cancellable);
        });
    });
}

// ------------------------------------------------------------------ start

void DmsBackend::start(const StartCredentials &credentials, ActionCallback done)
{
    auto refuse = [&](Error e) { deliverLater(std::move(done), fail(std::move(e))); };
    if (m_spec.backend != Backend::Dms)
        return refuse(Error::validation(QStringLiteral("WrongBackend"), QStringLiteral("The spec \"%1\" is for the %2 backend, not dms.").arg(m_spec.name, backendName(m_spec.backend))));
    if (auto ok = m_spec.check(); !ok)
        return refuse(ok.error());
    if (credentials.sourcePassword.isEmpty() || credentials.targetPassword.isEmpty())
        return refuse(Error::validation(QStringLiteral("MissingPassword"), QStringLiteral("DMS needs the source and the target administrator passwords for its task."),
                                        QStringLiteral("Give both passwords when starting.")));
    if (!m_created.isEmpty() || !m_taskId.isEmpty())
        return refuse(Error::validation(QStringLiteral("AlreadyStarted"), QStringLiteral("This DMS migration was already started.")));
    auto names = namesFor(m_spec);
    if (!names)
        return refuse(names.error());
    auto target = arm::ResourceId::parse(m_spec.target.resourceId);
    std::optional<arm::ResourceId> source;
    if (!m_spec.source.resourceId.isEmpty()) {
        auto s = arm::ResourceId::parse(m_spec.source.resourceId, QStringLiteral("The source server id"));
        if (!s)
            return refuse(s.error());
        if (!s->isType(kSingleType) && !s->isType(kFlexibleType))
            return refuse(Error::validation(QStringLiteral("UnsupportedSource"), QStringLiteral("The DMS backend migrates from a Single Server, a Flexible Server or a host name; \"%1\" is a %2.").arg(s->name(), s->resourceType())));
        source = *s;
    }

    // What the steps find out, shared along the chain.
    struct Ctx {
        QString location;
        dms::SyncTaskInput input;
    };
    auto ctx = std::make_shared<Ctx>();
    ctx->input.source.password = credentials.sourcePassword;
    ctx->input.target.password = credentials.targetPassword;
    ctx->input.source.userName = m_spec.source.user;
    ctx->input.target.userName = m_spec.target.user;
    for (const auto &db : m_spec.databases)
        ctx->input.databases << dms::SelectedDatabase{db, {}, {}};
    if (!source) {
        ctx->input.source.serverName = m_spec.source.host;
        ctx->input.source.port = m_spec.source.port;
        ctx->input.source.encryptConnection = m_spec.source.sslMode != QLatin1String("disable");
    }

    m_settingUp = true;
    setPhase(QStringLiteral("ReadingServers"), QStringLiteral("reading the servers"));
    auto steps = std::make_shared<std::deque<Step>>();
    const Names n = *names;
    const arm::ResourceId tgt = *target;
    steps->push_back([this, ctx, tgt](auto next) {
        m_flexible->getServer(tgt, this, [this, ctx, next](Expected<arm::FlexibleServer> s) {
            if (!s)
                return next(fail(s.error()));
            ctx->location = m_spec.location.isEmpty() ? s->location : m_spec.location;
            ctx->input.target.serverName = s->fullyQualifiedDomainName;
            if (ctx->input.target.userName.isEmpty())
                ctx->input.target.userName = s->administratorLogin;
            next({});
        });
    });
    if (source) {
        const arm::ResourceId src = *source;
        steps->push_back([this, ctx, src](auto next) {
            if (src.isType(kFlexibleType)) {
                m_flexible->getServer(src, this, [ctx, next](Expected<arm::FlexibleServer> s) {
                    if (!s)
                        return next(fail(s.error()));
                    ctx->input.source.serverName = s->fullyQualifiedDomainName;
                    if (ctx->input.source.userName.isEmpty())
                        ctx->input.source.userName = s->administratorLogin;
                    next({});
                });
                return;
            }
            m_single->getServer(src, this, [ctx, next, src](Expected<arm::SingleServer> s) {
                if (!s)
                    return next(fail(s.error()));
                ctx->input.source.serverName = s->fullyQualifiedDomainName;
                QString user = ctx->input.source.userName.isEmpty() ? s->administratorLogin : ctx->input.source.userName;
                // Single Server logins are user@server (azure-api.md §4.3).
                if (!user.contains(QLatin1Char('@')))
                    user += QLatin1Char('@') + src.name();
                ctx->input.source.userName = user;
                next({});
            });
        });
        // Firewall rule for DMS on the source: "allow Azure services" (0.0.0.0), as the service does (seed line 33; azure-api.md firewall notes).
        steps->push_back([this, src, n](auto next) {
            const arm::ResourceId rule = src.child(QStringLiteral("firewallRules"), n.firewallRule);
            addCreated(rule.toString());
            setPhase(QStringLiteral("CreatingFirewallRules"), QStringLiteral("firewall rule on the source"));
            const arm::ServerResourcesClient *c = src.isType(kFlexibleType) ? static_cast<const arm::ServerResourcesClient *>(m_flexible.get()) : m_single.get();
            c->createOrUpdateFirewallRule(src, n.firewallRule, QStringLiteral("0.0.0.0"), QStringLiteral("0.0.0.0"), this,
                                          [next](Expected<arm::FirewallRule> r) { next(r ? Expected<void>{} : fail(r.error())); });
        });
    }
    steps->push_back([this, tgt, n](auto next) {
        const arm::ResourceId rule = tgt.child(QStringLiteral("firewallRules"), n.firewallRule);
        addCreated(rule.toString());
        setPhase(QStringLiteral("CreatingFirewallRules"), QStringLiteral("firewall rule on the target"));
        m_flexible->createOrUpdateFirewallRule(tgt, n.firewallRule, QStringLiteral("0.0.0.0"), QStringLiteral("0.0.0.0"), this,
                                               [next](Expected<arm::FirewallRule> r) { next(r ? Expected<void>{} : fail(r.error())); });
    });
    steps->push_back([this, ctx, n](auto next) {
        addCreated(n.service.toString());
        setPhase(QStringLiteral("CreatingService"), QStringLiteral("creating the DMS service (takes minutes in Azure)"));
        m_client->createOrUpdateService(n.service, ctx->location, m_sku, m_spec.dmsSubnetId, this,
                                        [next](Expected<dms::DmsService> r) { next(r ? Expected<void>{} : fail(r.error())); });
    });
    steps->push_back([this, ctx, n](auto next) {
        addCreated(n.project.toString());
        setPhase(QStringLiteral("CreatingProject"));
        m_client->createOrUpdateProject(n.project, ctx->location, this, [next](Expected<dms::DmsProject> r) { next(r ? Expected<void>{} : fail(r.error())); });
    });
    steps->push_back([this, ctx, n](auto next) {
        m_taskId = n.task.toString();
        addCreated(m_taskId);
        setPhase(QStringLiteral("CreatingTask"));
        m_client->createSyncTask(n.task, ctx->input, this, [this, next](Expected<dms::ProjectTask> r) {
            if (!r)
                return next(fail(r.error()));
            setStatus(statusFromDmsTask(*r));
            next({});
        });
    });

    runSteps(steps, [this, done = std::move(done), ctx](Expected<void> r) mutable {
        ctx->input.source.password = Secret();
        ctx->input.target.password = Secret();
        m_settingUp = false;
        if (r) {
            log()->info("dms '{}': task created; polling", m_spec.name);
            if (!m_cancelRequested) // else the queued cancel of the task follows
                schedulePoll();
            done({});
            return;
        }
        // Nothing half-made stays behind: delete what was created, then report the first error.
        const Error error = r.error();
        S final = status();
        final.state = error.category == ErrorCategory::Cancelled ? S::State::Canceled : S::State::Failed;
        final.subState = S::SubState::None;
        final.rawState = error.category == ErrorCategory::Cancelled ? QStringLiteral("Canceled") : QStringLiteral("SetupFailed");
        if (error.category != ErrorCategory::Cancelled)
            final.errors << errorInfo(error);
        cleanup(final, [done = std::move(done), error](Expected<void>) mutable { done(fail(error)); });
    });
}

// ------------------------------------------------------------------ polling

void DmsBackend::schedulePoll()
{
    if (m_cleaningUp || m_done)
        return;
    const int ms = ServiceBackend::pollInterval(status(), m_intervals);
    if (ms < 0)
        return;
    m_timer->start(ms);
    emit pollScheduled(ms);
}

void DmsBackend::poll(ActionCallback afterFirst)
{
    if (m_pollQueued || m_taskId.isEmpty() || m_cleaningUp || m_done) {
        if (afterFirst)
            deliverLater(std::move(afterFirst), {});
        return;
    }
    auto task = arm::ResourceId::parse(m_taskId);
    if (!task) {
        if (afterFirst)
            deliverLater(std::move(afterFirst), fail(task.error()));
        return;
    }
    m_pollQueued = true;
    QPointer<DmsBackend> self(this);
    const arm::ResourceId id = *task;
    enqueue([self, id, afterFirst = std::move(afterFirst)](Release release) mutable {
        if (!self)
            return release();
        self->m_pollQueued = false;
        if (self->m_cleaningUp || self->m_done) {
            release();
            if (afterFirst)
                afterFirst({});
            return;
        }
        self->m_client->getTask(id, self, [self, release, afterFirst = std::move(afterFirst)](Expected<dms::ProjectTask> t) mutable {
            release();
            if (!self)
                return;
            if (!t) {
                if (isGone(t.error())) {
                    // The task is gone (deleted in the portal, or never created): nothing to watch; clean up the rest.
                    S final = self->status();
                    final.state = S::State::Failed;
                    final.rawState = QStringLiteral("TaskNotFound");
                    final.errors << errorInfo(t.error());
                    self->cleanup(final, {});
                    if (afterFirst)
                        afterFirst({});
                    return;
                }
                log()->warn("dms '{}': reading the task failed: {}", self->m_spec.name, t.error().message);
                if (afterFirst)
                    afterFirst(fail(t.error()));
                self->m_timer->start(self->m_intervals.slowMs);
                return;
            }
            S s = statusFromDmsTask(*t);
            if (s.isTerminal()) {
                // Every resource goes before the status becomes final (issue 11: cleanup on success, failure and cancel).
                self->cleanup(s, {});
            } else {
                self->setStatus(s);
                self->schedulePoll();
            }
            if (afterFirst)
                afterFirst({});
        });
    });
}

void DmsBackend::observe(ActionCallback done)
{
    // Ended before the app closed, with resources still to delete: finish the cleanup, keep the outcome.
    QString storedState = m_record.extra.value(QStringLiteral("dmsOutcome")).toString();
    QString storedRaw = m_record.extra.value(QStringLiteral("dmsOutcomeRaw")).toString();
    if (storedState.isEmpty()) {
        storedState = m_record.extra.value(QStringLiteral("state")).toString();
        storedRaw = m_record.lastState;
    }
    if (const auto stored = stateFromString(storedState);
        stored && (*stored == S::State::Succeeded || *stored == S::State::Failed || *stored == S::State::Canceled || *stored == S::State::ValidationFailed)) {
        S final;
        final.backend = name();
        final.migrationName = m_spec.name;
        final.state = *stored;
        final.rawState = storedRaw;
        cleanup(final, {});
        deliverLater(std::move(done), {});
        return;
    }
    if (m_taskId.isEmpty()) {
        // Closed while setting up: the task was never created, so nothing runs; delete what was.
        S final;
        final.backend = name();
        final.migrationName = m_spec.name;
        final.state = S::State::Failed;
        final.rawState = QStringLiteral("SetupInterrupted");
        final.errors << S::ErrorInfo{QStringLiteral("FlexMigrate was closed while the DMS migration was being set up; what it had created was deleted."),
                                     QStringLiteral("SetupInterrupted"), {}, {}, {}, QDateTime::currentDateTimeUtc()};
        cleanup(final, {});
        deliverLater(std::move(done), {});
        return;
    }
    poll(std::move(done));
}

// ------------------------------------------------------------------ actions

void DmsBackend::doCutover(const QStringList &databases, ActionCallback done)
{
    auto task = arm::ResourceId::parse(m_taskId);
    if (m_taskId.isEmpty() || !task || m_cleaningUp || m_done)
        return deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotRunning"), QStringLiteral("The DMS task is not running."))));
    const QStringList dbs = databases.isEmpty() ? m_spec.databases : databases;
    for (const QString &db : dbs) {
        const auto *d = status().database(db);
        if (!d)
            return deliverLater(std::move(done), fail(Error::validation(QStringLiteral("UnknownDatabase"), QStringLiteral("\"%1\" is not part of this migration.").arg(db))));
        if (d->state != S::ItemState::ReadyForCutover && d->state != S::ItemState::CuttingOver && d->state != S::ItemState::Succeeded)
            return deliverLater(std::move(done),
                                fail(Error::validation(QStringLiteral("NotReadyForCutover"),
                                                       QStringLiteral("\"%1\" is not ready for cutover yet (%2); DMS completes a database once its changes caught up.").arg(db, d->rawState))));
    }
    // One Migrate.Sync.Complete.Database command per database (azure-api.md §4.6), one after another.
    auto steps = std::make_shared<std::deque<Step>>();
    for (const QString &db : dbs) {
        if (status().database(db)->state != S::ItemState::ReadyForCutover)
            continue;
        const arm::ResourceId id = *task;
        steps->push_back([this, id, db](auto next) {
            m_client->completeDatabase(id, db, this, [next](Expected<dms::TaskCommand> c) { next(c ? Expected<void>{} : fail(c.error())); });
        });
    }
    runSteps(steps, [this, done = std::move(done)](Expected<void> r) mutable {
        if (r) {
            // Fast polls until the databases complete.
            m_timer->start(m_intervals.fastMs);
        }
        done(r);
    });
}

void DmsBackend::cancel(ActionCallback done)
{
    if (m_done)
        return deliverLater(std::move(done), {});
    m_afterCleanup.push_back(std::move(done));
    if (m_cleaningUp || m_cancelRequested)
        return; // already on its way; `done` comes with the end of the cleanup
    m_cancelRequested = true;
    m_timer->stop();
    if (m_settingUp && m_taskId.isEmpty())
        return; // the setup chain stops at its next step and cleans up (start() reports Canceled)
    if (m_taskId.isEmpty()) {
        // Never started, or reattached with leftovers of an interrupted setup.
        cleanup(canceledStatus({}), {});
        return;
    }
    auto task = arm::ResourceId::parse(m_taskId);
    QPointer<DmsBackend> self(this);
    // Queued behind a task PUT in flight, so the task exists when it is canceled.
    enqueue([self, task](Release release) mutable {
        if (!self)
            return release();
        if (self->m_cleaningUp || self->m_done || !task) {
            release();
            if (!self->m_cleaningUp && !self->m_done)
                self->cleanup(self->canceledStatus({}), {});
            return;
        }
        self->m_client->cancelTask(*task, self, [self, release](Expected<dms::ProjectTask> t) mutable {
            release();
            if (!self)
                return;
            QList<S::ErrorInfo> errors;
            // A task that already ended or is gone cannot be canceled; the cleanup deletes it anyway (deleteRunningTasks).
            if (!t && !isGone(t.error()) && t.error().httpStatus != 409 && t.error().httpStatus != 400)
                errors << errorInfo(t.error());
            if (!self->m_cleaningUp && !self->m_done)
                self->cleanup(self->canceledStatus(errors), {});
        });
    });
}

MigrationStatus DmsBackend::canceledStatus(const QList<MigrationStatus::ErrorInfo> &errors) const
{
    S final = status();
    final.backend = name();
    final.migrationName = m_spec.name;
    final.state = S::State::Canceled;
    final.subState = S::SubState::None;
    final.rawState = QStringLiteral("Canceled");
    final.errors << errors;
    final.endedOn = QDateTime::currentDateTimeUtc();
    for (auto &d : final.databases)
        if (d.state != S::ItemState::Succeeded && d.state != S::ItemState::Failed)
            d.state = S::ItemState::Canceled;
    return final;
}

void DmsBackend::remove(ActionCallback done)
{
    if (m_cleaningUp) {
        m_afterCleanup.push_back(std::move(done));
        return;
    }
    if (!m_done && (m_settingUp || !m_taskId.isEmpty())) {
        // Running (or observed/reattached): cancel, which deletes everything.
        cancel(std::move(done));
        return;
    }
    if (m_created.isEmpty()) {
        m_done = true;
        markFinished();
        deliverLater(std::move(done), {});
        return;
    }
    // Ended, but a delete failed earlier (or leftovers of an interrupted setup): try again.
    S final = status();
    if (!final.isTerminal())
        final = canceledStatus({});
    m_done = false;
    cleanup(final, std::move(done));
}

// ------------------------------------------------------------------ cleanup

void DmsBackend::deleteResource(const QString &idText, std::function<void(Expected<void>)> done)
{
    auto id = arm::ResourceId::parse(idText);
    if (!id)
        return done({}); // not an id we can address: nothing to delete
    auto unit = [done](Expected<arm::Unit> r) {
        if (!r && !isGone(r.error()))
            return done(fail(r.error()));
        done({});
    };
    const QString type = id->resourceType();
    switch (deleteRank(idText)) {
    case 0:
        m_client->deleteTask(*id, true, this, unit);
        return;
    case 1:
        m_client->deleteProject(*id, true, this, unit);
        return;
    case 2:
        m_client->deleteService(*id, true, this, unit);
        return;
    default:
        break;
    }
    if (type.compare(kSingleType + QStringLiteral("/firewallRules"), Qt::CaseInsensitive) == 0)
        m_single->deleteFirewallRule(id->parent(), id->name(), this, unit);
    else if (type.compare(kFlexibleType + QStringLiteral("/firewallRules"), Qt::CaseInsensitive) == 0)
        m_flexible->deleteFirewallRule(id->parent(), id->name(), this, unit);
    else
        done({});
}

void DmsBackend::cleanup(MigrationStatus final, ActionCallback done)
{
    if (done)
        m_afterCleanup.push_back(std::move(done));
    if (m_cleaningUp)
        return;
    m_cleaningUp = true;
    m_timer->stop();
    m_outcome = final;
    emit recordChanged();
    S s = status();
    s.backend = name();
    s.migrationName = m_spec.name;
    // Not terminal yet: finished() waits until nothing is left in Azure.
    s.state = S::State::InProgress;
    s.subState = S::SubState::CleaningUp;
    s.rawState = QStringLiteral("CleaningUp");
    s.observedAt = QDateTime::currentDateTimeUtc();
    setStatus(s);

    QStringList order = m_created;
    std::stable_sort(order.begin(), order.end(), [](const QString &a, const QString &b) { return deleteRank(a) < deleteRank(b); });
    auto errors = std::make_shared<QList<S::ErrorInfo>>();
    auto steps = std::make_shared<std::deque<Step>>();
    for (const QString &id : order) {
        steps->push_back([this, id, errors](auto next) {
            deleteResource(id, [this, id, errors, next](Expected<void> r) {
                if (r) {
                    dropCreated(id);
                } else {
                    log()->warn("dms '{}': could not delete {}: {}", m_spec.name, id, r.error().message);
                    S::ErrorInfo e = errorInfo(r.error());
                    e.message = QStringLiteral("Could not delete %1: %2").arg(id, r.error().message);
                    *errors << e;
                }
                next({}); // try every resource even when one fails
            });
        });
    }
    // Not cancellable: the cleanup is what a cancel asks for.
    runSteps(steps, [this, final, errors](Expected<void>) mutable {
        m_cleaningUp = false;
        m_done = true;
        final.errors << *errors;
        if (!final.endedOn.isValid())
            final.endedOn = QDateTime::currentDateTimeUtc();
        final.observedAt = QDateTime::currentDateTimeUtc();
        if (!final.isTerminal())
            final.state = S::State::Failed;
        log()->info("dms '{}': cleanup done ({} left), {}", m_spec.name, m_created.size(), toString(final.state));
        emit recordChanged();
        setStatus(final);
        markFinished();
        auto callbacks = std::move(m_afterCleanup);
        m_afterCleanup.clear();
        Expected<void> result;
        if (!errors->isEmpty())
            result = fail(Error::make(ErrorCategory::Dms, QStringLiteral("CleanupIncomplete"),
                                      QStringLiteral("%1 resource(s) created for the DMS migration could not be deleted: %2").arg(m_created.size()).arg(errors->first().message),
                                      QStringLiteral("Remove the migration again later; FlexMigrate keeps the list.")));
        for (auto &cb : callbacks)
            deliverLater(std::move(cb), result);
    }, false);
}

} // namespace fm::migration
