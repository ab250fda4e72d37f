// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The direct engine against two real PostgreSQL clusters (issue 3): copy with
// writes running, streaming, cutover, equality; cutover refused during copy;
// cancel removes every replication object.
#include "engine/direct/directengine.h"
#include "tests/engine/direct/directtestdata.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fm;

class TestDirectEngine : public QObject
{
    Q_OBJECT

    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("dsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("dtgt"); return o; }()};
    QTemporaryDir m_dir;

    direct::DirectOptions options(const QString &db, const QString &name)
    {
        direct::DirectOptions o;
        o.source = m_source.params();
        o.target = m_target.params();
        o.databases = {db};
        o.name = name;
        o.journalPath = m_dir.filePath(name + QStringLiteral(".json"));
        o.pgBinDir = test::PgCluster::binDir();
        // Small tables here: split anything over 256 kB so the range code runs.
        o.splitThresholdBytes = 256 * 1024;
        o.heartbeatMs = 200;
        return o;
    }

    /** Waits (pumping nothing: the engine has its own threads) until pred or timeout. */
    template<typename Pred>
    bool waitFor(Pred pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!pred()) {
            if (t.elapsed() > timeoutMs)
                return false;
            QTest::qWait(50);
        }
        return true;
    }

    static QStringList eventNames(std::vector<nlohmann::json> &all, direct::DirectEngine &e)
    {
        for (auto &j : e.takeEvents())
            all.push_back(j);
        QStringList names;
        for (const auto &j : all)
            names << QString::fromStdString(j.value("event", ""));
        return names;
    }

    void createSourceDb(const QString &db, int rows)
    {
        QVERIFY2(m_source.createDatabase(db).has_value(), "createDatabase");
        auto r = m_source.execute(db, test::manyTypesSchema(rows));
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toDisplayString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto s = m_source.start();
        QVERIFY2(s.has_value(), qPrintable(s ? QString() : s.error().toDisplayString()));
        auto t = m_target.start();
        QVERIFY2(t.has_value(), qPrintable(t ? QString() : t.error().toDisplayString()));
    }

