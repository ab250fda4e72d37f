// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/resourceid.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"
#include "engine/migration/migrationstore.h"
#include "engine/migration/servicebackend.h"

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace fm::dms {
class DmsClient;
} // namespace fm::dms
namespace fm::arm {
class SingleServerClient;
class FlexibleServerClient;
} // namespace fm::arm

namespace fm::migration {

/**
 * @brief The `dms` backend: orchestrates classic DMS (`Microsoft.DataMigration`,
 * azure-api.md §4) the way the seed says the migration service does behind the
 * scenes ("creating DMS, adding firewall rules at both source and target to
 * allow DMS access them", seed line 33).
 *
 * start(): reads the target (its region: the DMS service goes there) and the
 * source (host names, Single Server user@server), then creates in order a
 * firewall rule on the source (when it is an Azure server) and on the target,
 * the DMS service in the user's subnet (spec.dmsSubnetId), the project and the
 * online PostgreSQL sync task with the selected databases. Each resource is
 * added to record().createdResources (and recordChanged() emitted, so the
 * store has it) BEFORE its PUT is sent: a crash between the PUT and the answer
 * still leaves it recorded, and deleting what does not exist is harmless.
 *
 * Progress: adaptive polling of the task with `$expand=output`
 * (statusFromDmsTask); one request in flight at most (one queue for GETs,
 * commands, cancel and deletes). Cutover: `Migrate.Sync.Complete.Database` per
 * database. When the task ends (Succeeded, Failed, Canceled) — and on cancel()
 * and remove() — every recorded resource is deleted (task, project, service,
 * then the firewall rules), the status reads CleaningUp meanwhile, and only
 * then the final status is set (finished()). A resource that could not be
 * deleted stays in createdResources and the error is in the status; remove()
 * or a later observe() tries again.
 *
 * observe() (reattach after a restart) takes the record: a task still running
 * is polled; a task that ended, is gone, or was never created (the app was
 * closed while setting up) is cleaned up now.
 */
class DmsBackend : public MigrationBackend
{
    Q_OBJECT
public:
    /** `client` must outlive the backend; `record` is the stored record when reattaching (empty for a new migration). */
    DmsBackend(const dms::DmsClient *client, MigrationSpec spec, StoredMigration record = {}, QObject *parent = nullptr);
    ~DmsBackend() override;

    QString name() const override { return QStringLiteral("dms"); }
    void start(const StartCredentials &credentials, ActionCallback done) override;
    void observe(ActionCallback done) override;
    /** Cancels the task (or stops the setup), deletes what was created; `done` when the cleanup ended (its error when a delete failed). */
    void cancel(ActionCallback done) override;
    /** Cancel if running, then delete every recorded resource; done when nothing is left. */
    void remove(ActionCallback done) override;

    void setPollingIntervals(PollingIntervals intervals) { m_intervals = intervals; }
    void setServiceSku(const QString &sku) { m_sku = sku; }
    bool isRequestInFlight() const { return m_busy; }

    /** Name, target, task id, api-version, databases, created resources, last state; never a secret. */
    StoredMigration record() const;
    const QStringList &createdResources() const { return m_created; }

    /** The resources a spec's migration uses (deterministic from the name and the target). */
    struct Names {
        arm::ResourceId service, project, task;
        QString firewallRule;
    };
    static Expected<Names> namesFor(const MigrationSpec &spec);

signals:
    /** createdResources or the task id changed: the owner saves the record now. */
    void recordChanged();
    void pollScheduled(int ms);

protected:
    void doCutover(const QStringList &databases, ActionCallback done) override;

private:
    using Release = std::function<void()>;
    using Step = std::function<void(std::function<void(Expected<void>)>)>;
    void enqueue(std::function<void(Release)> op);
    void runNext();
    void runSteps(std::shared_ptr<std::deque<Step>> steps, std::function<void(Expected<void>)> done, bool cancellable = true);
    MigrationStatus canceledStatus(const QList<MigrationStatus::ErrorInfo> &errors) const;
    void addCreated(const QString &resourceId);
    void dropCreated(const QString &resourceId);
    void setPhase(const QString &raw, const QString &message = {});
    void schedulePoll();
    void poll(ActionCallback afterFirst = {});
    /** Deletes every recorded resource (in dependency order), then sets `final` (with any delete error added) and calls done. */
    void cleanup(MigrationStatus final, ActionCallback done);
    void deleteResource(const QString &id, std::function<void(Expected<void>)> done);

    const dms::DmsClient *m_client;
    std::unique_ptr<arm::SingleServerClient> m_single;
    std::unique_ptr<arm::FlexibleServerClient> m_flexible;
    MigrationSpec m_spec;
    StoredMigration m_record;
    QStringList m_created;
    QString m_taskId;
    QString m_sku = QStringLiteral("Premium_4vCores");
    PollingIntervals m_intervals;
    QTimer *m_timer = nullptr;
    std::deque<std::function<void(Release)>> m_queue;
    bool m_busy = false;
    bool m_pollQueued = false;
    bool m_cancelRequested = false;
    bool m_cleaningUp = false;
    bool m_settingUp = false;
    bool m_done = false; ///< final status set
    std::vector<ActionCallback> m_afterCleanup;
    std::optional<MigrationStatus> m_outcome; ///< the final status while the cleanup runs
};

} // namespace fm::migration
