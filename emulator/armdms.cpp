// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Microsoft.DataMigration (classic DMS, azure-api.md §4): services, projects,
// tasks (connect, table list, Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2
// with $expand=output), cancel and the Migrate.Sync.Complete.Database command.
// The migration task runs a MigrationRunner between the mapped local servers.
#include "emulator/dmsstate.h"
#include "emulator/emulator.h"
#include "emulator/emulatorprivate.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QDateTime>
#include <QRegularExpression>

namespace fm::emulator {

using json = nlohmann::json;

namespace {

std::string s(const QString &v)
{
    return v.toStdString();
}

const QStringList &dmsApiVersions()
{
    static const QStringList v{QStringLiteral("2018-04-19"), QStringLiteral("2021-06-30"), QStringLiteral("2022-03-30-preview"), QStringLiteral("2025-06-30")};
    return v;
}

/** DMS errors: ApiError {error: ODataError {code, message, details}} (§4.7), the same JSON as ARM's envelope. */
HttpResponse dmsError(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status, {{"error", {{"code", s(code)}, {"message", s(message)}, {"details", json::array()}}}});
}

QString str(const json &o, const char *key)
{
    if (!o.is_object())
        return {};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (sameText(QString::fromStdString(it.key()), QString::fromLatin1(key)) && it->is_string())
            return QString::fromStdString(it->get<std::string>());
    return {};
}

const json *member(const json &o, const char *key)
{
    if (!o.is_object())
        return nullptr;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (sameText(QString::fromStdString(it.key()), QString::fromLatin1(key)) && !it->is_null())
            return &*it;
    return nullptr;
}

const QString kMigrateSync = QStringLiteral("Migrate.PostgreSql.AzureDbForPostgreSql.SyncV2");
const QString kMigrateSyncOld = QStringLiteral("Migrate.PostgreSql.AzureDbForPostgreSql.Sync");
const QString kConnectSource = QStringLiteral("ConnectToSource.PostgreSql.Sync");
const QString kConnectTarget = QStringLiteral("ConnectToTarget.AzureDbForPostgreSql.Sync");
const QString kUserTables = QStringLiteral("GetUserTablesPostgreSql");

/** A running task's database state (SyncDatabaseMigrationReportingState, §4.5). */
QString dbReportingState(const RunnerDatabase &d, bool completeRequested)
{
    if (d.phase == QLatin1String("queued"))
        return QStringLiteral("CONFIGURING");
    if (d.phase == QLatin1String("copying"))
        return QStringLiteral("RUNNING");
    if (d.phase == QLatin1String("streaming"))
        return completeRequested ? QStringLiteral("COMPLETING") : QStringLiteral("READY_TO_COMPLETE");
    if (d.phase == QLatin1String("cutover"))
        return QStringLiteral("COMPLETING");
    if (d.phase == QLatin1String("done"))
        return QStringLiteral("COMPLETE");
    if (d.phase == QLatin1String("failed"))
        return QStringLiteral("FAILED");
    if (d.phase == QLatin1String("cancelled") || d.phase == QLatin1String("cleaned"))
        return QStringLiteral("CANCELLED");
    return QStringLiteral("UNDEFINED");
}

} // namespace

ServerState *Emulator::serverForConnection(const json &info, QString *problem)
{
    // A PostgreSqlConnectionInfo names a server by host and port: the Azure host name
    // (<name>.postgres.database.azure.com, port 5432) or the local endpoint the emulator maps it to.
    const QString host = str(info, "serverName");
    const json *portJson = member(info, "port");
    const int port = portJson && portJson->is_number_integer() ? portJson->get<int>() : 5432;
    const QString user = str(info, "userName");
    const QString password = str(info, "password");
    if (host.isEmpty()) {
        *problem = QStringLiteral("'serverName' is required.");
        return nullptr;
    }
    for (auto &srv : m_servers) {
        const bool byName = sameText(host, srv->spec.name + QStringLiteral(".postgres.database.azure.com"));
        const bool byEndpoint = sameText(host, srv->spec.postgres.host) && port == srv->spec.postgres.port;
        if (!byName && !byEndpoint)
            continue;
        if (!srv->spec.postgres.password.isEmpty() && password != srv->spec.postgres.password.reveal()) {
            *problem = QStringLiteral("Login failed for user '%1' on server '%2': password authentication failed.").arg(user, host);
            return nullptr;
        }
        return srv.get();
    }
    *problem = QStringLiteral("The server '%1' (port %2) could not be reached.").arg(host).arg(port);
    return nullptr;
}