    void objectNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("db");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "m1" << "shop" << "fm_m1_shop";
        QTest::newRow("mixed case is hashed") << "M1" << "Shop" << "";
        QTest::newRow("spaces") << "my run" << "db" << "";
        QTest::newRow("long") << QString(80, QLatin1Char('a')) << "db" << "";
    }
    void objectNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, db);
        QFETCH(QString, expected);
        const QString n = direct::objectName(name, db);
        QVERIFY(n.size() <= 63);
        QVERIFY(n.startsWith(QLatin1String("fm_")));
        for (QChar c : n)
            QVERIFY2(c.isLower() || c.isDigit() || c == QLatin1Char('_'), qPrintable(n));
        if (!expected.isEmpty())
            QCOMPARE(n, expected);
        else
            QVERIFY(n != direct::objectName(name + QLatin1Char('x'), db));
    }

    void conninfoQuotesValues()
    {
        auto p = pg::ConnectionParams::fromUri(QStringLiteral("postgresql://u%27ser:pa%5Css%27word@h:5433/d%20b?sslmode=disable"));
        QVERIFY(p.has_value());
        const QString ci = direct::conninfoString(*p);
        QVERIFY2(ci.contains(QStringLiteral("user='u\\'ser'")), qPrintable(ci.left(0)));
        QVERIFY(ci.contains(QStringLiteral("dbname='d b'")));
        QVERIFY(ci.contains(QStringLiteral("port='5433'")));
        // libpq parses it back to the same values.
        auto back = pg::ConnectionParams::fromUri(ci);
        QVERIFY(back.has_value());
        QCOMPARE(back->user, p->user);
        QCOMPARE(back->password.reveal(), p->password.reveal());
        QCOMPARE(back->dbname, QStringLiteral("d b"));
    }

    void migrateWithWritesAndCutover()
    {
        const QString db = QStringLiteral("shop");
        createSourceDb(db, 20000);
        test::SourceWriter writer(m_source.params(db));
        writer.start();
        QTest::qWait(300);

        direct::DirectEngine engine(options(db, QStringLiteral("full")));
        engine.start();
        // Refused while nothing is copied yet, with a reason.
        auto early = engine.requestCutover();
        QVERIFY(!early.has_value());
        QCOMPARE(early.error().code, QStringLiteral("CutoverRefused"));
        QVERIFY(!early.error().message.isEmpty());

        std::vector<nlohmann::json> events;
        QVERIFY2(waitFor([&] { return engine.status().state == QLatin1String("streaming") || engine.isFinished(); }, 90000), "never streamed");
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        const auto streaming = engine.status();
        QVERIFY(streaming.cutoverAllowed);
        QCOMPARE(streaming.databases.size(), size_t(1));
        QVERIFY2(streaming.databases[0].rowsCopied >= 150000, qPrintable(QString::number(streaming.databases[0].rowsCopied)));
        bool sawItems = false;
        for (const auto &t : streaming.databases[0].tables)
            if (t.schema == QLatin1String("app") && t.name == QLatin1String("items")) {
                sawItems = true;
                QCOMPARE(t.state, QStringLiteral("streaming"));
            }
        QVERIFY(sawItems);

        // Changes keep flowing while streaming; the counters and lag move.
        QTest::qWait(2500);
        const auto during = engine.status();
        QVERIFY2(during.lagSeconds >= 0, "no lag measured");
        QVERIFY(during.lagBytes >= 0);
        qint64 applied = 0;
        for (const auto &t : during.databases[0].tables)
            applied += t.inserts + t.updates + t.deletes;
        QVERIFY2(applied > 0, "no applied changes counted");
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QVERIFY(writer.statements() > 50);

        QVERIFY(engine.requestCutover().has_value());
        QVERIFY2(waitFor([&] { return engine.isFinished(); }, 60000), "cutover did not finish");
        auto r = engine.result();
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toDisplayString()));
        QCOMPARE(engine.status().state, QStringLiteral("done"));

        const QStringList names = eventNames(events, engine);
        for (const char *e : {"copy-started", "copy-finished", "indexes-built", "streaming", "cutover-started", "cutover-finished", "replica-identity-full"})
            QVERIFY2(names.contains(QLatin1String(e)), e);
        double cutoverSeconds = -1;
        for (const auto &j : events)
            if (j.value("event", "") == "cutover-finished")
                cutoverSeconds = j.value("seconds", -1.0);
        QVERIFY(cutoverSeconds >= 0 && cutoverSeconds < 10);
        for (const auto &j : events)
            if (j.contains("seconds") && QString::fromStdString(j.value("event", "")).contains(QLatin1String("cut")) | (j.value("event", "") == "drained") | (j.value("event", "") == "sequences-set"))
                qInfo("%s", j.dump().c_str());

        const auto src = test::tableChecksums(m_source, db);
        const auto tgt = test::tableChecksums(m_target, db);
        QVERIFY(src.size() >= 8);
        for (auto it = src.cbegin(); it != src.cend(); ++it)
            QVERIFY2(tgt.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 differs: %2 vs %3").arg(it.key(), it.value(), tgt.value(it.key()))));
        QCOMPARE(tgt.keys(), src.keys());
        const QStringList behind = test::sequencesBehind(m_source, m_target, db);
        QVERIFY2(behind.isEmpty(), qPrintable(behind.join(QStringLiteral("; "))));
        // Indexes and constraints came over too.
        auto idx = m_target.query(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname IN ('app', 'Sales Data', 'public')"));
        auto sidx = m_source.query(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname IN ('app', 'Sales Data', 'public')"));
        QCOMPARE(idx->toInt(0, 0), sidx->toInt(0, 0));
        auto fk = m_target.query(db, QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
        QCOMPARE(fk->toInt(0, 0), qint64(1));
        // Autovacuum, switched off on the target while the tables filled, is back on.
        auto av = m_target.query(db, QStringLiteral("SELECT count(*) FROM pg_class WHERE array_to_string(reloptions, ',') LIKE '%autovacuum_enabled%'"));
        QCOMPARE(av->toInt(0, 0), qint64(0));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        // The replica identity we set for the table without a key is back to default.
        auto ri = m_source.query(db, QStringLiteral("SELECT relreplident FROM pg_class WHERE oid = 'app.nopk'::regclass"));
        QCOMPARE(ri->text(0, 0), QStringLiteral("d"));
    }

    void severalDatabasesCutOverWhenReady()
    {
        const QStringList dbs{QStringLiteral("multi_a"), QStringLiteral("Multi B")};
        for (const QString &db : dbs)
            createSourceDb(db, 3000);
        auto o = options(dbs[0], QStringLiteral("multi"));
        o.databases = dbs;
        o.cutover = direct::CutoverMode::Ready;
        direct::DirectEngine engine(o);
        engine.start();
        QVERIFY2(waitFor([&] { return engine.isFinished(); }, 120000), "did not finish");
        auto r = engine.result();
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toDisplayString()));
        std::vector<nlohmann::json> events;
        eventNames(events, engine);
        QSet<QString> slotNames;
        int indexesBuilt = 0;
        for (const auto &j : events) {
            if (j.value("event", "") == "slot-created")
                slotNames.insert(QString::fromStdString(j.value("slot", "")));
            if (j.value("event", "") == "indexes-built")
                ++indexesBuilt;
        }
        QCOMPARE(slotNames.size(), 2); // one slot per database
        QCOMPARE(indexesBuilt, 2);
        for (const QString &db : dbs) {
            const auto src = test::tableChecksums(m_source, db);
            const auto tgt = test::tableChecksums(m_target, db);
            QVERIFY(!src.isEmpty());
            QCOMPARE(tgt, src);
            QVERIFY(test::leftovers(m_source, m_target, db).isEmpty());
        }
    }

    void cancelCleansUp()
    {
        const QString db = QStringLiteral("cancelme");
        createSourceDb(db, 2000);
        direct::DirectEngine engine(options(db, QStringLiteral("cancel")));
        engine.start();
        QVERIFY2(waitFor([&] { return engine.status().state == QLatin1String("streaming") || engine.isFinished(); }, 90000), "never streamed");
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        QVERIFY(!test::leftovers(m_source, m_target, db).isEmpty()); // the objects exist while streaming
        engine.cancel();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QCOMPARE(engine.status().state, QStringLiteral("cancelled"));
        QVERIFY(!engine.result().has_value());
        QVERIFY(engine.result().error().isCancelled());
        // The target database this run created (a partial copy) is gone too.
        auto gone = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {db});
        QCOMPARE(gone->toInt(0, 0), qint64(0));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        auto ri = m_source.query(db, QStringLiteral("SELECT relreplident FROM pg_class WHERE oid = 'app.nopk'::regclass"));
        QCOMPARE(ri->text(0, 0), QStringLiteral("d"));
    }

    void cancelDuringCopyCleansUp()
    {
        const QString db = QStringLiteral("cancelcopy");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE t (id int, filler text); INSERT INTO t SELECT i, repeat('x', 200) FROM generate_series(1, 600000) i; ANALYZE t;")).has_value());
        direct::DirectEngine engine(options(db, QStringLiteral("cancelcopy")));
        engine.start();
        QVERIFY(waitFor([&] { return engine.status().rowsCopied > 0 || engine.isFinished(); }, 60000));
        QVERIFY2(!engine.isFinished(), qPrintable(QStringLiteral("finished before it could be cancelled: ") + engine.status().error));
        QCOMPARE(engine.status().state, QStringLiteral("copying"));
        QVERIFY(!engine.requestCutover().has_value());
        engine.cancel();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QCOMPARE(engine.status().state, QStringLiteral("cancelled"));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void refusesWithoutNativeSubscription()
    {
        // PostgreSQL 15: only a superuser may create a subscription; client-side decoding comes later.
        const QString db = QStringLiteral("nosub");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE a (id int primary key)")).has_value());
        QVERIFY(m_target.execute(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE plain LOGIN CREATEDB PASSWORD 'plain-pw'")).has_value());
        auto o = options(db, QStringLiteral("nosub"));
        auto plain = pg::ConnectionParams::fromUri(m_target.uriFor(QStringLiteral("plain"), QStringLiteral("plain-pw")));
        QVERIFY(plain.has_value());
        o.target = *plain;
        direct::DirectEngine engine(o);
        engine.start();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QVERIFY(!engine.result().has_value());
        QCOMPARE(engine.result().error().code, QStringLiteral("NativeSubscriptionImpossible"));
        QVERIFY2(engine.result().error().message.contains(QLatin1String("not a superuser")), qPrintable(engine.result().error().message));
        QVERIFY(engine.result().error().message.contains(QLatin1String("not implemented yet")));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void refusesNonEmptyTarget()
    {
        const QString db = QStringLiteral("busy");
        QVERIFY(m_source.createDatabase(db).has_value());
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE a (id int primary key)")).has_value());
        QVERIFY(m_target.createDatabase(db).has_value());
        QVERIFY(m_target.execute(db, QStringLiteral("CREATE TABLE existing (id int)")).has_value());
        direct::DirectEngine engine(options(db, QStringLiteral("busy")));
        engine.start();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QVERIFY(!engine.result().has_value());
        QCOMPARE(engine.result().error().code, QStringLiteral("TargetNotEmpty"));
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestDirectEngine)
#include "tst_directengine.moc"
