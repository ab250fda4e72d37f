// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationmanager.h"

#include "engine/arm/migrationclient.h"
#include "engine/core/logging.h"
#include "engine/migration/armstatusmapper.h"
#include "engine/dms/dmsclient.h"
#include "engine/migration/directbackend.h"
#include "engine/migration/dmsbackend.h"

#include <QDir>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace fm::migration {

namespace {
using S = MigrationStatus;

auto log() { return fm::logging::get("engine.migration"); }

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

// The manager's own bookkeeping in StoredMigration::extra (none of it secret).
const QString kSpecKey = QStringLiteral("spec");
const QString kStateKey = QStringLiteral("state");
// The cloud an Azure record was created on (CloudProfile::toJson(): custom endpoints too), for the sign-in after a restart.
const QString kCloudKey = QStringLiteral("cloud");
const QString kDiscoveredKey = QStringLiteral("discovered");
// lastState of a group part that was recorded but not started yet.
const QString kQueued = QStringLiteral("Queued");

QJsonObject stripRefs(QJsonObject o)
{
    o.remove(QStringLiteral("passwordRef"));
    o.remove(QStringLiteral("secretRef"));
    return o;
}

Error unknownId(const QString &id)
{
    return Error::validation(QStringLiteral("UnknownMigration"), QStringLiteral("No migration with the id \"%1\" is known to this app.").arg(id));
}

bool isAzure(Backend b) { return b == Backend::Service || b == Backend::Dms; }

/** Recorded but never accepted by its backend: a waiting group part, or a start that failed. */
bool neverStarted(const StoredMigration &r)
{
    return r.lastState == kQueued || r.lastState == QLatin1String("NotStarted") || r.lastState == QLatin1String("StartFailed");
}
} // namespace

QJsonObject specForRecord(const MigrationSpec &spec)
{
    QJsonObject d = spec.toDraft();
    d[QStringLiteral("source")] = stripRefs(d.value(QStringLiteral("source")).toObject());
    d[QStringLiteral("target")] = stripRefs(d.value(QStringLiteral("target")).toObject());
    d[QStringLiteral("aadApp")] = stripRefs(d.value(QStringLiteral("aadApp")).toObject());
    return d;
}

MigrationManager::MigrationManager(MigrationStore store, QObject *parent)
    : MigrationManager(std::move(store), Options{}, parent)
{
}

