// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/databasespagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace fm;
using namespace fm::ui;

namespace {

pg::TableInfo table(const QString &name, bool pk)
{
    pg::TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = name;
    t.relkind = QLatin1Char('r');
    t.persistence = QLatin1Char('p');
    t.replident = QLatin1Char('d');
    t.hasPrimaryKey = pk;
    t.hasReplicaIdentityIndex = pk;
    return t;
}

/** A source as the inspection reports it: db01..db10 plus system databases; db03 has a table without a key, db04 large objects. */
pg::ServerInfo source()
{
    pg::ServerInfo s;
    s.version = QStringLiteral("15.4");
    s.versionNum = 150004;
    s.walLevel = QStringLiteral("logical");
    s.maxReplicationSlots = 20;
    s.maxWalSenders = 20;
    s.isSuperuser = true;
    for (const QString &sys : {QStringLiteral("template1"), QStringLiteral("azure_maintenance")}) {
        pg::DatabaseInfo d;
        d.name = sys;
        s.databases << d;
    }
    pg::DatabaseInfo t0;
    t0.name = QStringLiteral("template0");
    t0.allowConnections = false;
    s.databases << t0;
    for (int i = 1; i <= 10; ++i) {
        pg::DatabaseInfo d;
        d.name = QStringLiteral("db%1").arg(i, 2, 10, QLatin1Char('0'));
        d.sizeBytes = 1000 * i;
        d.inspected = true;
        d.tables << table(QStringLiteral("orders"), true) << table(QStringLiteral("items"), true);
        if (i == 3)
            d.tables << table(QStringLiteral("audit_log"), false);
        if (i == 4)
            d.largeObjects = 2;
        s.databases << d;
    }
    return s;
}

pg::ServerInfo target(const QStringList &existing)
{
    pg::ServerInfo t;
    t.version = QStringLiteral("16.2");
    t.versionNum = 160002;
    t.isSuperuser = true;
    for (const QString &n : existing) {
        pg::DatabaseInfo d;
        d.name = n;
        t.databases << d;
    }
    return t;
}

QString db(int i)
{
    return QStringLiteral("db%1").arg(i, 2, 10, QLatin1Char('0'));
}

} // namespace

