// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/pgcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <csignal>

#include <unistd.h>

using namespace fm;

namespace {
bool alive(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}
} // namespace

class TestPgCluster : public QObject
{
    Q_OBJECT
private slots:
    void startsLogicalLoopbackClusterAndRemovesIt()
    {
        QString dir;
        qint64 pid = 0;
        {
            test::PgCluster c;
            auto r = c.start();
            QVERIFY2(r, r ? "" : qPrintable(r.error().toDisplayString()));
            dir = c.baseDir();
            pid = c.postmasterPid();
            QVERIFY(QDir(dir).exists());
            QVERIFY(alive(pid));
            auto q = c.query(QStringLiteral("postgres"),
                             QStringLiteral("SELECT current_setting('wal_level') AS w, current_setting('listen_addresses') AS l, "
                                            "(SELECT rolname FROM pg_roles WHERE oid = (SELECT datdba FROM pg_database WHERE datname = 'postgres')) AS owner"));
            QVERIFY(q);
            QCOMPARE(q->text(0, "w"), QStringLiteral("logical"));
            QCOMPARE(q->text(0, "l"), QStringLiteral("127.0.0.1"));
            // The server never runs as root.
            QFile status(QStringLiteral("/proc/%1/status").arg(pid));
            QVERIFY(status.open(QIODevice::ReadOnly));
            const QByteArray st = status.readAll();
            const int uidAt = st.indexOf("Uid:");
            QVERIFY(uidAt >= 0);
            QVERIFY2(!st.mid(uidAt, 12).contains("\t0\t"), st.mid(uidAt, 30).constData());
            // A wrong password is refused: scram over TCP, not trust.
            QVERIFY(!pg::Connection::open([&] { auto p = c.params(); p.password = Secret(QStringLiteral("nope-nope")); return p; }()));
            // Restart keeps data.
            QVERIFY(c.execute(QStringLiteral("postgres"), QStringLiteral("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7);")));
            QVERIFY(c.restart());
            auto k = c.query(QStringLiteral("postgres"), QStringLiteral("SELECT id FROM kept"));
            QVERIFY(k);
            QCOMPARE(k->toInt(0, 0), 7);
            pid = c.postmasterPid();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 10000);
        QVERIFY(!QDir(dir).exists());
    }

    void crashedOwnerTakesServerDownAndLeftoversAreReaped()
    {
        QProcess p;
        p.start(QStringLiteral(CRASHER_EXE), {});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY(p.exitStatus() == QProcess::CrashExit);
        const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        const QString dir = parts[0];
        const qint64 pid = parts[1].toLongLong();
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 15000); // the crash handler sent SIGQUIT
        // The folder is left for the reaper (any fixture that starts next runs it;
        // with ctest -j another test may already have), which removes it since its owner is gone.
        test::PgCluster::reapStale();
        QVERIFY(!QDir(dir).exists());
    }
};

QTEST_GUILESS_MAIN(TestPgCluster)
#include "tst_pgcluster.moc"