MigrationManager::MigrationManager(MigrationStore store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_options(std::move(options))
{
}

MigrationManager::~MigrationManager()
{
    // Backends first (a direct backend joins its engine; Azure backends abort their requests), then the clients they use.
    for (auto &e : m_entries)
        delete e.backend.data();
    m_entries.clear();
}

void MigrationManager::setAzure(const http::CloudProfile &profile, std::shared_ptr<http::TokenCredential> credential)
{
    m_profile = profile;
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    http::HttpClient::Options o = m_options.http;
    if (o.scopes.isEmpty())
        o.scopes = {profile.scope()};
    // Backends built earlier keep their clients (they hold raw pointers): the old clients are retired, not
    // destroyed, and the old HttpClient stays parented to us (the app calls this before every create).
    m_http = new http::HttpClient(m_nam, std::move(credential), o, this);
    for (auto &[version, client] : m_migrationClients)
        m_retiredMigrationClients.push_back(std::move(client));
    m_migrationClients.clear();
    if (m_dmsClient)
        m_retiredDmsClients.push_back(std::move(m_dmsClient));
    // Records reattached before the sign-in are observed now.
    for (const QString &id : std::as_const(m_order))
        tryAttach(id);
}

const arm::MigrationClient *MigrationManager::migrationClient(arm::MigrationApiVersion version)
{
    auto &c = m_migrationClients[int(version)];
    if (!c)
        c = std::make_unique<arm::MigrationClient>(m_http, m_profile, version);
    return c.get();
}

const dms::DmsClient *MigrationManager::dmsClient()
{
    if (!m_dmsClient)
        m_dmsClient = std::make_unique<dms::DmsClient>(m_http, m_profile);
    return m_dmsClient.get();
}

void MigrationManager::deliverLater(std::function<void()> f)
{
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

Expected<MigrationSpec> MigrationManager::specOf(const StoredMigration &record) const
{
    const QJsonObject d = record.extra.value(kSpecKey).toObject();
    if (d.isEmpty()) {
        // Records written before the manager kept the spec (ServiceBackend::record()).
        if (record.backend == Backend::Service)
            return ServiceBackend::specForReattach(record);
        return fail(Error::validation(QStringLiteral("NoSpecInRecord"), QStringLiteral("The record of \"%1\" does not say how it was started.").arg(record.name)));
    }
    return MigrationSpec::fromDraft(d);
}

Expected<MigrationBackend *> MigrationManager::makeBackend(const MigrationSpec &spec, const StoredMigration &record, const StartCredentials *credentials)
{
    if (isAzure(spec.backend) && !m_http)
        return fail(Error::validation(QStringLiteral("AzureNotConfigured"),
                                      QStringLiteral("The %1 backend needs an Azure sign-in, and none was given.").arg(backendName(spec.backend)),
                                      QStringLiteral("Sign in (AAD app or Azure CLI) before starting an Azure migration.")));
    switch (spec.backend) {
    case Backend::Service: {
        arm::MigrationApiVersion version = m_options.serviceApiVersion;
        if (!record.apiVersion.isEmpty()) {
            auto v = arm::parseMigrationApiVersion(record.apiVersion);
            if (!v)
                return fail(v.error());
            version = *v;
        } else if (credentials && !credentials->aadSecret.isEmpty()) {
            // The AAD app secret only exists in the seed's api-version (azure-api.md §1.1).
            version = arm::MigrationApiVersion::PrivatePreview20210615;
        }
        auto *b = new ServiceBackend(migrationClient(version), spec, this);
        b->setPollingIntervals(m_options.servicePolling);
        return b;
    }
    case Backend::Dms: {
        auto *b = new DmsBackend(dmsClient(), spec, record, this);
        b->setPollingIntervals(m_options.dmsPolling);
        b->setServiceSku(m_options.dmsSku);
        return b;
    }
    case Backend::Direct: {
        auto o = DirectBackend::optionsFromSpec(spec);
        if (!o)
            return fail(o.error());
        if (!record.directJournalPath.isEmpty())
            o->journalPath = record.directJournalPath;
        else if (!m_options.directJournalDirectory.isEmpty())
            o->journalPath = QDir(m_options.directJournalDirectory).filePath(spec.name + QStringLiteral(".json"));
        auto *b = new DirectBackend(*o, this);
        b->setPollInterval(m_options.directPollMs);
        return b;
    }
    }
    return fail(Error::internal(QStringLiteral("unknown backend")));
}

void MigrationManager::attach(const QString &id, MigrationBackend *backend)
{
    Entry &e = m_entries[id];
    e.backend = backend;
    connect(backend, &MigrationBackend::statusChanged, this, [this, id](const MigrationStatus &s) { onStatus(id, s); });
    connect(backend, &MigrationBackend::finished, this, [this, id] { onFinished(id); });
    if (auto *dms = qobject_cast<DmsBackend *>(backend)) {
        // DMS records every resource before it creates it (issue 11: cleanup even after the app was closed in between).
        connect(dms, &DmsBackend::recordChanged, this, [this, id] { saveRecord(id); });
    }
}

void MigrationManager::create(const MigrationSpec &spec, StartCredentials credentials, CreateCallback done)
{
    auto failLater = [this, done](Error e) { deliverLater([done, e] { done(fail(e)); }); };
    // The direct engine takes any number of databases in one run; the Azure services at most eight per migration and one active migration per target.
    const QList<MigrationSpec> parts = spec.backend == Backend::Direct ? QList<MigrationSpec>{spec} : spec.split(8);
    // Each part is checked (the whole selection is "too many databases" for an Azure backend by design).
    for (const auto &part : parts)
        if (auto ok = part.check(); !ok)
            return failLater(ok.error());
    const QString groupId = parts.size() > 1 ? newId() : QString();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QList<StoredMigration> records;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        StoredMigration r;
        r.id = newId();
        r.name = parts[i].name;
        r.backend = parts[i].backend;
        r.targetResourceId = parts[i].target.resourceId;
        r.databases = parts[i].databases;
        r.groupId = groupId;
        r.groupIndex = groupId.isEmpty() ? 0 : int(i + 1);
        // Later parts a millisecond older, so "newest first" lists a group in its order.
        r.createdUtc = now.addMSecs(-i);
        r.lastState = kQueued;
        r.extra[kSpecKey] = specForRecord(parts[i]);
        if (isAzure(r.backend))
            r.extra[kCloudKey] = m_profile.toJson();
        records << r;
    }
    auto first = makeBackend(parts.first(), records.first(), &credentials);
    if (!first)
        return failLater(first.error());
    MigrationBackend *backend = *first;

    for (const auto &r : records) {
        if (auto ok = m_store.save(r); !ok) {
            for (const auto &s : records)
                m_store.remove(s.id);
            delete backend;
            return failLater(ok.error());
        }
    }
    QStringList ids;
    for (const auto &r : records) {
        ids << r.id;
        Entry e;
        e.record = r;
        e.status = queuedStatus(r);
        m_entries.insert(r.id, e);
    }
    // Newest first: the group's parts go on top, in their order.
    for (auto it = ids.crbegin(); it != ids.crend(); ++it)
        m_order.prepend(*it);
    if (!groupId.isEmpty())
        m_groupCredentials.insert(groupId, credentials);
    for (const auto &id : ids)
        emit migrationAdded(id);

    const QString firstId = ids.first();
    attach(firstId, backend);
    log()->info("migration '{}' created: {} part(s), backend {}", spec.name, ids.size(), backendName(spec.backend));
    backend->start(credentials, [this, ids, firstId, groupId, done](Expected<void> r) {
        if (!r) {
            // Nothing runs: forget every part (a backend that created resources cleaned them up before failing).
            for (const auto &id : ids) {
                if (auto it = m_entries.find(id); it != m_entries.end()) {
                    if (it->backend)
                        it->backend->deleteLater();
                    m_entries.erase(it);
                }
                m_store.remove(id);
                m_order.removeAll(id);
                emit migrationRemoved(id);
            }
            m_groupCredentials.remove(groupId);
            done(fail(r.error()));
            return;
        }
        saveRecord(firstId);
        if (!groupId.isEmpty())
            emit groupStatusChanged(groupId);
        done(ids);
    });
}

void MigrationManager::startPart(const QString &id, StartCredentials credentials, ActionCallback done)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return deliverLater([done, id] { done(fail(unknownId(id))); });
    auto spec = specOf(it->record);
    if (!spec)
        return deliverLater([done, e = spec.error()] { done(fail(e)); });
    auto backend = makeBackend(*spec, it->record, &credentials);
    if (!backend)
        return deliverLater([done, e = backend.error()] { done(fail(e)); });
    attach(id, *backend);
    log()->info("migration '{}' (part {} of its group) starting", it->record.name, it->record.groupIndex);
    (*backend)->start(credentials, [this, id, done](Expected<void> r) {
        auto it = m_entries.find(id);
        if (!r) {
            if (it != m_entries.end()) {
                if (it->backend)
                    it->backend->deleteLater();
                it->backend = nullptr;
                it->status.state = S::State::Failed;
                it->status.errors << S::ErrorInfo{r.error().message, r.error().code, r.error().requestId, {}, {}, QDateTime::currentDateTimeUtc()};
                it->record.lastState = QStringLiteral("StartFailed");
                it->record.extra[kStateKey] = toString(S::State::Failed);
                m_store.save(it->record);
                emit statusChanged(id, it->status);
                if (!it->record.groupId.isEmpty())
                    advanceGroup(it->record.groupId);
            }
            done(fail(r.error()));
            return;
        }
        saveRecord(id);
        done({});
    });
}

