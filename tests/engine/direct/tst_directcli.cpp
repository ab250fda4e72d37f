// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// `flexmigrate direct run` as a process: JSON lines, cutover refused during the
// copy, kill -9 mid-copy then --resume, manual cutover from stdin, data equal;
// kill -9 during post-data and during streaming, then --resume from there.
#include "tests/engine/direct/directtestdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace fm;

class TestDirectCli : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("csrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("ctgt"); return o; }()};
    QTemporaryDir m_dir;

    QString uriWithoutPassword(const test::PgCluster &c) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(c.port());
    }

    void setup(QProcess &p, const QStringList &extra)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEXMIGRATE_SOURCE_PASSWORD"), m_source.password().reveal());
        env.insert(QStringLiteral("FLEXMIGRATE_TARGET_PASSWORD"), m_target.password().reveal());
        p.setProcessEnvironment(env);
        p.setProgram(QStringLiteral(FM_DIRECT_CLI));
        p.setArguments(QStringList{QStringLiteral("direct"), QStringLiteral("run"), QStringLiteral("--source-uri"), uriWithoutPassword(m_source),
                                   QStringLiteral("--target-uri"), uriWithoutPassword(m_target), QStringLiteral("--pg-bindir"), test::PgCluster::binDir(),
                                   QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("journal.json"))}
                       + extra);
    }

    /** Reads JSON lines until pred(line) is true, the process ends or timeout; returns pred's verdict. */
    template<typename Pred>
    bool readUntil(QProcess &p, std::vector<nlohmann::json> &lines, Pred pred, int timeoutMs, QString *bad = nullptr)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (!p.canReadLine() && !p.waitForReadyRead(200) && p.state() == QProcess::NotRunning && !p.canReadLine())
                return false;
            while (p.canReadLine()) {
                const QByteArray line = p.readLine().trimmed();
                if (line.isEmpty())
                    continue;
                auto j = nlohmann::json::parse(line.constData(), nullptr, false);
                if (j.is_discarded()) {
                    if (bad)
                        *bad = QString::fromUtf8(line);
                    continue;
                }
                j["_ms"] = t.elapsed();
                lines.push_back(j);
                if (pred(j))
                    return true;
            }
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_source.start().has_value());
        QVERIFY(m_target.start().has_value());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no db") << QStringList{} << 2 << "--db are required";
        QTest::newRow("bad cutover") << QStringList{"--db", "x", "--cutover", "soon"} << 2 << "--cutover must be";
        QTest::newRow("bad jobs") << QStringList{"--db", "x", "--jobs", "0"} << 2 << "--jobs must be";
        QTest::newRow("missing database") << QStringList{"--db", "nosuchdb"} << 1 << "nosuchdb";
        QTest::newRow("resume without journal") << QStringList{"--db", "x", "--resume", "--name", "never-ran", "--journal", m_dir.filePath(QStringLiteral("none.json"))} << 2 << "nothing to resume";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QProcess p;
        setup(p, args);
        p.start();
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY2(err.contains(message, Qt::CaseInsensitive), qPrintable(err));
        // The password never shows up in output.
        QVERIFY(!err.contains(m_source.password().reveal()));
    }

    void killedMidCopyResumes()
    {
        const QString db = QStringLiteral("pgb");
        QVERIFY(m_source.createDatabase(db).has_value());
        {
            QProcess pgbench;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), m_source.password().reveal());
            pgbench.setProcessEnvironment(env);
            pgbench.start(test::PgCluster::binDir() + QStringLiteral("/pgbench"),
                          {QStringLiteral("-i"), QStringLiteral("-q"), QStringLiteral("-s"), QStringLiteral("10"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("-p"), QString::number(m_source.port()), QStringLiteral("-U"), QStringLiteral("postgres"), db});
            QVERIFY(pgbench.waitForFinished(180000));
            QVERIFY2(pgbench.exitCode() == 0, pgbench.readAllStandardError().constData());
        }
        QVERIFY(m_source.execute(db, test::manyTypesSchema(3000)).has_value());
        test::SourceWriter writer(m_source.params(db));
        writer.start();

        // Run 1: killed with SIGKILL once part of the data is copied.
        QProcess first;
        setup(first, {QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("resume"), QStringLiteral("--json"), QStringLiteral("--cutover"), QStringLiteral("manual")});
        first.start();
        QVERIFY(first.waitForStarted());
        first.write("cutover\n");
        std::vector<nlohmann::json> lines;
        QString bad;
        const bool refused = readUntil(first, lines, [](const nlohmann::json &j) { return j.value("event", "") == "cutover-refused"; }, 30000, &bad);
        QVERIFY2(refused, qPrintable(QStringLiteral("no cutover-refused line; stderr: %1").arg(QString::fromUtf8(first.readAllStandardError()))));
        QVERIFY(!lines.back().value("reason", "").empty());
        const bool midCopy = readUntil(first, lines, [](const nlohmann::json &j) {
            return j.value("type", "") == "status" && j.value("state", "") == "copying" && j.value("rowsCopied", 0LL) > j.value("rowsTotal", 0LL) / 4;
        }, 120000, &bad);
        QVERIFY2(midCopy, qPrintable(QStringLiteral("never saw the copy in progress; stderr: %1").arg(QString::fromUtf8(first.readAllStandardError()))));
        first.kill();
        first.waitForFinished(10000);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("not JSON: ") + bad));
        // Status lines carry the fields the harness reads.
        const auto &st = [&]() -> const nlohmann::json & {
            for (auto it = lines.rbegin(); it != lines.rend(); ++it)
                if (it->value("type", "") == "status")
                    return *it;
            return lines.back();
        }();
        for (const char *k : {"phase", "rowsCopied", "rowsTotal", "bytesCopied", "bytesTotal", "rowsPerSecond", "mbPerSecond", "etaSeconds", "lagBytes", "lagSeconds", "databases"})
            QVERIFY2(st.contains(k), k);
        QVERIFY(st["databases"][0]["tables"][0].contains("inserts"));
        QVERIFY2(!test::leftovers(m_source, m_target, db).isEmpty(), "the killed run left no slot to resume from");

        // Run 2: --resume; finished tables stay, the rest is copied again; manual cutover.
        QProcess second;
        setup(second, {QStringLiteral("--db"), db, QStringLiteral("--name"), QStringLiteral("resume"), QStringLiteral("--json"), QStringLiteral("--resume"),
                       QStringLiteral("--cutover"), QStringLiteral("manual"), QStringLiteral("--freeze-writes")});
        second.start();
        std::vector<nlohmann::json> lines2;
        const bool ready = readUntil(second, lines2, [](const nlohmann::json &j) {
            return j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false);
        }, 150000, &bad);
        QVERIFY2(ready, qPrintable(QStringLiteral("resume never got ready; stderr: %1").arg(QString::fromUtf8(second.readAllStandardError()))));
        QTest::qWait(1500);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        second.write("cutover\n");
        const bool done = readUntil(second, lines2, [](const nlohmann::json &j) { return j.value("event", "") == "finished"; }, 60000, &bad);
        if (!done) {
            for (size_t i = lines2.size() > 8 ? lines2.size() - 8 : 0; i < lines2.size(); ++i)
                qWarning("%s", lines2[i].dump().substr(0, 1500).c_str());
        }
        QVERIFY2(done, qPrintable(QString::fromUtf8(second.readAllStandardError())));
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("not JSON: ") + bad));

        QStringList events;
        qint64 lastStatusMs = -1, maxGap = 0;
        for (const auto &j : lines2) {
            if (j.contains("event"))
                events << QString::fromStdString(j["event"].get<std::string>());
            if (j.value("type", "") == "status") {
                if (lastStatusMs >= 0)
                    maxGap = std::max<qint64>(maxGap, j["_ms"].get<qint64>() - lastStatusMs);
                lastStatusMs = j["_ms"].get<qint64>();
            }
        }
        for (const char *e : {"resume", "streaming", "cutover-started", "writes-frozen", "cutover-finished"})
            QVERIFY2(events.contains(QLatin1String(e)), qPrintable(QStringLiteral("%1 missing in %2").arg(QLatin1String(e), events.join(QLatin1Char(' ')))));
        QVERIFY2(maxGap < 1600, qPrintable(QStringLiteral("status gap %1 ms").arg(maxGap)));

        const QString diff = test::migrationDifferences(m_source, m_target, db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // --freeze-writes leaves the source read-only after a successful cutover.
        auto ro = m_source.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase "
                                                                            "WHERE d.datname = $1 AND 'default_transaction_read_only=on' = ANY (s.setconfig)"), {db});
        QCOMPARE(ro->toInt(0, 0), qint64(1));
    }

    void killedInLaterPhaseResumes_data()
    {
        QTest::addColumn<QString>("killAt");
        QTest::addColumn<QString>("journalPhase"); // what the journal says when the process dies
        QTest::newRow("during post-data") << "post-data" << "copied";
        QTest::newRow("during streaming") << "streaming" << "streaming";
    }
    void killedInLaterPhaseResumes()
    {
        QFETCH(QString, killAt);
        QFETCH(QString, journalPhase);
        const QString db = QStringLiteral("late_") + killAt.left(4);
        const QString name = QStringLiteral("late") + killAt.left(4);
        const QString journal = m_dir.filePath(name + QStringLiteral(".json"));
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, test::manyTypesSchema(3000)).has_value());
        // Post-data's REFRESH of this view takes seconds on the target: time to kill it there.
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE MATERIALIZED VIEW app.slow AS SELECT 1 AS x FROM pg_sleep(4)")).has_value());
        test::SourceWriter writer(m_source.params(db));
        writer.start();

        QProcess first;
        setup(first, {QStringLiteral("--db"), db, QStringLiteral("--name"), name, QStringLiteral("--json"), QStringLiteral("--cutover"), QStringLiteral("manual"),
                      QStringLiteral("--journal"), journal});
        first.start();
        QVERIFY(first.waitForStarted());
        std::vector<nlohmann::json> lines;
        QString bad;
        bool reached = false;
        if (killAt == QLatin1String("post-data"))
            reached = readUntil(first, lines, [](const nlohmann::json &j) { return j.value("event", "") == "copy-finished"; }, 120000, &bad);
        else
            reached = readUntil(first, lines, [](const nlohmann::json &j) {
                return j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false);
            }, 150000, &bad);
        QVERIFY2(reached, qPrintable(QStringLiteral("never reached %1; stderr: %2").arg(killAt, QString::fromUtf8(first.readAllStandardError()))));
        QTest::qWait(800); // inside the REFRESH, or with changes streaming
        first.kill();
        first.waitForFinished(10000);
        for (const auto &j : lines)
            QVERIFY2(j.value("event", "") != "indexes-built" || killAt != QLatin1String("post-data"), "post-data finished before the kill");
        {
            QFile f(journal);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto j = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
            QVERIFY(!j.is_discarded());
            QCOMPARE(QString::fromStdString(j["databases"][db.toStdString()].value("phase", "")), journalPhase);
        }

        // Run 2: --resume goes on from that phase without copying again; manual cutover.
        QProcess second;
        setup(second, {QStringLiteral("--db"), db, QStringLiteral("--name"), name, QStringLiteral("--json"), QStringLiteral("--resume"),
                       QStringLiteral("--cutover"), QStringLiteral("manual"), QStringLiteral("--journal"), journal});
        second.start();
        std::vector<nlohmann::json> lines2;
        const bool ready = readUntil(second, lines2, [](const nlohmann::json &j) {
            return j.value("type", "") == "status" && j.value("state", "") == "streaming" && j.value("cutoverAllowed", false);
        }, 150000, &bad);
        QVERIFY2(ready, qPrintable(QStringLiteral("resume never got ready; stderr: %1").arg(QString::fromUtf8(second.readAllStandardError()))));
        QTest::qWait(1000);
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        second.write("cutover\n");
        const bool done = readUntil(second, lines2, [](const nlohmann::json &j) { return j.value("event", "") == "finished"; }, 60000, &bad);
        QVERIFY2(done, qPrintable(QString::fromUtf8(second.readAllStandardError())));
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("not JSON: ") + bad));
        QStringList events;
        for (const auto &j : lines2)
            if (j.contains("event"))
                events << QString::fromStdString(j["event"].get<std::string>());
        QVERIFY2(!events.contains(QLatin1String("copy-started")), qPrintable(events.join(QLatin1Char(' '))));
        QCOMPARE(events.contains(QLatin1String("indexes-built")), killAt == QLatin1String("post-data"));
        QVERIFY(events.contains(QLatin1String("cutover-finished")));

        const auto src = test::tableChecksums(m_source, db);
        const auto tgt = test::tableChecksums(m_target, db);
        QVERIFY(src.size() >= 8);
        for (auto it = src.cbegin(); it != src.cend(); ++it)
            QVERIFY2(tgt.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 differs: %2 vs %3").arg(it.key(), it.value(), tgt.value(it.key()))));
        const QStringList behind = test::sequencesBehind(m_source, m_target, db);
        QVERIFY2(behind.isEmpty(), qPrintable(behind.join(QStringLiteral("; "))));
        auto idx = m_target.query(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname IN ('app', 'Sales Data', 'public')"));
        auto sidx = m_source.query(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname IN ('app', 'Sales Data', 'public')"));
        QCOMPARE(idx->toInt(0, 0), sidx->toInt(0, 0));
        auto mv = m_target.query(db, QStringLiteral("SELECT ispopulated FROM pg_matviews WHERE matviewname = 'slow'"));
        QVERIFY(mv && mv->rows() == 1 && mv->toBool(0, 0));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestDirectCli)
#include "tst_directcli.moc"
