// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// UI-stall benchmark (issue 7: "the longest UI-thread stall during a running
// migration, target under 50 ms"). Starts two throwaway clusters, fills a source
// database, runs a real direct migration with the dashboard on screen (offscreen
// or xvfb), and measures the event loop with a 5 ms QTimer heartbeat: a stall is
// the time between two beats minus the interval. Copy, streaming (with a writer
// on the source), validation and cutover are all measured; the longest stall is
// printed against the target. With --screenshots DIR it also saves the
// docs/screenshots/dashboard-*.png images (the grabs themselves are not measured).
#include "app/dashboard/dashboardwidget.h"
#include "app/dashboard/lagchart.h"
#include "app/dashboard/migrationview.h"
#include "app/dashboard/migrationviewmodel.h"
#include "engine/migration/directbackend.h"
#include "tests/support/pgcluster.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>

#include <time.h>

using namespace fm;
using S = migration::MigrationStatus;

namespace {

/** CPU time of the calling (UI) thread, ns. */
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

/**
 * A stall is wall time between beats minus the interval. On a loaded machine the
 * UI thread can also wait for a core without doing anything; the CPU time the UI
 * thread used inside the gap tells the two apart ("busy" = our code ran that long).
 */
struct Heartbeat {
    QElapsedTimer clock;
    qint64 last = -1;
    qint64 lastCpu = 0;
    std::vector<double> busy;
    std::map<QString, double> maxBusyByPhase;
    int intervalMs = 5;
    std::map<QString, double> maxByPhase;
    std::vector<double> stalls;
    QString phase = QStringLiteral("starting");
    bool paused = false;

    void beat()
    {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (last >= 0 && !paused) {
            const double stall = std::max(0.0, (now - last) / 1e6 - intervalMs);
            stalls.push_back(stall);
            double &m = maxByPhase[phase];
            m = std::max(m, stall);
            const double used = (cpu - lastCpu) / 1e6;
            busy.push_back(used);
            double &b = maxBusyByPhase[phase];
            b = std::max(b, used);
        }
        last = now;
        lastCpu = cpu;
    }
    /** Screenshots block the UI thread on purpose; they are not part of the measurement. */
    template<typename F>
    void unmeasured(F f)
    {
        paused = true;
        f();
        last = clock.nsecsElapsed();
        lastCpu = threadCpuNs();
        paused = false;
    }
    double maxStall() const { return stalls.empty() ? 0 : *std::max_element(stalls.begin(), stalls.end()); }
    double percentile(double p) const
    {
        if (stalls.empty())
            return 0;
        std::vector<double> v = stalls;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }
};

QString phaseOf(const S &s)
{
    if (s.isTerminal())
        return QStringLiteral("finished");
    switch (s.subState) {
    case S::SubState::Preparing: return QStringLiteral("preparing");
    case S::SubState::CopyingData: return QStringLiteral("copying");
    case S::SubState::Replicating:
    case S::SubState::ReadyForCutover: return QStringLiteral("streaming");
    case S::SubState::CuttingOver: return QStringLiteral("cutover");
    default: return QStringLiteral("other");
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Longest UI-thread stall while a direct migration runs under the dashboard."));
    parser.addHelpOption();
    QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Rows in the big table (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption tablesOpt(QStringLiteral("tables"), QStringLiteral("Small tables besides the big one (default 40)."), QStringLiteral("n"), QStringLiteral("40"));
    QCommandLineOption shotsOpt(QStringLiteral("screenshots"), QStringLiteral("Save dashboard-*.png into this folder."), QStringLiteral("dir"));
    QCommandLineOption targetOpt(QStringLiteral("target-ms"), QStringLiteral("Target for the longest stall (default 50)."), QStringLiteral("ms"), QStringLiteral("50"));
    parser.addOptions({rowsOpt, tablesOpt, shotsOpt, targetOpt});
    parser.process(app);
    const qint64 rows = parser.value(rowsOpt).toLongLong();
    const int tables = parser.value(tablesOpt).toInt();
    const QString shots = parser.value(shotsOpt);
    const double targetMs = parser.value(targetOpt).toDouble();

    test::PgClusterOptions so;
    so.name = QStringLiteral("uisrc");
    test::PgClusterOptions to;
    to.name = QStringLiteral("uitgt");
    test::PgCluster source(so), target(to);
    for (auto *c : {&source, &target}) {
        if (auto r = c->start(); !r) {
            std::fprintf(stderr, "cannot start a cluster: %s\n", qPrintable(r.error().toDisplayString()));
            return 2;
        }
    }
    const QString db = QStringLiteral("shop");
    QString sql = QStringLiteral(
                      "CREATE TABLE orders (id bigint PRIMARY KEY, customer int NOT NULL, amount numeric(12,2), note text, created timestamptz DEFAULT now());"
                      "INSERT INTO orders SELECT g, g %% 9973, (g %% 1000) / 7.0, md5(g::text), now() FROM generate_series(1, %1) g;")
                      .arg(rows);
    sql.replace(QStringLiteral("%%"), QStringLiteral("%"));
    for (int i = 0; i < tables; ++i)
        sql += QStringLiteral("CREATE TABLE small_%1 (id int PRIMARY KEY, v text); INSERT INTO small_%1 SELECT g, repeat('x', 50) FROM generate_series(1, 2000) g;").arg(i);
    if (!source.createDatabase(db) || !source.execute(db, sql)) {
        std::fprintf(stderr, "cannot fill the source\n");
        return 2;
    }

    QTemporaryDir dir;
    direct::DirectOptions o;
    o.source = source.params();
    o.target = target.params();
    o.databases = {db};
    o.name = QStringLiteral("orders-to-flex");
    o.journalPath = dir.filePath(QStringLiteral("journal.json"));
    o.pgBinDir = test::PgCluster::binDir();
    o.jobs = 2;
    migration::DirectBackend backend(o); // the app's poll interval (250 ms)

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("FlexMigrate"));
    auto *dashboard = new dashboard::DashboardWidget(&window);
    dashboard->setNotifier([](const QString &, const QString &) {});
    window.setCentralWidget(dashboard);
    window.resize(1280, 860);
    auto *model = dashboard->addMigration(QStringLiteral("bench"), &backend, QDateTime::currentDateTimeUtc(), o.name);
    model->setValidationEndpoints(source.params(), target.params());
    model->setOperatorName(QStringLiteral("dba"));
    auto *view = dashboard->view(QStringLiteral("bench"));
    view->setConfirm([](const QString &, const QString &) { return true; });
    window.show();

    Heartbeat hb;
    hb.clock.start();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(hb.intervalMs);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] { hb.beat(); });
    heartbeat.start();

