// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/armclient.h"
#include "engine/dms/dmsrequest.h"
#include "engine/dms/dmstask.h"

namespace fm::dms {

using arm::Callback;
using arm::ResourceId;
using arm::Unit;

/**
 * @brief Classic DMS (`Microsoft.DataMigration`, api-version 2021-06-30; azure-api.md §4):
 * services -> projects -> tasks of the PostgreSQL online sync type, task output
 * with `$expand=output`, the per-database complete (cutover) command, cancel,
 * and deletes with `deleteRunningTasks`. Clean-up order (doc): cancel task ->
 * delete task -> delete project -> delete service.
 */
class DmsClient : public arm::ArmClient
{
public:
    static constexpr const char *kApiVersion = "2021-06-30";

    DmsClient(http::HttpClient *client, http::CloudProfile profile, QString apiVersion = QLatin1String(kApiVersion));

    const QString &apiVersion() const { return m_apiVersion; }

    static ResourceId serviceId(const QString &subscriptionId, const QString &resourceGroup, const QString &service);
    static ResourceId projectId(const ResourceId &service, const QString &project) { return service.child(QStringLiteral("projects"), project); }
    static ResourceId taskId(const ResourceId &project, const QString &task) { return project.child(QStringLiteral("tasks"), task); }

    void getService(const ResourceId &service, QObject *context, Callback<DmsService> done) const;
    /** PUT, followed through provisioningState (takes ~10-12 min in Azure). */
    void createOrUpdateService(const ResourceId &service, const QString &location, const QString &skuName, const QString &virtualSubnetId, QObject *context,
                               Callback<DmsService> done, std::function<void(http::LroPoller *)> started = {}) const;
    void deleteService(const ResourceId &service, bool deleteRunningTasks, QObject *context, Callback<Unit> done,
                       std::function<void(http::LroPoller *)> started = {}) const;

    void getProject(const ResourceId &project, QObject *context, Callback<DmsProject> done) const;
    void createOrUpdateProject(const ResourceId &project, const QString &location, QObject *context, Callback<DmsProject> done) const;
    void deleteProject(const ResourceId &project, bool deleteRunningTasks, QObject *context, Callback<Unit> done) const;

    /** PUT the online sync task; the body holds passwords and is sent with sensitiveBody. */
    void createSyncTask(const ResourceId &task, const SyncTaskInput &input, QObject *context, Callback<ProjectTask> done) const;
    /** GET with `$expand=output` (default) so the output items are present. */
    void getTask(const ResourceId &task, QObject *context, Callback<ProjectTask> done, bool expandOutput = true) const;
    /** GET …/tasks?taskType=… (all pages); empty taskType lists every task. */
    void listTasks(const ResourceId &project, const QString &taskType, QObject *context, Callback<QList<ProjectTask>> done) const;
    void cancelTask(const ResourceId &task, QObject *context, Callback<ProjectTask> done) const;
    void deleteTask(const ResourceId &task, bool deleteRunningTasks, QObject *context, Callback<Unit> done) const;
    /** POST …/command `Migrate.Sync.Complete.Database` for one database (cutover). */
    void completeDatabase(const ResourceId &task, const QString &databaseName, QObject *context, Callback<TaskCommand> done,
                          const QDateTime &commitTimestamp = {}) const;

private:
    std::optional<Error> check(const ResourceId &id, const char *type, const char *what) const;
    QString m_apiVersion;
};

} // namespace fm::dms
