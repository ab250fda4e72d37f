// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The direct backend over two real PostgreSQL clusters (issue 11): start ->
// ReadyForCutover -> cutover -> Succeeded with equal data, the ordered states
// from statusChanged, a refused early cutover carrying the engine's reason, a
// double cutover refused locally, and cancel ending Canceled; the destructor
// returns at once while the cleanup finishes on a worker thread; observe()
// reattaches from the journal (ended run, run alive in another process,
// interrupted run resumed with or without the passwords at hand).
#include "engine/migration/directbackend.h"
#include "tests/engine/direct/directtestdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <thread>

using namespace fm;
using namespace fm::migration;

namespace {

QString describe(const MigrationStatus &s)
{
    QString t = toString(s.state) + QLatin1Char('/') + toString(s.subState);
    if (!s.requiredAction.isEmpty())
        t += QLatin1Char('/') + s.requiredAction;
    return t;
}

/** Consecutive duplicates dropped: progress updates repeat a state many times. */
QStringList collapsed(const QStringList &all)
{
    QStringList out;
    for (const auto &s : all)
        if (out.isEmpty() || out.last() != s)
            out << s;
    return out;
}

} // namespace

class TestDirectBackend : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("bsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("btgt"); return o; }()};
    QTemporaryDir m_dir;

    direct::DirectOptions options(const QString &db, const QString &name) { return test::directOptions(m_source, m_target, m_dir, db, name); }

    /** `flexmigrate direct run` as another process (what observe() reattaches to), with the same journal as options(db, name). */
    void startCli(QProcess &p, const QString &db, const QString &name)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_SOURCE_PASSWORD"), m_source.password().reveal());
        env.insert(QStringLiteral("FLEXMIGRATE_TARGET_PASSWORD"), m_target.password().reveal());
        p.setProcessEnvironment(env);
        auto uri = [](const test::PgCluster &c) { return QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(c.port()); };
        p.start(QStringLiteral(FM_DIRECT_CLI),
                {QStringLiteral("direct"), QStringLiteral("run"), QStringLiteral("--source-uri"), uri(m_source), QStringLiteral("--target-uri"), uri(m_target),
                 QStringLiteral("--pg-bindir"), test::PgCluster::binDir(), QStringLiteral("--journal"), m_dir.filePath(name + QStringLiteral(".json")),
                 QStringLiteral("--db"), db, QStringLiteral("--name"), name, QStringLiteral("--json"), QStringLiteral("--cutover"), QStringLiteral("manual")});
    }

    /** Reads the process's JSON lines until the run streams (true) or it ends/times out. */
    static bool waitForStreaming(QProcess &p, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (!p.canReadLine() && !p.waitForReadyRead(200) && p.state() == QProcess::NotRunning && !p.canReadLine())
                return false;
            while (p.canReadLine()) {
                const auto j = nlohmann::json::parse(p.readLine().trimmed().constData(), nullptr, false);
                if (!j.is_discarded() && j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false))
                    return true;
            }
        }
        return false;
    }

    void createDb(const QString &db)
    {
        QVERIFY(m_source.createDatabase(db).has_value());
        auto created = m_source.execute(db, test::manyTypesSchema(500));
        QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toDisplayString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto s = m_source.start();
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : s.error().toDisplayString()));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toDisplayString()));
    }

    void startCutoverSucceeded()
    {
        const QString db = QStringLiteral("shop");
        QVERIFY(m_source.createDatabase(db).has_value());
        auto created = m_source.execute(db, test::manyTypesSchema(2000));
        QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toDisplayString()));

        // From a spec, as the wizard and the CLI do; the passwords come at start.
        MigrationSpec spec;
        spec.name = QStringLiteral("b1");
        spec.backend = Backend::Direct;
        auto endpoint = [](const pg::ConnectionParams &p) {
            ServerEndpoint e;
            e.host = p.host;
            e.port = p.port;
            e.user = p.user;
            e.sslMode = p.sslmode;
            return e;
        };
        spec.source = endpoint(m_source.params());
        spec.target = endpoint(m_target.params());
        spec.databases = {db};
        spec.options.jobs = 3;
        auto fromSpec = DirectBackend::optionsFromSpec(spec);
        QVERIFY2(fromSpec.has_value(), qPrintable(fromSpec ? QString() : fromSpec.error().toDisplayString()));
        QCOMPARE(fromSpec->jobs, 3);
        QVERIFY(fromSpec->cutover == direct::CutoverMode::Manual);
        QVERIFY(fromSpec->source.password.isEmpty());
        direct::DirectOptions o = *fromSpec;
        o.journalPath = m_dir.filePath(QStringLiteral("b1.json"));
        o.pgBinDir = test::PgCluster::binDir();
        o.heartbeatMs = 200;
        StartCredentials credentials;
        credentials.sourcePassword = m_source.params().password;
        credentials.targetPassword = m_target.params().password;

        DirectBackend backend(o);
        backend.setPollInterval(50);
        QStringList states;
        int finished = 0;
        connect(&backend, &MigrationBackend::statusChanged, this, [&](const MigrationStatus &s) { states << describe(s); });
        connect(&backend, &MigrationBackend::finished, this, [&] { ++finished; });

        std::optional<Expected<void>> started, early;
        backend.start(credentials, [&](Expected<void> r) { started = r; });
        // Refused while the engine prepares, with the engine's reason as the message.
        backend.cutover([&](Expected<void> r) { early = r; });
        QTRY_VERIFY(started.has_value() && early.has_value());
        QVERIFY(started->has_value());
        QVERIFY(!early->has_value());
        QCOMPARE(early->error().code, QStringLiteral("CutoverRefused"));
        QVERIFY2(early->error().message.contains(QLatin1String("not finished")) || early->error().message.contains(QLatin1String("The migration is")),
                 qPrintable(early->error().message));

        QTRY_VERIFY_WITH_TIMEOUT(backend.status().state == MigrationStatus::State::WaitingForUser || backend.isFinished(), 120000);
        QVERIFY2(!backend.isFinished(), qPrintable(backend.status().errors.isEmpty() ? QString() : backend.status().errors.first().message));
        const StoredMigration stored = backend.record();
        QCOMPARE(stored.directJournalPath, m_dir.filePath(QStringLiteral("b1.json")));
        QCOMPARE(stored.lastState, QStringLiteral("streaming"));
        QCOMPARE(stored.databases, QStringList{db});
        QVERIFY(QFile::exists(stored.directJournalPath));
        const MigrationStatus ready = backend.status();
        QCOMPARE(ready.backend, QStringLiteral("direct"));
        QCOMPARE(ready.migrationName, QStringLiteral("b1"));
        QCOMPARE(ready.requiredAction, QStringLiteral("cutover"));
        QVERIFY(ready.isReadyForCutover());
        QCOMPARE(int(ready.databases.size()), 1);
        QCOMPARE(ready.databases[0].name, db);
        QVERIFY(ready.databases[0].tables.size() >= 6);
        QVERIFY2(ready.totals.fullLoadRows.value_or(0) >= 2000 * 8, qPrintable(QString::number(ready.totals.fullLoadRows.value_or(-1))));
        // Lag is measured by the heartbeat shortly after streaming begins.
        QTRY_VERIFY_WITH_TIMEOUT(backend.status().lag.bytes.has_value(), 15000);
        QCOMPARE(ready.databases[0].tablesQueued.value_or(-1), qint64(0));
        QVERIFY(ready.startedOn.isValid());

        // A change while streaming is counted.
        QVERIFY(m_source.execute(db, QStringLiteral("UPDATE app.items SET qty = qty + 1 WHERE id <= 10")).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(backend.status().totals.cdcUpdates.value_or(0) >= 10, 30000);

        std::optional<Expected<void>> first, second;
        backend.cutover([&](Expected<void> r) { first = r; });
        backend.cutover([&](Expected<void> r) { second = r; });
        QTRY_VERIFY(first.has_value() && second.has_value());
        QVERIFY2(first->has_value(), qPrintable(first->error().toDisplayString()));
        QCOMPARE(second->error().code, QStringLiteral("CutoverInProgress"));

        QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 60000);
        const MigrationStatus done = backend.status();
        QCOMPARE(toString(done.state), toString(MigrationStatus::State::Succeeded));
        QVERIFY(done.endedOn.isValid());
        QCOMPARE(toString(done.databases[0].state), toString(MigrationStatus::ItemState::Succeeded));

        // The ordered states: prepare/copy (either may be too short to sample), wait for the user, cut over, succeed.
        QStringList seen = collapsed(states);
        qInfo("states: %s", qPrintable(seen.join(QStringLiteral(" > "))));
        QVERIFY2(!seen.isEmpty() && seen.first().startsWith(QLatin1String("InProgress/")), qPrintable(seen.join(QStringLiteral(" > "))));
        const int waiting = seen.indexOf(QStringLiteral("WaitingForUser/ReadyForCutover/cutover"));
        QVERIFY2(waiting > 0, qPrintable(seen.join(QStringLiteral(" > "))));
        for (int i = 0; i < waiting; ++i)
            QVERIFY2(QStringList({"InProgress/Preparing", "InProgress/CopyingData", "InProgress/Replicating"}).contains(seen[i]), qPrintable(seen.join(QStringLiteral(" > "))));
        QCOMPARE(seen.mid(waiting), (QStringList{"WaitingForUser/ReadyForCutover/cutover", "InProgress/CuttingOver", "Succeeded/Completed"}));
        // And the order of first appearance never goes back.
        const QStringList order = {"InProgress/Preparing", "InProgress/CopyingData", "InProgress/Replicating", "WaitingForUser/ReadyForCutover/cutover",
                                   "InProgress/CuttingOver", "Succeeded/Completed"};
        for (int i = 1; i < seen.size(); ++i)
            QVERIFY2(order.indexOf(seen[i]) > order.indexOf(seen[i - 1]) || seen[i] == QLatin1String("InProgress/Replicating"), qPrintable(seen.join(QStringLiteral(" > "))));

        const auto src = test::tableChecksums(m_source, db);
        const auto tgt = test::tableChecksums(m_target, db);
        QVERIFY(src.size() >= 6);
        QCOMPARE(tgt, src);
    }

    void cancelEndsCanceled()
    {
        const QString db = QStringLiteral("crm");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, test::manyTypesSchema(500)).has_value());
        DirectBackend backend(options(db, QStringLiteral("b2")));
        backend.setPollInterval(50);
        QSignalSpy finished(&backend, &MigrationBackend::finished);
        std::optional<Expected<void>> started, cancelled, removed;
        backend.start({}, [&](Expected<void> r) { started = r; });
        QTRY_VERIFY_WITH_TIMEOUT(backend.status().state == MigrationStatus::State::WaitingForUser || backend.isFinished(), 120000);
        // The direct engine cuts over all databases at once; other selections are refused before it is asked.
        std::optional<Expected<void>> unknown;
        backend.cutover({QStringLiteral("nosuchdb")}, [&](Expected<void> r) { unknown = r; });
        QTRY_VERIFY(unknown.has_value());
        QCOMPARE(unknown->error().code, QStringLiteral("UnknownDatabase"));
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::WaitingForUser));
        backend.cancel([&](Expected<void> r) { cancelled = r; });
        QTRY_VERIFY(cancelled.has_value());
        QVERIFY(cancelled->has_value());
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.count()), 1, 60000);
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::Canceled));
        QVERIFY2(backend.status().errors.isEmpty(), qPrintable(backend.status().errors.value(0).message));
        backend.remove([&](Expected<void> r) { removed = r; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->has_value());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("b2.json"))));
        QCOMPARE(int(finished.count()), 1);
    }

    void destructorReturnsWhileCleanupRuns()
    {
        const QString db = QStringLiteral("dtor");
        createDb(db);
        auto backend = std::make_unique<DirectBackend>(options(db, QStringLiteral("dtor")));
        backend->setPollInterval(50);
        backend->start({}, [](Expected<void>) {});
        QTRY_VERIFY_WITH_TIMEOUT(backend->status().state == MigrationStatus::State::WaitingForUser || backend->isFinished(), 120000);
        QVERIFY(!backend->isFinished());
        // A session holding a lock the cleanup needs (restoring the replica
        // identity of app.nopk) for 3 s: a blocking destructor would take that long.
        std::atomic<bool> locked{false};
        std::thread holder([&] {
            auto c = pg::Connection::open(m_source.params(db));
            if (!c || !c->exec(QStringLiteral("BEGIN")) || !c->exec(QStringLiteral("LOCK TABLE app.nopk IN ACCESS SHARE MODE")))
                return;
            locked = true;
            std::this_thread::sleep_for(std::chrono::seconds(3));
            c->exec(QStringLiteral("COMMIT"));
        });
        // A failed check returns early: join first, or std::thread's destructor aborts the test.
        const auto joinHolder = qScopeGuard([&] {
            if (holder.joinable())
                holder.join();
        });
        QTRY_VERIFY(locked.load());
        QElapsedTimer t;
        t.start();
        backend.reset();
        const qint64 ms = t.elapsed();
        QVERIFY2(ms < 500, qPrintable(QStringLiteral("the destructor took %1 ms").arg(ms)));
        // The cleanup still completes, off the event loop, once the lock is gone.
        QTRY_VERIFY_WITH_TIMEOUT(test::leftovers(m_source, m_target, db).isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_source.query(db, QStringLiteral("SELECT relreplident FROM pg_class WHERE oid = 'app.nopk'::regclass"))->text(0, 0) == QLatin1String("d"), 30000);
        holder.join();
        QVERIFY(t.elapsed() >= 2000); // it really waited for the lock
    }

    void observeWithoutJournalIsNotFound()
    {
        DirectBackend backend(options(QStringLiteral("none"), QStringLiteral("neverstarted")));
        std::optional<Expected<void>> observed;
        backend.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY(!observed->has_value());
        QCOMPARE(observed->error().code, QStringLiteral("NotFound"));
    }

    void observeEndedRun()
    {
        const QString db = QStringLiteral("ended");
        createDb(db);
        {
            auto o = options(db, QStringLiteral("ended"));
            o.cutover = direct::CutoverMode::Ready;
            DirectBackend first(o);
            first.setPollInterval(50);
            first.start({}, [](Expected<void>) {});
            QTRY_VERIFY_WITH_TIMEOUT(first.isFinished(), 120000);
            QCOMPARE(toString(first.status().state), toString(MigrationStatus::State::Succeeded));
        }
        // After a restart: no password needed to see how it ended.
        auto o = options(db, QStringLiteral("ended"));
        o.source.password = Secret();
        o.target.password = Secret();
        DirectBackend again(o);
        QSignalSpy finished(&again, &MigrationBackend::finished);
        std::optional<Expected<void>> observed;
        again.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY(observed->has_value());
        QCOMPARE(toString(again.status().state), toString(MigrationStatus::State::Succeeded));
        QCOMPARE(again.status().databases.size(), qsizetype(1));
        QCOMPARE(toString(again.status().databases[0].state), toString(MigrationStatus::ItemState::Succeeded));
        QCOMPARE(int(finished.count()), 1);
    }

    void observeRunOfAnotherProcess()
    {
        const QString db = QStringLiteral("alive");
        createDb(db);
        QProcess cli;
        startCli(cli, db, QStringLiteral("alive"));
        QVERIFY2(waitForStreaming(cli, 120000), cli.readAllStandardError().constData());
        auto o = options(db, QStringLiteral("alive"));
        DirectBackend watcher(o);
        watcher.setPollInterval(50);
        QSignalSpy finished(&watcher, &MigrationBackend::finished);
        std::optional<Expected<void>> observed, started, removed;
        watcher.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY(observed->has_value());
        QCOMPARE(toString(watcher.status().state), toString(MigrationStatus::State::InProgress));
        QCOMPARE(watcher.status().databases.value(0).rawState, QStringLiteral("streaming"));
        // The other process owns it: no second engine, no journal removal.
        watcher.start({}, [&](Expected<void> r) { started = r; });
        QTRY_VERIFY(started.has_value());
        QCOMPARE(started->error().code, QStringLiteral("MigrationRunning"));
        watcher.remove([&](Expected<void> r) { removed = r; });
        QTRY_VERIFY(removed.has_value());
        QCOMPARE(removed->error().code, QStringLiteral("MigrationRunning"));
        // Cut over in that process: the watcher follows it to the end.
        cli.write("cutover\n");
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.count()), 1, 60000);
        QCOMPARE(toString(watcher.status().state), toString(MigrationStatus::State::Succeeded));
        // Drain its output (a full pipe would block it) until it exits.
        QElapsedTimer t;
        t.start();
        while (cli.state() != QProcess::NotRunning && t.elapsed() < 30000) {
            cli.readAllStandardOutput();
            cli.waitForFinished(100);
        }
        QCOMPARE(cli.state(), QProcess::NotRunning);
        QCOMPARE(cli.exitCode(), 0);
    }

    void observeResumesInterruptedRun_data()
    {
        QTest::addColumn<bool>("passwordsKnown");
        QTest::newRow("passwords known: resumed at once") << true;
        QTest::newRow("no passwords: waits, start() resumes") << false;
    }
    void observeResumesInterruptedRun()
    {
        QFETCH(bool, passwordsKnown);
        const QString db = passwordsKnown ? QStringLiteral("crash_a") : QStringLiteral("crash_b");
        const QString name = db;
        createDb(db);
        test::SourceWriter writer(m_source.params(db));
        writer.start();
        {
            QProcess cli;
            startCli(cli, db, name);
            QVERIFY2(waitForStreaming(cli, 120000), cli.readAllStandardError().constData());
            cli.kill(); // the app dies: no cleanup
            QVERIFY(cli.waitForFinished(10000));
        }
        QVERIFY(!test::leftovers(m_source, m_target, db).isEmpty());
        auto o = options(db, name);
        if (!passwordsKnown) {
            o.source.password = Secret();
            o.target.password = Secret();
        }
        DirectBackend backend(o);
        backend.setPollInterval(50);
        QSignalSpy finished(&backend, &MigrationBackend::finished);
        std::optional<Expected<void>> observed, started, cut;
        backend.observe([&](Expected<void> r) { observed = r; });
        QTRY_VERIFY(observed.has_value());
        QVERIFY2(observed->has_value(), qPrintable(observed->has_value() ? QString() : observed->error().toDisplayString()));
        if (!passwordsKnown) {
            QCOMPARE(describe(backend.status()).section(QLatin1Char('/'), 0, 0), toString(MigrationStatus::State::WaitingForUser));
            QCOMPARE(backend.status().requiredAction, QStringLiteral("resume"));
            QCOMPARE(backend.status().databases.value(0).rawState, QStringLiteral("streaming"));
            StartCredentials credentials;
            credentials.sourcePassword = m_source.params().password;
            credentials.targetPassword = m_target.params().password;
            backend.start(credentials, [&](Expected<void> r) { started = r; });
            QTRY_VERIFY(started.has_value());
            QVERIFY(started->has_value());
        }
        QTRY_VERIFY_WITH_TIMEOUT(backend.status().requiredAction == QLatin1String("cutover") || backend.isFinished(), 120000);
        QVERIFY2(!backend.isFinished(), qPrintable(backend.status().errors.value(0).message));
        bool resumed = false;
        for (const auto &e : backend.events())
            resumed = resumed || e.value("event", "") == "streaming";
        QVERIFY(resumed);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        backend.cutover([&](Expected<void> r) { cut = r; });
        QTRY_VERIFY(cut.has_value());
        QVERIFY2(cut->has_value(), qPrintable(cut->has_value() ? QString() : cut->error().toDisplayString()));
        QTRY_COMPARE_WITH_TIMEOUT(int(finished.count()), 1, 60000);
        QCOMPARE(toString(backend.status().state), toString(MigrationStatus::State::Succeeded));
        const auto src = test::tableChecksums(m_source, db);
        const auto tgt = test::tableChecksums(m_target, db);
        QVERIFY(!src.isEmpty());
        for (auto it = src.cbegin(); it != src.cend(); ++it)
            QVERIFY2(tgt.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 differs").arg(it.key())));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestDirectBackend)
#include "tst_directbackend.moc"
