// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate migration create|show|list|update|delete|check-name-availability
//   --subscription ID --resource-group RG --name TARGET [--migration-name NAME] [--api-version V] [--json]
//   + the shared Azure options (--cloud, --tenant-id, --client-id, --client-secret-file, --use-azure-cli, ...)
// Mirrors `az postgres flexible-server migration ...` (azure-api.md §6): the
// migration is a child resource of the TARGET Flexible Server.
#include "app/cli/azureoptions.h"
#include "app/cli/cli.h"

#include "engine/arm/migrationclient.h"
#include "engine/arm/propertiesfile.h"
#include "engine/arm/serverclients.h"
#include "engine/migration/armstatusmapper.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QUuid>

namespace fm::cli {

namespace {

using arm::Callback;
using arm::MigrationApiVersion;
using arm::MigrationResource;
using arm::ResourceId;

const QStringList kSubcommands = {QStringLiteral("create"), QStringLiteral("show"), QStringLiteral("list"),
                                  QStringLiteral("update"), QStringLiteral("delete"), QStringLiteral("check-name-availability")};

Error usageError(const QString &code, const QString &message, const QString &fix = {})
{
    return Error::validation(code, message, fix);
}

/** Runs a callback API to completion on a local event loop (the CLI has nothing else to do meanwhile). */
template<typename T>
Expected<T> wait(const std::function<void(QObject *, Callback<T>)> &start)
{
    QObject context;
    std::optional<Expected<T>> out;
    QEventLoop loop;
    start(&context, [&](Expected<T> v) {
        out = std::move(v);
        loop.quit();
    });
    if (!out)
        loop.exec();
    return out ? std::move(*out) : Expected<T>(fail(Error::internal(QStringLiteral("The request ended without an answer."))));
}

int report(QTextStream &err, const Error &e)
{
    err << "error: " << e.toDisplayString() << '\n';
    if (!e.details.isEmpty())
        err << "  details: " << e.details << '\n';
    err.flush();
    return e.category == ErrorCategory::Validation ? ExitUsage : ExitFailure;
}

QString pretty(const nlohmann::json &j)
{
    return QString::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

QString num(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

void printList(QTextStream &out, const QList<MigrationResource> &items)
{
    out << QStringLiteral("NAME").leftJustified(38) << QStringLiteral("STATE").leftJustified(22) << QStringLiteral("SUBSTATE").leftJustified(44)
        << QStringLiteral("MODE").leftJustified(9) << "DATABASES\n";
    for (const auto &m : items)
        out << m.displayName().leftJustified(38) << orDash(m.currentStatus.state.toString()).leftJustified(22)
            << orDash(m.currentStatus.subState.toString()).leftJustified(44) << orDash(m.mode.toString()).leftJustified(9) << m.dbsToMigrate.join(QLatin1Char(','))
            << '\n';
    if (items.isEmpty())
        out << "(no migrations)\n";
}

void printDetails(QTextStream &out, const migration::MigrationStatus &s)
{
    out << "Migration " << s.migrationName << ": " << toString(s.state) << " / " << toString(s.subState);
    if (!s.rawState.isEmpty())
        out << "  (service: " << s.rawState << (s.rawSubState.isEmpty() ? QString() : QStringLiteral(" / ") + s.rawSubState) << ')';
    out << '\n';
    if (!s.requiredAction.isEmpty())
        out << "Waiting for you: flexmigrate migration update --" << s.requiredAction << " ...\n";
    out << '\n'
        << "  " << QStringLiteral("DATABASE").leftJustified(24) << QStringLiteral("STATE").leftJustified(17) << QStringLiteral("TABLES done/load/queue/err").leftJustified(28)
        << QStringLiteral("INS/UPD/DEL").leftJustified(20) << QStringLiteral("PENDING").leftJustified(9) << "LAG(s)\n";
    for (const auto &d : s.databases) {
        const QString tables = QStringLiteral("%1/%2/%3/%4").arg(num(d.tablesCompleted), num(d.tablesLoading), num(d.tablesQueued), num(d.tablesErrored));
        const QString cdc = QStringLiteral("%1/%2/%3").arg(num(d.counters.cdcInserts), num(d.counters.cdcUpdates), num(d.counters.cdcDeletes));
        out << "  " << d.name.leftJustified(24) << toString(d.state).leftJustified(17) << tables.leftJustified(28) << cdc.leftJustified(20)
            << num(d.counters.incomingChanges).leftJustified(9) << num(d.lag.seconds) << '\n';
    }
    for (const auto &e : s.errors)
        out << "\n  error" << (e.database.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.database)) << (e.code.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.code))
            << ": " << e.message << '\n';
}

} // namespace

int runMigration(const QStringList &arguments)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manage Azure Database for PostgreSQL migrations (Single Server -> Flexible Server), like 'az postgres flexible-server migration'.\n\n"
        "Subcommands:\n"
        "  create                   --properties FILE [--migration-name N] [--location L] [--migration-mode offline|online] [--migration-option O]\n"
        "  show                     --migration-name N [--details]\n"
        "  list                     [--filter Active|All]\n"
        "  update                   --migration-name N  --cutover | --cancel | --setup-replication | --start-data-migration | --overwrite-dbs | --db-names A,B\n"
        "  delete                   --migration-name N --yes\n"
        "  check-name-availability  --migration-name N"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("subcommand"), kSubcommands.join(QLatin1Char('|')));
    parser.addOption({QStringLiteral("subscription"), QStringLiteral("Subscription id (GUID) of the target server."), QStringLiteral("id")});
    parser.addOption({{QStringLiteral("g"), QStringLiteral("resource-group")}, QStringLiteral("Resource group of the target server."), QStringLiteral("name")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("name")}, QStringLiteral("Name of the TARGET Flexible Server."), QStringLiteral("server")});
    parser.addOption({QStringLiteral("migration-name"), QStringLiteral("Name of the migration (create: default a new UUID)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("api-version"),
                      QStringLiteral("2021-06-15-privatepreview (AAD app, seed era) or 2024-08-01 (default; create defaults to the properties file's format)."),
                      QStringLiteral("version")});
    parser.addOption({{QStringLiteral("b"), QStringLiteral("properties")}, QStringLiteral("create: the az properties JSON file (old or new format)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("location"), QStringLiteral("create: region of the migration (default: the file's, else the target server's)."), QStringLiteral("region")});
    parser.addOption({QStringLiteral("migration-mode"), QStringLiteral("create: offline or online (overrides the file)."), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("migration-option"), QStringLiteral("create (2024-08-01): Validate, Migrate or ValidateAndMigrate."), QStringLiteral("option")});
    parser.addOption({QStringLiteral("details"), QStringLiteral("show: per-database progress (2021 api-version: GET with level=Full).")});
    parser.addOption({QStringLiteral("filter"), QStringLiteral("list: Active (default) or All."), QStringLiteral("filter")});
    parser.addOption({QStringLiteral("cutover"), QStringLiteral("update: cut over (all databases, or those of --db-names).")});
    parser.addOption({QStringLiteral("cancel"), QStringLiteral("update: cancel (all databases, or those of --db-names; 2024-08-01).")});
    parser.addOption({QStringLiteral("setup-replication"), QStringLiteral("update: set up logical replication on the source (restarts the source server).")});
    parser.addOption({QStringLiteral("start-data-migration"), QStringLiteral("update: start the data migration now.")});
    parser.addOption({QStringLiteral("overwrite-dbs"), QStringLiteral("update: confirm overwriting databases that exist on the target.")});
    parser.addOption({{QStringLiteral("db-names"), QStringLiteral("dbs")},
                      QStringLiteral("update: databases (comma-separated or repeated); alone it sets the databases to migrate."), QStringLiteral("names")});
    parser.addOption({{QStringLiteral("y"), QStringLiteral("yes")}, QStringLiteral("delete: do not ask for confirmation (required; there is no prompt).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output (list: an array; show --details: migration and status).")});
    addAzureOptions(parser);

    QStringList args = arguments;
    if (!args.isEmpty())
        args[0] = QStringLiteral("flexmigrate migration");
    if (!parser.parse(args))
        return report(err, usageError(QStringLiteral("BadArguments"), parser.errorText(), QStringLiteral("See 'flexmigrate migration --help'.")));
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }

    QStringList positional = parser.positionalArguments();
    const QString sub = positional.value(0);
    if (sub.isEmpty())
        return report(err, usageError(QStringLiteral("MissingSubcommand"), QStringLiteral("No subcommand given."),
                                      QStringLiteral("Use one of: %1.").arg(kSubcommands.join(QStringLiteral(", ")))));
    if (!kSubcommands.contains(sub))
        return report(err, usageError(QStringLiteral("UnknownSubcommand"), QStringLiteral("Unknown subcommand '%1'.").arg(sub),
                                      QStringLiteral("Use one of: %1.").arg(kSubcommands.join(QStringLiteral(", ")))));
    positional.removeFirst();

    // Options that belong to other subcommands are errors, not silently ignored.
    const QMap<QString, QStringList> onlyFor = {
        {QStringLiteral("properties"), {QStringLiteral("create")}},       {QStringLiteral("location"), {QStringLiteral("create")}},
        {QStringLiteral("migration-mode"), {QStringLiteral("create")}},   {QStringLiteral("migration-option"), {QStringLiteral("create")}},
        {QStringLiteral("details"), {QStringLiteral("show")}},            {QStringLiteral("filter"), {QStringLiteral("list")}},
        {QStringLiteral("cutover"), {QStringLiteral("update")}},          {QStringLiteral("cancel"), {QStringLiteral("update")}},
        {QStringLiteral("setup-replication"), {QStringLiteral("update")}}, {QStringLiteral("start-data-migration"), {QStringLiteral("update")}},
        {QStringLiteral("overwrite-dbs"), {QStringLiteral("update")}},    {QStringLiteral("db-names"), {QStringLiteral("update")}},
        {QStringLiteral("yes"), {QStringLiteral("delete")}},
    };
    for (auto it = onlyFor.begin(); it != onlyFor.end(); ++it)
        if (parser.isSet(it.key()) && !it.value().contains(sub))
            return report(err, usageError(QStringLiteral("OptionNotForSubcommand"),
                                          QStringLiteral("--%1 does not apply to '%2' (only to %3).").arg(it.key(), sub, it.value().join(QStringLiteral(", ")))));

    // db names: comma-separated, repeated, or (az style) space-separated after --db-names.
    QStringList dbNames;
    for (const QString &v : parser.values(QStringLiteral("db-names")))
        for (const QString &n : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            dbNames << n.trimmed();
    if (!positional.isEmpty()) {
        if (!parser.isSet(QStringLiteral("db-names")))
            return report(err, usageError(QStringLiteral("UnexpectedArgument"), QStringLiteral("Unexpected argument '%1'.").arg(positional.first())));
        dbNames << positional;
    }

    // Target server id from --subscription/--resource-group/--name, each checked on its own.
    for (const char *required : {"subscription", "resource-group", "name"})
        if (parser.value(QLatin1String(required)).trimmed().isEmpty())
            return report(err, usageError(QStringLiteral("MissingArgument"), QStringLiteral("--%1 is required.").arg(QLatin1String(required)),
                                          QStringLiteral("The migration lives under the TARGET Flexible Server: give --subscription, --resource-group and --name.")));
    const QString subscription = parser.value(QStringLiteral("subscription")).trimmed();
    const QString group = parser.value(QStringLiteral("resource-group")).trimmed();
    const QString server = parser.value(QStringLiteral("name")).trimmed();
    if (auto e = ResourceId::checkSubscriptionId(subscription))
        return report(err, *e);
    if (auto e = ResourceId::checkResourceGroupName(group))
        return report(err, *e);
    if (auto e = ResourceId::checkServerName(server, QStringLiteral("Target server name (--name)")))
        return report(err, *e);
    const ResourceId target = ResourceId::make(subscription, group, QStringLiteral("Microsoft.DBforPostgreSQL"), QStringLiteral("flexibleServers"), server);

    QString migrationName = parser.value(QStringLiteral("migration-name")).trimmed();
    // Issue 10: an explicitly empty name was taken as "not given" and create made a migration
    // under a new UUID; bad input must be refused and change nothing.
    if (parser.isSet(QStringLiteral("migration-name")) && migrationName.isEmpty())
        return report(err, usageError(QStringLiteral("InvalidMigrationName"), QStringLiteral("--migration-name is empty."),
                                      QStringLiteral("Give a name, or leave the option out (create then uses a new UUID).")));
    if (migrationName.isEmpty() && sub != QLatin1String("create") && sub != QLatin1String("list"))
        return report(err, usageError(QStringLiteral("MissingArgument"), QStringLiteral("--migration-name is required for '%1'.").arg(sub)));
    if (sub == QLatin1String("create") && migrationName.isEmpty())
        migrationName = QUuid::createUuid().toString(QUuid::WithoutBraces); // as az does (uuid4)
    if (!migrationName.isEmpty())
        if (auto e = ResourceId::checkMigrationName(migrationName))
            return report(err, *e);

    // Everything the subcommand needs from the user is checked before any network work.
    std::optional<arm::PropertiesFile> properties;
    if (sub == QLatin1String("create")) {
        if (!parser.isSet(QStringLiteral("properties")))
            return report(err, usageError(QStringLiteral("MissingArgument"), QStringLiteral("create needs --properties FILE."),
                                          QStringLiteral("Write the az properties JSON (old format with SecretParameters.AADApp, or the new one) and pass its path.")));
        auto pf = arm::PropertiesFile::read(parser.value(QStringLiteral("properties")));
        if (!pf)
            return report(err, pf.error());
        properties = *pf;
        if (parser.isSet(QStringLiteral("location")))
            properties->request.location = parser.value(QStringLiteral("location")).trimmed();
        if (parser.isSet(QStringLiteral("migration-mode"))) {
            const arm::MigrationMode mode(parser.value(QStringLiteral("migration-mode")).trimmed());
            if (!mode.isKnown())
                return report(err, usageError(QStringLiteral("InvalidMigrationMode"), QStringLiteral("--migration-mode must be offline or online, not '%1'.").arg(mode.toString())));
            properties->request.mode = arm::MigrationMode(mode.canonical());
        }
        if (parser.isSet(QStringLiteral("migration-option"))) {
            const arm::MigrationOption option(parser.value(QStringLiteral("migration-option")).trimmed());
            if (!option.isKnown())
                return report(err, usageError(QStringLiteral("InvalidMigrationOption"),
                                              QStringLiteral("--migration-option must be Validate, Migrate or ValidateAndMigrate, not '%1'.").arg(option.toString())));
            properties->request.option = arm::MigrationOption(option.canonical());
        }
    }

    MigrationApiVersion version = properties ? properties->defaultApiVersion() : MigrationApiVersion::Stable20240801;
    if (parser.isSet(QStringLiteral("api-version"))) {
        auto v = arm::parseMigrationApiVersion(parser.value(QStringLiteral("api-version")));
        if (!v)
            return report(err, v.error());
        version = *v;
    }
    if (properties) {
        // Dry-build the body so a file that does not fit the api-version fails before any request.
        arm::CreateMigrationRequest probe = properties->request;
        if (probe.location.isEmpty())
            probe.location = QStringLiteral("pending");
        if (auto body = arm::buildCreateBody(probe, version); !body)
            return report(err, body.error());
    }

    std::optional<arm::MigrationUpdate> update;
    if (sub == QLatin1String("update")) {
        QList<arm::MigrationUpdate::Kind> kinds;
        if (parser.isSet(QStringLiteral("cutover")))
            kinds << arm::MigrationUpdate::Kind::Cutover;
        if (parser.isSet(QStringLiteral("cancel")))
            kinds << arm::MigrationUpdate::Kind::Cancel;
        if (parser.isSet(QStringLiteral("setup-replication")))
            kinds << arm::MigrationUpdate::Kind::SetupReplication;
        if (parser.isSet(QStringLiteral("start-data-migration")))
            kinds << arm::MigrationUpdate::Kind::StartDataMigration;
        if (parser.isSet(QStringLiteral("overwrite-dbs")))
            kinds << arm::MigrationUpdate::Kind::OverwriteDbs;
        if (kinds.isEmpty() && parser.isSet(QStringLiteral("db-names")))
            kinds << arm::MigrationUpdate::Kind::DbNames;
        if (kinds.isEmpty())
            return report(err, usageError(QStringLiteral("MissingUpdate"), QStringLiteral("update needs one operation."),
                                          QStringLiteral("Give one of --cutover, --cancel, --setup-replication, --start-data-migration, --overwrite-dbs or --db-names.")));
        if (kinds.size() > 1)
            return report(err, usageError(QStringLiteral("MutuallyExclusiveUpdate"), QStringLiteral("update takes exactly one operation per call, as az does."),
                                          QStringLiteral("Run update once per operation.")));
        const bool takesDbs = kinds.first() == arm::MigrationUpdate::Kind::Cutover || kinds.first() == arm::MigrationUpdate::Kind::Cancel
            || kinds.first() == arm::MigrationUpdate::Kind::DbNames;
        if (!takesDbs && !dbNames.isEmpty())
            return report(err, usageError(QStringLiteral("OptionNotForUpdate"), QStringLiteral("--db-names does not go with --%1.").arg(arm::toString(kinds.first()))));
        update = arm::MigrationUpdate{kinds.first(), dbNames};
        // Let the body builder refuse what this api-version cannot do (cancel on 2021, ...), still offline.
        if (auto body = arm::buildUpdateBody(*update, version); !body)
            return report(err, body.error());
    }
    if (sub == QLatin1String("delete") && !parser.isSet(QStringLiteral("yes")))
        return report(err, usageError(QStringLiteral("ConfirmationRequired"),
                                      QStringLiteral("delete stops migration '%1' (it does not roll back the target). Pass --yes to confirm.").arg(migrationName)));
    arm::MigrationListFilter filter;
    if (parser.isSet(QStringLiteral("filter"))) {
        filter = arm::MigrationListFilter(parser.value(QStringLiteral("filter")).trimmed());
        if (!filter.isKnown())
            return report(err, usageError(QStringLiteral("InvalidFilter"), QStringLiteral("--filter must be Active or All, not '%1'.").arg(filter.toString())));
    }

    QNetworkAccessManager nam;
    auto connection = azureConnectionFromOptions(parser, &nam);
    if (!connection)
        return report(err, connection.error());
    http::HttpClient http(&nam, connection->credential, connection->httpOptions());
    const arm::MigrationClient client(&http, connection->profile, version);
    const bool json = parser.isSet(QStringLiteral("json"));

    if (sub == QLatin1String("create")) {
        arm::CreateMigrationRequest request = properties->request;
        if (request.location.isEmpty()) {
            // Source and target share a region (docs 2023); the target's location is the migration's.
            const arm::FlexibleServerClient servers(&http, connection->profile);
            auto t = wait<arm::FlexibleServer>([&](QObject *c, auto d) { servers.getServer(target, c, d); });
            if (!t)
                return report(err, t.error());
            request.location = t->location;
        }
        auto m = wait<MigrationResource>([&](QObject *c, auto d) { client.create(target, migrationName, request, c, d); });
        if (!m)
            return report(err, m.error());
        out << pretty(m->raw) << '\n';
        return ExitOk;
    }
    if (sub == QLatin1String("show")) {
        const bool details = parser.isSet(QStringLiteral("details"));
        auto m = wait<MigrationResource>([&](QObject *c, auto d) { client.get(target, migrationName, c, d, details ? QStringLiteral("Full") : QString()); });
        if (!m)
            return report(err, m.error());
        if (!details) {
            out << pretty(m->raw) << '\n';
            return ExitOk;
        }
        const auto status = migration::statusFromArmMigration(*m);
        if (json)
            out << pretty(nlohmann::json{{"migration", m->raw}, {"status", status.toJson()}}) << '\n';
        else
            printDetails(out, status);
        return ExitOk;
    }
    if (sub == QLatin1String("list")) {
        auto l = wait<QList<MigrationResource>>([&](QObject *c, auto d) { client.list(target, filter, c, d); });
        if (!l)
            return report(err, l.error());
        if (json) {
            nlohmann::json a = nlohmann::json::array();
            for (const auto &m : *l)
                a.push_back(m.raw);
            out << pretty(a) << '\n';
        } else {
            printList(out, *l);
        }
        return ExitOk;
    }
    if (sub == QLatin1String("update")) {
        auto m = wait<MigrationResource>([&](QObject *c, auto d) { client.updateLikeAzCli(target, migrationName, *update, c, d); });
        if (!m)
            return report(err, m.error());
        out << pretty(m->raw) << '\n';
        return ExitOk;
    }
    if (sub == QLatin1String("delete")) {
        auto m = wait<std::optional<MigrationResource>>([&](QObject *c, auto d) { client.remove(target, migrationName, c, d); });
        if (!m)
            return report(err, m.error());
        if (*m)
            out << pretty((*m)->raw) << '\n';
        else if (json)
            out << "{}\n";
        else
            out << "Migration '" << migrationName << "' deleted.\n";
        return ExitOk;
    }
    // check-name-availability
    auto n = wait<arm::NameAvailability>([&](QObject *c, auto d) { client.checkNameAvailability(target, migrationName, c, d); });
    if (!n)
        return report(err, n.error());
    nlohmann::json j = {{"name", n->name.toStdString()}, {"type", n->type.toStdString()}, {"nameAvailable", n->nameAvailable}};
    if (!n->reason.isEmpty())
        j["reason"] = n->reason.toString().toStdString();
    if (!n->message.isEmpty())
        j["message"] = n->message.toStdString();
    out << pretty(j) << '\n';
    return ExitOk;
}

} // namespace fm::cli