    auto shot = [&](const QString &name, int tab) {
        if (shots.isEmpty())
            return;
        hb.unmeasured([&] {
            QDir().mkpath(shots);
            view->tabs()->setCurrentIndex(tab);
            if (auto *chart = view->findChild<dashboard::LagChart *>())
                chart->redraw();
            QApplication::processEvents();
            window.grab().save(QDir(shots).filePath(name));
        });
    };

    std::atomic<bool> writing{false};
    std::atomic<bool> writerDone{false};
    std::thread writer;
    bool shotCopy = false, validated = false, validationStarted = false, cutoverSent = false;
    QElapsedTimer run;
    run.start();
    QTimer driver;
    driver.setInterval(100);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        const S s = model->status();
        hb.phase = phaseOf(s);
        if (!shotCopy && s.subState == S::SubState::CopyingData && s.totals.fullLoadRows.value_or(0) > rows / 3) {
            shotCopy = true;
            shot(QStringLiteral("dashboard-copying.png"), 0);
        }
        if (s.state == S::State::WaitingForUser && !writing && !validated) {
            // Changes on the source while the dashboard streams (off the UI thread).
            writing = true;
            writer = std::thread([&] {
                for (int i = 0; i < 20 && writing; ++i) {
                    (void)source.execute(db, QStringLiteral("UPDATE orders SET amount = amount + 1 WHERE id %% 50 = %1").arg(i).replace(QStringLiteral("%%"), QStringLiteral("%")));
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                }
                writerDone = true;
            });
            QTimer::singleShot(3000, [&] { shot(QStringLiteral("dashboard-ready.png"), 0); });
            validated = true;
        }
        // Validate once the writer stopped and the target caught up (validation is not a snapshot of both sides).
        if (validated && writerDone && !validationStarted && s.lag.bytes.value_or(1) < 1024 * 1024 && model->canValidate()) {
            validationStarted = true;
            shot(QStringLiteral("dashboard-lag.png"), 1);
            model->validate(true);
        }
        if (validated && !cutoverSent && model->validatedAt().isValid() && !model->isValidating() && model->canCutover()) {
            shot(QStringLiteral("dashboard-validation.png"), 0);
            cutoverSent = true;
            view->cutoverClicked();
        }
        if (s.isTerminal() || run.elapsed() > 30 * 60 * 1000) {
            driver.stop();
            shot(QStringLiteral("dashboard-completed.png"), 2);
            QTimer::singleShot(0, &app, &QApplication::quit);
        }
    });
    driver.start();
    backend.start({}, [](Expected<void> r) {
        if (!r) {
            std::fprintf(stderr, "start failed: %s\n", qPrintable(r.error().toDisplayString()));
            QApplication::exit(2);
        }
    });
    app.exec();
    writing = false;
    if (writer.joinable())
        writer.join();

    const S s = model->status();
    std::printf("ui-stall: %lld rows + %d tables, direct migration %s in %.1f s, %zu heartbeats of %d ms\n", rows, tables, qPrintable(toString(s.state)),
                run.elapsed() / 1000.0, hb.stalls.size(), hb.intervalMs);
    for (const auto &[phase, m] : hb.maxByPhase)
        std::printf("ui-stall:   longest stall while %-10s %6.1f ms (UI thread busy at most %5.1f ms of a gap)\n", qPrintable(phase), m, hb.maxBusyByPhase[phase]);
    const double worst = hb.maxStall();
    const double worstBusy = hb.busy.empty() ? 0 : *std::max_element(hb.busy.begin(), hb.busy.end());
    double load[3] = {0, 0, 0};
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = -1;
        std::fclose(f);
    }
    std::printf("ui-stall: p50 %.2f ms, p99 %.2f ms, longest %.1f ms (target < %.0f ms): %s\n", hb.percentile(0.5), hb.percentile(0.99), worst, targetMs,
                worst < targetMs ? "PASS" : "FAIL");
    std::printf("ui-stall: longest UI-thread work inside one gap %.1f ms (the rest of a stall is waiting for a core; load average %.1f on %d cores)\n",
                worstBusy, load[0], QThread::idealThreadCount());
    return s.state != S::State::Succeeded ? 2 : (worst < targetMs ? 0 : 3);
}
