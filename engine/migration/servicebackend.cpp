// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/servicebackend.h"

#include "engine/core/logging.h"
#include "engine/migration/armstatusmapper.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace fm::migration {

using S = MigrationStatus;

namespace {

QString mark(const MigrationStatus &s) { return s.rawState + QLatin1Char('/') + s.rawSubState; }

auto log() { return fm::logging::get("engine.migration"); }

} // namespace

ServiceBackend::ServiceBackend(const arm::MigrationClient *client, MigrationSpec spec, QObject *parent)
    : MigrationBackend(parent), m_client(client), m_spec(std::move(spec))
{
    if (auto id = arm::ResourceId::parse(m_spec.target.resourceId, QStringLiteral("Target server resource id")))
        m_target = *id;
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { queueGet(); });
}

ServiceBackend::~ServiceBackend() = default;

bool ServiceBackend::isPolling() const { return m_timer->isActive() || m_getQueued; }

Error ServiceBackend::addressError() const
{
    return Error::validation(QStringLiteral("InvalidTarget"),
                             QStringLiteral("The target server resource id \"%1\" is not an ARM resource id.").arg(m_spec.target.resourceId),
                             QStringLiteral("Give the Flexible Server's id: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.DBforPostgreSQL/flexibleServers/<name>."));
}

int ServiceBackend::pollInterval(const MigrationStatus &s, const PollingIntervals &intervals)
{
    if (s.isTerminal())
        return -1;
    // The service waits for the user (§1.12 item 5): nothing changes until someone acts.
    if (s.state == S::State::WaitingForUser || s.subState == S::SubState::WaitingForInput || s.subState == S::SubState::ReadyForCutover)
        return intervals.slowMs;
    return intervals.fastMs;
}

Expected<arm::CreateMigrationRequest> ServiceBackend::createRequest(const MigrationSpec &spec, const StartCredentials &credentials, arm::MigrationApiVersion version)
{
    if (auto ok = spec.check(); !ok)
        return fail(ok.error());
    if (credentials.sourcePassword.isEmpty() || credentials.targetPassword.isEmpty())
        return fail(Error::validation(QStringLiteral("MissingPassword"), QStringLiteral("The service needs the source and the target administrator passwords to create the migration."),
                                      QStringLiteral("Give both passwords when starting.")));
    arm::CreateMigrationRequest r;
    r.location = spec.location;
    r.sourceDbServerResourceId = spec.source.resourceId.isEmpty()
                                     ? QStringLiteral("%1:%2@%3").arg(spec.source.host).arg(spec.source.port).arg(spec.source.user) // other source types (2024-08-01)
                                     : spec.source.resourceId;
    r.sourceServerPassword = credentials.sourcePassword;
    r.targetServerPassword = credentials.targetPassword;
    r.dbsToMigrate = spec.databases;
    r.setupLogicalReplicationOnSourceDbIfNeeded = spec.options.setupLogicalReplication;
    r.overwriteDbsInTarget = spec.options.overwriteTargetDatabases;
    r.mode = arm::MigrationMode(QStringLiteral("Online"));
    if (spec.options.startTimeUtc.isValid())
        r.windowStart = spec.options.startTimeUtc.toUTC();
    if (spec.options.cutover == CutoverMode::Automatic)
        r.triggerCutover = true;
    if (version == arm::MigrationApiVersion::PrivatePreview20210615) {
        // The seed's contract: the service acts as the user's AAD app.
        if (credentials.aadSecret.isEmpty())
            return fail(Error::validation(QStringLiteral("MissingAadSecret"),
                                          QStringLiteral("api-version 2021-06-15-privatepreview needs the AAD app's client secret for the service."),
                                          QStringLiteral("Give the AAD app secret when starting, or use api-version 2024-08-01.")));
        r.aadTenantId = spec.aadApp.tenantId;
        r.aadClientId = spec.aadApp.clientId;
        r.aadSecret = credentials.aadSecret;
    } else {
        r.sourceServerUsername = spec.source.user;
        r.targetServerUsername = spec.target.user;
        r.sourceType = arm::SourceType(spec.source.resourceId.isEmpty() ? QStringLiteral("OnPremises") : QStringLiteral("PostgreSQLSingleServer"));
    }
    return r;
}

StoredMigration ServiceBackend::record() const
{
    StoredMigration r;
    r.name = m_spec.name;
    r.backend = Backend::Service;
    r.targetResourceId = m_spec.target.resourceId;
    if (m_target)
        r.migrationResourceId = arm::MigrationClient::migrationId(*m_target, m_spec.name).toString();
    r.apiVersion = m_client->apiVersion();
    r.databases = m_resource && !m_resource->dbsToMigrate.isEmpty() ? m_resource->dbsToMigrate : m_spec.databases;
    r.lastState = status().rawState;
    return r;
}

