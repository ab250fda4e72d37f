// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The post-cutover checklist against two real clusters: each verify function
// ticks its item only when the servers say so, and un-ticks it otherwise.
#include "engine/carryover/postcutoverchecklist.h"
#include "tests/support/pgcluster.h"
#include "tests/support/testutil.h"

#include <QTest>

using namespace fm;
using namespace fm::carryover;
using Id = ChecklistItem::Id;

class TestPostCutoverChecklist : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("chksrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("chktgt"); return o; }()};

    ChecklistContext context(const QString &aadClientId = {})
    {
        ChecklistContext c;
        c.source = m_source.params();
        c.target = m_target.params();
        c.databases = {QStringLiteral("app")};
        c.aadClientId = aadClientId;
        return c;
    }

private slots:
    void init()
    {
        for (auto *c : {&m_source, &m_target}) {
            if (!c->isRunning())
                REQUIRE_OK(c->start());
            // A slot left over by an earlier failing run.
            REQUIRE_OK(c->execute(QStringLiteral("postgres"), QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots")));
            REQUIRE_OK(c->execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS app")));
            REQUIRE_OK(c->createDatabase(QStringLiteral("app")));
            REQUIRE_OK(c->execute(QStringLiteral("app"), QStringLiteral("CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) SELECT 'x' FROM generate_series(1, 50);")));
        }
    }

    void everyItemFollowsTheServers()
    {
        PostCutoverChecklist list(context());
        QCOMPARE(list.items().size(), 7);
        QVERIFY(list.item(Id::AadApp)->verified); // no AAD app used by a direct migration

        REQUIRE_OK(list.verifyAll());
        QVERIFY2(list.item(Id::ConnectionStrings)->verified, qPrintable(list.item(Id::ConnectionStrings)->result));
        QVERIFY2(list.item(Id::ReplicationObjects)->verified, qPrintable(list.item(Id::ReplicationObjects)->result));
        QVERIFY2(list.item(Id::Sequences)->verified, qPrintable(list.item(Id::Sequences)->result));
        QVERIFY2(list.item(Id::Validation)->verified, qPrintable(list.item(Id::Validation)->result));
        QVERIFY(!list.item(Id::SourceRetired)->verified); // the source still takes writes

        // A slot left on the source, a sequence behind on the target, rows missing: un-ticked.
        REQUIRE_OK(m_source.execute(QStringLiteral("app"), QStringLiteral("SELECT pg_create_logical_replication_slot('fm_leftover', 'pgoutput')")));
        REQUIRE_OK(m_source.execute(QStringLiteral("app"), QStringLiteral("INSERT INTO t (v) VALUES ('late')")));
        REQUIRE_OK(list.verifyAll());
        QVERIFY(!list.item(Id::ReplicationObjects)->verified);
        QVERIFY2(list.item(Id::ReplicationObjects)->result.contains(QStringLiteral("slot fm_leftover in app on the source")),
                 qPrintable(list.item(Id::ReplicationObjects)->result));
        QVERIFY(!list.item(Id::Sequences)->verified);
        QVERIFY2(list.item(Id::Sequences)->result.contains(QStringLiteral("app.\"public\".\"t_id_seq\" at 50, source at 51"))
                     || list.item(Id::Sequences)->result.contains(QStringLiteral("at 50, source at 51")),
                 qPrintable(list.item(Id::Sequences)->result));
        QVERIFY(!list.item(Id::Validation)->verified);

        // Fixed on the servers: ticked again.
        REQUIRE_OK(m_source.execute(QStringLiteral("app"), QStringLiteral("SELECT pg_drop_replication_slot('fm_leftover')")));
        REQUIRE_OK(m_target.execute(QStringLiteral("app"), QStringLiteral("INSERT INTO t (v) VALUES ('late')")));
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE app SET default_transaction_read_only = on")));
        REQUIRE_OK(list.verifyAll());
        QVERIFY(list.item(Id::ReplicationObjects)->verified);
        QVERIFY(list.item(Id::Sequences)->verified);
        QVERIFY(list.item(Id::Validation)->verified);
        QVERIFY2(list.item(Id::SourceRetired)->verified, qPrintable(list.item(Id::SourceRetired)->result));
        REQUIRE_OK(m_source.execute(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE app RESET default_transaction_read_only")));
    }

    void analyzeIsOfferedAndVerified()
    {
        PostCutoverChecklist list(context());
        REQUIRE_OK(list.verify(Id::Statistics));
        QVERIFY(!list.item(Id::Statistics)->verified);
        QVERIFY2(list.item(Id::Statistics)->result.contains(QStringLiteral("app.public.t")), qPrintable(list.item(Id::Statistics)->result));
        REQUIRE_OK(list.analyzeTarget());
        QVERIFY(list.item(Id::Statistics)->verified);
    }

    void stoppedSourceCountsAsRetired()
    {
        PostCutoverChecklist list(context());
        REQUIRE_OK(m_source.stop());
        auto r = list.verify(Id::SourceRetired);
        REQUIRE_OK(m_source.start());
        REQUIRE_OK(r);
        QVERIFY(*r);
        QVERIFY(list.item(Id::SourceRetired)->result.contains(QStringLiteral("stopped")));
    }

    void aadAppIsConfirmedByTheUser()
    {
        PostCutoverChecklist list(context(QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")));
        const ChecklistItem *aad = list.item(Id::AadApp);
        QVERIFY(aad->manual);
        QVERIFY(!aad->verified);
        QVERIFY(aad->detail.contains(QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")));
        REQUIRE_OK(list.verify(Id::AadApp));
        QVERIFY(!list.item(Id::AadApp)->verified); // nothing to check from here
        list.confirm(Id::AadApp);
        QVERIFY(list.item(Id::AadApp)->verified);
        QCOMPARE(list.toJson().value(QStringLiteral("total")).toInt(), 7);
    }

    void singleServerUserNameChangeIsSpelledOut()
    {
        ChecklistContext c = context();
        c.singleServerSource = true;
        c.sourceServerName = QStringLiteral("mysingle");
        c.source.user = QStringLiteral("app@mysingle");
        PostCutoverChecklist list(c);
        const QString detail = list.item(Id::ConnectionStrings)->detail;
        QVERIFY2(detail.contains(QStringLiteral("app@mysingle becomes app")), qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestPostCutoverChecklist)
#include "tst_postcutoverchecklist.moc"
