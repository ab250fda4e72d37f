// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationenums.h"
#include "engine/core/expected.h"
#include "engine/http/cloudprofile.h"
#include "engine/http/httpclient.h"
#include "engine/http/tokencredential.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"
#include "engine/migration/migrationstatus.h"
#include "engine/migration/migrationstore.h"
#include "engine/migration/servicebackend.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace fm::arm {
class MigrationClient;
} // namespace fm::arm
namespace fm::dms {
class DmsClient;
} // namespace fm::dms

namespace fm::migration {

/**
 * @brief A split selection as one row of the dashboard (issue 11: "shown as
 * one group"): the numbered parts in order and where the group stands.
 */
struct GroupStatus {
    QString groupId;
    QString name;      ///< the spec's name before the split ("name-1", "name-2"... are the parts)
    QStringList ids;   ///< local ids of the parts, by groupIndex (1..n)
    int total = 0;
    int succeeded = 0;
    int activeIndex = 0; ///< 1-based part running now; 0 when none runs
    /** InProgress while a part runs or waits its turn; the first failure/cancel decides a failed group; Succeeded when every part did. */
    MigrationStatus::State state = MigrationStatus::State::Unknown;
    QStringList databases; ///< every database of the group
};

/** A migration found on a known target server that this app did not start (issue 11: "a lister"). */
struct DiscoveredMigration {
    QString targetResourceId;
    QString name;
    QString migrationResourceId;
    MigrationStatus status;
};

/**
 * @brief Who the Azure migrations of the store were started as, so the app can
 * sign in again after a restart: the cloud and the AAD application (or the
 * Azure CLI login). No secret: the app finds the client secret in the keychain
 * under auth::SecretStore::aadSecretKey(tenantId, clientId), or asks for it.
 */
struct AzureAccount {
    http::CloudProfile profile;
    QString tenantId;          ///< empty when the records do not say (migrations found in Azure)
    QString clientId;
    bool useAzureCli = false;
    /** Migrations of this account that wait for the sign-in to be observed (not finished, not attached). */
    int waiting = 0;

    /** Same cloud (ARM endpoint) and same identity. */
    bool sameAs(const AzureAccount &o) const;
};

/**
 * @brief Owns every running MigrationBackend of this app and the MigrationStore
 * (shared contract of the wizard, dashboard and backends; issue 11).
 *
 * create() splits a spec with more databases than one migration takes into
 * numbered parts (MigrationSpec::split(); "one active migration per target"),
 * records every part in the store at once, starts the first and starts each
 * next part when the one before it succeeded (a failed or canceled part stops
 * the group: the parts after it end Canceled without being sent). The
 * credentials of a group are kept in memory only, so after a restart a waiting
 * part needs resume() with the passwords again.
 *
 * Records are written when a migration is created and whenever its raw state
 * changes (lastState), so reattachAll() after a restart knows what to observe.
 * A record never holds a secret: the spec is kept as its draft without the
 * password references (extra["spec"]).
 *
 * Lives on one thread (the UI thread); every callback is delivered queued.
 */
class MigrationManager : public QObject
{
    Q_OBJECT
public:
    /** Knobs for tests and the CLI; the defaults are the app's. */
    struct Options {
        /** Where direct journals go; empty: the engine's default (<AppDataLocation>/direct). */
        QString directJournalDirectory;
        int directPollMs = 250;
        PollingIntervals servicePolling;
        /** DMS backend polling of the task output (fast while data moves). */
        PollingIntervals dmsPolling;
        /** Service backend api-version when no AAD app secret is given at start (with one: 2021-06-15-privatepreview). */
        arm::MigrationApiVersion serviceApiVersion = arm::MigrationApiVersion::Stable20240801;
        /** HttpClient options for the Azure backends; scopes are filled from the profile when empty. */
        http::HttpClient::Options http;
        /** DMS backend: SKU of the DMS service it creates (online PostgreSQL needs Premium). */
        QString dmsSku = QStringLiteral("Premium_4vCores");
    };

    using CreateCallback = std::function<void(Expected<QStringList> ids)>;

    explicit MigrationManager(MigrationStore store, QObject *parent = nullptr);
    MigrationManager(MigrationStore store, Options options, QObject *parent = nullptr);
    ~MigrationManager() override;

    /**
     * How the Azure backends (service, dms) reach ARM; the manager builds its own HttpClient. Backends created
     * before keep the old client. Azure records reattached before the first setAzure() are observed then.
     */
    void setAzure(const http::CloudProfile &profile, std::shared_ptr<http::TokenCredential> credential);
    bool hasAzure() const { return m_http != nullptr; }
    /**
     * The accounts of the Azure records, newest first, one entry per account (a record that does not
     * name its AAD app counts for the newest account on its cloud). Records keep the cloud given to
     * setAzure() when they were created; older ones the spec's cloud name.
     */
    QList<AzureAccount> azureAccounts() const;
    const Options &options() const { return m_options; }
    const MigrationStore &store() const { return m_store; }

