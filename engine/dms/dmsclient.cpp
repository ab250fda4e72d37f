// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/dms/dmsclient.h"

namespace fm::dms {

using nlohmann::json;

namespace {
const char *kService = "Microsoft.DataMigration/services";
const char *kProject = "Microsoft.DataMigration/services/projects";
const char *kTask = "Microsoft.DataMigration/services/projects/tasks";

} // namespace

DmsClient::DmsClient(http::HttpClient *client, http::CloudProfile profile, QString apiVersion)
    : ArmClient(client, std::move(profile)), m_apiVersion(std::move(apiVersion))
{
}

ResourceId DmsClient::serviceId(const QString &subscriptionId, const QString &resourceGroup, const QString &service)
{
    return ResourceId::make(subscriptionId, resourceGroup, QStringLiteral("Microsoft.DataMigration"), QStringLiteral("services"), service);
}

std::optional<Error> DmsClient::check(const ResourceId &id, const char *type, const char *what) const
{
    return expectType(id, QLatin1String(type), QLatin1String(what));
}

void DmsClient::getService(const ResourceId &service, QObject *context, Callback<DmsService> done) const
{
    if (auto e = check(service, kService, "DMS service id"))
        return failLater(context, std::move(done), *e);
    send(http::Request::get(url(service, {}, m_apiVersion)), context, parsed<DmsService>(&parseService, std::move(done)));
}

void DmsClient::createOrUpdateService(const ResourceId &service, const QString &location, const QString &skuName, const QString &virtualSubnetId,
                                      QObject *context, Callback<DmsService> done, std::function<void(http::LroPoller *)> started) const
{
    if (auto e = check(service, kService, "DMS service id"))
        return failLater(context, std::move(done), *e);
    // virtualSubnetId is required by the service schema (§4.1).
    if (virtualSubnetId.isEmpty())
        return failLater(context, std::move(done),
                         Error::validation(QStringLiteral("InvalidDmsService"), QStringLiteral("A DMS service needs a virtual subnet (virtualSubnetId).")));
    sendLongRunning(http::Request::json("PUT", url(service, {}, m_apiVersion), buildServiceBody(location, skuName, virtualSubnetId)), context,
                    parsed<DmsService>(&parseService, std::move(done)), std::move(started));
}

void DmsClient::deleteService(const ResourceId &service, bool deleteRunningTasks, QObject *context, Callback<Unit> done,
                              std::function<void(http::LroPoller *)> started) const
{
    if (auto e = check(service, kService, "DMS service id"))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(
        url(service, {}, m_apiVersion, {{QStringLiteral("deleteRunningTasks"), deleteRunningTasks ? QStringLiteral("true") : QStringLiteral("false")}}));
    req.method = "DELETE";
    sendLongRunning(std::move(req), context, unit(std::move(done)), std::move(started));
}

void DmsClient::getProject(const ResourceId &project, QObject *context, Callback<DmsProject> done) const
{
    if (auto e = check(project, kProject, "DMS project id"))
        return failLater(context, std::move(done), *e);
    send(http::Request::get(url(project, {}, m_apiVersion)), context, parsed<DmsProject>(&parseProject, std::move(done)));
}

void DmsClient::createOrUpdateProject(const ResourceId &project, const QString &location, QObject *context, Callback<DmsProject> done) const
{
    if (auto e = check(project, kProject, "DMS project id"))
        return failLater(context, std::move(done), *e);
    send(http::Request::json("PUT", url(project, {}, m_apiVersion), buildProjectBody(location)), context, parsed<DmsProject>(&parseProject, std::move(done)));
}

void DmsClient::deleteProject(const ResourceId &project, bool deleteRunningTasks, QObject *context, Callback<Unit> done) const
{
    if (auto e = check(project, kProject, "DMS project id"))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(
        url(project, {}, m_apiVersion, {{QStringLiteral("deleteRunningTasks"), deleteRunningTasks ? QStringLiteral("true") : QStringLiteral("false")}}));
    req.method = "DELETE";
    send(std::move(req), context, unit(std::move(done)));
}

void DmsClient::createSyncTask(const ResourceId &task, const SyncTaskInput &input, QObject *context, Callback<ProjectTask> done) const
{
    if (auto e = check(task, kTask, "DMS task id"))
        return failLater(context, std::move(done), *e);
    auto body = buildSyncTaskBody(input);
    if (!body)
        return failLater(context, std::move(done), body.error());
    http::Request req = http::Request::json("PUT", url(task, {}, m_apiVersion), *body);
    req.sensitiveBody = true; // connection passwords
    send(std::move(req), context, parsed<ProjectTask>(&parseProjectTask, std::move(done)));
}

void DmsClient::getTask(const ResourceId &task, QObject *context, Callback<ProjectTask> done, bool expandOutput) const
{
    if (auto e = check(task, kTask, "DMS task id"))
        return failLater(context, std::move(done), *e);
    QList<QPair<QString, QString>> query;
    if (expandOutput)
        query.append({QStringLiteral("$expand"), QStringLiteral("output")});
    send(http::Request::get(url(task, {}, m_apiVersion, query)), context, parsed<ProjectTask>(&parseProjectTask, std::move(done)));
}

void DmsClient::listTasks(const ResourceId &project, const QString &taskType, QObject *context, Callback<QList<ProjectTask>> done) const
{
    if (auto e = check(project, kProject, "DMS project id"))
        return failLater(context, std::move(done), *e);
    QList<QPair<QString, QString>> query;
    if (!taskType.isEmpty())
        query.append({QStringLiteral("taskType"), taskType});
    listAll(url(project, QStringLiteral("/tasks"), m_apiVersion, query), context, [done = std::move(done)](Expected<QList<json>> items) {
        if (!items)
            return done(fail(items.error()));
        QList<ProjectTask> out;
        for (const auto &i : *items)
            if (auto t = parseProjectTask(i))
                out.append(*t);
        done(out);
    });
}

void DmsClient::cancelTask(const ResourceId &task, QObject *context, Callback<ProjectTask> done) const
{
    if (auto e = check(task, kTask, "DMS task id"))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(url(task, QStringLiteral("/cancel"), m_apiVersion));
    req.method = "POST";
    send(std::move(req), context, parsed<ProjectTask>(&parseProjectTask, std::move(done)));
}

void DmsClient::deleteTask(const ResourceId &task, bool deleteRunningTasks, QObject *context, Callback<Unit> done) const
{
    if (auto e = check(task, kTask, "DMS task id"))
        return failLater(context, std::move(done), *e);
    http::Request req = http::Request::get(
        url(task, {}, m_apiVersion, {{QStringLiteral("deleteRunningTasks"), deleteRunningTasks ? QStringLiteral("true") : QStringLiteral("false")}}));
    req.method = "DELETE";
    send(std::move(req), context, unit(std::move(done)));
}

void DmsClient::completeDatabase(const ResourceId &task, const QString &databaseName, QObject *context, Callback<TaskCommand> done,
                                 const QDateTime &commitTimestamp) const
{
    if (auto e = check(task, kTask, "DMS task id"))
        return failLater(context, std::move(done), *e);
    if (databaseName.trimmed().isEmpty())
        return failLater(context, std::move(done), Error::validation(QStringLiteral("InvalidDmsCommand"), QStringLiteral("The database to complete is empty.")));
    send(http::Request::json("POST", url(task, QStringLiteral("/command"), m_apiVersion), buildCompleteCommandBody(databaseName, commitTimestamp)), context,
         parsed<TaskCommand>(&parseCommand, std::move(done)));
}

} // namespace fm::dms
