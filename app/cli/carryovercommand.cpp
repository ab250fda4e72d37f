// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate carry-over --source-uri URI --target-uri URI [--db NAME ...]
//     [--source-resource-id ID --target-resource-id ID <Azure options>]
//     [--roles] [--parameters] [--firewall] [--apply [--phase ...]] [--select KEY] [--deselect KEY]
//     [--checklist [--analyze]] [--json]
// Issue 12: what the data copy leaves behind, item by item with consent.
#include "app/cli/azureoptions.h"
#include "app/cli/cli.h"
#include "app/cli/clicommon.h"

#include "engine/arm/resourceid.h"
#include "engine/arm/serverclients.h"
#include "engine/carryover/firewallcarryover.h"
#include "engine/carryover/parametercarryover.h"
#include "engine/carryover/postcutoverchecklist.h"
#include "engine/carryover/rolecarryover.h"
#include "engine/core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <memory>
#include <optional>

namespace fm::cli {

namespace {

template<typename T>
Expected<T> waitFor(const std::function<void(QObject *, arm::Callback<T>)> &start)
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

int failWith(QTextStream &err, const Error &e, int code)
{
    err << "flexmigrate carry-over: " << e.toDisplayString() << '\n';
    if (!e.details.isEmpty())
        err << "  details: " << e.details << '\n';
    err.flush();
    return code;
}

bool isSingle(const arm::ResourceId &id)
{
    return id.isType(QLatin1String(arm::SingleServerClient::kResourceType));
}

} // namespace

int runCarryOver(const QStringList &arguments)
{
    using namespace carryover;
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Carry over what a migration of data and schema leaves behind: roles and grants, server parameters, firewall rules;\n"
        "and the post-cutover checklist. Prints the plan; --apply runs the ticked items on the target.\n"
        "Exit 0 when done, 1 when an item failed, 2 on bad arguments or unreachable servers."));
    parser.addHelpOption();
    QCommandLineOption source(QStringLiteral("source-uri"), QStringLiteral("Source server (password also from FLEXMIGRATE_SOURCE_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption target(QStringLiteral("target-uri"), QStringLiteral("Target server (password also from FLEXMIGRATE_TARGET_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database whose grants, default privileges and ownership are carried (repeat)."), QStringLiteral("name"));
    QCommandLineOption sourceId(QStringLiteral("source-resource-id"), QStringLiteral("Azure resource id of the source (Single or Flexible Server)."), QStringLiteral("id"));
    QCommandLineOption targetId(QStringLiteral("target-resource-id"), QStringLiteral("Azure resource id of the target Flexible Server."), QStringLiteral("id"));
    QCommandLineOption roles(QStringLiteral("roles"), QStringLiteral("Roles, memberships, grants, default privileges, ownership."));
    QCommandLineOption parameters(QStringLiteral("parameters"), QStringLiteral("Server parameters."));
    QCommandLineOption firewall(QStringLiteral("firewall"), QStringLiteral("Firewall rules (needs both resource ids)."));
    QCommandLineOption apply(QStringLiteral("apply"), QStringLiteral("Apply the ticked items (default: only print the plan)."));
    QCommandLineOption phase(QStringLiteral("phase"),
                             QStringLiteral("Roles: before-data (roles, memberships, database grants), after-schema (ownership, object grants) or all (default)."),
                             QStringLiteral("phase"), QStringLiteral("all"));
    QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Tick an item by key, e.g. a conflicting role 'role:app' (consent to overwrite; repeat)."),
                              QStringLiteral("key"));
    QCommandLineOption deselect(QStringLiteral("deselect"), QStringLiteral("Untick an item by key (repeat)."), QStringLiteral("key"));
    QCommandLineOption checklist(QStringLiteral("checklist"), QStringLiteral("Verify and print the post-cutover checklist instead of a plan."));
    QCommandLineOption analyze(QStringLiteral("analyze"), QStringLiteral("With --checklist: run ANALYZE on the target databases first."));
    QCommandLineOption aadClient(QStringLiteral("aad-client-id"), QStringLiteral("With --checklist: the AAD app the migration used (to be deleted)."), QStringLiteral("id"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON document."));
    parser.addOptions({source, target, db, sourceId, targetId, roles, parameters, firewall, apply, phase, select, deselect, checklist, analyze, aadClient, json});
    addAzureOptions(parser);
    if (auto done = parseOrExit(parser, arguments, QStringLiteral("carry-over")))
        return *done;
    if (!parser.isSet(source) || !parser.isSet(target)) {
        err << "flexmigrate carry-over: --source-uri and --target-uri are required.\n";
        return ExitUsage;
    }
    const QString phaseText = parser.value(phase);
    if (phaseText != QLatin1String("all") && phaseText != QLatin1String("before-data") && phaseText != QLatin1String("after-schema")) {
        err << "flexmigrate carry-over: --phase must be before-data, after-schema or all, not \"" << phaseText << "\".\n";
        return ExitUsage;
    }
    auto src = connectionFromUri(parser.value(source), "FLEXMIGRATE_SOURCE_PASSWORD");
    if (!src)
        return failWith(err, src.error(), ExitUsage);
    auto tgt = connectionFromUri(parser.value(target), "FLEXMIGRATE_TARGET_PASSWORD");
    if (!tgt)
        return failWith(err, tgt.error(), ExitUsage);
    std::optional<arm::ResourceId> srcId, tgtId;
    if (parser.isSet(sourceId)) {
        auto id = arm::ResourceId::parse(parser.value(sourceId), QStringLiteral("--source-resource-id"));
        if (!id)
            return failWith(err, id.error(), ExitUsage);
        srcId = *id;
    }
    if (parser.isSet(targetId)) {
        auto id = arm::ResourceId::parseOfType(parser.value(targetId), QLatin1String(arm::FlexibleServerClient::kResourceType), QStringLiteral("--target-resource-id"));
        if (!id)
            return failWith(err, id.error(), ExitUsage);
        tgtId = *id;
    }
    const QStringList databases = parser.values(db);
    logging::init();

    // The post-cutover checklist.
    if (parser.isSet(checklist)) {
        if (databases.isEmpty()) {
            err << "flexmigrate carry-over --checklist: name the migrated databases with --db.\n";
            return ExitUsage;
        }
        ChecklistContext ctx;
        ctx.source = *src;
        ctx.target = *tgt;
        ctx.databases = databases;
        ctx.singleServerSource = src->kind == pg::ServerKind::AzureSingleServer || (srcId && isSingle(*srcId)) || src->user.contains(QLatin1Char('@'));
        ctx.sourceServerName = srcId ? srcId->name() : src->azureServerName();
        ctx.aadClientId = parser.value(aadClient);
        PostCutoverChecklist list(ctx);
        if (parser.isSet(analyze))
            if (auto r = list.analyzeTarget(); !r)
                return failWith(err, r.error(), ExitFailure);
        if (auto r = list.verifyAll(); !r)
            return failWith(err, r.error(), ExitUsage);
        if (parser.isSet(json))
            out << QJsonDocument(list.toJson()).toJson(QJsonDocument::Indented);
        else
            out << list.toText() << QStringLiteral("%1 of %2 verified.\n").arg(list.verifiedCount()).arg(list.items().size());
        return ExitOk;
    }

    bool doRoles = parser.isSet(roles), doParameters = parser.isSet(parameters), doFirewall = parser.isSet(firewall);
    if (!doRoles && !doParameters && !doFirewall) {
        doRoles = doParameters = true;
        doFirewall = srcId && tgtId;
    }
    if (doFirewall && (!srcId || !tgtId)) {
        err << "flexmigrate carry-over: --firewall needs --source-resource-id and --target-resource-id (firewall rules are Azure resources).\n";
        return ExitUsage;
    }

    // Azure clients only when a resource id is given.
    QNetworkAccessManager nam;
    std::unique_ptr<http::HttpClient> http;
    std::unique_ptr<arm::ServerResourcesClient> sourceArm;
    std::unique_ptr<arm::FlexibleServerClient> targetArm;
    if (srcId || tgtId) {
        auto azure = azureConnectionFromOptions(parser, &nam);
        if (!azure)
            return failWith(err, azure.error(), ExitUsage);
        http = std::make_unique<http::HttpClient>(&nam, azure->credential, azure->httpOptions());
        if (srcId) {
            if (isSingle(*srcId))
                sourceArm = std::make_unique<arm::SingleServerClient>(http.get(), azure->profile);
            else
                sourceArm = std::make_unique<arm::FlexibleServerClient>(http.get(), azure->profile);
        }
        if (tgtId)
            targetArm = std::make_unique<arm::FlexibleServerClient>(http.get(), azure->profile);
    }
    const bool singleSource = src->kind == pg::ServerKind::AzureSingleServer || (srcId && isSingle(*srcId)) || src->user.contains(QLatin1Char('@'));

    CarryOverPlan plan;
    std::optional<RoleCatalog> sourceRoles, targetRoles;
    if (doRoles) {
        auto s = readRoleCatalog(*src, databases);
        if (!s)
            return failWith(err, s.error(), ExitUsage);
        auto t = readRoleCatalog(*tgt, databases);
        if (!t)
            return failWith(err, t.error(), ExitUsage);
        sourceRoles = *s;
        targetRoles = *t;
        RolePlanOptions o;
        o.azureTarget = tgt->isAzureHost() || tgtId.has_value();
        o.singleServerSource = singleSource;
        o.sourceServerName = srcId ? srcId->name() : src->azureServerName();
        o.targetHost = tgt->host;
        plan.append(planRoles(*s, *t, o));
    }
    if (doParameters) {
        QList<ParameterSetting> sp, tp;
        ServerFlavor sf = ServerFlavor::PostgreSQL, tf = ServerFlavor::PostgreSQL;
        if (sourceArm) {
            auto list = waitFor<QList<arm::ServerConfiguration>>([&](QObject *c, auto d) { sourceArm->listConfigurations(*srcId, c, d); });
            if (!list)
                return failWith(err, list.error(), ExitUsage);
            sp = fromArmConfigurations(*list);
            if (isSingle(*srcId)) {
                sf = ServerFlavor::AzureSingleServer;
                const auto *single = static_cast<arm::SingleServerClient *>(sourceArm.get());
                auto server = waitFor<arm::SingleServer>([&](QObject *c, auto d) { single->getServer(*srcId, c, d); });
                if (!server)
                    return failWith(err, server.error(), ExitUsage);
                sp += connectionSecuritySettings(*server);
            } else {
                sf = ServerFlavor::AzureFlexibleServer;
            }
        } else {
            auto list = readPgSettings(*src);
            if (!list)
                return failWith(err, list.error(), ExitUsage);
            sp = *list;
        }
        if (targetArm) {
            auto list = waitFor<QList<arm::ServerConfiguration>>([&](QObject *c, auto d) { targetArm->listConfigurations(*tgtId, c, d); });
            if (!list)
                return failWith(err, list.error(), ExitUsage);
            tp = fromArmConfigurations(*list);
            tf = ServerFlavor::AzureFlexibleServer;
        } else {
            auto list = readPgSettings(*tgt);
            if (!list)
                return failWith(err, list.error(), ExitUsage);
            tp = *list;
            if (tgt->isAzureHost())
                tf = ServerFlavor::AzureFlexibleServer;
        }
        plan.append(planParameters(sp, sf, tp, tf));
        if (tf == ServerFlavor::AzureFlexibleServer && !targetArm)
            plan.notes << QStringLiteral("The target is an Azure server: parameters change only through ARM. Give --target-resource-id to apply them.");
    }
    if (doFirewall) {
        auto sr = waitFor<QList<arm::FirewallRule>>([&](QObject *c, auto d) { sourceArm->listFirewallRules(*srcId, c, d); });
        if (!sr)
            return failWith(err, sr.error(), ExitUsage);
        auto tr = waitFor<QList<arm::FirewallRule>>([&](QObject *c, auto d) { targetArm->listFirewallRules(*tgtId, c, d); });
        if (!tr)
            return failWith(err, tr.error(), ExitUsage);
        auto server = waitFor<arm::FlexibleServer>([&](QObject *c, auto d) { targetArm->getServer(*tgtId, c, d); });
        if (!server)
            return failWith(err, server.error(), ExitUsage);
        plan.append(planFirewallRules(*sr, *tr, &*server));
    }
    for (const QString &key : parser.values(select))
        if (!plan.select(key, true)) {
            err << "flexmigrate carry-over: --select " << key << ": no such item that can be carried (see the keys in --json).\n";
            return ExitUsage;
        }
    for (const QString &key : parser.values(deselect))
        if (!plan.select(key, false)) {
            err << "flexmigrate carry-over: --deselect " << key << ": no such item.\n";
            return ExitUsage;
        }

    QJsonObject doc = plan.toJson();
    if (!parser.isSet(apply)) {
        if (parser.isSet(json))
            out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        else
            out << plan.toText() << "\nNothing was changed. Run again with --apply to carry over the ticked items.\n";
        return ExitOk;
    }

    // Apply: roles in their phases, parameters (ALTER SYSTEM or ARM), firewall rules (ARM).
    QList<ItemOutcome> outcomes;
    QMap<QString, Secret> generated;
    if (doRoles) {
        QList<CarryOverItem::Phase> phases;
        if (phaseText != QLatin1String("after-schema"))
            phases << CarryOverItem::Phase::BeforeData;
        if (phaseText != QLatin1String("before-data"))
            phases << CarryOverItem::Phase::AfterSchema;
        for (auto ph : phases) {
            auto r = applyRoles(plan, ph, *tgt);
            if (!r)
                return failWith(err, r.error(), ExitFailure);
            outcomes += r->outcomes;
            for (auto it = r->generatedPasswords.cbegin(); it != r->generatedPasswords.cend(); ++it)
                generated.insert(it.key(), it.value());
        }
    }
    if (doParameters && !targetArm) {
        auto r = applyParametersWithSql(plan, *tgt);
        if (!r)
            return failWith(err, r.error(), ExitFailure);
        outcomes += *r;
    }
    if (targetArm && (doParameters || doFirewall)) {
        CarryOverPlan armPart;
        for (const auto &i : plan.items)
            if ((i.kind == CarryOverItem::Kind::Parameter && doParameters) || (i.kind == CarryOverItem::Kind::FirewallRule && doFirewall))
                armPart.items << i;
        std::optional<QList<ItemOutcome>> armOutcomes;
        QEventLoop loop;
        applyWithArm(*targetArm, *tgtId, armPart, &loop, [&](QList<ItemOutcome> o) {
            armOutcomes = o;
            loop.quit();
        });
        if (!armOutcomes)
            loop.exec();
        if (armOutcomes)
            outcomes += *armOutcomes;
    }
    int failures = 0;
    QJsonArray results;
    for (const auto &o : outcomes) {
        failures += o.ok ? 0 : 1;
        results.append(QJsonObject{{QStringLiteral("key"), o.key}, {QStringLiteral("ok"), o.ok}, {QStringLiteral("message"), o.message}});
    }
    // Generated passwords are shown once, here, and nowhere else (never logged, never stored).
    if (parser.isSet(json)) {
        QJsonObject pw;
        for (auto it = generated.cbegin(); it != generated.cend(); ++it)
            pw.insert(it.key(), it.value().reveal());
        doc.insert(QStringLiteral("results"), results);
        doc.insert(QStringLiteral("generatedPasswords"), pw);
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        out << plan.toText() << '\n';
        for (const auto &o : outcomes)
            out << (o.ok ? "  done    " : "  FAILED  ") << o.key << (o.message.isEmpty() ? QString() : QStringLiteral(": ") + o.message) << '\n';
        if (!generated.isEmpty()) {
            out << "\nGenerated passwords (shown once; store them now and give them to the applications):\n";
            for (auto it = generated.cbegin(); it != generated.cend(); ++it)
                out << "  " << it.key() << "  " << it.value().reveal() << '\n';
        }
        out << QStringLiteral("\n%1 item(s) applied, %2 failed.\n").arg(outcomes.size() - failures).arg(failures);
    }
    out.flush();
    return failures == 0 ? ExitOk : ExitFailure;
}

} // namespace fm::cli
