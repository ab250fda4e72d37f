// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate direct run --source-uri URI --target-uri URI --db NAME [--db NAME ...] [--name NAME]
//                        [--jobs N] [--index-jobs N] [--cutover manual|ready|never] [--freeze-writes] [--resume] [--json]
//                        [--change-capture auto|subscription|pgoutput|wal2json]
//                        [--journal PATH] [--pg-bindir DIR]
// Progress: a live line, or JSON lines with --json (one object per status change
// and at least one per second; events as {"event":"copy-finished",...}).
#include "app/cli/cli.h"
#include "app/cli/clicommon.h"

#include "engine/core/logging.h"
#include "engine/direct/directengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

namespace fm::cli {

namespace {

std::atomic<int> g_signal{0};
std::atomic<bool> g_cutoverLine{false};

void onSignal(int sig) { g_signal = sig; }

QString human(double bytes)
{
    const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', u ? 1 : 0).arg(QLatin1String(units[u]));
}

QString progressLine(const direct::DirectStatus &s)
{
    QStringList dbs;
    for (const auto &d : s.databases) {
        QString part = QStringLiteral("%1 %2").arg(d.name, d.phase);
        if (d.phase == QLatin1String("copying") && d.rowsTotal > 0)
            part += QStringLiteral(" %1%").arg(int(100.0 * double(d.rowsCopied) / double(std::max(d.rowsTotal, d.rowsCopied))));
        if (d.lagSeconds >= 0)
            part += QStringLiteral(" lag %1 s/%2").arg(d.lagSeconds, 0, 'f', 2).arg(human(double(std::max<qint64>(0, d.lagBytes))));
        dbs << part;
    }
    QString line = QStringLiteral("[%1s] %2 | %3 rows, %4 | %5 rows/s, %6 MB/s")
                       .arg(int(s.elapsedSeconds))
                       .arg(dbs.join(QStringLiteral(", ")))
                       .arg(s.rowsCopied)
                       .arg(human(double(s.bytesCopied)))
                       .arg(qint64(s.rowsPerSecond))
                       .arg(s.mbPerSecond, 0, 'f', 1);
    if (s.etaSeconds > 0)
        line += QStringLiteral(" | ETA %1 s").arg(qint64(std::min(s.etaSeconds, 1e9))); // clamped: a stalled rate gives astronomic ETAs
    return line;
}

} // namespace

int runDirect(const QStringList &arguments)
{
    QTextStream out(stdout), err(stderr);
    const QString sub = arguments.value(1);
    if (sub != QLatin1String("run")) {
        (sub == QLatin1String("--help") || sub == QLatin1String("-h") ? out : err)
            << "usage: flexmigrate direct run --source-uri URI --target-uri URI --db NAME [--db NAME ...] [--name NAME]\n"
               "                              [--jobs N] [--index-jobs N] [--cutover manual|ready|never] [--freeze-writes] [--resume] [--json]\n"
               "Run 'flexmigrate direct run --help' for details.\n";
        return sub == QLatin1String("--help") || sub == QLatin1String("-h") ? ExitOk : ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Migrate databases online with the direct engine: consistent parallel binary copy, native logical replication, cutover.\n"
        "With --cutover manual, type a line 'cutover' on standard input to switch over."));
    parser.addHelpOption();
    QCommandLineOption source(QStringLiteral("source-uri"), QStringLiteral("Source server URI (password also from FLEXMIGRATE_SOURCE_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption target(QStringLiteral("target-uri"), QStringLiteral("Target server URI (password also from FLEXMIGRATE_TARGET_PASSWORD)."), QStringLiteral("uri"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Database to migrate (repeat)."), QStringLiteral("name"));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Migration name: names the replication objects and the journal (default: default)."), QStringLiteral("name"), QStringLiteral("default"));
    QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Parallel copy streams (default 2)."), QStringLiteral("n"), QStringLiteral("2"));
    QCommandLineOption indexJobs(QStringLiteral("index-jobs"), QStringLiteral("Target sessions building indexes while the copy goes on (default 0: the copy streams build them once every table is copied)."), QStringLiteral("n"));
    QCommandLineOption cutover(QStringLiteral("cutover"), QStringLiteral("manual (a line 'cutover' on stdin), ready (as soon as lag is zero) or never (stream until interrupted)."), QStringLiteral("mode"), QStringLiteral("manual"));
    QCommandLineOption freeze(QStringLiteral("freeze-writes"), QStringLiteral("Make the source databases read-only at cutover (undone if the cutover aborts)."));
    QCommandLineOption resume(QStringLiteral("resume"), QStringLiteral("Continue an interrupted run from its journal."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON lines (status and events)."));
    QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("Journal file (default: in the user's data folder)."), QStringLiteral("path"));
    QCommandLineOption bindir(QStringLiteral("pg-bindir"), QStringLiteral("Folder with pg_dump (default: FLEXMIGRATE_PG_BINDIR or the newest installed)."), QStringLiteral("dir"));
    QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log to standard error."));
    QCommandLineOption capture(QStringLiteral("change-capture"), QStringLiteral("auto (subscription where possible, else client-side decoding), subscription, pgoutput or wal2json."), QStringLiteral("mode"), QStringLiteral("auto"));
    parser.addOptions({source, target, db, name, jobs, indexJobs, cutover, freeze, resume, json, journal, bindir, verbose, capture});
    // arguments: "direct", "run", options...; the parser takes the first as the program name.
    if (auto done = parseOrExit(parser, arguments.mid(1), QStringLiteral("direct run")))
        return *done;
    if (!parser.isSet(source) || !parser.isSet(target) || parser.values(db).isEmpty()) {
        err << "flexmigrate direct run: --source-uri, --target-uri and at least one --db are required.\n";
        return ExitUsage;
    }
    if (parser.isSet(verbose))
        logging::init({.level = spdlog::level::debug, .console = true});

    direct::DirectOptions opt;
    auto sp = connectionFromUri(parser.value(source), "FLEXMIGRATE_SOURCE_PASSWORD");
    if (!sp) {
        err << "flexmigrate direct run: source: " << sp.error().toDisplayString() << '\n';
        return ExitUsage;
    }
    auto tp = connectionFromUri(parser.value(target), "FLEXMIGRATE_TARGET_PASSWORD");
    if (!tp) {
        err << "flexmigrate direct run: target: " << tp.error().toDisplayString() << '\n';
        return ExitUsage;
    }
    opt.source = *sp;
    opt.target = *tp;
    opt.databases = parser.values(db);
    opt.name = parser.value(name);
    opt.changeCapture = parser.value(capture);
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("subscription"), QStringLiteral("pgoutput"), QStringLiteral("wal2json")}.contains(opt.changeCapture)) {
        err << "flexmigrate direct run: --change-capture must be auto, subscription, pgoutput or wal2json.\n";
        return ExitUsage;
    }
    // Issue 10: an empty name, or one too long for a file name, was accepted; the default
    // journal path is named after it and a journal that cannot be written is only logged,
    // so a killed run could not be resumed. PostgreSQL names stop at 63 bytes anyway.
    if (opt.name.trimmed().isEmpty() || opt.name.toUtf8().size() > 63) {
        err << "flexmigrate direct run: --name must be 1 to 63 bytes (it names the replication objects and the journal).\n";
        return ExitUsage;
    }
    bool ok = false;
    opt.jobs = parser.value(jobs).toInt(&ok);
    if (!ok || opt.jobs < 1 || opt.jobs > 64) {
        err << "flexmigrate direct run: --jobs must be a number between 1 and 64.\n";
        return ExitUsage;
    }
    if (parser.isSet(indexJobs)) {
        opt.indexJobs = parser.value(indexJobs).toInt(&ok);
        if (!ok || opt.indexJobs < 0 || opt.indexJobs > 64) {
            err << "flexmigrate direct run: --index-jobs must be a number between 0 and 64.\n";
            return ExitUsage;
        }
    }
    const QString mode = parser.value(cutover);
    if (mode == QLatin1String("manual"))
        opt.cutover = direct::CutoverMode::Manual;
    else if (mode == QLatin1String("ready"))
        opt.cutover = direct::CutoverMode::Ready;
    else if (mode == QLatin1String("never"))
        opt.cutover = direct::CutoverMode::Never;
    else {
        err << "flexmigrate direct run: --cutover must be manual, ready or never (got \"" << mode << "\").\n";
        return ExitUsage;
    }
    opt.freezeWrites = parser.isSet(freeze);
    opt.resume = parser.isSet(resume);
    opt.journalPath = parser.value(journal);
    opt.pgBinDir = parser.value(bindir);
    const bool jsonMode = parser.isSet(json);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    if (opt.cutover == direct::CutoverMode::Manual) {
        // Blocking reads on a detached thread; the event loop only looks at the flag.
        std::thread([] {
            std::string line;
            while (std::getline(std::cin, line)) {
                const QString l = QString::fromStdString(line).trimmed();
                if (l == QLatin1String("cutover"))
                    g_cutoverLine = true;
            }
        }).detach();
    }

    direct::DirectEngine engine(opt);
    engine.start();
    int exitCode = ExitOk;
    QString lastStatus;
    auto lastPrint = std::chrono::steady_clock::now() - std::chrono::hours(1);
    bool signalled = false;
    bool cutoverPending = false;
    QTimer timer;
    timer.setInterval(200);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (g_signal && !signalled) {
            signalled = true;
            if (opt.cutover == direct::CutoverMode::Never)
                engine.stop();
            else
                engine.cancel();
        }
        if (g_cutoverLine.exchange(false))
            cutoverPending = true;
        if (cutoverPending) {
            auto r = engine.requestCutover();
            cutoverPending = false;
            if (!r) {
                if (jsonMode)
                    out << QString::fromStdString(nlohmann::json{{"event", "cutover-refused"}, {"reason", r.error().message.toStdString()}}.dump()) << '\n';
                else
                    err << "\ncutover refused: " << r.error().message << '\n';
            }
        }
        for (const auto &e : engine.takeEvents()) {
            if (jsonMode)
                out << QString::fromStdString(e.dump()) << '\n';
            else if (e.value("event", "") != "phase" && e.value("event", "") != "error" && e.value("event", "") != "finished") {
                QString text = QString::fromStdString(e.value("event", ""));
                if (e.contains("database"))
                    text += QStringLiteral(" [%1]").arg(QString::fromStdString(e["database"].get<std::string>()));
                if (e.contains("seconds"))
                    text += QStringLiteral(" %1 s").arg(e["seconds"].get<double>(), 0, 'f', 2);
                if (e.contains("message"))
                    text += QStringLiteral(": ") + QString::fromStdString(e["message"].get<std::string>());
                // A retry or an interrupted copy says what was lost and why.
                if (e.contains("what") && e["what"].is_string())
                    text += QStringLiteral(": ") + QString::fromStdString(e["what"].get<std::string>());
                if (e.contains("reason") && e["reason"].is_string())
                    text += QStringLiteral(" (%1)").arg(QString::fromStdString(e["reason"].get<std::string>()));
                err << '\n' << text << '\n';
            }
        }
        const bool finished = engine.isFinished();
        const auto st = engine.status();
        const auto now = std::chrono::steady_clock::now();
        if (jsonMode) {
            nlohmann::json j = st.toJson();
            nlohmann::json withoutTime = j;
            withoutTime.erase("elapsedSeconds");
            withoutTime.erase("rowsPerSecond");
            withoutTime.erase("mbPerSecond");
            withoutTime.erase("etaSeconds");
            const QString key = QString::fromStdString(withoutTime.dump());
            if (key != lastStatus || now - lastPrint >= std::chrono::milliseconds(900) || finished) {
                lastStatus = key;
                lastPrint = now;
                out << QString::fromStdString(j.dump()) << '\n';
            }
        } else if (now - lastPrint >= std::chrono::milliseconds(1000) || (finished && st.rowsCopied > 0)) {
            lastPrint = now;
            err << '\r' << progressLine(st).leftJustified(100);
        }
        out.flush();
        err.flush();
        if (!finished)
            return;
        timer.stop();
        auto r = engine.result();
        if (!jsonMode)
            err << '\n';
        if (r) {
            if (!jsonMode)
                out << (st.state == QLatin1String("stopped") ? "Stopped; replication objects removed.\n" : "Migration finished; the target is ready.\n");
            exitCode = ExitOk;
        } else {
            err << "flexmigrate direct run: " << r.error().toDisplayString() << '\n';
            exitCode = r.error().isCancelled() ? ExitFailure
                       : r.error().category == ErrorCategory::Network || r.error().category == ErrorCategory::Auth || r.error().category == ErrorCategory::Validation
                           ? ExitUsage
                           : ExitFailure;
        }
        QCoreApplication::exit(exitCode);
    });
    timer.start();
    QCoreApplication::exec();
    out.flush();
    return exitCode;
}

} // namespace fm::cli
