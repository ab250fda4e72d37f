// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// flexmigrate-pgcluster: starts throwaway clusters for the demo and benchmarks,
// writes their URIs to an env file, and stops and removes them on SIGINT/SIGTERM
// or when standard input closes.
//
//   flexmigrate-pgcluster serve --count 2 --env-file FILE [--sample-data] [--fsync]
#include "tests/support/pgcluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {
int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
}

bool loadSampleData(fm::test::PgCluster &cluster, QTextStream &err)
{
    QFile f(QStringLiteral(":/flexmigrate-test/demo/sample-source.sql"));
    if (!f.open(QIODevice::ReadOnly)) {
        err << "sample data resource missing\n";
        return false;
    }
    const QString all = QString::fromUtf8(f.readAll());
    static const QRegularExpression marker(QStringLiteral("^-- @database (\\S+)\\s*$"), QRegularExpression::MultilineOption);
    auto it = marker.globalMatch(all);
    QList<QRegularExpressionMatch> matches;
    while (it.hasNext())
        matches << it.next();
    for (int i = 0; i < matches.size(); ++i) {
        const QString db = matches[i].captured(1);
        const qsizetype from = matches[i].capturedEnd();
        const qsizetype to = i + 1 < matches.size() ? matches[i + 1].capturedStart() : all.size();
        if (auto r = cluster.createDatabase(db); !r) {
            err << r.error().toDisplayString() << '\n';
            return false;
        }
        if (auto r = cluster.execute(db, all.mid(from, to - from)); !r) {
            err << "sample data for " << db << ": " << r.error().toDisplayString() << '\n';
            return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Throwaway PostgreSQL clusters for the FlexMigrate demo and benchmarks."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("serve"), QStringLiteral("Start clusters and keep them until SIGINT/SIGTERM or EOF on stdin."));
    QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Number of clusters (named source, target, c3...)."), QStringLiteral("n"), QStringLiteral("2"));
    QCommandLineOption envFile(QStringLiteral("env-file"), QStringLiteral("Write SOURCE_URI=..., TARGET_URI=... here."), QStringLiteral("file"));
    QCommandLineOption sample(QStringLiteral("sample-data"), QStringLiteral("Load the demo databases into the first cluster."));
    QCommandLineOption fsync(QStringLiteral("fsync"), QStringLiteral("Keep fsync on (benchmarks)."));
    QCommandLineOption sharedBuffers(QStringLiteral("shared-buffers"), QStringLiteral("shared_buffers for each cluster."), QStringLiteral("size"), QStringLiteral("128MB"));
    QCommandLineOption watchStdin(QStringLiteral("watch-stdin"), QStringLiteral("Also stop when standard input closes."));
    parser.addOptions({count, envFile, sample, fsync, sharedBuffers, watchStdin});
    parser.process(app);
    if (parser.positionalArguments() != QStringList{QStringLiteral("serve")}) {
        err << "usage: flexmigrate-pgcluster serve --count N --env-file FILE [--sample-data]\n";
        return 2;
    }
    const int n = parser.value(count).toInt();
    if (n < 1 || n > 8) {
        err << "--count must be between 1 and 8\n";
        return 2;
    }
    std::vector<std::unique_ptr<fm::test::PgCluster>> clusters;
    QStringList env;
    for (int i = 0; i < n; ++i) {
        fm::test::PgClusterOptions o;
        o.name = i == 0 ? QStringLiteral("source") : i == 1 ? QStringLiteral("target") : QStringLiteral("c%1").arg(i + 1);
        o.fsync = parser.isSet(fsync);
        o.sharedBuffers = parser.value(sharedBuffers);
        auto c = std::make_unique<fm::test::PgCluster>(o);
        if (auto r = c->start(); !r) {
            err << "cannot start cluster " << o.name << ": " << r.error().toDisplayString() << '\n' << r.error().details << '\n';
            return 1;
        }
        const QString key = o.name.toUpper();
        env << QStringLiteral("%1_URI=%2").arg(key, c->uri()) << QStringLiteral("%1_PORT=%2").arg(key).arg(c->port())
            << QStringLiteral("%1_DATADIR=%2").arg(key, c->dataDir());
        clusters.push_back(std::move(c));
    }
    if (parser.isSet(sample) && !loadSampleData(*clusters.front(), err))
        return 1;
    env << QStringLiteral("PG_BINDIR=%1").arg(fm::test::PgCluster::binDir());
    if (parser.isSet(envFile)) {
        QSaveFile f(parser.value(envFile));
        if (!f.open(QIODevice::WriteOnly)) {
            err << "cannot write " << parser.value(envFile) << '\n';
            return 1;
        }
        ::fchmod(f.handle(), 0600); // holds passwords
        f.write(env.join(QLatin1Char('\n')).toUtf8() + '\n');
        f.commit();
    }
    out << "ready: " << n << " cluster(s)" << Qt::endl;

    // Our handlers replace the fixture's crash handlers: a clean stop removes the folders.
    if (::pipe(g_signalPipe) != 0)
        return 1;
    ::signal(SIGINT, onSignal);
    ::signal(SIGTERM, onSignal);
    ::signal(SIGHUP, onSignal);
    QSocketNotifier sig(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&sig, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::unique_ptr<QSocketNotifier> in;
    if (parser.isSet(watchStdin)) {
        in = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(in.get(), &QSocketNotifier::activated, &app, [&] {
            char buf[256];
            if (::read(STDIN_FILENO, buf, sizeof buf) <= 0)
                app.quit();
        });
    }
    app.exec();
    clusters.clear();
    if (parser.isSet(envFile))
        QFile::remove(parser.value(envFile));
    out << "stopped" << Qt::endl;
    return 0;
}