    /**
     * Checks the spec, splits it (> 8 databases for the Azure backends; direct
     * runs any number in one migration), records every part and starts the
     * first. `done` gets the local ids of the parts (in order) once the first
     * part was accepted, or the error (then nothing is left in the store).
     */
    void create(const MigrationSpec &spec, StartCredentials credentials, CreateCallback done);

    /**
     * Every record in the store: builds its backend and observes it (a direct
     * migration and a group part that never started wait for resume()).
     * Records already attached are skipped, so calling it twice is harmless.
     */
    void reattachAll();

    /**
     * Starts again with passwords what cannot continue without them after a
     * restart: a direct migration (resumed from its journal) or a group part
     * that was waiting for its turn.
     */
    void resume(const QString &id, StartCredentials credentials, ActionCallback done);

    /** Local ids, newest first (a group's parts in order within it). */
    QStringList ids() const;
    /** The running backend, or null (unknown id, or a part not started yet). */
    MigrationBackend *backend(const QString &id) const;
    Expected<StoredMigration> record(const QString &id) const;
    /** The latest status of `id`: the backend's, or a synthesised one for a waiting part (NotStarted, rawState "Queued"). */
    MigrationStatus status(const QString &id) const;

    /** Groups, newest first. */
    QStringList groupIds() const;
    GroupStatus groupStatus(const QString &groupId) const;

    /** Backend remove (delete the migration, clean up what it created) and forget the record. */
    void remove(const QString &id, ActionCallback done);

    using DiscoverCallback = std::function<void(Expected<QList<DiscoveredMigration>>)>;
    /**
     * Lists the migrations (ARM list, filter All, every nextLink page) on the
     * known target servers — the targets of the Azure records in the store, plus
     * `extraTargets` — and keeps those this app did not start. A target whose
     * list fails is skipped (logged) unless every one fails (then the first error).
     */
    void discover(DiscoverCallback done, const QStringList &extraTargets = {});
    /** Observes a migration found by discover(): records it (name, target; no spec, no secret) and attaches a service backend. */
    void observeExisting(const QString &targetResourceId, const QString &name, CreateCallback done);

signals:
    void migrationAdded(const QString &id);
    void migrationRemoved(const QString &id);
    void statusChanged(const QString &id, const fm::migration::MigrationStatus &status);
    /** A part of `groupId` changed state or the next part started. */
    void groupStatusChanged(const QString &groupId);

private:
    struct Entry {
        StoredMigration record;
        QPointer<MigrationBackend> backend;
        MigrationStatus status;
    };

    Expected<MigrationBackend *> makeBackend(const MigrationSpec &spec, const StoredMigration &record, const StartCredentials *credentials);
    const arm::MigrationClient *migrationClient(arm::MigrationApiVersion version);
    const dms::DmsClient *dmsClient();
    void attach(const QString &id, MigrationBackend *backend);
    /** Builds and observes the backend of a reattached record when it can be observed (and Azure is set up for Azure records). */
    void tryAttach(const QString &id);
    void startPart(const QString &id, StartCredentials credentials, ActionCallback done);
    void onStatus(const QString &id, const MigrationStatus &status);
    void onFinished(const QString &id);
    void advanceGroup(const QString &groupId);
    void saveRecord(const QString &id);
    Expected<MigrationSpec> specOf(const StoredMigration &record) const;
    static MigrationStatus queuedStatus(const StoredMigration &record);
    void deliverLater(std::function<void()> f);

    MigrationStore m_store;
    Options m_options;
    http::CloudProfile m_profile;
    QNetworkAccessManager *m_nam = nullptr;
    http::HttpClient *m_http = nullptr;
    std::map<int, std::unique_ptr<arm::MigrationClient>> m_migrationClients;
    std::unique_ptr<dms::DmsClient> m_dmsClient;
    /** Clients of an earlier setAzure(), still used by the backends built with them. */
    std::vector<std::unique_ptr<arm::MigrationClient>> m_retiredMigrationClients;
    std::vector<std::unique_ptr<dms::DmsClient>> m_retiredDmsClients;
    QHash<QString, Entry> m_entries;
    QStringList m_order; ///< newest first
    /** In memory only: the passwords the next parts of a group start with. */
    QHash<QString, StartCredentials> m_groupCredentials;
};

/** The spec as a record keeps it: the draft without password or secret references (the store refuses anything that looks like a credential). */
QJsonObject specForRecord(const MigrationSpec &spec);

} // namespace fm::migration