void MigrationManager::resume(const QString &id, StartCredentials credentials, ActionCallback done)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return deliverLater([done, id] { done(fail(unknownId(id))); });
    if (it->backend && !it->backend->isFinished())
        return deliverLater([done] {
            done(fail(Error::validation(QStringLiteral("AlreadyRunning"), QStringLiteral("This migration is running; there is nothing to resume."))));
        });
    if (it->record.lastState == kQueued) {
        if (!it->record.groupId.isEmpty())
            m_groupCredentials.insert(it->record.groupId, credentials);
        return startPart(id, std::move(credentials), std::move(done));
    }
    if (it->record.backend != Backend::Direct)
        return deliverLater([done] {
            done(fail(Error::validation(QStringLiteral("NothingToResume"),
                                        QStringLiteral("An Azure migration is observed after a restart; it needs no passwords to continue."))));
        });
    auto spec = specOf(it->record);
    if (!spec)
        return deliverLater([done, e = spec.error()] { done(fail(e)); });
    auto o = DirectBackend::optionsFromSpec(*spec);
    if (!o)
        return deliverLater([done, e = o.error()] { done(fail(e)); });
    o->journalPath = it->record.directJournalPath;
    o->resume = true; // the engine continues from its journal (DESIGN.md "The direct engine" 8)
    if (it->backend)
        it->backend->deleteLater();
    auto *b = new DirectBackend(*o, this);
    b->setPollInterval(m_options.directPollMs);
    attach(id, b);
    b->start(credentials, [this, id, done](Expected<void> r) {
        if (r)
            saveRecord(id);
        done(r);
    });
}

