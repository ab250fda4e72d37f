// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The carry-over page's view-model against two real clusters: the plan on a
// worker thread, consent for a conflict, a typed password, generated passwords
// handed out once.
#include "tests/engine/carryover/carryovertestutil.h"
#include "tests/support/pgcluster.h"
#include "tests/support/testutil.h"
#include "wizard/viewmodels/carryoverpagemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace fm;
using namespace fm::carryover;

class TestCarryOverPageModel : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("pmsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("pmtgt"); return o; }()};

private slots:
    void initTestCase()
    {
        REQUIRE_OK(m_source.start());
        REQUIRE_OK(m_target.start());
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE web LOGIN; CREATE ROLE batch LOGIN; CREATE ROLE legacy NOLOGIN")));
        REQUIRE_OK(m_target.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE legacy LOGIN CREATEDB")));
    }

    void planTickApply()
    {
        ui::CarryOverPageModel model;
        model.setServers(m_source.params(), m_target.params(), {});
        QSignalSpy planned(&model, &ui::CarryOverPageModel::planned);
        model.plan();
        QVERIFY(model.isBusy());
        QVERIFY(planned.wait(60000));
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        QCOMPARE(model.currentPlan().find(QStringLiteral("role:legacy"))->state, CarryOverItem::State::Conflict);
        QCOMPARE(model.rolesNeedingPassword(), (QStringList{QStringLiteral("batch"), QStringLiteral("web")}));
        QVERIFY(model.planText().contains(QStringLiteral("create role web")));

        // Bad input changes nothing and says why.
        QVERIFY(!model.setTicked(QStringLiteral("role:nobody"), true));
        QVERIFY(model.errorText().contains(QStringLiteral("role:nobody")));
        QVERIFY(!model.setPassword(QStringLiteral("legacy"), Secret(QStringLiteral("x"))));
        QVERIFY(model.setPassword(QStringLiteral("batch"), Secret(QStringLiteral("Batch-Typed-1"))));

        QSignalSpy applied(&model, &ui::CarryOverPageModel::applied);
        model.apply(CarryOverItem::Phase::BeforeData);
        QVERIFY(applied.wait(60000));
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        const auto generated = model.takeGeneratedPasswords();
        QCOMPARE(QStringList(generated.keys()), QStringList{QStringLiteral("web")});
        QVERIFY(model.takeGeneratedPasswords().isEmpty()); // shown once
        auto web = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("web"), generated.value(QStringLiteral("web")).reveal()));
        REQUIRE_OK(web);
        REQUIRE_OK(pg::Connection::open(*web));
        auto batch = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("batch"), QStringLiteral("Batch-Typed-1")));
        REQUIRE_OK(batch);
        REQUIRE_OK(pg::Connection::open(*batch));
        // The conflict was not ticked: legacy keeps CREATEDB.
        auto legacy = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT rolcreatedb FROM pg_roles WHERE rolname = 'legacy'"));
        REQUIRE_OK(legacy);
        QCOMPARE(legacy->text(0, 0), QStringLiteral("t"));

        // Consent, then apply again from a fresh plan.
        model.plan();
        QVERIFY(planned.wait(60000));
        QVERIFY(model.setTicked(QStringLiteral("role:legacy"), true));
        QVERIFY(!model.setTicked(QStringLiteral("role:web"), true)); // present now
        model.apply(CarryOverItem::Phase::BeforeData);
        QVERIFY(applied.wait(60000));
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        legacy = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = 'legacy'"));
        REQUIRE_OK(legacy);
        QCOMPARE(legacy->text(0, 0), QStringLiteral("f"));
        QCOMPARE(legacy->text(0, 1), QStringLiteral("f"));
    }
};

QTEST_GUILESS_MAIN(TestCarryOverPageModel)
#include "tst_carryoverpagemodel.moc"
