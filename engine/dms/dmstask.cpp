// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/dms/dmstask.h"

#include "engine/arm/jsonutil.h"

namespace fm::dms {

using nlohmann::json;
namespace ju = arm::jsonutil;

bool isTerminal(const TaskState &state)
{
    for (const char *s : {"Canceled", "Succeeded", "Failed", "FailedInputValidation", "Faulted"})
        if (state.is(QLatin1String(s)))
            return true;
    return false;
}

namespace {

const json &objectAt(const json &o, std::string_view key)
{
    static const json empty = json::object();
    const json *v = ju::find(o, key);
    return v && v->is_object() ? *v : empty;
}

ReportableException parseException(const json &e)
{
    ReportableException x;
    x.message = ju::string(e, "message");
    x.actionableMessage = ju::string(e, "actionableMessage");
    x.filePath = ju::string(e, "filePath");
    x.lineNumber = ju::string(e, "lineNumber");
    x.hResult = ju::integer(e, "hResult");
    x.stackTrace = ju::string(e, "stackTrace");
    return x;
}

QList<ErrorEvent> parseEvents(const json &o)
{
    QList<ErrorEvent> out;
    const json *ev = ju::find(o, "events");
    if (!ev || !ev->is_array())
        return out;
    for (const auto &e : *ev)
        if (e.is_object())
            out.append({ju::string(e, "timestampString"), ju::string(e, "eventTypeString"), ju::string(e, "eventText")});
    return out;
}

QString firstOf(const json &o, std::initializer_list<std::string_view> keys)
{
    for (auto k : keys) {
        const QString v = ju::string(o, k);
        if (!v.isEmpty())
            return v;
    }
    return {};
}

std::optional<qint64> intOf(const json &o, std::initializer_list<std::string_view> keys)
{
    for (auto k : keys)
        if (auto v = ju::integer(o, k))
            return v;
    return std::nullopt;
}

} // namespace

TaskOutputItem parseOutputItem(const json &item)
{
    const QString type = item.is_object() ? ju::string(item, "resultType") : QString();
    auto is = [&](const char *t) { return type.compare(QLatin1String(t), Qt::CaseInsensitive) == 0; };
    if (is("MigrationLevelOutput")) {
        MigrationLevelOutput m;
        m.id = ju::string(item, "id");
        m.startedOn = ju::dateTime(item, "startedOn");
        m.endedOn = ju::dateTime(item, "endedOn");
        m.sourceServer = ju::string(item, "sourceServer");
        m.sourceServerVersion = firstOf(item, {"sourceServerVersion", "sourceVersion"});
        m.targetServer = ju::string(item, "targetServer");
        m.targetServerVersion = firstOf(item, {"targetServerVersion", "targetVersion"});
        m.sourceServerType = ju::string(item, "sourceServerType");
        m.targetServerType = ju::string(item, "targetServerType");
        m.state = ReplicateMigrationState(ju::string(item, "state"));
        m.databaseCount = ju::integer(item, "databaseCount");
        return m;
    }
    if (is("DatabaseLevelOutput")) {
        DatabaseLevelOutput d;
        d.id = ju::string(item, "id");
        d.databaseName = ju::string(item, "databaseName");
        d.startedOn = ju::dateTime(item, "startedOn");
        d.endedOn = ju::dateTime(item, "endedOn");
        d.migrationState = SyncDatabaseMigrationReportingState(ju::string(item, "migrationState"));
        d.incomingChanges = ju::integer(item, "incomingChanges");
        d.appliedChanges = ju::integer(item, "appliedChanges");
        d.cdcInsertCounter = ju::integer(item, "cdcInsertCounter");
        d.cdcDeleteCounter = ju::integer(item, "cdcDeleteCounter");
        d.cdcUpdateCounter = ju::integer(item, "cdcUpdateCounter");
        d.fullLoadCompletedTables = ju::integer(item, "fullLoadCompletedTables");
        d.fullLoadLoadingTables = ju::integer(item, "fullLoadLoadingTables");
        d.fullLoadQueuedTables = ju::integer(item, "fullLoadQueuedTables");
        d.fullLoadErroredTables = ju::integer(item, "fullLoadErroredTables");
        d.initializationCompleted = ju::flag(item, "initializationCompleted");
        d.latency = ju::integer(item, "latency");
        return d;
    }
    if (is("TableLevelOutput")) {
        TableLevelOutput t;
        t.id = ju::string(item, "id");
        t.tableName = ju::string(item, "tableName");
        t.databaseName = ju::string(item, "databaseName");
        t.cdcInsertCounter = ju::integer(item, "cdcInsertCounter");
        t.cdcUpdateCounter = ju::integer(item, "cdcUpdateCounter");
        t.cdcDeleteCounter = ju::integer(item, "cdcDeleteCounter");
        t.fullLoadEstFinishTime = ju::dateTime(item, "fullLoadEstFinishTime");
        t.fullLoadStartedOn = ju::dateTime(item, "fullLoadStartedOn");
        t.fullLoadEndedOn = ju::dateTime(item, "fullLoadEndedOn");
        t.fullLoadTotalRows = ju::integer(item, "fullLoadTotalRows");
        t.fullLoadTotalVolumeBytes = ju::integer(item, "fullLoadTotalVolumeBytes");
        t.state = SyncTableMigrationState(ju::string(item, "state"));
        t.totalChangesApplied = ju::integer(item, "totalChangesApplied");
        t.dataErrorsCounter = intOf(item, {"dataErrorsCounter", "dataErrorsCount"});
        t.lastModifiedTime = ju::dateTime(item, "lastModifiedTime");
        return t;
    }
    if (is("ErrorOutput")) {
        ErrorOutput e;
        e.id = ju::string(item, "id");
        e.error = parseException(objectAt(item, "error"));
        e.events = parseEvents(item);
        return e;
    }
    if (is("DatabaseLevelErrorOutput")) {
        DatabaseLevelErrorOutput e;
        e.id = ju::string(item, "id");
        e.databaseName = ju::string(item, "databaseName");
        // Database ids look like "db|inventory" in the doc's sample.
        if (e.databaseName.isEmpty() && e.id.contains(QLatin1Char('|')))
            e.databaseName = e.id.section(QLatin1Char('|'), 1, 1);
        e.errorMessage = ju::string(item, "errorMessage");
        e.events = parseEvents(item);
        return e;
    }
    return UnknownOutput{type, item};
}

QList<DatabaseLevelOutput> ProjectTask::databases() const
{
    QList<DatabaseLevelOutput> out;
    for (const auto &o : output)
        if (auto *d = std::get_if<DatabaseLevelOutput>(&o))
            out.append(*d);
    return out;
}

QList<TableLevelOutput> ProjectTask::tables() const
{
    QList<TableLevelOutput> out;
    for (const auto &o : output)
        if (auto *t = std::get_if<TableLevelOutput>(&o))
            out.append(*t);
    return out;
}

std::optional<MigrationLevelOutput> ProjectTask::migration() const
{
    for (const auto &o : output)
        if (auto *m = std::get_if<MigrationLevelOutput>(&o))
            return *m;
    return std::nullopt;
}

QList<ErrorOutput> ProjectTask::migrationErrors() const
{
    QList<ErrorOutput> out;
    for (const auto &o : output)
        if (auto *e = std::get_if<ErrorOutput>(&o))
            out.append(*e);
    return out;
}

QList<DatabaseLevelErrorOutput> ProjectTask::databaseErrors() const
{
    QList<DatabaseLevelErrorOutput> out;
    for (const auto &o : output)
        if (auto *e = std::get_if<DatabaseLevelErrorOutput>(&o))
            out.append(*e);
    return out;
}

namespace {
TaskCommand parseCommandObject(const json &c)
{
    TaskCommand t;
    t.commandType = ju::string(c, "commandType");
    t.state = CommandState(ju::string(c, "state"));
    t.databaseName = ju::string(objectAt(c, "input"), "databaseName");
    if (const json *errs = ju::find(objectAt(c, "output"), "errors"); errs && errs->is_array())
        for (const auto &e : *errs)
            if (e.is_object())
                t.errors.append(parseException(e));
    if (const json *errs = ju::find(c, "errors"); errs && errs->is_array())
        for (const auto &e : *errs)
            if (e.is_object())
                t.errors.append(parseException(e));
    return t;
}
} // namespace

Expected<ProjectTask> parseProjectTask(const json &body)
{
    if (!body.is_object())
        return fail(Error::make(ErrorCategory::Dms, QStringLiteral("UnexpectedResponse"), QStringLiteral("The DMS task response is not a JSON object.")));
    ProjectTask t;
    t.raw = body;
    t.id = ju::string(body, "id");
    t.name = ju::string(body, "name");
    t.etag = ju::string(body, "etag");
    const json *props = ju::find(body, "properties");
    const json &p = props && props->is_object() ? *props : body; // the doc's sample is flat
    t.taskType = ju::string(p, "taskType");
    t.state = TaskState(ju::string(p, "state"));
    if (const json *errs = ju::find(p, "errors"); errs && errs->is_array())
        for (const auto &e : *errs)
            if (e.is_object())
                t.errors.append({ju::string(e, "code"), ju::string(e, "message")});
    if (const json *cmds = ju::find(p, "commands"); cmds && cmds->is_array())
        for (const auto &c : *cmds)
            if (c.is_object())
                t.commands.append(parseCommandObject(c));
    if (const json *out = ju::find(p, "output"); out && out->is_array())
        for (const auto &o : *out)
            t.output.append(parseOutputItem(o));
    return t;
}

Expected<DmsService> parseService(const json &body)
{
    if (!body.is_object())
        return fail(Error::make(ErrorCategory::Dms, QStringLiteral("UnexpectedResponse"), QStringLiteral("The DMS service response is not a JSON object.")));
    DmsService s;
    s.raw = body;
    s.id = ju::string(body, "id");
    s.name = ju::string(body, "name");
    s.location = ju::string(body, "location");
    s.etag = ju::string(body, "etag");
    s.kind = ju::string(body, "kind");
    const json &sku = objectAt(body, "sku");
    s.skuName = ju::string(sku, "name");
    s.skuTier = ju::string(sku, "tier");
    s.skuSize = ju::string(sku, "size");
    const json &p = objectAt(body, "properties");
    s.provisioningState = ServiceProvisioningState(ju::string(p, "provisioningState"));
    s.virtualSubnetId = ju::string(p, "virtualSubnetId");
    return s;
}

Expected<DmsProject> parseProject(const json &body)
{
    if (!body.is_object())
        return fail(Error::make(ErrorCategory::Dms, QStringLiteral("UnexpectedResponse"), QStringLiteral("The DMS project response is not a JSON object.")));
    DmsProject pr;
    pr.raw = body;
    pr.id = ju::string(body, "id");
    pr.name = ju::string(body, "name");
    pr.location = ju::string(body, "location");
    const json &p = objectAt(body, "properties");
    pr.sourcePlatform = ju::string(p, "sourcePlatform");
    pr.targetPlatform = ju::string(p, "targetPlatform");
    pr.provisioningState = ProjectProvisioningState(ju::string(p, "provisioningState"));
    pr.creationTime = ju::dateTime(p, "creationTime");
    return pr;
}

Expected<TaskCommand> parseCommand(const json &body)
{
    if (!body.is_object())
        return fail(Error::make(ErrorCategory::Dms, QStringLiteral("UnexpectedResponse"), QStringLiteral("The DMS command response is not a JSON object.")));
    const json *wrapped = ju::find(body, "command");
    return parseCommandObject(wrapped && wrapped->is_object() ? *wrapped : body);
}

} // namespace fm::dms