class TstDatabasesPageModel : public QObject
{
    Q_OBJECT
private slots:
    void rows()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        DatabasesPageModel m(&w);
        QCOMPARE(m.rows().size(), 0);
        QCOMPARE(m.incompleteReason(), QStringLiteral("Test the connection to the source server first: its databases are listed from there."));
        w.setSourceInfo(source());
        w.setTargetInfo(target({db(5)}));
        QCOMPARE(m.rows().size(), 10); // template0/1 and azure_maintenance are never offered
        QCOMPARE(m.rows()[0].name, db(1));
        QCOMPARE(m.rows()[0].sizeBytes, 1000);
        QCOMPARE(m.rows()[0].tables, 2);
        QCOMPARE(m.rows()[0].warnings, QStringList());
        QCOMPARE(m.rows()[2].tables, 3);
        QCOMPARE(m.rows()[2].warnings.size(), 1);
        QVERIFY2(m.rows()[2].warnings[0].startsWith(QLatin1String("1 table(s) have no primary key or replica identity: \"public\".\"audit_log\"")),
                 qPrintable(m.rows()[2].warnings[0]));
        QCOMPARE(m.rows()[3].warnings.size(), 1);
        QVERIFY2(m.rows()[3].warnings[0].startsWith(QLatin1String("2 large object(s).")), qPrintable(m.rows()[3].warnings[0]));
        QVERIFY(m.rows()[4].existsOnTarget);
        QVERIFY(!m.rows()[3].existsOnTarget);
        QCOMPARE(m.incompleteReason(), QStringLiteral("Select at least one database."));
        QVERIFY(!m.setSelected(QStringLiteral("nope"), true));
        QCOMPARE(m.errorText(), QStringLiteral("The source has no database \"nope\"."));
    }

    void limit_data()
    {
        QTest::addColumn<migration::Backend>("backend");
        QTest::addColumn<bool>("limited");
        QTest::newRow("service") << migration::Backend::Service << true;
        QTest::newRow("dms") << migration::Backend::Dms << true;
        QTest::newRow("direct") << migration::Backend::Direct << false;
    }
    void limit()
    {
        QFETCH(migration::Backend, backend);
        QFETCH(bool, limited);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().backend = backend;
        w.spec().name = QStringLiteral("move");
        w.setSourceInfo(source());
        DatabasesPageModel m(&w);
        QCOMPARE(m.maxDatabases(), limited ? 8 : 0);
        for (int i = 1; i <= 8; ++i)
            QVERIFY(m.setSelected(db(i), true));
        QVERIFY(!m.offerSplit());
        QCOMPARE(m.splitPlan().size(), 1);
        QCOMPARE(m.splitPlan()[0].name, QStringLiteral("move"));
        QCOMPARE(m.setSelected(db(9), true), !limited);
        if (!limited) {
            QCOMPARE(m.errorText(), QString());
            QCOMPARE(m.selected().size(), 9);
            QVERIFY(m.isComplete());
            return;
        }
        QCOMPARE(m.errorText(), QStringLiteral("An Azure migration takes at most 8 databases; \"db09\" was not added. "
                                               "Split the selection into several migrations to migrate more."));
        QVERIFY(m.offerSplit());
        QCOMPARE(m.selected().size(), 8);
        QCOMPARE(w.spec().databases.size(), 8);
        QVERIFY(m.isComplete());

        // Deselecting one clears the offer; the ninth then fits.
        QVERIFY(m.setSelected(db(1), false));
        QVERIFY(!m.offerSplit());
        QCOMPARE(m.errorText(), QString());
        QVERIFY(m.setSelected(db(9), true));
    }

    void split()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.setSourceInfo(source());
        DatabasesPageModel m(&w);
        for (int i = 1; i <= 9; ++i)
            m.setSelected(db(i), true);
        QVERIFY(m.offerSplit());
        m.acceptSplit(true);
        QCOMPARE(m.errorText(), QString());
        QVERIFY(m.setSelected(db(9), true));
        QVERIFY(m.setSelected(db(10), true));
        QCOMPARE(w.spec().databases.size(), 10);
        QVERIFY(m.isComplete());
        const auto plan = m.splitPlan();
        QCOMPARE(plan.size(), 2);
        QCOMPARE(plan[0].name, QStringLiteral("migration-1")); // no name yet: a neutral stem
        QCOMPARE(plan[0].databases.size(), 8);
        QCOMPARE(plan[1].name, QStringLiteral("migration-2"));
        QCOMPARE(plan[1].databases, (QStringList{db(9), db(10)}));
        w.spec().name = QStringLiteral("sales-move");
        QCOMPARE(m.splitPlan()[1].name, QStringLiteral("sales-move-2"));

        // Back to one migration: the selection is cut to eight.
        m.acceptSplit(false);
        QCOMPARE(m.selected().size(), 8);
        QCOMPARE(m.selected().last(), db(8));
        QVERIFY(m.isComplete());
    }

    void overwrite_data()
    {
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("reason");
        QTest::newRow("none on target") << QStringList{} << "";
        QTest::newRow("one exists") << QStringList{db(2)}
                                    << "These databases already exist on the target and would be overwritten: db02. Confirm the overwrite or deselect them.";
        QTest::newRow("two exist") << QStringList{db(1), db(2), QStringLiteral("other")}
                                   << "These databases already exist on the target and would be overwritten: db01, db02. Confirm the overwrite or deselect them.";
    }
    void overwrite()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, reason);
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.setSourceInfo(source());
        w.setTargetInfo(target(existing));
        DatabasesPageModel m(&w);
        m.setSelected(db(1), true);
        m.setSelected(db(2), true);
        QCOMPARE(m.incompleteReason(), reason);
        QCOMPARE(m.isComplete(), reason.isEmpty());
        if (reason.isEmpty())
            return;
        QVERIFY(!w.spec().options.overwriteTargetDatabases);
        m.confirmOverwrite(true);
        QVERIFY(m.isComplete());
        QVERIFY(w.spec().options.overwriteTargetDatabases);
        m.confirmOverwrite(false);
        QVERIFY(!m.isComplete());
        QVERIFY(!w.spec().options.overwriteTargetDatabases);
        // Deselecting what exists completes the page without confirming.
        for (const QString &n : existing)
            if (n != QLatin1String("other"))
                m.setSelected(n, false);
        QCOMPARE(m.incompleteReason(), m.selected().isEmpty() ? QStringLiteral("Select at least one database.") : QString());
    }

    void draftSelectionKept()
    {
        QNetworkAccessManager nam;
        WizardModel w(&nam);
        w.spec().databases = {db(3), db(7), QStringLiteral("gone")};
        DatabasesPageModel m(&w);
        QCOMPARE(w.spec().databases.size(), 3); // nothing inspected yet: the draft's selection stays
        w.setSourceInfo(source());
        QCOMPARE(m.selected(), (QStringList{db(3), db(7)}));
        QCOMPARE(w.spec().databases, (QStringList{db(3), db(7)}));
    }
};

QTEST_GUILESS_MAIN(TstDatabasesPageModel)
#include "tst_databasespagemodel.moc"