void MigrationManager::reattachAll()
{
    QStringList problems;
    const QList<StoredMigration> records = m_store.list(&problems);
    for (const QString &p : problems)
        log()->warn("migration store: {}", p);
    QSet<QString> groups;
    for (const auto &r : records) {
        if (m_entries.contains(r.id))
            continue;
        Entry e;
        e.record = r;
        if (r.lastState == kQueued) {
            e.status = queuedStatus(r);
        } else {
            e.status.backend = backendName(r.backend);
            e.status.migrationName = r.name;
            e.status.rawState = r.lastState;
            e.status.state = stateFromString(r.extra.value(kStateKey).toString()).value_or(S::State::Unknown);
        }
        m_entries.insert(r.id, e);
        m_order << r.id;
        if (!r.groupId.isEmpty())
            groups.insert(r.groupId);
        emit migrationAdded(r.id);

        tryAttach(r.id);
    }
    // Keep newest first over the whole list, the parts of a group in order.
    std::stable_sort(m_order.begin(), m_order.end(), [this](const QString &a, const QString &b) {
        return m_entries.value(a).record.createdUtc > m_entries.value(b).record.createdUtc;
    });
    for (const auto &g : groups)
        advanceGroup(g);
}

void MigrationManager::tryAttach(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->backend)
        return;
    const StoredMigration r = it->record;
    // Direct runs need the passwords again (resume()); a waiting part needs them to start.
    if (neverStarted(r) || r.backend == Backend::Direct)
        return;
    // A DMS migration that ended with nothing left to delete has nothing to watch.
    if (r.backend == Backend::Dms && it->status.isTerminal() && r.createdResources.isEmpty())
        return;
    if (isAzure(r.backend) && !m_http)
        return; // attached when setAzure() comes
    auto spec = specOf(r);
    if (!spec) {
        log()->warn("cannot reattach '{}': {}", r.name, spec.error().message);
        return;
    }
    auto backend = makeBackend(*spec, r, nullptr);
    if (!backend) {
        log()->warn("cannot reattach '{}': {}", r.name, backend.error().message);
        return;
    }
    attach(id, *backend);
    (*backend)->observe([id](Expected<void> ok) {
        if (!ok)
            log()->warn("reattach of {} failed: {}", id, ok.error().message);
    });
}

