// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The inspection view-model without widgets, against real clusters, and the
// view on top of it offscreen: the UI thread keeps running while libpq works.
#include "tests/support/pgcluster.h"
#include "wizard/pages/inspectionview.h"
#include "wizard/viewmodels/inspectviewmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace fm;

class TestInspectViewModel : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("vmsrc"); return o; }()};

private slots:
    void initTestCase()
    {
        auto r = m_source.start();
        QVERIFY2(r, r ? "" : qPrintable(r.error().toDisplayString()));
        QVERIFY(m_source.createDatabase(QStringLiteral("app")));
        QVERIFY(m_source.execute(QStringLiteral("app"), QStringLiteral("CREATE TABLE nokey (a int); CREATE TABLE keyed (id int PRIMARY KEY);")));
    }

    void inputErrorsWithoutTouchingAServer()
    {
        ui::InspectViewModel vm;
        QVERIFY(vm.inputError().contains(QLatin1String("Enter the source")));
        vm.setSourceUri(QStringLiteral("postgresql://u@h/db?bogus=1"));
        QVERIFY(vm.inputError().startsWith(QLatin1String("Source:")));
        QSignalSpy done(&vm, &ui::InspectViewModel::inspected);
        vm.inspect();
        QCOMPARE(done.count(), 1);
        QVERIFY(!vm.errorText().isEmpty());
        QVERIFY(!vm.isBusy());
    }

    void inspectsWithoutBlockingTheEventLoop()
    {
        ui::InspectViewModel vm;
        vm.setSourceUri(m_source.uri());
        QSignalSpy busy(&vm, &ui::InspectViewModel::busyChanged);
        QSignalSpy done(&vm, &ui::InspectViewModel::inspected);
        // A timer that must keep ticking while the inspection runs.
        int ticks = 0;
        QTimer t;
        connect(&t, &QTimer::timeout, [&] { ++ticks; });
        t.start(5);
        QElapsedTimer clock;
        clock.start();
        vm.inspect();
        QVERIFY(vm.isBusy());
        QVERIFY(done.wait(30000));
        const qint64 ms = clock.elapsed();
        QVERIFY2(ticks >= int(ms / 5) / 4, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(ms)));
        QVERIFY(!vm.isBusy());
        QCOMPARE(busy.count(), 2);
        QVERIFY2(vm.errorText().isEmpty(), qPrintable(vm.errorText()));
        QVERIFY(vm.source());
        QVERIFY(vm.source()->database(QStringLiteral("app")));
        QVERIFY(!vm.report().checks.isEmpty());

        // Narrowing the selection recomputes the report without a new inspection.
        QSignalSpy changed(&vm, &ui::InspectViewModel::reportChanged);
        vm.setSelectedDatabases({QStringLiteral("app")});
        QCOMPARE(changed.count(), 1);
        bool sawNoKey = false;
        for (const auto &c : vm.report().checks)
            if (c.id == QLatin1String("db.replica-identity") && c.database == QLatin1String("app"))
                sawNoKey = c.objects == QStringList{QStringLiteral("\"public\".\"nokey\"")};
        QVERIFY(sawNoKey);
    }

    void wrongPasswordIsShownNotThrown()
    {
        ui::InspectViewModel vm;
        vm.setSourceUri(m_source.uriFor(QStringLiteral("postgres"), QStringLiteral("Bad-Pass-7")));
        QSignalSpy done(&vm, &ui::InspectViewModel::inspected);
        vm.inspect();
        QVERIFY(done.wait(30000));
        QVERIFY2(vm.errorText().contains(QLatin1String("Wrong password")), qPrintable(vm.errorText()));
        QVERIFY(!vm.errorText().contains(QLatin1String("Bad-Pass-7")));
        QVERIFY(!vm.source());
    }

    void viewShowsDatabasesAndChecks()
    {
        ui::InspectViewModel vm;
        vm.setSourceUri(m_source.uri());
        ui::InspectionView view(&vm);
        view.show();
        QSignalSpy done(&vm, &ui::InspectViewModel::inspected);
        QTest::mouseClick(view.inspectButton(), Qt::LeftButton);
        QVERIFY(!view.inspectButton()->isEnabled()); // busy
        QVERIFY(done.wait(30000));
        QVERIFY(view.inspectButton()->isEnabled());
        QStringList dbs;
        for (int i = 0; i < view.databaseTree()->topLevelItemCount(); ++i)
            dbs << view.databaseTree()->topLevelItem(i)->text(0);
        QVERIFY(dbs.contains(QStringLiteral("app")));
        QVERIFY(view.checkTree()->topLevelItemCount() > 10);
        // Unticking databases narrows the checks shown to what stays selected.
        QVERIFY(m_source.createDatabase(QStringLiteral("other")));
        QTest::mouseClick(view.inspectButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        auto databasesInChecks = [&] {
            QSet<QString> seen;
            for (int i = 0; i < view.checkTree()->topLevelItemCount(); ++i)
                if (!view.checkTree()->topLevelItem(i)->text(2).isEmpty())
                    seen.insert(view.checkTree()->topLevelItem(i)->text(2));
            return seen;
        };
        QVERIFY(databasesInChecks().contains(QStringLiteral("other")));
        for (int i = 0; i < view.databaseTree()->topLevelItemCount(); ++i)
            if (view.databaseTree()->topLevelItem(i)->text(0) != QLatin1String("app"))
                view.databaseTree()->topLevelItem(i)->setCheckState(0, Qt::Unchecked);
        QCOMPARE(vm.selectedDatabases(), QStringList{QStringLiteral("app")});
        QCOMPARE(databasesInChecks(), QSet<QString>{QStringLiteral("app")});
        // Every interactive control has an accessible name.
        for (QWidget *w : view.findChildren<QWidget *>())
            if (w->focusPolicy() != Qt::NoFocus && (qobject_cast<QLineEdit *>(w) || qobject_cast<QPushButton *>(w) || qobject_cast<QTreeWidget *>(w)))
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
};

QTEST_MAIN(TestInspectViewModel)
#include "tst_inspectviewmodel.moc"