MigrationSpec ServiceBackend::specForReattach(const StoredMigration &record)
{
    MigrationSpec s;
    s.name = record.name;
    s.backend = Backend::Service;
    s.target.resourceId = record.targetResourceId;
    s.databases = record.databases;
    return s;
}

// ------------------------------------------------------------------ queue

void ServiceBackend::enqueue(std::function<void(Release)> op)
{
    m_queue.push_back(std::move(op));
    runNext();
}

void ServiceBackend::runNext()
{
    if (m_busy || m_queue.empty())
        return;
    auto op = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    QPointer<ServiceBackend> self(this);
    op([self] {
        if (!self)
            return;
        self->m_busy = false;
        if (self->m_queue.empty())
            self->reschedule();
        else
            self->runNext();
    });
}

void ServiceBackend::reschedule()
{
    // One place decides the next GET: only when nothing is queued or in flight (that answer reschedules).
    if (m_busy || !m_queue.empty() || m_getQueued)
        return;
    m_timer->stop();
    if (!m_active || m_removed)
        return;
    const MigrationStatus s = status();
    int ms = pollInterval(s, m_intervals);
    if (ms < 0)
        return;
    if (m_lastPollFailed)
        ms = std::max(ms, m_intervals.slowMs);
    if (!m_actionMark.isEmpty() && m_fastPollsLeft > 0 && mark(s) == m_actionMark) {
        --m_fastPollsLeft;
        ms = m_intervals.fastMs; // the service accepted an action; the state is about to move
    } else {
        m_actionMark.clear();
    }
    m_timer->start(ms);
    emit pollScheduled(ms);
}

void ServiceBackend::apply(const arm::MigrationResource &resource)
{
    m_resource = resource;
    setStatus(statusFromArmMigration(resource));
}

void ServiceBackend::queueGet(ActionCallback afterFirst)
{
    if (!m_target) {
        deliverLater(std::move(afterFirst), fail(addressError()));
        return;
    }
    if (m_getQueued && !afterFirst)
        return;
    m_timer->stop();
    m_getQueued = true;
    enqueue([this, afterFirst = std::move(afterFirst)](Release release) {
        m_client->get(*m_target, m_spec.name, this, [this, release, afterFirst](Expected<arm::MigrationResource> r) {
            m_getQueued = false;
            if (r) {
                apply(*r);
            } else {
                log()->warn("reading migration '{}' failed: {}", m_spec.name, r.error().toDisplayString());
                emit observationFailed(r.error());
                if (r.error().httpStatus == 404) {
                    // The migration is gone (deleted elsewhere): nothing left to observe.
                    m_active = false;
                    markFinished();
                }
            }
            // On an error the status did not change: the next GET waits the slow interval.
            m_lastPollFailed = !r;
            if (afterFirst)
                afterFirst(r ? Expected<void>() : Expected<void>(fail(r.error())));
            release();
        });
    });
}

void ServiceBackend::refresh()
{
    if (!m_active || m_removed || m_getQueued)
        return;
    queueGet();
}

// ------------------------------------------------------------------ actions

void ServiceBackend::start(const StartCredentials &credentials, ActionCallback done)
{
    if (m_active || m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("AlreadyStarted"), QStringLiteral("This migration was already started or attached."))));
        return;
    }
    if (!m_target) {
        deliverLater(std::move(done), fail(addressError()));
        return;
    }
    auto request = createRequest(m_spec, credentials, m_client->version());
    if (!request) {
        deliverLater(std::move(done), fail(request.error()));
        return;
    }
    m_active = true;
    enqueue([this, request = std::move(*request), done = std::move(done)](Release release) {
        m_client->create(*m_target, m_spec.name, request, this, [this, release, done](Expected<arm::MigrationResource> r) {
            if (r) {
                log()->info("service migration '{}' created on {}", m_spec.name, m_spec.target.resourceId);
                apply(*r);
            } else {
                m_active = false;
            }
            done(r ? Expected<void>() : Expected<void>(fail(r.error())));
            release();
        });
    });
}

void ServiceBackend::observe(ActionCallback done)
{
    if (m_active || m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("AlreadyStarted"), QStringLiteral("This migration was already started or attached."))));
        return;
    }
    if (!m_target) {
        deliverLater(std::move(done), fail(addressError()));
        return;
    }
    m_active = true;
    queueGet(done ? std::move(done) : ActionCallback([](Expected<void>) {}));
}