void MigrationManager::onStatus(const QString &id, const MigrationStatus &status)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->status = status;
    const QString raw = status.rawState.isEmpty() ? toString(status.state) : status.rawState;
    if (raw != it->record.lastState || it->record.extra.value(kStateKey).toString() != toString(status.state))
        saveRecord(id);
    emit statusChanged(id, status);
    if (!it->record.groupId.isEmpty())
        emit groupStatusChanged(it->record.groupId);
}

void MigrationManager::onFinished(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    saveRecord(id);
    if (!it->record.groupId.isEmpty())
        advanceGroup(it->record.groupId);
}

void MigrationManager::saveRecord(const QString &id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    StoredMigration &r = it->record;
    if (auto *b = qobject_cast<ServiceBackend *>(it->backend.data())) {
        const StoredMigration br = b->record();
        r.migrationResourceId = br.migrationResourceId;
        r.apiVersion = br.apiVersion;
    } else if (auto *b = qobject_cast<DirectBackend *>(it->backend.data())) {
        const StoredMigration br = b->record();
        if (!br.directJournalPath.isEmpty())
            r.directJournalPath = br.directJournalPath;
    } else if (auto *b = qobject_cast<DmsBackend *>(it->backend.data())) {
        const StoredMigration br = b->record();
        r.createdResources = br.createdResources;
        r.migrationResourceId = br.migrationResourceId;
        r.apiVersion = br.apiVersion;
        for (const QString &k : {QStringLiteral("dmsOutcome"), QStringLiteral("dmsOutcomeRaw")})
            if (br.extra.contains(k))
                r.extra[k] = br.extra.value(k);
    }
    if (it->backend && it->backend->status().state != S::State::Unknown) {
        const MigrationStatus s = it->backend->status();
        r.lastState = s.rawState.isEmpty() ? toString(s.state) : s.rawState;
        r.extra[kStateKey] = toString(s.state);
    }
    if (auto ok = m_store.save(r); !ok)
        log()->warn("cannot save the record of '{}': {}", r.name, ok.error().message);
}

MigrationStatus MigrationManager::queuedStatus(const StoredMigration &record)
{
    MigrationStatus s;
    s.backend = backendName(record.backend);
    s.migrationName = record.name;
    s.state = S::State::NotStarted;
    s.rawState = kQueued;
    for (const auto &db : record.databases) {
        S::DatabaseProgress d;
        d.name = db;
        d.state = S::ItemState::Pending;
        s.databases << d;
    }
    return s;
}

void MigrationManager::advanceGroup(const QString &groupId)
{
    QList<QString> parts;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->record.groupId == groupId)
            parts << it.key();
    std::sort(parts.begin(), parts.end(), [this](const QString &a, const QString &b) { return m_entries[a].record.groupIndex < m_entries[b].record.groupIndex; });

    S::State previous = S::State::Succeeded; // the part before the first
    QString previousName;
    for (const QString &id : parts) {
        Entry &e = m_entries[id];
        if (e.record.lastState != kQueued) {
            previous = e.status.state;
            previousName = e.record.name;
            if (e.backend && !e.backend->isFinished())
                return; // this part still runs: the next waits (one active migration per target)
            continue;
        }
        if (previous == S::State::Succeeded) {
            if (!m_groupCredentials.contains(groupId))
                return; // after a restart: waits for resume() with the passwords
            startPart(id, m_groupCredentials.value(groupId), [this, id](Expected<void> r) {
                if (!r)
                    log()->warn("group part {} did not start: {}", id, r.error().message);
            });
            emit groupStatusChanged(groupId);
            return;
        }
        if (previous == S::State::Unknown || previous == S::State::NotStarted || previous == S::State::InProgress || previous == S::State::WaitingForUser)
            return; // the part before is not known to have ended (e.g. not reattached yet)
        // The part before failed or was canceled: the rest of the group is not sent.
        e.record.lastState = QStringLiteral("NotStarted");
        e.record.extra[kStateKey] = toString(S::State::Canceled);
        m_store.save(e.record);
        e.status.state = S::State::Canceled;
        e.status.rawState = e.record.lastState;
        e.status.errors << S::ErrorInfo{QStringLiteral("Not started: the part before it (%1) ended %2.").arg(previousName, toString(previous)),
                                        QStringLiteral("GroupStopped"), {}, {}, {}, QDateTime::currentDateTimeUtc()};
        emit statusChanged(id, e.status);
        previous = S::State::Canceled;
        previousName = e.record.name;
    }
    m_groupCredentials.remove(groupId);
    emit groupStatusChanged(groupId);
}

