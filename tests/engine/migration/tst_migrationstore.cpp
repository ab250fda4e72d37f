// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;
using namespace fm::migration;

class TestMigrationStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTripAndNewestFirst()
    {
        QTemporaryDir dir;
        MigrationStore store(dir.path());
        StoredMigration a;
        a.id = QStringLiteral("aaa-1");
        a.name = QStringLiteral("sales-1");
        a.backend = Backend::Dms;
        a.targetResourceId = QStringLiteral("/subscriptions/x/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/t");
        a.databases = {QStringLiteral("sales")};
        a.groupId = QStringLiteral("g1");
        a.groupIndex = 1;
        a.createdUtc = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        a.createdResources = {QStringLiteral("/subscriptions/x/resourceGroups/rg/providers/Microsoft.DataMigration/services/fm-dms")};
        a.extra = QJsonObject{{QStringLiteral("dmsTask"), QStringLiteral("t1")}};
        StoredMigration b = a;
        b.id = QStringLiteral("bbb-2");
        b.backend = Backend::Direct;
        b.createdUtc = a.createdUtc.addSecs(60);
        QVERIFY(store.save(a));
        QVERIFY(store.save(b));
        auto loaded = store.load(QStringLiteral("aaa-1"));
        QVERIFY(loaded);
        QVERIFY(*loaded == a);
        const auto all = store.list();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, QStringLiteral("bbb-2"));
        QVERIFY(store.remove(QStringLiteral("aaa-1")));
        QCOMPARE(store.list().size(), 1);
    }

    void refusesCredentialsAndBadIds()
    {
        QTemporaryDir dir;
        MigrationStore store(dir.path());
        StoredMigration m;
        m.id = QStringLiteral("x1");
        m.extra = QJsonObject{{QStringLiteral("sourcePassword"), QStringLiteral("p")}};
        QVERIFY(!store.save(m));
        m.extra = QJsonObject{{QStringLiteral("nested"), QJsonObject{{QStringLiteral("clientSecret"), QStringLiteral("s")}}}};
        QVERIFY(!store.save(m));
        m.extra = {};
        m.id = QStringLiteral("../escape");
        QVERIFY(!store.save(m));
        QVERIFY(!store.load(QStringLiteral("../escape")));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void damagedRecordIsReportedNotFatal()
    {
        QTemporaryDir dir;
        MigrationStore store(dir.path());
        StoredMigration m;
        m.id = QStringLiteral("good");
        QVERIFY(store.save(m));
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ truncated");
        bad.close();
        QStringList problems;
        const auto all = store.list(&problems);
        QCOMPARE(all.size(), 1);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().startsWith(QLatin1String("bad.json")));
    }
};

QTEST_GUILESS_MAIN(TestMigrationStore)
#include "tst_migrationstore.moc"
