// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fault matrix of the direct engine (issue 10), each row on a real cluster pair with
// `flexmigrate direct run` as a process and writes going on at the source:
// SIGKILL during copy / streaming / cutover then --resume; the source's backends
// (copy workers, walsender) terminated during copy and during streaming; the target
// restarted during streaming; the target crashed during copy (a backend killed: crash
// recovery, asynchronous commits may be lost), and a target whose statistics were reset
// (what crash recovery does) while one copy session was terminated. Every row ends with a cutover and the data compared
// by row counts and chunked checksums (engine/migration/validation.h) plus an md5 of
// every row, sequences and leftovers. Then every file and output of those runs is
// searched for the passwords (DESIGN.md: secrets never reach a log or a journal).
#include "tests/engine/direct/directtestdata.h"
#include "tests/reliability/reliabilitysupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

#include <csignal>
#include <sys/types.h>

using namespace fm;
using namespace fm::test::reliability;

enum class Fault { KillDuringCopy, KillDuringCopyDecoder, KillDuringStreaming, KillWithSubscriptionDetached, KillAfterCaptureStopped, KillDuringCutover, TerminateSourceDuringCopy, TerminateSourceDuringStreaming, RestartTargetDuringStreaming, CrashTargetDuringCopy, StatsResetTargetDuringCopy, StatsResetTargetDuringCopyDecoder };
Q_DECLARE_METATYPE(Fault)