json Emulator::dmsServiceJson(const DmsService &svc) const
{
    const bool ready = nowMs() >= svc.readyAtMs;
    return {{"etag", s(svc.etag)},
            {"kind", "vm"},
            {"location", s(svc.location)},
            {"sku", {{"name", s(svc.skuName)}, {"tier", svc.skuName.startsWith(QLatin1String("Premium")) ? "Premium" : "Basic"}, {"size", "4 vCores"}}},
            {"properties", {{"provisioningState", svc.deleting ? "Deleting" : ready ? "Succeeded" : "Accepted"}, {"virtualSubnetId", s(svc.virtualSubnetId)}}},
            {"id", s(QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.DataMigration/services/%3").arg(svc.subscriptionId, svc.resourceGroup, svc.name))},
            {"name", s(svc.name)},
            {"type", "Microsoft.DataMigration/services"}};
}

json Emulator::dmsTaskJson(const DmsService &svc, const DmsProject &project, const DmsTask &task, bool expandOutput) const
{
    json props = {{"taskType", s(task.taskType)}, {"input", task.input}, {"state", s(task.state)}, {"errors", task.errors}, {"commands", task.commands},
                  {"clientData", task.clientData}};
    if (expandOutput) {
        json output = task.staticOutput;
        if (task.taskType == kMigrateSync || task.taskType == kMigrateSyncOld) {
            const RunnerStatus st = task.runner ? task.runner->status() : task.last;
            json migration = {{"id", s(task.migrationId)},
                              {"resultType", "MigrationLevelOutput"},
                              {"startedOn", s(task.startedOn)},
                              {"sourceServer", task.source ? s(task.source->spec.name + QStringLiteral(".postgres.database.azure.com")) : ""},
                              {"sourceServerVersion", task.source ? s(task.source->spec.version) : ""},
                              {"targetServer", task.target ? s(task.target->spec.name + QStringLiteral(".postgres.database.azure.com")) : ""},
                              {"targetServerVersion", task.target ? s(task.target->spec.version) : ""},
                              {"sourceServerType", "PostgreSQL"},
                              {"targetServerType", "AzureDBForPostgresSQL"},
                              {"databaseCount", task.dbs.size()},
                              {"state", task.state == QLatin1String("Succeeded") ? "COMPLETE" : task.state == QLatin1String("Failed") ? "FAILED" : "PENDING"}};
            migration["endedOn"] = task.endedOn.isEmpty() ? json() : json(s(task.endedOn));
            output.push_back(migration);
            for (const auto &d : st.databases) {
                qint64 ins = 0, upd = 0, del = 0;
                int queued = 0, loading = 0, completed = 0, errored = 0;
                for (const auto &t : d.tables) {
                    ins += t.inserts;
                    upd += t.updates;
                    del += t.deletes;
                    if (t.state == QLatin1String("queued"))
                        ++queued;
                    else if (t.state == QLatin1String("copying") || t.state == QLatin1String("resyncing"))
                        ++loading;
                    else if (t.state == QLatin1String("failed"))
                        ++errored;
                    else
                        ++completed;
                }
                const bool initDone = d.phase == QLatin1String("streaming") || d.phase == QLatin1String("cutover") || d.phase == QLatin1String("done");
                json db = {{"id", s(QStringLiteral("db|") + d.name)},
                           {"resultType", "DatabaseLevelOutput"},
                           {"databaseName", s(d.name)},
                           {"startedOn", s(task.startedOn)},
                           {"endedOn", d.phase == QLatin1String("done") && !task.endedOn.isEmpty() ? json(s(task.endedOn)) : json()},
                           {"migrationState", s(dbReportingState(d, task.completeRequested.contains(d.name)))},
                           {"incomingChanges", std::max<qint64>(0, d.lagBytes)},
                           {"appliedChanges", ins + upd + del},
                           {"cdcInsertCounter", ins},
                           {"cdcUpdateCounter", upd},
                           {"cdcDeleteCounter", del},
                           {"fullLoadCompletedTables", completed},
                           {"fullLoadLoadingTables", loading},
                           {"fullLoadQueuedTables", queued},
                           {"fullLoadErroredTables", errored},
                           {"initializationCompleted", initDone},
                           {"latency", d.latencySeconds > 0 ? qint64(d.latencySeconds + 0.5) : 0}};
                output.push_back(db);
                for (const auto &t : d.tables) {
                    const QString tableState = t.state == QLatin1String("queued")                                                   ? QStringLiteral("BEFORE_LOAD")
                                               : t.state == QLatin1String("copying") || t.state == QLatin1String("resyncing") ? QStringLiteral("FULL_LOAD")
                                               : t.state == QLatin1String("failed")                                           ? QStringLiteral("ERROR")
                                                                                                                               : QStringLiteral("COMPLETED");
                    output.push_back({{"id", s(QStringLiteral("or|%1|%2|%3").arg(d.name, t.schema, t.name))},
                                      {"resultType", "TableLevelOutput"},
                                      {"tableName", s(t.schema + QLatin1Char('.') + t.name)},
                                      {"databaseName", s(d.name)},
                                      {"cdcInsertCounter", t.inserts},
                                      {"cdcUpdateCounter", t.updates},
                                      {"cdcDeleteCounter", t.deletes},
                                      {"fullLoadTotalRows", t.rowsCopied},
                                      {"fullLoadStartedOn", s(task.startedOn)},
                                      {"state", s(tableState)},
                                      {"totalChangesApplied", t.inserts + t.updates + t.deletes},
                                      {"dataErrorsCounter", 0},
                                      {"lastModifiedTime", s(armTimestamp())}});
                }
            }
            if (task.state == QLatin1String("Failed") && !st.error.isEmpty())
                output.push_back({{"id", s(newGuid())}, {"resultType", "ErrorOutput"}, {"error", {{"message", s(st.error)}, {"actionableMessage", ""}}}});
        }
        props["output"] = output;
    }
    return {{"etag", s(svc.etag)},
            {"properties", props},
            {"id", s(QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.DataMigration/services/%3/projects/%4/tasks/%5")
                         .arg(svc.subscriptionId, svc.resourceGroup, svc.name, project.name, task.name))},
            {"name", s(task.name)},
            {"type", "Microsoft.DataMigration/services/projects/tasks"}};
}

HttpResponse Emulator::handleDms(ArmCall &call, const QString &rgName, const ResourceGroup *rg, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    const QString path = QLatin1Char('/') + call.segs.join(QLatin1Char('/'));
    if (rest.isEmpty() || !sameText(rest[0], QStringLiteral("services")))
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"),
                                      QStringLiteral("The resource type '%1' could not be found in the namespace 'Microsoft.DataMigration'.").arg(rest.value(0)));
    QString typeForError = QStringLiteral("services");
    if (rest.size() > 2)
        typeForError += QLatin1Char('/') + rest[2];
    if (auto e = checkApiVersion(call, dmsApiVersions(), typeForError, rg ? rg->location : QString()))
        return *e;

    // RBAC: Microsoft.DataMigration/services[/projects[/tasks]]/verb, POST actions .../<name>/action.
    QStringList types;
    for (int i = 0; i < rest.size(); i += 2)
        types << rest[i];
    QString scope = path;
    QString action;
    const bool isAction = method == "POST" && rest.size() % 2 == 1 && rest.size() > 1;
    if (isAction) {
        action = QStringLiteral("Microsoft.DataMigration/") + types.join(QLatin1Char('/')) + QStringLiteral("/action");
        scope = path.left(path.size() - rest.last().size() - 1);
    } else {
        const QString verb = method == "GET" ? QStringLiteral("read") : method == "DELETE" ? QStringLiteral("delete") : QStringLiteral("write");
        action = QStringLiteral("Microsoft.DataMigration/") + types.join(QLatin1Char('/')) + QLatin1Char('/') + verb;
    }
    if (auto e = authorize(call, scope, action))
        return *e;
    if (!rg)
        return HttpResponse::armError(404, QStringLiteral("ResourceGroupNotFound"), QStringLiteral("Resource group '%1' could not be found.").arg(rgName));
    if (rest.size() < 2)
        return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Listing DMS services is not emulated."));

    const QString svcName = rest[1];
    DmsService *svc = nullptr;
    for (auto &x : m_dmsServices)
        if (!x->deleting && sameText(x->subscriptionId, call.subscription->id) && sameText(x->resourceGroup, rgName) && sameText(x->name, svcName))
            svc = x.get();
    const QString serviceId = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.DataMigration/services/%3").arg(call.subscription->id, rgName, svcName);
    auto notFound = [&](const QString &type, const QString &name) {
        return HttpResponse::armError(404, QStringLiteral("ResourceNotFound"),
                                      QStringLiteral("The Resource 'Microsoft.DataMigration/%1/%2' under resource group '%3' was not found. For more details please "
                                                     "go to https://aka.ms/ARMResourceNotFoundFix")
                                          .arg(type, name, rgName));
    };
    auto bodyJson = [&](json &out) -> std::optional<HttpResponse> {
        out = json::parse(call.request.body.constData(), call.request.body.constData() + call.request.body.size(), nullptr, false);
        if (out.is_discarded() || !out.is_object())
            return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("The request body must be a JSON object."));
        return std::nullopt;
    };
    auto hasRunningTasks = [](const DmsService &sv) {
        for (const auto &[pn, p] : sv.projects)
            for (const auto &[tn, t] : p->tasks)
                if (t->state == QLatin1String("Running") || t->state == QLatin1String("Queued"))
                    return true;
        return false;
    };
    const bool deleteRunning = sameText(call.request.queryItem(QStringLiteral("deleteRunningTasks")), QStringLiteral("true"));

    // ---- services/{svc}
    if (rest.size() == 2) {
        if (method == "GET") {
            if (!svc)
                return notFound(QStringLiteral("services"), svcName);
            return HttpResponse::json(200, dmsServiceJson(*svc));
        }
        if (method == "DELETE") {
            if (!svc)
                return HttpResponse::empty(204);
            if (hasRunningTasks(*svc) && !deleteRunning)
                return dmsError(409, QStringLiteral("ServiceIsBusy"),
                                QStringLiteral("The service '%1' has running tasks. Cancel them first, or delete with deleteRunningTasks=true.").arg(svcName));
            for (auto &[pn, p] : svc->projects)
                for (auto &[tn, t] : p->tasks)
                    if (t->runner) {
                        t->runner->cancel();
                        t->cancelRequested = true;
                    }
            svc->deleting = true; // gone for ARM at once; runners are joined by tick()
            return HttpResponse::empty(202);
        }
        if (method != "PUT")
            return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The HTTP method is not supported for a DMS service."));
        json body;
        if (auto e = bodyJson(body))
            return *e;
        const QString location = str(body, "location");
        const json *sku = member(body, "sku");
        const json *props = member(body, "properties");
        if (location.isEmpty())
            return HttpResponse::armError(400, QStringLiteral("LocationRequired"), QStringLiteral("The location property is required for this definition."));
        if (!sku || str(*sku, "name").isEmpty())
            return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("'sku.name' is required (e.g. Premium_4vCores)."));
        if (!props || str(*props, "virtualSubnetId").isEmpty())
            return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("'properties.virtualSubnetId' is required."));
        if (svc && hasRunningTasks(*svc))
            return dmsError(400, QStringLiteral("ServiceIsBusy"), QStringLiteral("The service '%1' has running tasks and cannot be updated.").arg(svcName));
        const bool created = !svc;
        if (!svc) {
            auto n = std::make_unique<DmsService>();
            n->subscriptionId = call.subscription->id;
            n->resourceGroup = rg->name;
            n->name = svcName;
            n->readyAtMs = nowMs() + m_config.timing.lroMs; // provisioningState Accepted, then Succeeded (§4.1)
            svc = n.get();
            m_dmsServices.push_back(std::move(n));
        }
        svc->location = location;
        svc->skuName = str(*sku, "name");
        svc->virtualSubnetId = str(*props, "virtualSubnetId");
        svc->etag = newGuid();
        return HttpResponse::json(created ? 201 : 200, dmsServiceJson(*svc));
    }
    if (!svc)
        return HttpResponse::armError(404, QStringLiteral("ParentResourceNotFound"),
                                      QStringLiteral("Failed to perform '%1' on resource(s) of type 'services/%2', because the parent resource '%3' could not be found.")
                                          .arg(method == "GET" ? QStringLiteral("read") : QStringLiteral("write"), rest.value(2), serviceId));
    if (!sameText(rest[2], QStringLiteral("projects")))
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"), QStringLiteral("The resource type 'services/%1' is not emulated.").arg(rest[2]));
    if (nowMs() < svc->readyAtMs)
        return dmsError(409, QStringLiteral("ServiceNotReady"), QStringLiteral("The service '%1' is still being provisioned.").arg(svcName));

    // ---- projects/{p}
    if (rest.size() < 4)
        return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Listing projects is not emulated."));
    const QString projectName = rest[3];
    auto pit = svc->projects.find(projectName.toLower());
    DmsProject *project = pit == svc->projects.end() ? nullptr : pit->second.get();
    auto projectJson = [&](const DmsProject &p) {
        return json{{"location", s(p.location)},
                    {"properties",
                     {{"sourcePlatform", s(p.sourcePlatform)}, {"targetPlatform", s(p.targetPlatform)}, {"creationTime", s(p.creationTime)},
                      {"provisioningState", "Succeeded"}}},
                    {"id", s(serviceId + QStringLiteral("/projects/") + p.name)},
                    {"name", s(p.name)},
                    {"type", "Microsoft.DataMigration/services/projects"}};
    };
    if (rest.size() == 4) {
        if (method == "GET") {
            if (!project)
                return notFound(QStringLiteral("services/%1/projects").arg(svcName), projectName);
            return HttpResponse::json(200, projectJson(*project));
        }
        if (method == "DELETE") {
            if (!project)
                return HttpResponse::empty(204);
            for (auto &[tn, t] : project->tasks)
                if ((t->state == QLatin1String("Running") || t->state == QLatin1String("Queued")) && !deleteRunning)
                    return dmsError(409, QStringLiteral("ProjectHasRunningTasks"),
                                    QStringLiteral("The project '%1' has running tasks. Cancel them first, or delete with deleteRunningTasks=true.").arg(projectName));
            for (auto &[tn, t] : project->tasks)
                if (t->runner) {
                    t->runner->cancel();
                    t->runner->cleanup();
                    t->runner.reset();
                }
            svc->projects.erase(pit);
            return HttpResponse::empty(200);
        }
        if (method != "PUT")
            return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The HTTP method is not supported for a DMS project."));
        json body;
        if (auto e = bodyJson(body))
            return *e;
        const json *props = member(body, "properties");
        const QString src = props ? str(*props, "sourcePlatform") : QString();
        const QString tgt = props ? str(*props, "targetPlatform") : QString();
        static const QStringList sources{QStringLiteral("SQL"), QStringLiteral("MySQL"), QStringLiteral("PostgreSql"), QStringLiteral("MongoDb"), QStringLiteral("Unknown")};
        static const QStringList targets{QStringLiteral("SQLDB"), QStringLiteral("SQLMI"), QStringLiteral("AzureDbForMySql"), QStringLiteral("AzureDbForPostgreSql"),
                                         QStringLiteral("MongoDb"), QStringLiteral("Unknown")};
        if (!sources.contains(src, Qt::CaseInsensitive) || !targets.contains(tgt, Qt::CaseInsensitive))
            return dmsError(400, QStringLiteral("InvalidRequest"),
                            QStringLiteral("'properties.sourcePlatform' must be one of %1 and 'properties.targetPlatform' one of %2.")
                                .arg(sources.join(QStringLiteral(", ")), targets.join(QStringLiteral(", "))));
        const bool created = !project;
        if (!project) {
            auto p = std::make_unique<DmsProject>();
            p->name = projectName;
            p->creationTime = armTimestamp();
            project = p.get();
            svc->projects.emplace(projectName.toLower(), std::move(p));
        }
        project->location = str(body, "location").isEmpty() ? svc->location : str(body, "location");
        project->sourcePlatform = src;
        project->targetPlatform = tgt;
        return HttpResponse::json(created ? 201 : 200, projectJson(*project));
    }
    if (!project)
        return HttpResponse::armError(404, QStringLiteral("ParentResourceNotFound"),
                                      QStringLiteral("Failed to perform '%1' on resource(s) of type 'services/projects/tasks', because the parent resource '%2' could "
                                                     "not be found.")
                                          .arg(method == "GET" ? QStringLiteral("read") : QStringLiteral("write"), serviceId + QStringLiteral("/projects/") + projectName));
    if (!sameText(rest[4], QStringLiteral("tasks")))
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"), QStringLiteral("The resource type 'projects/%1' is not emulated.").arg(rest[4]));

    // ---- tasks (list) / tasks/{t} / tasks/{t}/cancel|command
    if (rest.size() == 5) {
        if (method != "GET")
            return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The tasks collection supports GET only."));
        const QString typeFilter = call.request.queryItem(QStringLiteral("taskType"));
        json value = json::array();
        for (const auto &[tn, t] : project->tasks)
            if (typeFilter.isEmpty() || sameText(typeFilter, t->taskType))
                value.push_back(dmsTaskJson(*svc, *project, *t, false));
        return HttpResponse::json(200, {{"value", value}});
    }
    const QString taskName = rest[5];
    auto tit = project->tasks.find(taskName.toLower());
    DmsTask *task = tit == project->tasks.end() ? nullptr : tit->second.get();
    if (rest.size() == 7) {
        if (method != "POST")
            return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Task actions are POST."));
        if (!task)
            return notFound(QStringLiteral("services/%1/projects/%2/tasks").arg(svcName, projectName), taskName);
        advanceDms();
        if (sameText(rest[6], QStringLiteral("cancel"))) {
            countAction(task->name, QStringLiteral("cancel"));
            if (task->state != QLatin1String("Running") && task->state != QLatin1String("Queued"))
                return dmsError(400, QStringLiteral("TaskNotRunning"), QStringLiteral("The task '%1' is %2 and cannot be canceled.").arg(taskName, task->state));
            task->cancelRequested = true;
            if (task->runner)
                task->runner->cancel();
            else
                task->state = QStringLiteral("Canceled");
            return HttpResponse::json(200, dmsTaskJson(*svc, *project, *task, false));
        }
        if (!sameText(rest[6], QStringLiteral("command")))
            return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("Unknown task action '%1'.").arg(rest[6]));
        json body;
        if (auto e = bodyJson(body))
            return *e;
        // SDKs send the bare CommandProperties; the spec example wraps it in {"command": ...} (§4.6): both are taken.
        const json *wrapped = member(body, "command");
        const json &cmd = wrapped && wrapped->is_object() ? *wrapped : body;
        const QString commandType = str(cmd, "commandType");
        const json *input = member(cmd, "input");
        if (commandType != QLatin1String("Migrate.Sync.Complete.Database"))
            return dmsError(400, QStringLiteral("InvalidRequest"),
                            QStringLiteral("Unsupported commandType '%1'; the emulator knows Migrate.Sync.Complete.Database.").arg(commandType));
        const QString dbName = input ? str(*input, "databaseName") : QString();
        countAction(task->name, QStringLiteral("cutover"));
        countAction(task->name, QStringLiteral("cutover:") + dbName);
        if (!task->dbs.contains(dbName))
            return dmsError(400, QStringLiteral("InvalidRequest"),
                            QStringLiteral("'input.databaseName' must name a database of the task (%1); got '%2'.").arg(task->dbs.join(QStringLiteral(", ")), dbName));
        if (task->state != QLatin1String("Running"))
            return dmsError(400, QStringLiteral("TaskNotRunning"), QStringLiteral("The task '%1' is %2; commands need a running task.").arg(taskName, task->state));
        task->completeRequested.insert(dbName);
        json accepted = {{"commandType", s(commandType)}, {"input", *input}, {"state", "Accepted"}};
        task->commands.push_back(accepted);
        fm::logging::get("emulator")->info("DMS task {}: complete requested for {}", task->name, dbName);
        advanceDms();
        return HttpResponse::json(200, accepted);
    }
    if (method == "GET") {
        if (!task)
            return notFound(QStringLiteral("services/%1/projects/%2/tasks").arg(svcName, projectName), taskName);
        advanceDms();
        const QString expand = call.request.queryItem(QStringLiteral("$expand"));
        const bool withOutput = sameText(expand, QStringLiteral("output")) || sameText(expand, QStringLiteral("output()"));
        return HttpResponse::json(200, dmsTaskJson(*svc, *project, *task, withOutput));
    }
    if (method == "DELETE") {
        if (!task)
            return HttpResponse::empty(204);
        if ((task->state == QLatin1String("Running") || task->state == QLatin1String("Queued")) && !deleteRunning)
            return dmsError(409, QStringLiteral("TaskIsRunning"),
                            QStringLiteral("The task '%1' is running. Cancel it first, or delete with deleteRunningTasks=true.").arg(taskName));
        if (task->runner) {
            task->runner->cancel();
            task->runner->cleanup();
            task->runner.reset();
        }
        project->tasks.erase(tit);
        return HttpResponse::empty(200);
    }
    if (method != "PUT")
        return dmsError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The HTTP method is not supported for a DMS task."));
    if (task)
        return dmsError(409, QStringLiteral("TaskAlreadyExists"),
                        QStringLiteral("The task '%1' already exists; tasks cannot be changed, create a new one.").arg(taskName));

    json body;
    if (auto e = bodyJson(body))
        return *e;
    const json *props = member(body, "properties");
    if (!props || !props->is_object())
        return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("'properties' is required."));
    const QString taskType = str(*props, "taskType");
    const json *inputJson = member(*props, "input");
    if (taskType.isEmpty() || !inputJson || !inputJson->is_object())
        return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("'properties.taskType' and 'properties.input' are required."));
    if (!QStringList{kMigrateSync, kMigrateSyncOld, kConnectSource, kConnectTarget, kUserTables}.contains(taskType))
        return dmsError(400, QStringLiteral("InvalidRequest"), QStringLiteral("The task type '%1' is not supported by the emulator.").arg(taskType));

    auto t = std::make_unique<DmsTask>();
    t->name = taskName;
    t->taskType = taskType;
    t->migrationId = newGuid();
    if (const json *cd = member(*props, "clientData"); cd && cd->is_object())
        t->clientData = *cd;
    // The input is echoed without passwords.
    t->input = *inputJson;
    for (const char *k : {"sourceConnectionInfo", "targetConnectionInfo", "connectionInfo"})
        if (t->input.contains(k) && t->input[k].is_object())
            t->input[k].erase("password");
    auto failInput = [&](const QString &message) {
        t->state = QStringLiteral("FailedInputValidation");
        t->errors.push_back({{"code", "InvalidInput"}, {"message", s(message)}});
    };
    auto listDatabases = [](ServerState *srv) {
        QStringList out;
        auto c = pg::Connection::open(srv->spec.connectionParams());
        if (!c)
            return out;
        auto r = c->exec(QStringLiteral("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname"));
        for (int i = 0; r && i < r->rows(); ++i)
            out << r->text(i, 0);
        return out;
    };

    QString problem;
    if (taskType == kConnectSource || taskType == kConnectTarget) {
        const json *info = member(*inputJson, taskType == kConnectSource ? "sourceConnectionInfo" : "targetConnectionInfo");
        ServerState *srv = info ? serverForConnection(*info, &problem) : nullptr;
        const QString prefix = taskType == kConnectSource ? QStringLiteral("source") : QStringLiteral("target");
        json item = {{"id", s(newGuid())}, {"validationErrors", json::array()}};
        if (!srv) {
            item["validationErrors"].push_back({{"message", s(problem.isEmpty() ? QStringLiteral("connection info is required") : problem)}});
            t->state = QStringLiteral("Failed");
        } else {
            json dbs = json::array();
            for (const auto &d : listDatabases(srv))
                dbs.push_back(s(d));
            item[s(prefix + QStringLiteral("ServerVersion"))] = s(srv->spec.version);
            item[s(prefix + QStringLiteral("ServerBrandVersion"))] = srv->spec.kind == ServerSpec::Kind::Single ? "Azure Database for PostgreSQL - Single Server"
                                                                                                             : "Azure Database for PostgreSQL - Flexible Server";
            item["databases"] = dbs;
            t->state = QStringLiteral("Succeeded");
        }
        t->staticOutput.push_back(item);
    } else if (taskType == kUserTables) {
        const json *info = member(*inputJson, "connectionInfo");
        ServerState *srv = info ? serverForConnection(*info, &problem) : nullptr;
        const json *selected = member(*inputJson, "selectedDatabases");
        if (!srv || !selected || !selected->is_array()) {
            failInput(srv ? QStringLiteral("'input.selectedDatabases' is required.") : problem);
        } else {
            for (const auto &d : *selected) {
                const QString db = d.is_string() ? QString::fromStdString(d.get<std::string>()) : QString();
                json tables = json::array(), errors = json::array();
                auto c = pg::Connection::open(srv->spec.connectionParams(db));
                if (!c) {
                    errors.push_back({{"message", s(c.error().message)}});
                } else if (auto r = c->exec(QStringLiteral("SELECT n.nspname || '.' || c.relname, c.reltuples > 0 OR pg_relation_size(c.oid) > 0 FROM pg_class c "
                                                            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND n.nspname NOT IN "
                                                            "('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1"));
                           r) {
                    for (int i = 0; i < r->rows(); ++i)
                        tables.push_back({{"name", s(r->text(i, 0))}, {"hasRows", r->toBool(i, 1)}});
                }
                t->staticOutput.push_back({{"id", s(newGuid())}, {"databaseName", s(db)}, {"tables", tables}, {"validationErrors", errors}});
            }
            t->state = QStringLiteral("Succeeded");
        }
    } else {
        const json *src = member(*inputJson, "sourceConnectionInfo");
        const json *tgt = member(*inputJson, "targetConnectionInfo");
        const json *selected = member(*inputJson, "selectedDatabases");
        if (!src || !tgt || !selected || !selected->is_array() || selected->empty()) {
            failInput(QStringLiteral("'input.sourceConnectionInfo', 'input.targetConnectionInfo' and a non-empty 'input.selectedDatabases' are required."));
        } else if (!(t->source = serverForConnection(*src, &problem))) {
            failInput(QStringLiteral("Source: ") + problem);
        } else if (!(t->target = serverForConnection(*tgt, &problem))) {
            failInput(QStringLiteral("Target: ") + problem);
        } else {
            for (const auto &d : *selected) {
                const QString name = str(d, "name");
                const QString targetName = str(d, "targetDatabaseName");
                if (name.isEmpty()) {
                    failInput(QStringLiteral("Every selected database needs a 'name'."));
                    break;
                }
                if (!targetName.isEmpty() && targetName != name) {
                    failInput(QStringLiteral("'%1': the emulator migrates a database to the same name (targetDatabaseName '%2').").arg(name, targetName));
                    break;
                }
                t->dbs << name;
            }
        }
        if (t->state == QLatin1String("Queued")) {
            // "Target database will be truncated before starting migration" (§4.4): drop what is there.
            auto tc = pg::Connection::open(t->target->spec.connectionParams());
            for (const auto &d : t->dbs)
                if (tc)
                    (void)tc->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(pg::quoteIdent(d)));
            t->runner = m_runnerFactory(QStringLiteral("dms_") + t->migrationId.left(8));
            t->startedOn = armTimestamp();
            if (auto r = t->runner->start(t->source->spec.connectionParams(), t->target->spec.connectionParams(), t->dbs); !r) {
                t->state = QStringLiteral("Failed");
                t->errors.push_back({{"code", "MigrationFailed"}, {"message", s(r.error().message)}});
                t->runner.reset();
            } else {
                t->state = QStringLiteral("Running");
            }
        }
    }
    fm::logging::get("emulator")->info("DMS task {} ({}) created: {}", taskName, taskType, t->state);
    DmsTask &ref = *t;
    project->tasks.emplace(taskName.toLower(), std::move(t));
    return HttpResponse::json(201, dmsTaskJson(*svc, *project, ref, false));
}

