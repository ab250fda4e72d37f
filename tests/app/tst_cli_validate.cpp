// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "tests/support/pgcluster.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace fm;

namespace {
struct Run {
    int exitCode = -1;
    QString out, err;
};
Run runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(FLEXMIGRATE_EXE), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("cvsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("cvtgt"); return o; }()};

private slots:
    void initTestCase()
    {
        for (auto *c : {&m_source, &m_target}) {
            QVERIFY(c->start());
            QVERIFY(c->createDatabase(QStringLiteral("shop")));
            QVERIFY(c->execute(QStringLiteral("shop"), QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, total numeric); "
                                                                       "INSERT INTO orders SELECT g, g * 2 FROM generate_series(1, 1000) g;")));
        }
    }

    void equalExitsZeroThenChangedExitsFour()
    {
        const QStringList base = {QStringLiteral("validate"), QStringLiteral("--source-uri"), m_source.uri(), QStringLiteral("--target-uri"), m_target.uri(),
                                  QStringLiteral("--db"), QStringLiteral("shop"), QStringLiteral("--checksums")};
        Run r = runCli(base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("Equal.")));
        QVERIFY(m_target.execute(QStringLiteral("shop"), QStringLiteral("UPDATE orders SET total = -1 WHERE id = 500")));
        r = runCli(base);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.out.contains(QLatin1String("DIFFERENT in whole table: 1000 vs 1000 rows")), qPrintable(r.out));
        r = runCli(base + QStringList{QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 4);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc[QStringLiteral("equal")].toBool(true), false);
        QVERIFY(!r.out.contains(m_source.password().reveal()));
    }

    void badArgumentsExitTwo()
    {
        Run r = runCli({QStringLiteral("validate"), QStringLiteral("--source-uri"), m_source.uri()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--target-uri")));
        r = runCli({QStringLiteral("validate"), QStringLiteral("--source-uri"), m_source.uri(), QStringLiteral("--target-uri"), m_target.uri(),
                    QStringLiteral("--db"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Database \"nope\" does not exist")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