QStringList MigrationManager::ids() const { return m_order; }

bool AzureAccount::sameAs(const AzureAccount &o) const
{
    return profile.armEndpoint == o.profile.armEndpoint && useAzureCli == o.useAzureCli && tenantId.compare(o.tenantId, Qt::CaseInsensitive) == 0
           && clientId.compare(o.clientId, Qt::CaseInsensitive) == 0;
}

QList<AzureAccount> MigrationManager::azureAccounts() const
{
    QList<AzureAccount> accounts;
    QList<AzureAccount> anonymous; // records that do not name their app: counted for a named account on their cloud
    for (const QString &id : m_order) {
        const Entry &e = m_entries[id];
        const StoredMigration &r = e.record;
        if (!isAzure(r.backend))
            continue;
        const auto spec = specOf(r);
        const QJsonObject cloud = r.extra.value(kCloudKey).toObject();
        auto profile = !cloud.isEmpty() ? http::CloudProfile::fromJson(cloud) : http::CloudProfile::byName(spec ? spec->cloud : QStringLiteral("AzureCloud"));
        if (!profile) {
            log()->warn("the record of '{}' names a cloud that cannot be used: {}", r.name, profile.error().message);
            continue;
        }
        AzureAccount a;
        a.profile = *profile;
        if (spec && !r.extra.value(kDiscoveredKey).toBool()) {
            a.tenantId = spec->aadApp.tenantId;
            a.clientId = spec->aadApp.clientId;
            a.useAzureCli = spec->aadApp.useAzureCli;
        }
        a.waiting = !e.backend && !neverStarted(r) && !e.status.isTerminal() ? 1 : 0;
        QList<AzureAccount> &into = a.useAzureCli || !a.clientId.isEmpty() ? accounts : anonymous;
        auto same = std::find_if(into.begin(), into.end(), [&a](const AzureAccount &x) { return x.sameAs(a); });
        if (same != into.end())
            same->waiting += a.waiting;
        else
            into << a;
    }
    for (const AzureAccount &a : std::as_const(anonymous)) {
        auto onCloud = std::find_if(accounts.begin(), accounts.end(), [&a](const AzureAccount &x) { return x.profile.armEndpoint == a.profile.armEndpoint; });
        if (onCloud != accounts.end())
            onCloud->waiting += a.waiting;
        else
            accounts << a;
    }
    return accounts;
}

MigrationBackend *MigrationManager::backend(const QString &id) const
{
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->backend.data();
}

Expected<StoredMigration> MigrationManager::record(const QString &id) const
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return fail(unknownId(id));
    return it->record;
}

MigrationStatus MigrationManager::status(const QString &id) const
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return {};
    return it->status;
}

QStringList MigrationManager::groupIds() const
{
    QStringList g;
    for (const QString &id : m_order) {
        const QString gid = m_entries.value(id).record.groupId;
        if (!gid.isEmpty() && !g.contains(gid))
            g << gid;
    }
    return g;
}

