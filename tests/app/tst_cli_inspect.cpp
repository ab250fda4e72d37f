// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/pgcluster.h"
#include "tests/support/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace fm;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &args, const QMap<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_DATA_HOME"), QDir::tempPath() + QStringLiteral("/fm-cli-test-data"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(FLEXMIGRATE_EXE), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliInspect : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("clisrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("clitgt"); return o; }()};

private slots:
    void initTestCase()
    {
        REQUIRE_OK(m_source.start());
        REQUIRE_OK(m_target.start());
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("shop")));
        REQUIRE_OK(m_source.execute(QStringLiteral("shop"), QStringLiteral("CREATE TABLE orders (id serial PRIMARY KEY, total numeric); INSERT INTO orders (total) SELECT g FROM generate_series(1, 100) g;")));
        REQUIRE_OK(m_source.createDatabase(QStringLiteral("logs")));
        REQUIRE_OK(m_source.execute(QStringLiteral("logs"), QStringLiteral("CREATE TABLE lines (ts timestamptz, msg text);")));
    }

    void cleanMigrationExitsZero()
    {
        const Run r = runCli({QStringLiteral("inspect"), QStringLiteral("--source-uri"), m_source.uri(), QStringLiteral("--target-uri"), m_target.uri(),
                              QStringLiteral("--db"), QStringLiteral("shop")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("Databases on the source")));
        QVERIFY(r.out.contains(QLatin1String("shop")));
        QVERIFY2(r.out.contains(QLatin1String("Summary: 0 error(s)")), qPrintable(r.out));
        QVERIFY(!r.out.contains(m_source.password().reveal()));
    }

    void jsonIsOneDocument()
    {
        const Run r = runCli({QStringLiteral("inspect"), QStringLiteral("--source-uri"), m_source.uri(), QStringLiteral("--db"), QStringLiteral("logs"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0); // a table without a key is a warning, not an error
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString() + r.out.left(300)));
        const QJsonObject o = doc.object();
        QCOMPARE(o[QStringLiteral("source")].toObject()[QStringLiteral("walLevel")].toString(), QStringLiteral("logical"));
        QVERIFY(o[QStringLiteral("preflight")].toObject()[QStringLiteral("summary")].toObject()[QStringLiteral("canRun")].toBool());
        bool found = false;
        for (const auto &v : o[QStringLiteral("preflight")].toObject()[QStringLiteral("checks")].toArray()) {
            const QJsonObject c = v.toObject();
            if (c[QStringLiteral("id")].toString() == QLatin1String("db.replica-identity")) {
                found = true;
                QCOMPARE(c[QStringLiteral("severity")].toString(), QStringLiteral("warning"));
                QCOMPARE(c[QStringLiteral("fixSql")].toArray().at(0).toString(), QStringLiteral("ALTER TABLE \"public\".\"lines\" REPLICA IDENTITY FULL;"));
            }
        }
        QVERIFY(found);
        QVERIFY(!r.out.contains(m_source.password().reveal()));
    }

    void errorCheckExitsThree()
    {
        QStringList dbs;
        for (int i = 0; i < 9; ++i)
            dbs << QStringLiteral("--db") << QStringLiteral("shop");
        // Duplicates collapse; nine distinct names are needed for the Azure limit.
        QStringList args = {QStringLiteral("inspect"), QStringLiteral("--source-uri"), m_source.uri(), QStringLiteral("--backend"), QStringLiteral("service")};
        for (int i = 0; i < 9; ++i)
            args << QStringLiteral("--db") << QStringLiteral("db%1").arg(i);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains(QLatin1String("selection.database-count")));
        QVERIFY2(r.out.contains(QLatin1String("9 databases are selected; an Azure migration takes at most 8")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("cannot run")));
    }

    void badInputExitsTwoWithTheCause_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no source") << QStringList{QStringLiteral("inspect")} << "--source-uri is required";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("inspect"), QStringLiteral("--sauce-uri"), QStringLiteral("x")} << "sauce-uri";
        QTest::newRow("bad backend") << QStringList{QStringLiteral("inspect"), QStringLiteral("--source-uri"), QStringLiteral("postgresql://h/db"), QStringLiteral("--backend"), QStringLiteral("cloud")} << "--backend must be direct, service or dms";
        QTest::newRow("bad uri") << QStringList{QStringLiteral("inspect"), QStringLiteral("--source-uri"), QStringLiteral("postgresql://u@h/db?bogus=1")} << "not valid";
        QTest::newRow("bad seconds") << QStringList{QStringLiteral("inspect"), QStringLiteral("--source-uri"), QStringLiteral("postgresql://h/db"), QStringLiteral("--long-transaction-seconds"), QStringLiteral("soon")} << "whole number";
    }
    void badInputExitsTwoWithTheCause()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    }

    void connectionFailuresExitTwo_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("wrong password") << "password" << "Wrong password for user \"postgres\"";
        QTest::newRow("closed port") << "port" << "connection refused";
        QTest::newRow("missing database") << "database" << "Database \"nowhere\" does not exist";
    }
    void connectionFailuresExitTwo()
    {
        QFETCH(QString, what);
        QFETCH(QString, mentions);
        QString uri;
        if (what == QLatin1String("password"))
            uri = m_source.uriFor(QStringLiteral("postgres"), QStringLiteral("Not-The-Password-9"));
        else if (what == QLatin1String("port"))
            uri = QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(test::freeLoopbackPort());
        else
            uri = m_source.uri(QStringLiteral("nowhere"));
        const Run r = runCli({QStringLiteral("inspect"), QStringLiteral("--source-uri"), uri});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("Not-The-Password-9")));
    }

    void passwordFromEnvironment()
    {
        const QString noPassword = QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres?sslmode=disable").arg(m_source.port());
        const Run r = runCli({QStringLiteral("inspect"), QStringLiteral("--source-uri"), noPassword, QStringLiteral("--db"), QStringLiteral("shop")},
                             {{QStringLiteral("FLEXMIGRATE_SOURCE_PASSWORD"), m_source.password().reveal()}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliInspect)
#include "tst_cli_inspect.moc"