void ServiceBackend::patch(const arm::MigrationUpdate &update, ActionCallback done)
{
    enqueue([this, update, done = std::move(done)](Release release) {
        m_client->update(*m_target, m_spec.name, update, this, [this, release, done](Expected<arm::MigrationResource> r) {
            if (r) {
                apply(*r);
                m_actionMark = mark(status());
                m_fastPollsLeft = m_intervals.fastAfterActionPolls;
            }
            done(r ? Expected<void>() : Expected<void>(fail(r.error())));
            release();
        });
    });
}

void ServiceBackend::doCutover(const QStringList &databases, ActionCallback done)
{
    if (!m_active || m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotStarted"), QStringLiteral("The migration is not started or attached."))));
        return;
    }
    const MigrationStatus s = status();
    if (s.isTerminal()) {
        deliverLater(std::move(done),
                     fail(Error::validation(QStringLiteral("AlreadyFinished"), QStringLiteral("The migration has already ended (%1).").arg(s.rawState))));
        return;
    }
    arm::MigrationUpdate u{arm::MigrationUpdate::Kind::Cutover, databases};
    // As az does (§1.11.5): on 2024-08-01 "the whole migration" is every database it migrates.
    if (u.databases.isEmpty() && m_client->version() != arm::MigrationApiVersion::PrivatePreview20210615)
        u.databases = m_resource && !m_resource->dbsToMigrate.isEmpty() ? m_resource->dbsToMigrate : m_spec.databases;
    patch(u, std::move(done));
}

void ServiceBackend::resolveAction(const QString &action, const QStringList &databases, ActionCallback done)
{
    if (action == QLatin1String("cutover"))
        return MigrationBackend::resolveAction(action, databases, std::move(done));
    using K = arm::MigrationUpdate::Kind;
    std::optional<K> kind;
    if (action == QLatin1String("setup-replication"))
        kind = K::SetupReplication;
    else if (action == QLatin1String("overwrite-dbs"))
        kind = K::OverwriteDbs;
    else if (action == QLatin1String("start-data-migration"))
        kind = K::StartDataMigration;
    else if (action == QLatin1String("db-names"))
        kind = K::DbNames;
    if (!kind)
        return MigrationBackend::resolveAction(action, databases, std::move(done));
    if (!m_active || m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotStarted"), QStringLiteral("The migration is not started or attached."))));
        return;
    }
    if (status().requiredAction != action) {
        deliverLater(std::move(done),
                     fail(Error::validation(QStringLiteral("ActionNotRequired"),
                                            QStringLiteral("The migration does not wait for \"%1\" now (%2%3).")
                                                .arg(action, status().rawState, status().rawSubState.isEmpty() ? QString() : QLatin1Char('/') + status().rawSubState))));
        return;
    }
    if (*kind == K::DbNames && databases.isEmpty()) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NoDatabases"), QStringLiteral("Give the databases to migrate."))));
        return;
    }
    patch({*kind, *kind == K::DbNames ? databases : QStringList{}}, std::move(done));
}

void ServiceBackend::cancel(ActionCallback done)
{
    if (!m_active || m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("NotStarted"), QStringLiteral("The migration is not started or attached."))));
        return;
    }
    if (m_client->version() == arm::MigrationApiVersion::PrivatePreview20210615) {
        // This api-version has no cancel property: deleting the migration cancels it.
        remove(std::move(done));
        return;
    }
    patch({arm::MigrationUpdate::Kind::Cancel, {}}, std::move(done));
}

void ServiceBackend::remove(ActionCallback done)
{
    if (!m_target) {
        deliverLater(std::move(done), fail(addressError()));
        return;
    }
    if (m_removed) {
        deliverLater(std::move(done), fail(Error::validation(QStringLiteral("AlreadyDeleted"), QStringLiteral("The migration was already deleted."))));
        return;
    }
    m_removed = true;
    m_timer->stop();
    enqueue([this, done = std::move(done)](Release release) {
        m_client->remove(*m_target, m_spec.name, this, [this, release, done](Expected<std::optional<arm::MigrationResource>> r) {
            if (r) {
                if (*r)
                    apply(**r);
                m_active = false;
                markFinished();
            } else {
                m_removed = false; // still there: it can be observed and deleted again
            }
            done(r ? Expected<void>() : Expected<void>(fail(r.error())));
            release();
        });
    });
}

} // namespace fm::migration