GroupStatus MigrationManager::groupStatus(const QString &groupId) const
{
    GroupStatus g;
    g.groupId = groupId;
    QList<const Entry *> parts;
    for (const auto &e : m_entries)
        if (e.record.groupId == groupId)
            parts << &e;
    if (parts.isEmpty())
        return g;
    std::sort(parts.begin(), parts.end(), [](const Entry *a, const Entry *b) { return a->record.groupIndex < b->record.groupIndex; });
    g.total = int(parts.size());
    QString name = parts.first()->record.name;
    if (const auto dash = name.lastIndexOf(QLatin1Char('-')); dash > 0)
        name.truncate(dash);
    g.name = name;
    bool ended = true;
    std::optional<S::State> bad;
    for (const Entry *e : parts) {
        g.ids << e->record.id;
        g.databases << e->record.databases;
        const S::State st = e->status.state;
        if (st == S::State::Succeeded)
            ++g.succeeded;
        else if ((st == S::State::Failed || st == S::State::ValidationFailed || st == S::State::Canceled) && !bad)
            bad = st;
        if (!e->status.isTerminal())
            ended = false;
        if (e->backend && !e->backend->isFinished() && !g.activeIndex)
            g.activeIndex = e->record.groupIndex;
    }
    if (g.succeeded == g.total)
        g.state = S::State::Succeeded;
    else if (bad && ended)
        g.state = *bad;
    else if (g.activeIndex) {
        const S::State active = parts[g.activeIndex - 1]->status.state;
        g.state = active == S::State::WaitingForUser ? S::State::WaitingForUser : S::State::InProgress;
    } else if (bad)
        g.state = *bad;
    else
        g.state = g.succeeded > 0 ? S::State::InProgress : S::State::NotStarted;
    return g;
}

void MigrationManager::remove(const QString &id, ActionCallback done)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return deliverLater([done, id] { done(fail(unknownId(id))); });
    auto forget = [this, id] {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return;
        const QString groupId = it->record.groupId;
        if (it->backend)
            it->backend->deleteLater();
        m_entries.erase(it);
        m_order.removeAll(id);
        m_store.remove(id);
        emit migrationRemoved(id);
        if (!groupId.isEmpty()) {
            // Removing a part stops its group: the parts after it are not sent.
            for (auto &e : m_entries) {
                if (e.record.groupId == groupId && e.record.lastState == kQueued) {
                    e.record.lastState = QStringLiteral("NotStarted");
                    e.record.extra[kStateKey] = toString(S::State::Canceled);
                    m_store.save(e.record);
                    e.status.state = S::State::Canceled;
                    e.status.rawState = e.record.lastState;
                    emit statusChanged(e.record.id, e.status);
                }
            }
            m_groupCredentials.remove(groupId);
            emit groupStatusChanged(groupId);
        }
    };
    MigrationBackend *b = it->backend.data();
    const bool dmsNothingLeft = it->record.backend == Backend::Dms && it->record.createdResources.isEmpty();
    if (!b && !dmsNothingLeft && it->record.backend != Backend::Direct && it->record.lastState != kQueued
        && !it->record.lastState.startsWith(QLatin1String("NotStarted")) && it->record.lastState != QLatin1String("StartFailed")) {
        // Not attached (e.g. reattach failed): build the backend so the Azure resources are deleted too.
        auto spec = specOf(it->record);
        if (spec && m_http) {
            if (auto nb = makeBackend(*spec, it->record, nullptr); nb) {
                attach(id, *nb);
                b = *nb;
            }
        }
    }
    if (!b) {
        if (it->record.backend == Backend::Direct && !it->record.directJournalPath.isEmpty())
            QFile::remove(it->record.directJournalPath);
        forget();
        return deliverLater([done] { done({}); });
    }
    b->remove([forget, done](Expected<void> r) {
        if (r)
            forget();
        done(r);
    });
}

