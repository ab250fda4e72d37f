// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationclient.h"
#include "engine/arm/resourceid.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"
#include "engine/migration/migrationstore.h"

#include <deque>
#include <functional>

class QTimer;

namespace fm::migration {

/**
 * @brief How often the service backend reads the migration (issue 11,
 * "Adaptive polling"): fast while data moves, slow while the service waits for
 * the user (the state can only change when the user acts).
 */
struct PollingIntervals {
    int fastMs = 5000;
    int slowMs = 30000;
    /** After an accepted cutover/cancel, polls stay fast while the status still reads as before, at most this many times. */
    int fastAfterActionPolls = 12;
};

/**
 * @brief The `service` backend: the Microsoft.DBforPostgreSQL migrations API
 * through arm::MigrationClient (azure-api.md §1).
 *
 * start() = PUT (create) from the spec plus the passwords given at start time;
 * then adaptive polling of GET (never more than one request in flight: GETs,
 * PATCHes and the DELETE go through one queue; retries and Retry-After are the
 * HttpClient's retry policy); polling stops when the status is terminal or the
 * migration was deleted. Cutover and cancel are PATCHes (cancel is a DELETE on
 * 2021-06-15-privatepreview, which has no cancel property); remove() is DELETE.
 * The substates where the service waits for the user come out as
 * MigrationStatus::requiredAction (armstatusmapper).
 */
class ServiceBackend : public MigrationBackend
{
    Q_OBJECT
public:
    /** `client` must outlive the backend. The spec's target.resourceId and name address the migration. */
    ServiceBackend(const arm::MigrationClient *client, MigrationSpec spec, QObject *parent = nullptr);
    ~ServiceBackend() override;

    QString name() const override { return QStringLiteral("service"); }
    void start(const StartCredentials &credentials, ActionCallback done) override;
    /** Reattach: polls an existing migration; `done` after the first GET (its error when it failed). */
    void observe(ActionCallback done) override;
    void cancel(ActionCallback done) override;
    void remove(ActionCallback done) override;
    /**
     * The substates where the service waits for the user (azure-api.md §1.12):
     * "setup-replication" (PATCH setupLogicalReplicationOnSourceDBIfNeeded:
     * the service sets azure.replication_support and restarts the source),
     * "overwrite-dbs" (overwriteDBsInTarget), "start-data-migration" (start
     * now instead of at the scheduled time), "db-names" (dbsToMigrate =
     * `databases`), "cutover". Refused (code "ActionNotRequired") unless the
     * status asks for that action: the service ignores such PATCHes otherwise.
     */
    void resolveAction(const QString &action, const QStringList &databases, ActionCallback done) override;
    /** Reads the status now (a GET queued behind any request in flight) unless a GET is already queued. */
    void refresh();

    void setPollingIntervals(PollingIntervals intervals) { m_intervals = intervals; }
    const PollingIntervals &pollingIntervals() const { return m_intervals; }
    /** A request is being sent or answered now. */
    bool isRequestInFlight() const { return m_busy; }
    bool isPolling() const;
    /** The last resource the service returned (raw JSON kept for `show`). */
    const std::optional<arm::MigrationResource> &lastResource() const { return m_resource; }

    /**
     * What the store keeps to reattach after a restart (issue 11): name, target,
     * migration resource id, api-version, databases, last state; never a secret.
     * `id` and `createdUtc` are left for the caller (the store's key).
     */
    StoredMigration record() const;
    /** The spec a reattaching backend needs (name, target, databases) from a stored record; then call observe(). */
    static MigrationSpec specForReattach(const StoredMigration &record);

    /** The wait before the next GET after `status`; -1 when polling stops (terminal). */
    static int pollInterval(const MigrationStatus &status, const PollingIntervals &intervals);
    /** The create request of `spec` for `version`, with the given secrets (the body is built and sent by MigrationClient). */
    static Expected<arm::CreateMigrationRequest> createRequest(const MigrationSpec &spec, const StartCredentials &credentials, arm::MigrationApiVersion version);

signals:
    /** The next GET was scheduled in `ms` (tests and the dashboard's "next refresh"). */
    void pollScheduled(int ms);
    /** A GET failed after the HttpClient's retries; polling continues slowly (stops on 404). */
    void observationFailed(const fm::Error &error);

protected:
    void doCutover(const QStringList &databases, ActionCallback done) override;

private:
    using Release = std::function<void()>;
    /** Queues a request; `op` sends it and calls its Release once the answer was handled. */
    void enqueue(std::function<void(Release)> op);
    void runNext();
    void queueGet(ActionCallback afterFirst = {});
    void reschedule();
    void apply(const arm::MigrationResource &resource);
    void patch(const arm::MigrationUpdate &update, ActionCallback done);
    Error addressError() const;

    const arm::MigrationClient *m_client;
    MigrationSpec m_spec;
    std::optional<arm::ResourceId> m_target;
    PollingIntervals m_intervals;
    QTimer *m_timer = nullptr;
    std::deque<std::function<void(Release)>> m_queue;
    bool m_busy = false;
    bool m_getQueued = false;
    bool m_active = false;  ///< started or observed, not yet removed
    bool m_removed = false;
    bool m_lastPollFailed = false;
    std::optional<arm::MigrationResource> m_resource;
    /** (state, substate) when an action was accepted: polls stay fast while the status still reads like this. */
    QString m_actionMark;
    int m_fastPollsLeft = 0;
};

} // namespace fm::migration