void Emulator::advanceDms()
{
    for (auto &svc : m_dmsServices) {
        for (auto &[pn, project] : svc->projects) {
            for (auto &[tn, task] : project->tasks) {
                if (!task->runner)
                    continue;
                const RunnerStatus st = task->runner->status();
                if (st.finished) {
                    task->last = st;
                    task->endedOn = armTimestamp();
                    if (task->cancelRequested || st.state == QLatin1String("cancelled")) {
                        task->state = QStringLiteral("Canceled");
                    } else if (st.state == QLatin1String("done") && st.error.isEmpty()) {
                        task->state = QStringLiteral("Succeeded");
                    } else {
                        task->state = QStringLiteral("Failed");
                        task->errors.push_back({{"code", "MigrationFailed"}, {"message", s(st.error.isEmpty() ? QStringLiteral("The migration failed.") : st.error)}});
                    }
                    task->runner->cleanup();
                    task->runner.reset();
                    fm::logging::get("emulator")->info("DMS task {} ended: {}", task->name, task->state);
                    continue;
                }
                // Cut over once every database got its Migrate.Sync.Complete.Database command (§4.6).
                if (!task->cutoverRequested && !task->cancelRequested && st.readyForCutover && task->completeRequested.size() == task->dbs.size()) {
                    if (task->runner->cutover())
                        task->cutoverRequested = true;
                }
            }
        }
    }
    std::erase_if(m_dmsServices, [](const std::unique_ptr<DmsService> &svc) {
        if (!svc->deleting)
            return false;
        for (auto &[pn, p] : svc->projects)
            for (auto &[tn, t] : p->tasks)
                if (t->runner && !t->runner->status().finished)
                    return false;
        return true;
    });
}

} // namespace fm::emulator