class TestDirectFaults : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("rsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("rtgt"); return o; }()};
    QTemporaryDir m_home; // HOME and XDG_DATA_HOME of every run: logs, journals, settings land here
    QString m_outputs;    // everything the runs printed, for the secret scan
    QStringList m_summary;

    QString uriWithoutPassword(const test::PgCluster &c) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(c.port());
    }

    void setup(QProcess &p, const QString &db, const QString &name, const QStringList &extra)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_SOURCE_PASSWORD"), m_source.password().reveal());
        env.insert(QStringLiteral("FLEXMIGRATE_TARGET_PASSWORD"), m_target.password().reveal());
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(FM_DIRECT_CLI));
        // --verbose: debug logging to the log file and stderr, so the secret scan sees the most text.
        p.setArguments(QStringList{QStringLiteral("direct"), QStringLiteral("run"), QStringLiteral("--source-uri"), uriWithoutPassword(m_source),
                                   QStringLiteral("--target-uri"), uriWithoutPassword(m_target), QStringLiteral("--pg-bindir"), test::PgCluster::binDir(),
                                   QStringLiteral("--journal"), m_home.filePath(name + QStringLiteral("-journal.json")), QStringLiteral("--db"), db,
                                   QStringLiteral("--name"), name, QStringLiteral("--json"), QStringLiteral("--cutover"), QStringLiteral("manual"),
                                   QStringLiteral("--verbose")}
                       + extra);
    }

    /** Reads JSON lines until pred(line), the process ends or the timeout; returns pred's verdict. */
    template<typename Pred>
    bool readUntil(QProcess &p, std::vector<nlohmann::json> &lines, Pred pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (!p.canReadLine() && !p.waitForReadyRead(200) && p.state() == QProcess::NotRunning && !p.canReadLine())
                return false;
            while (p.canReadLine()) {
                const QByteArray line = p.readLine();
                m_outputs += QString::fromUtf8(line);
                auto j = nlohmann::json::parse(line.trimmed().constData(), nullptr, false);
                if (j.is_discarded() || !j.is_object())
                    continue;
                lines.push_back(j);
                if (pred(j))
                    return true;
            }
        }
        return false;
    }

    static bool copyingPastQuarter(const nlohmann::json &j)
    {
        return j.value("type", "") == "status" && j.value("state", "") == "copying" && j.value("rowsCopied", 0LL) > j.value("rowsTotal", 0LL) / 4;
    }
    static bool readyForCutover(const nlohmann::json &j)
    {
        return j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false);
    }
    static QString events(const std::vector<nlohmann::json> &lines)
    {
        QStringList e;
        QString refused;
        for (const auto &j : lines)
            if (j.contains("event") && j["event"].is_string() && j["event"] != "phase") {
                e << QString::fromStdString(j["event"].get<std::string>());
                if (j["event"] == "cutover-refused")
                    refused = QString::fromStdString(j.value("reason", ""));
                if (j["event"] == "error")
                    refused = QStringLiteral("error: ") + QString::fromStdString(j.value("message", ""));
            }
        e.removeDuplicates();
        // The last status line says where the run stood; a refusal says why.
        QString last;
        for (auto it = lines.rbegin(); it != lines.rend() && last.isEmpty(); ++it)
            if (it->value("type", "") == "status")
                last = QStringLiteral(" | last status: state %1").arg(QString::fromStdString(it->value("state", "")));
        return e.join(QLatin1Char(' ')) + (refused.isEmpty() ? QString() : QStringLiteral(" | last refusal or error: ") + refused) + last;
    }
    QString stderrTail(QProcess &p)
    {
        const QString e = QString::fromUtf8(p.readAllStandardError());
        m_outputs += e;
        return e.right(3000);
    }

    /** Terminates every backend of `db` on the source (copy workers, the walsender, the writer). */
    int terminateSourceBackends(const QString &db)
    {
        auto r = m_source.query(QStringLiteral("postgres"),
                                QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                                               "WHERE pid <> pg_backend_pid() AND (datname = $1 OR backend_type = 'walsender')"),
                                {db});
        return r ? int(r->toInt(0, 0)) : -1;
    }

    /** Pids of the target backends copying into `db` (COPY ... FROM STDIN), `like` narrowing the statement. */
    QList<qint64> targetCopyBackends(const QString &db, const QString &like = QStringLiteral("COPY %FROM STDIN%"))
    {
        QList<qint64> pids;
        auto r = m_target.query(QStringLiteral("postgres"),
                                QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE $2"), {db, like});
        for (int i = 0; r && i < r->rows(); ++i)
            pids << r->text(i, 0).toLongLong();
        return pids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        auto s = m_source.start();
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), t ? "" : qPrintable(t.error().message));
    }

    void faultThenCutover_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("sigkill-copy") << Fault::KillDuringCopy;
        // Client-side decoding (the Azure Single Server path): --resume copies the
        // unfinished tables again at a new snapshot (before: refused, start over).
        QTest::newRow("sigkill-copy-wal2json") << Fault::KillDuringCopyDecoder;
        QTest::newRow("sigkill-streaming") << Fault::KillDuringStreaming;
        // Killed inside the cutover's DROP SUBSCRIPTION steps: disabled, slot_name = NONE.
        // The resumed run re-attaches the slot (before: ENABLE failed unseen, the drain never ended).
        QTest::newRow("sigkill-subscription-detached") << Fault::KillWithSubscriptionDetached;
        // Killed in the cutover after the change capture stopped and the target's heartbeat
        // table went (the state is made by hand: journal, subscription and schema as the
        // cutover leaves them). The resume only finishes the cleanup (before: it streamed
        // again, the drain found no heartbeat table and the run failed).
        QTest::newRow("sigkill-after-capture-stopped") << Fault::KillAfterCaptureStopped;
        QTest::newRow("sigkill-cutover") << Fault::KillDuringCutover;
        QTest::newRow("terminate-source-copy") << Fault::TerminateSourceDuringCopy;
        QTest::newRow("terminate-source-streaming") << Fault::TerminateSourceDuringStreaming;
        QTest::newRow("restart-target-streaming") << Fault::RestartTargetDuringStreaming;
        // A target backend killed: the server resets every session and recovers from its
        // WAL; the copy sessions' asynchronous commits not yet flushed are lost. The copy
        // resumes in the same process and copies again what was not journaled.
        QTest::newRow("crash-target-copy") << Fault::CrashTargetDuringCopy;
        // The same detection, without the race of a real crash (every session drops at
        // once and a failed flush may be seen first): statistics reset as crash recovery
        // does, then only the big table's copy session terminated. Before: its retry opened
        // a new session and went on, and later flushes journaled tables as durable.
        QTest::newRow("stats-reset-target-copy") << Fault::StatsResetTargetDuringCopy;
        // The same with client-side decoding: the resumed copy (CopyStep again, at a
        // temporary slot's snapshot) meets indexes the streams built before the crash.
        QTest::newRow("stats-reset-target-copy-wal2json") << Fault::StatsResetTargetDuringCopyDecoder;
    }
    void faultThenCutover()
    {
        QFETCH(Fault, fault);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString db = QStringLiteral("rel_") + QString(tag).replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString name = QString(tag).replace(QLatin1Char('-'), QLatin1Char('_'));
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, test::manyTypesSchema(1500)).has_value());
        // Enough rows that the copy takes a few seconds: the copy faults land mid-copy.
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE public.bulk (id bigint PRIMARY KEY, pad text NOT NULL);"
                                                    "INSERT INTO public.bulk SELECT i, repeat(md5(i::text), 3) FROM generate_series(1, 400000) i; ANALYZE public.bulk;"))
                    .has_value());
        auto writer = std::make_unique<test::SourceWriter>(m_source.params(db));
        writer->start();

        const bool statsReset = fault == Fault::StatsResetTargetDuringCopy || fault == Fault::StatsResetTargetDuringCopyDecoder;
        const bool targetCrash = fault == Fault::CrashTargetDuringCopy || statsReset;
        const bool duringCopy = fault == Fault::KillDuringCopy || fault == Fault::KillDuringCopyDecoder || fault == Fault::TerminateSourceDuringCopy || targetCrash;
        const QStringList capture = fault == Fault::KillDuringCopyDecoder || fault == Fault::StatsResetTargetDuringCopyDecoder ? QStringList{QStringLiteral("--change-capture"), QStringLiteral("wal2json")} : QStringList{};
        QProcess first;
        setup(first, db, name, capture);
        first.start();
        QVERIFY(first.waitForStarted());
        std::vector<nlohmann::json> lines;
        const bool reached = duringCopy ? readUntil(first, lines, copyingPastQuarter, 180000) : readUntil(first, lines, readyForCutover, 240000);
        QVERIFY2(reached, qPrintable(QStringLiteral("never reached the fault point; events: %1; stderr: %2").arg(events(lines), stderrTail(first))));

        QString what;
        switch (fault) {
        case Fault::KillAfterCaptureStopped: {
            writer->stop(); // a cutover starts with writes stopped
            auto userTables = [&](const test::PgCluster &c) {
                auto all = test::tableChecksums(c, db);
                for (auto it = all.begin(); it != all.end();)
                    it = it.key().startsWith(QLatin1String("fm_")) ? all.erase(it) : std::next(it);
                return all;
            };
            QElapsedTimer caughtUp;
            caughtUp.start();
            while (userTables(m_source) != userTables(m_target) && caughtUp.elapsed() < 60000)
                QTest::qWait(200);
            QVERIFY2(userTables(m_source) == userTables(m_target), "the target never caught up before the kill");
            first.kill();
            QVERIFY(first.waitForFinished(10000));
            const QString sub = direct::objectName(name, db);
            QVERIFY(m_target.execute(db, QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE; ALTER SUBSCRIPTION %1 SET (slot_name = NONE); DROP SUBSCRIPTION %1;"
                                                        "DROP SCHEMA %2 CASCADE").arg(sub, direct::objectName(name, QStringLiteral("hb")))).has_value());
            auto behind = test::sequencesBehind(m_source, m_target, db); // set as the cutover would have
            QVERIFY(m_target.execute(db, QStringLiteral("SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1000000) FROM pg_sequences "
                                                        "WHERE schemaname NOT LIKE 'fm\\_%'")).has_value());
            Q_UNUSED(behind);
            const QString path = m_home.filePath(name + QStringLiteral("-journal.json"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto j = nlohmann::json::parse(f.readAll().toStdString());
            f.close();
            j["databases"][db.toStdString()]["phase"] = "cutover";
            j["databases"][db.toStdString()]["captureStopped"] = true;
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray::fromStdString(j.dump()));
            f.close();
            what = QStringLiteral("SIGKILL after the change capture stopped (made by hand)");
            break;
        }
        case Fault::KillWithSubscriptionDetached: {
            first.kill();
            QVERIFY(first.waitForFinished(10000));
            const QString sub = direct::objectName(name, db);
            QVERIFY(m_target.execute(db, QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE; ALTER SUBSCRIPTION %1 SET (slot_name = NONE)").arg(sub)).has_value());
            what = QStringLiteral("SIGKILL, subscription then detached from its slot");
            break;
        }
        case Fault::KillDuringCopy:
        case Fault::KillDuringCopyDecoder:
        case Fault::KillDuringStreaming:
            first.kill(); // SIGKILL: no handler, no cleanup
            what = QStringLiteral("SIGKILL");
            break;
        case Fault::KillDuringCutover: {
            writer->stop();
            first.write("cutover\n");
            const bool started = readUntil(first, lines, [](const nlohmann::json &j) { return j.value("event", "") == "cutover-started"; }, 60000);
            QVERIFY2(started, qPrintable(QStringLiteral("cutover never started; events: %1").arg(events(lines))));
            first.kill();
            what = QStringLiteral("SIGKILL after cutover-started");
            break;
        }
        case Fault::TerminateSourceDuringCopy:
        case Fault::TerminateSourceDuringStreaming: {
            const int n = terminateSourceBackends(db);
            QVERIFY2(n > 0, "no source backend was terminated");
            what = QStringLiteral("%1 source backends terminated").arg(n);
            writer = std::make_unique<test::SourceWriter>(m_source.params(db)); // its session was one of them
            writer->start();
            break;
        }
        case Fault::CrashTargetDuringCopy: {
            const QList<qint64> pids = targetCopyBackends(db);
            QVERIFY2(!pids.isEmpty(), qPrintable(QStringLiteral("no COPY running on the target; events: %1").arg(events(lines))));
            QVERIFY(::kill(pid_t(pids.first()), SIGKILL) == 0);
            what = QStringLiteral("a target COPY backend killed (crash recovery)");
            break;
        }
        case Fault::StatsResetTargetDuringCopy:
        case Fault::StatsResetTargetDuringCopyDecoder: {
            const QList<qint64> pids = targetCopyBackends(db, QStringLiteral("COPY \"public\".\"bulk\" %FROM STDIN%"));
            QVERIFY2(pids.size() == 1, qPrintable(QStringLiteral("%1 sessions copying public.bulk on the target; events: %2").arg(pids.size()).arg(events(lines))));
            QVERIFY(m_target.execute(QStringLiteral("postgres"), QStringLiteral("SELECT pg_stat_reset_shared('bgwriter')")).has_value());
            QVERIFY(m_target.execute(QStringLiteral("postgres"), QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pids.first())).has_value());
            what = QStringLiteral("target statistics reset, then the copy session of public.bulk terminated");
            break;
        }
        case Fault::RestartTargetDuringStreaming: {
            auto r = m_target.restart();
            QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
            what = QStringLiteral("target restarted");
            break;
        }
        }
        first.waitForFinished(fault == Fault::KillDuringCopy || fault == Fault::KillDuringCopyDecoder || fault == Fault::KillDuringStreaming || fault == Fault::KillWithSubscriptionDetached || fault == Fault::KillAfterCaptureStopped || fault == Fault::KillDuringCutover ? 10000 : 0);

        // The same process either recovers on its own (back to streaming, ready for
        // cutover) or ends; then a second process resumes from the journal.
        QProcess second;
        QProcess third;
        QProcess *active = &first;
        bool resumed = false;
        bool restarted = false;
        QString firstOutcome;
        if (first.state() == QProcess::Running && readUntil(first, lines, readyForCutover, 240000)) {
            firstOutcome = QStringLiteral("recovered in the same process");
        } else {
            // Lost copy sessions (and the snapshot's) are reconnected and the copy resumed
            // in process by the subscription path; before, the run failed and started over.
            QVERIFY2(fault != Fault::TerminateSourceDuringCopy && !targetCrash,
                     qPrintable(QStringLiteral("the copy did not recover from terminated sessions; events: %1; stderr: %2").arg(events(lines), stderrTail(first))));
            if (first.state() == QProcess::Running) {
                QFAIL(qPrintable(QStringLiteral("neither recovered nor ended; events: %1; stderr: %2").arg(events(lines), stderrTail(first))));
            }
            const QString err = stderrTail(first);
            firstOutcome = first.exitStatus() == QProcess::CrashExit ? QStringLiteral("killed")
                                                                     : QStringLiteral("exited %1: %2").arg(first.exitCode()).arg(err.section(QLatin1Char('\n'), -2).trimmed());
            resumed = true;
            setup(second, db, name, QStringList{QStringLiteral("--resume")} + capture);
            second.start();
            QVERIFY(second.waitForStarted());
            active = &second;
            std::vector<nlohmann::json> lines2;
            bool ready = readUntil(second, lines2, readyForCutover, 300000);
            if (!ready && second.state() == QProcess::NotRunning) {
                // A run that failed (rather than being killed) cleaned up both sides and ended
                // its journal: --resume refuses, and the way on is a new run from scratch.
                const QString resumeErr = stderrTail(second);
                QVERIFY2(resumeErr.contains(QLatin1String("NothingToResume")),
                         qPrintable(QStringLiteral("resume failed (first run: %1); events: %2; stderr: %3").arg(firstOutcome, events(lines2), resumeErr)));
                QVERIFY2(test::leftovers(m_source, m_target, db).isEmpty(), "the failed run left replication objects behind");
                restarted = true;
                setup(third, db, name, capture);
                third.start();
                QVERIFY(third.waitForStarted());
                active = &third;
                ready = readUntil(third, lines2, readyForCutover, 300000);
            }
            QVERIFY2(ready, qPrintable(QStringLiteral("never got ready again (first run: %1); events: %2; stderr: %3")
                                           .arg(firstOutcome, events(lines2), stderrTail(*active))));
            lines.insert(lines.end(), lines2.begin(), lines2.end());
            QVERIFY2(!(restarted && fault == Fault::KillDuringCopyDecoder), "--resume of the decoder path's copy was refused");
        }

        if (targetCrash) {
            // The copy did not go on as if nothing happened: it stopped and resumed,
            // copying again every table not journaled before the crash.
            QString reasons;
            bool resumedAfterCrash = false;
            for (const auto &j : lines)
                if (j.value("event", "") == "copy-interrupted") {
                    const QString reason = QString::fromStdString(j.value("reason", ""));
                    reasons += reason + QLatin1Char(' ');
                    resumedAfterCrash = resumedAfterCrash || reason.contains(QLatin1String("crash recovery"));
                }
            QVERIFY2(!reasons.isEmpty(), qPrintable(QStringLiteral("the copy went on without resuming; events: %1").arg(events(lines))));
            if (statsReset)
                QVERIFY2(resumedAfterCrash, qPrintable(QStringLiteral("the reset statistics were not taken for a crash: %1").arg(reasons)));
        }

        // Cutover: writes stop, the line is repeated until the engine accepts it.
        QTest::qWait(1000);
        writer->stop();
        QVERIFY2(writer->error().isEmpty(), qPrintable(writer->error()));
        bool finished = false;
        QElapsedTimer t;
        t.start();
        while (!finished && t.elapsed() < 180000 && active->state() == QProcess::Running) {
            active->write("cutover\n");
            finished = readUntil(*active, lines, [](const nlohmann::json &j) { return j.value("event", "") == "finished"; }, 3000);
        }
        QVERIFY2(finished, qPrintable(QStringLiteral("no finished event; events: %1; stderr: %2").arg(events(lines), stderrTail(*active))));
        // readUntil may have read the last line after the process ended: then it is not running.
        const bool ended = active->state() == QProcess::NotRunning || active->waitForFinished(60000);
        const QString err = stderrTail(*active);
        QVERIFY2(ended, qPrintable(QStringLiteral("still running after its finished event (first run: %1, resumed: %2); events: %3; last line: %4; stderr: %5")
                                       .arg(firstOutcome)
                                       .arg(resumed)
                                       .arg(events(lines), QString::fromStdString(lines.back().dump()).left(1500), err.right(1500))));
        QVERIFY2(active->exitStatus() == QProcess::NormalExit && active->exitCode() == 0, qPrintable(err));

        const QString diff = compareDatabases(m_source, m_target, db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        int tables = 0;
        const QString rows = test::migrationDifferences(m_source, m_target, db, &tables);
        QVERIFY2(rows.isEmpty(), qPrintable(rows));

        const QString line = QStringLiteral("%1 | %2 | first run %3 | %4 | equal (%5 tables, %6 writes)")
                                 .arg(tag, what, firstOutcome,
                                      restarted ? QStringLiteral("--resume refused (NothingToResume), new run, then cutover")
                                      : resumed ? QStringLiteral("--resume, then cutover")
                                                : QStringLiteral("cutover in the same run"))
                                 .arg(tables)
                                 .arg(writer->statements());
        m_summary << line;
        qInfo("%s", qPrintable(line));
        // Free the space for the next row.
        QVERIFY(m_source.execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db)).has_value());
        QVERIFY(m_target.execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db)).has_value());
    }

    // After all of the above: no password in any file the runs left (logs, journals,
    // settings) nor in anything they printed.
    void noSecretInFilesOrOutput()
    {
        const QStringList needles{m_source.password().reveal(), m_target.password().reveal()};
        int files = 0;
        const QStringList hits = findSecrets(m_home.path(), needles, {}, &files) + findSecretsInText(QStringLiteral("process output"), m_outputs, needles);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY2(files >= 2, qPrintable(QStringLiteral("only %1 files to scan: the runs wrote no journal or log?").arg(files)));
        QVERIFY(m_outputs.size() > 1000);
        qInfo("scanned %d files and %lld characters of output", files, qint64(m_outputs.size()));
        for (const QString &s : m_summary)
            qInfo("summary: %s", qPrintable(s));
    }
};

QTEST_GUILESS_MAIN(TestDirectFaults)
#include "tst_directfaults.moc"
