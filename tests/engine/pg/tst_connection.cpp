// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/job.h"
#include "engine/pg/connection.h"
#include "tests/support/pgcluster.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace fm;
using namespace fm::pg;

class TestConnection : public QObject
{
    Q_OBJECT
    test::PgCluster m_cluster;

private slots:
    void initTestCase()
    {
        auto r = m_cluster.start();
        QVERIFY2(r, r ? "" : qPrintable(r.error().toDisplayString() + QLatin1Char('\n') + r.error().details));
    }

    void connectsAndQueriesWithParameters()
    {
        auto c = Connection::open(m_cluster.params());
        QVERIFY2(c, c ? "" : qPrintable(c.error().toDisplayString()));
        QVERIFY(c->serverVersionNum() >= 100000);
        auto r = c->exec(QStringLiteral("SELECT $1::int + $2::int AS sum, $3::text IS NULL AS isnull"), {QStringLiteral("40"), QStringLiteral("2"), QString()});
        QVERIFY(r);
        QCOMPARE(r->toInt(0, "sum"), 42);
        QVERIFY(r->toBool(0, "isnull"));
        // A parameter is data, never SQL.
        auto inj = c->exec(QStringLiteral("SELECT $1::text AS v"), {QStringLiteral("'); DROP TABLE x; --")});
        QCOMPARE(inj->text(0, "v"), QStringLiteral("'); DROP TABLE x; --"));
    }

    void sqlstateIsKept()
    {
        auto c = Connection::open(m_cluster.params());
        QVERIFY(c);
        auto r = c->exec(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("42P01"));
        QVERIFY(r.error().category == ErrorCategory::Postgres);
        QVERIFY(!r.error().isConnectionLost());
        auto dup = c->execScript(QStringLiteral("CREATE TEMP TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);"));
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, QStringLiteral("23505"));
        QVERIFY(!dup.error().details.isEmpty()); // "Key (id)=(1) already exists."
    }

    // libpq's default notice processor writes server notices to stderr, in the middle
    // of the CLI's progress lines; ours sends them to the debug log.
    void noticesStayOffStderr()
    {
        auto c = Connection::open(m_cluster.params());
        QVERIFY(c);
        QTemporaryFile capture;
        QVERIFY(capture.open());
        std::fflush(stderr);
        const int saved = ::dup(2);
        QVERIFY(saved >= 0);
        QVERIFY(::dup2(capture.handle(), 2) >= 0);
        auto r = c->exec(QStringLiteral("DO $$ BEGIN RAISE NOTICE 'fm-notice-probe'; END $$"));
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        QVERIFY2(r, r ? "" : qPrintable(r.error().toDisplayString()));
        capture.seek(0);
        const QByteArray written = capture.readAll();
        QVERIFY2(!written.contains("fm-notice-probe"), written.constData());
    }

    void connectionFailuresNameTheCause_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("wrong password") << "password" << "28P01" << "Wrong password";
        QTest::newRow("closed port") << "port" << "08001" << "connection refused";
        QTest::newRow("missing database") << "database" << "3D000" << "does not exist";
        QTest::newRow("missing user") << "user" << "28P01" << "nobody_here";
        QTest::newRow("tls required, server has none") << "tls" << "TLS" << "TLS";
    }
    void connectionFailuresNameTheCause()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        ConnectionParams p = m_cluster.params();
        const QString wrong = QStringLiteral("Wrong-Pass-%1").arg(what);
        if (what == QLatin1String("password"))
            p.password = Secret(wrong);
        else if (what == QLatin1String("port"))
            p.port = test::freeLoopbackPort();
        else if (what == QLatin1String("database"))
            p.dbname = QStringLiteral("no_such_db");
        else if (what == QLatin1String("user")) {
            p.user = QStringLiteral("nobody_here");
            p.password = Secret(wrong);
        } else if (what == QLatin1String("tls"))
            p.sslmode = QStringLiteral("require");
        QElapsedTimer t;
        t.start();
        auto c = Connection::open(p);
        QVERIFY(!c);
        QVERIFY2(t.elapsed() < 10000, "a local failure must be quick");
        QCOMPARE(c.error().code, code);
        const QString all = c.error().toDisplayString() + c.error().details;
        QVERIFY2(all.contains(mentions, Qt::CaseInsensitive), qPrintable(all));
        QVERIFY2(!c.error().fix.isEmpty(), "every connection error says what to do");
        QVERIFY(!all.contains(wrong));
        QVERIFY(!all.contains(m_cluster.password().reveal()));
    }

    void cancelStopsARunningQuery()
    {
        ThreadJob<int> job([this](CancelToken &cancel) -> Expected<int> {
            auto c = Connection::open(m_cluster.params(), &cancel);
            if (!c)
                return fail(c.error());
            auto r = c->exec(QStringLiteral("SELECT pg_sleep(30)"), {}, &cancel);
            if (!r)
                return fail(r.error());
            return 1;
        });
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QTest::qWait(500);
        QElapsedTimer t;
        t.start();
        job.cancel();
        QVERIFY(spy.wait(5000));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(job.error());
        QVERIFY(job.error()->isCancelled());
    }

    void terminatedBackendIsConnectionLost()
    {
        auto victim = Connection::open(m_cluster.params());
        QVERIFY(victim);
        auto pid = victim->exec(QStringLiteral("SELECT pg_backend_pid() AS pid"));
        QVERIFY(pid);
        auto killer = Connection::open(m_cluster.params());
        QVERIFY(killer);
        QVERIFY(killer->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"), {pid->text(0, "pid")}));
        QTest::qWait(200);
        auto r = victim->exec(QStringLiteral("SELECT 1"));
        QVERIFY(!r);
        QVERIFY2(r.error().isConnectionLost(), qPrintable(r.error().code + QLatin1Char(' ') + r.error().message));
        QVERIFY(r.error().code.startsWith(QLatin1String("08")));
        QVERIFY(r.error().retryable);
    }

    void quoting()
    {
        auto c = Connection::open(m_cluster.params());
        QVERIFY(c);
        QCOMPARE(c->quoteIdentifier(QStringLiteral("Mixed\"Case")), QStringLiteral("\"Mixed\"\"Case\""));
        QCOMPARE(quoteIdent(QStringLiteral("Mixed\"Case")), QStringLiteral("\"Mixed\"\"Case\""));
        QVERIFY(c->execScript(QStringLiteral("CREATE TABLE %1 (id int)").arg(qualifiedName(QStringLiteral("public"), QStringLiteral("We\"ird Name")))));
        auto r = c->exec(QStringLiteral("SELECT count(*) AS n FROM pg_class WHERE relname = $1"), {QStringLiteral("We\"ird Name")});
        QCOMPARE(r->toInt(0, "n"), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
