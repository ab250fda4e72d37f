// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Issue 8 end to end: `direct run` as a process with a source user that may
// not create a publication, so the engine takes client-side decoding
// (wal2json). Writes run on the source during the copy and while streaming;
// the process is killed with SIGKILL mid-stream and resumed, the walsender is
// terminated, the target is restarted; then a manual cutover, and every row is
// equal on both sides (count + md5 of all rows: no duplicates, nothing lost),
// with nothing left behind (slot, origin, heartbeat schema).
#include "tests/engine/direct/directtestdata.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace fm;

class TestReplication : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("rsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("rtgt"); return o; }()};
    QTemporaryDir m_dir;
    const QString m_db = QStringLiteral("shop");
    const QString m_moverPassword = QStringLiteral("mover-pw-8c1f");

    void setup(QProcess &p, const QStringList &extra, bool asSuperuser = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_SOURCE_PASSWORD"), asSuperuser ? m_source.password().reveal() : m_moverPassword);
        env.insert(QStringLiteral("FLEXMIGRATE_TARGET_PASSWORD"), m_target.password().reveal());
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(FM_DIRECT_CLI));
        p.setArguments(QStringList{QStringLiteral("direct"), QStringLiteral("run"),
                                   QStringLiteral("--source-uri"), QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres?sslmode=disable").arg(asSuperuser ? QStringLiteral("postgres") : QStringLiteral("mover")).arg(m_source.port()),
                                   QStringLiteral("--target-uri"), QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(m_target.port()),
                                   QStringLiteral("--pg-bindir"), test::PgCluster::binDir(), QStringLiteral("--db"), m_db, QStringLiteral("--name"), QStringLiteral("cdc"),
                                   QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("cdc.json")), QStringLiteral("--json"),
                                   QStringLiteral("--cutover"), QStringLiteral("manual")}
                       + extra);
    }

    template<typename Pred>
    bool readUntil(QProcess &p, std::vector<nlohmann::json> &lines, Pred pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (!p.canReadLine() && !p.waitForReadyRead(200) && p.state() == QProcess::NotRunning && !p.canReadLine())
                return false;
            while (p.canReadLine()) {
                const QByteArray line = p.readLine().trimmed();
                auto j = nlohmann::json::parse(line.constData(), nullptr, false);
                if (j.is_discarded() || !j.is_object())
                    continue;
                lines.push_back(j);
                if (pred(j))
                    return true;
            }
        }
        return false;
    }

    static bool streaming(const nlohmann::json &j)
    {
        return j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false);
    }

    /** Rows in app.events on the target (grows while changes are applied). */
    qint64 targetEvents()
    {
        auto r = m_target.query(m_db, QStringLiteral("SELECT count(*) FROM app.events"));
        return r ? r->toInt(0, 0) : -1;
    }

    /** Waits until the target has applied more events than `than` (the stream goes on after a fault). */
    bool progressesBeyond(qint64 than, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (targetEvents() > than)
                return true;
            QTest::qWait(200);
        }
        return false;
    }

    static QString tail(const std::vector<nlohmann::json> &lines)
    {
        QString out;
        for (size_t i = lines.size() > 6 ? lines.size() - 6 : 0; i < lines.size(); ++i)
            out += QString::fromStdString(lines[i].dump()).left(600) + QLatin1Char('\n');
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_source.start().has_value());
        QVERIFY(m_target.start().has_value());
        QVERIFY(m_source.createDatabase(m_db).has_value());
        QVERIFY(m_source.execute(m_db, test::manyTypesSchema(2000)).has_value());
        // The migration user: REPLICATION and CREATE (for the heartbeat schema),
        // reads every table, owns none - so it cannot CREATE PUBLICATION ... FOR TABLE.
        auto r = m_source.execute(m_db, QString::fromUtf8(
            "CREATE ROLE mover LOGIN REPLICATION PASSWORD '%1';\n"
            "GRANT CREATE ON DATABASE shop TO mover;\n"
            "DO $$\n"
            "DECLARE s text; t regclass;\n"
            "BEGIN\n"
            "  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP\n"
            "    EXECUTE format('GRANT USAGE ON SCHEMA %I TO mover', s);\n"
            "    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO mover', s);\n"
            "    EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO mover', s);\n"
            "  END LOOP;\n"
            "  -- Tables without a key need REPLICA IDENTITY FULL, which only their owner may set.\n"
            "  FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace\n"
            "            WHERE c.relkind = 'r' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'\n"
            "              AND c.relreplident = 'd' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) LOOP\n"
            "    EXECUTE format('ALTER TABLE %s REPLICA IDENTITY FULL', t);\n"
            "  END LOOP;\n"
            "END $$;\n").arg(m_moverPassword));
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().toDisplayString()));
    }

    void decoderPathSurvivesKillTerminateAndRestart()
    {
        test::SourceWriter writer(m_source.params(m_db));
        writer.start();

        // Run 1: the engine must choose client-side decoding, copy, stream; then SIGKILL.
        QProcess first;
        setup(first, {});
        first.start();
        QVERIFY(first.waitForStarted());
        std::vector<nlohmann::json> lines;
        QVERIFY2(readUntil(first, lines, streaming, 180000),
                 qPrintable(QStringLiteral("never streamed; stderr: %1\n%2").arg(QString::fromUtf8(first.readAllStandardError()), tail(lines))));
        QString path, reason;
        for (const auto &j : lines)
            if (j.value("event", "") == "change-capture") {
                path = QString::fromStdString(j.value("path", ""));
                reason = QString::fromStdString(j.value("reason", ""));
            }
        QCOMPARE(path, QStringLiteral("decoder/wal2json"));
        QVERIFY2(reason.contains(QLatin1String("publication")) || reason.contains(QLatin1String("publish")), qPrintable(reason));
        QCOMPARE(QString::fromStdString(lines.back().value("changeCapture", "")), QStringLiteral("decoder/wal2json"));
        QVERIFY(progressesBeyond(targetEvents()));
        first.kill(); // SIGKILL mid-stream, writes still running
        QVERIFY(first.waitForFinished(10000));
        const qint64 afterKill = targetEvents();

        // Run 2: --resume streams on from the origin's progress.
        QProcess second;
        setup(second, {QStringLiteral("--resume")});
        second.start();
        QVERIFY(second.waitForStarted());
        std::vector<nlohmann::json> lines2;
        QVERIFY2(readUntil(second, lines2, streaming, 120000),
                 qPrintable(QStringLiteral("resume never streamed; stderr: %1\n%2").arg(QString::fromUtf8(second.readAllStandardError()), tail(lines2))));
        QVERIFY2(progressesBeyond(afterKill), "no progress after the resume");

        // The walsender dies: the stream reconnects by itself.
        auto term = m_source.query(QStringLiteral("postgres"), QStringLiteral("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE active_pid IS NOT NULL"));
        QVERIFY(term.has_value());
        QCOMPARE(term->rows(), 1);
        QVERIFY2(progressesBeyond(targetEvents()), "no progress after the walsender was terminated");

        // The target restarts: the applier reconnects and continues from its origin.
        QVERIFY(m_target.restart().has_value());
        QVERIFY2(progressesBeyond(targetEvents()), "no progress after the target restarted");

        // Cutover: writes stop, the drain reaches the last change, objects go away.
        QTest::qWait(500);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QVERIFY(writer.statements() > 0);
        QVERIFY2(readUntil(second, lines2, streaming, 60000), qPrintable(tail(lines2)));
        second.write("cutover\n");
        const bool done = readUntil(second, lines2, [](const nlohmann::json &j) { return j.value("event", "") == "finished"; }, 90000);
        QVERIFY2(done, qPrintable(QStringLiteral("%1\n%2").arg(QString::fromUtf8(second.readAllStandardError()), tail(lines2))));
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);

        const QString diff = test::migrationDifferences(m_source, m_target, m_db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void forcedPgoutputDecoder()
    {
        // A source that can publish, the decoder forced with pgoutput: the publication is
        // created, the slot decodes with pgoutput, changes arrive, the cutover drains.
        const QString db = QStringLiteral("pgo");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, test::manyTypesSchema(500)).has_value());
        test::SourceWriter writer(m_source.params(db));
        writer.start();
        QProcess p;
        setup(p, {QStringLiteral("--change-capture"), QStringLiteral("pgoutput"), QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("pgo"),
                  QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("pgo.json"))}, true);
        // --db given twice: shop (from setup) and pgo; only pgo is meant here.
        QStringList args = p.arguments();
        const int shop = args.indexOf(m_db);
        args.removeAt(shop - 1);
        args.removeAt(shop - 1);
        p.setArguments(args);
        p.start();
        std::vector<nlohmann::json> lines;
        QVERIFY2(readUntil(p, lines, streaming, 180000), qPrintable(QStringLiteral("%1\n%2").arg(QString::fromUtf8(p.readAllStandardError()), tail(lines))));
        QCOMPARE(QString::fromStdString(lines.back().value("changeCapture", "")), QStringLiteral("decoder/pgoutput"));
        QTest::qWait(1500);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        p.write("cutover\n");
        QVERIFY2(readUntil(p, lines, [](const nlohmann::json &j) { return j.value("event", "") == "finished"; }, 90000),
                 qPrintable(QStringLiteral("%1\n%2").arg(QString::fromUtf8(p.readAllStandardError()), tail(lines))));
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const auto src = test::tableChecksums(m_source, db);
        const auto tgt = test::tableChecksums(m_target, db);
        for (auto it = src.cbegin(); it != src.cend(); ++it)
            QVERIFY2(tgt.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 differs: %2 vs %3").arg(it.key(), it.value(), tgt.value(it.key()))));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void applyConflictFailsTheRunAndCleansUp()
    {
        // A row that exists on the target already (someone wrote there): the
        // decoder cannot apply the source's insert; the run fails with the
        // server's reason (not "cancelled") and removes what it created.
        const QString db = QStringLiteral("conflict");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a')")).has_value());
        QProcess p;
        setup(p, {QStringLiteral("--change-capture"), QStringLiteral("wal2json"), QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("conflict"),
                  QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("conflict.json"))}, true);
        QStringList args = p.arguments();
        const int shop = args.indexOf(m_db);
        args.removeAt(shop - 1);
        args.removeAt(shop - 1);
        p.setArguments(args);
        p.start();
        std::vector<nlohmann::json> lines;
        QVERIFY2(readUntil(p, lines, streaming, 120000), qPrintable(QStringLiteral("%1\n%2").arg(QString::fromUtf8(p.readAllStandardError()), tail(lines))));
        QVERIFY(m_target.execute(db, QStringLiteral("INSERT INTO t VALUES (2, 'target')")).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("INSERT INTO t VALUES (2, 'source')")).has_value());
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(out.contains(QLatin1String("duplicate key")), qPrintable(out.right(2000)));
        QVERIFY2(out.contains(QLatin1String("\"state\":\"failed\"")), qPrintable(out.right(2000)));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void forcedSubscriptionIsRefusedWithTheReason()
    {
        QProcess p;
        setup(p, {QStringLiteral("--change-capture"), QStringLiteral("subscription"), QStringLiteral("--name"), QStringLiteral("forced"),
                  QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("forced.json"))});
        p.start();
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError()) + QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(err.contains(QLatin1String("does not own")), qPrintable(err));
        const QStringList left = test::leftovers(m_source, m_target, m_db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestReplication)
#include "tst_replication.moc"