void MigrationManager::discover(DiscoverCallback done, const QStringList &extraTargets)
{
    if (!m_http)
        return deliverLater([done] {
            done(fail(Error::validation(QStringLiteral("AzureNotConfigured"), QStringLiteral("Listing migrations needs an Azure sign-in, and none was given."))));
        });
    QStringList targets;
    QSet<QString> known; // "target|name", lower case
    for (const auto &e : std::as_const(m_entries)) {
        if (!isAzure(e.record.backend) || e.record.targetResourceId.isEmpty())
            continue;
        known.insert((e.record.targetResourceId + QLatin1Char('|') + e.record.name).toLower());
        if (!targets.contains(e.record.targetResourceId, Qt::CaseInsensitive))
            targets << e.record.targetResourceId;
    }
    for (const QString &t : extraTargets)
        if (!targets.contains(t, Qt::CaseInsensitive))
            targets << t;
    if (targets.isEmpty())
        return deliverLater([done] { done(QList<DiscoveredMigration>{}); });

    struct Pending {
        int left = 0;
        QList<DiscoveredMigration> found;
        std::optional<Error> firstError;
        int failures = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(targets.size());
    const arm::MigrationClient *client = migrationClient(m_options.serviceApiVersion);
    for (const QString &t : targets) {
        auto finishOne = [pending, done, total = int(targets.size())] {
            if (--pending->left > 0)
                return;
            if (pending->failures == total && pending->firstError)
                return done(fail(*pending->firstError));
            done(pending->found);
        };
        auto id = arm::ResourceId::parse(t, QStringLiteral("The target server id"));
        if (!id) {
            ++pending->failures;
            pending->firstError = pending->firstError.value_or(id.error());
            deliverLater(finishOne);
            continue;
        }
        client->list(*id, arm::MigrationListFilter(QStringLiteral("All")), this,
                     [pending, finishOne, known, t](Expected<QList<arm::MigrationResource>> list) {
                         if (!list) {
                             log()->warn("listing the migrations of {} failed: {}", t, list.error().message);
                             ++pending->failures;
                             if (!pending->firstError)
                                 pending->firstError = list.error();
                         } else {
                             for (const auto &r : *list) {
                                 const QString name = r.displayName();
                                 if (known.contains((t + QLatin1Char('|') + name).toLower()))
                                     continue;
                                 DiscoveredMigration d;
                                 d.targetResourceId = t;
                                 d.name = name;
                                 d.migrationResourceId = t + QStringLiteral("/migrations/") + name;
                                 d.status = statusFromArmMigration(r);
                                 pending->found << d;
                             }
                         }
                         finishOne();
                     });
    }
}

void MigrationManager::observeExisting(const QString &targetResourceId, const QString &name, CreateCallback done)
{
    auto failLater = [this, done](Error e) { deliverLater([done, e] { done(fail(e)); }); };
    for (const auto &e : std::as_const(m_entries))
        if (e.record.targetResourceId.compare(targetResourceId, Qt::CaseInsensitive) == 0 && e.record.name.compare(name, Qt::CaseInsensitive) == 0)
            return failLater(Error::validation(QStringLiteral("AlreadyKnown"), QStringLiteral("The migration \"%1\" is already in the list.").arg(name)));
    StoredMigration r;
    r.id = newId();
    r.name = name;
    r.backend = Backend::Service;
    r.targetResourceId = targetResourceId;
    r.migrationResourceId = targetResourceId + QStringLiteral("/migrations/") + name;
    r.apiVersion = arm::toString(m_options.serviceApiVersion);
    r.createdUtc = QDateTime::currentDateTimeUtc();
    r.extra[kDiscoveredKey] = true; // not started by this app
    r.extra[kCloudKey] = m_profile.toJson();
    const MigrationSpec spec = ServiceBackend::specForReattach(r);
    auto backend = makeBackend(spec, r, nullptr);
    if (!backend)
        return failLater(backend.error());
    if (auto ok = m_store.save(r); !ok) {
        delete *backend;
        return failLater(ok.error());
    }
    Entry e;
    e.record = r;
    e.status.backend = QStringLiteral("service");
    e.status.migrationName = name;
    m_entries.insert(r.id, e);
    m_order.prepend(r.id);
    emit migrationAdded(r.id);
    attach(r.id, *backend);
    const QString id = r.id;
    (*backend)->observe([this, id, done](Expected<void> ok) {
        if (!ok) {
            if (auto it = m_entries.find(id); it != m_entries.end()) {
                if (it->backend)
                    it->backend->deleteLater();
                m_entries.erase(it);
            }
            m_order.removeAll(id);
            m_store.remove(id);
            emit migrationRemoved(id);
            return done(fail(ok.error()));
        }
        saveRecord(id);
        done(QStringList{id});
    });
}

} // namespace fm::migration
