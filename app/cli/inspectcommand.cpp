// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate inspect --source-uri URI [--target-uri URI] [--db NAME ...] [--backend B] [--json]
#include "app/cli/cli.h"
#include "app/cli/clicommon.h"

#include "engine/core/format.h"
#include "engine/core/job.h"
#include "engine/core/logging.h"
#include "engine/pg/inspection.h"
#include "engine/pg/preflight.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>

namespace fm::cli {

namespace {


void printServer(QTextStream &out, const char *label, const pg::ServerInfo &s)
{
    out << label << "  " << s.displayName << "  PostgreSQL " << s.version << "  wal_level=" << s.walLevel;
    if (!s.azureReplicationSupport.isEmpty())
        out << "  azure.replication_support=" << s.azureReplicationSupport;
    out << "  slots " << s.slotsUsed << '/' << s.maxReplicationSlots << "  wal senders " << s.walSendersUsed << '/' << s.maxWalSenders
        << "  user " << s.currentUser << (s.isSuperuser ? " (superuser)" : s.hasReplication ? " (replication)" : "") << '\n';
}

void printDatabases(QTextStream &out, const pg::ServerInfo &s, const QStringList &selected)
{
    out << "\nDatabases on the source\n";
    out << "  " << QStringLiteral("NAME").leftJustified(24) << QStringLiteral("SIZE").rightJustified(10) << QStringLiteral("TABLES").rightJustified(8)
        << QStringLiteral("ROWS(est)").rightJustified(12) << "  NOTES\n";
    for (const auto &d : s.databases) {
        QStringList notes;
        if (!selected.isEmpty() && !selected.contains(d.name))
            notes << QStringLiteral("not selected");
        int noRi = 0;
        for (const auto &t : d.tables)
            noRi += (t.relkind != QLatin1Char('p') && !t.isUnlogged() && !t.hasUsableReplicaIdentity()) ? 1 : 0;
        if (noRi)
            notes << QStringLiteral("%1 without primary key").arg(noRi);
        if (d.largeObjects)
            notes << QStringLiteral("%1 large objects").arg(d.largeObjects);
        if (!d.materializedViews.isEmpty())
            notes << QStringLiteral("%1 materialized views").arg(d.materializedViews.size());
        if (!d.extensions.isEmpty()) {
            QStringList names;
            for (const auto &e : d.extensions)
                if (e.name != QLatin1String("plpgsql"))
                    names << e.name;
            if (!names.isEmpty())
                notes << QStringLiteral("extensions: %1").arg(names.join(QLatin1Char(',')));
        }
        if (d.inspectError)
            notes << QStringLiteral("not inspected: %1").arg(d.inspectError->message);
        out << "  " << d.name.leftJustified(24) << formatBytes(d.sizeBytes).rightJustified(10)
            << (d.inspected ? QString::number(d.tableCount()) : QStringLiteral("-")).rightJustified(8)
            << (d.inspected ? QString::number(d.estimatedRows()) : QStringLiteral("-")).rightJustified(12) << "  " << notes.join(QStringLiteral("; ")) << '\n';
    }
}

void printReport(QTextStream &out, const pg::PreflightReport &r, pg::BackendKind backend)
{
    out << "\nPre-flight (" << pg::backendName(backend) << " backend)\n";
    for (const auto &c : r.checks) {
        const char *tag = c.severity == pg::Severity::Passed    ? "ok   "
                          : c.severity == pg::Severity::Info    ? "info "
                          : c.severity == pg::Severity::Warning ? "WARN "
                                                                : "ERROR";
        out << "  " << tag << "  " << c.id.leftJustified(36) << (c.database.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(c.database)) << c.title << '\n';
        if (c.severity != pg::Severity::Passed) {
            out << "           " << c.detail << '\n';
            if (!c.fix.isEmpty())
                out << "           fix: " << c.fix << '\n';
            for (const auto &sql : c.fixSql.mid(0, 5))
                out << "             " << sql << '\n';
            if (c.fixSql.size() > 5)
                out << "             … " << c.fixSql.size() - 5 << " more (see --json)\n";
        }
    }
    out << "\nSummary: " << r.count(pg::Severity::Error) << " error(s), " << r.count(pg::Severity::Warning) << " warning(s), "
        << r.count(pg::Severity::Info) << " info, " << r.count(pg::Severity::Passed) << " passed — "
        << (r.canRun() ? "the migration can run." : "the migration cannot run until the errors are fixed.") << '\n';
}

} // namespace

int runInspect(const QStringList &arguments)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect a source (and target) PostgreSQL server and run the pre-flight checks."));
    parser.addHelpOption();
    QCommandLineOption source(QStringLiteral("source-uri"), QStringLiteral("Source server, postgresql://user[:password]@host:port/db (password also from FLEXMIGRATE_SOURCE_PASSWORD or PGPASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption target(QStringLiteral("target-uri"), QStringLiteral("Target server (password also from FLEXMIGRATE_TARGET_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database to migrate (repeat; default: all user databases)."), QStringLiteral("name"));
    QCommandLineOption backend(QStringLiteral("backend"), QStringLiteral("direct (default), service or dms: some checks differ."), QStringLiteral("backend"), QStringLiteral("direct"));
    QCommandLineOption setupReplication(QStringLiteral("setup-replication"), QStringLiteral("The Azure service will enable logical replication on the source."));
    QCommandLineOption longTx(QStringLiteral("long-transaction-seconds"), QStringLiteral("Report transactions open longer than this (default 300)."), QStringLiteral("seconds"), QStringLiteral("300"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON document."));
    QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log to standard error."));
    parser.addOptions({source, target, db, backend, setupReplication, longTx, json, verbose});

    if (auto done = parseOrExit(parser, arguments, QStringLiteral("inspect")))
        return *done;
    if (!parser.isSet(source)) {
        err << "flexmigrate inspect: --source-uri is required, e.g. --source-uri postgresql://admin@host:5432/postgres\n";
        return ExitUsage;
    }
    pg::BackendKind backendKind;
    const QString b = parser.value(backend);
    if (b == QLatin1String("direct"))
        backendKind = pg::BackendKind::Direct;
    else if (b == QLatin1String("service"))
        backendKind = pg::BackendKind::Service;
    else if (b == QLatin1String("dms"))
        backendKind = pg::BackendKind::Dms;
    else {
        err << "flexmigrate inspect: --backend must be direct, service or dms, not \"" << b << "\".\n";
        return ExitUsage;
    }
    bool ok = false;
    const int longTxSeconds = parser.value(longTx).toInt(&ok);
    if (!ok || longTxSeconds < 0) {
        err << "flexmigrate inspect: --long-transaction-seconds must be a whole number of seconds, not \"" << parser.value(longTx) << "\".\n";
        return ExitUsage;
    }
    auto srcParams = connectionFromUri(parser.value(source), "FLEXMIGRATE_SOURCE_PASSWORD");
    if (!srcParams) {
        err << "flexmigrate inspect: --source-uri: " << srcParams.error().toDisplayString() << '\n';
        return ExitUsage;
    }
    std::optional<pg::ConnectionParams> tgtParams;
    if (parser.isSet(target)) {
        auto t = connectionFromUri(parser.value(target), "FLEXMIGRATE_TARGET_PASSWORD");
        if (!t) {
            err << "flexmigrate inspect: --target-uri: " << t.error().toDisplayString() << '\n';
            return ExitUsage;
        }
        tgtParams = *t;
    }
    logging::Options logOptions;
    logOptions.console = parser.isSet(verbose);
    logOptions.level = parser.isSet(verbose) ? spdlog::level::debug : spdlog::level::info;
    logging::init(logOptions);

    const QStringList selected = parser.values(db);
    pg::InspectOptions srcOptions;
    srcOptions.databases = selected;
    srcOptions.longTransactionSeconds = longTxSeconds;
    pg::InspectOptions tgtOptions;
    tgtOptions.details = false; // the target needs server facts and its database list only

    // Source and target are inspected in parallel, each on its own worker thread.
    auto srcJob = std::make_unique<ThreadJob<pg::ServerInfo>>([p = *srcParams, srcOptions](CancelToken &c) { return pg::inspectServer(p, srcOptions, &c); });
    std::unique_ptr<ThreadJob<pg::ServerInfo>> tgtJob;
    if (tgtParams)
        tgtJob = std::make_unique<ThreadJob<pg::ServerInfo>>([p = *tgtParams, tgtOptions](CancelToken &c) { return pg::inspectServer(p, tgtOptions, &c); });
    int pending = tgtJob ? 2 : 1;
    auto done = [&] {
        if (--pending == 0)
            QCoreApplication::quit();
    };
    QObject::connect(srcJob.get(), &Job::finished, done);
    if (tgtJob)
        QObject::connect(tgtJob.get(), &Job::finished, done);
    srcJob->start();
    if (tgtJob)
        tgtJob->start();
    QCoreApplication::exec();

    if (srcJob->error()) {
        err << "flexmigrate inspect: source " << srcParams->displayName() << ": " << srcJob->error()->toDisplayString() << '\n';
        if (!srcJob->error()->details.isEmpty() && parser.isSet(verbose))
            err << "  " << srcJob->error()->details << '\n';
        return ExitUsage;
    }
    if (tgtJob && tgtJob->error()) {
        err << "flexmigrate inspect: target " << tgtParams->displayName() << ": " << tgtJob->error()->toDisplayString() << '\n';
        return ExitUsage;
    }
    const pg::ServerInfo &srcInfo = srcJob->result();
    pg::PreflightInput input;
    input.source = &srcInfo;
    input.target = tgtJob ? &tgtJob->result() : nullptr;
    input.databases = selected;
    input.backend = backendKind;
    input.serviceSetsUpReplication = parser.isSet(setupReplication);
    const pg::PreflightReport report = pg::runPreflight(input);

    if (parser.isSet(json)) {
        QJsonObject doc;
        doc[QStringLiteral("source")] = pg::toJson(srcInfo);
        if (input.target)
            doc[QStringLiteral("target")] = pg::toJson(*input.target);
        doc[QStringLiteral("backend")] = pg::backendName(backendKind);
        doc[QStringLiteral("selectedDatabases")] = QJsonArray::fromStringList(selected);
        doc[QStringLiteral("preflight")] = pg::toJson(report);
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        printServer(out, "Source", srcInfo);
        if (input.target)
            printServer(out, "Target", *input.target);
        printDatabases(out, srcInfo, selected);
        printReport(out, report, backendKind);
    }
    out.flush();
    return report.canRun() ? ExitOk : ExitChecksFailed;
}

} // namespace fm::cli
