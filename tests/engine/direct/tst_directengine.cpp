// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The direct engine against two real PostgreSQL clusters (issue 3): copy with
// writes running, streaming, cutover, equality; cutover refused during copy;
// cancel in every phase removes every object on both sides; the write freeze
// is undone when the cutover aborts; lag stays fresh while another database copies.
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
        auto o = test::directOptions(m_source, m_target, m_dir, db, name);
        // Small tables here: split anything over 256 kB so the range code runs.
        o.splitThresholdBytes = 256 * 1024;
        o.splitAboveShare = 0;
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

    /** Starts the engine and waits for its end: empty when it succeeded, else why not. */
    QString runToEnd(direct::DirectEngine &engine)
    {
        engine.start();
        if (!waitFor([&] { return engine.isFinished(); }, 120000))
            return QStringLiteral("did not finish");
        auto r = engine.result();
        return r ? QString() : r.error().toDisplayString();
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

    // The copy sessions commit asynchronously; direct/flush_commits, run before the
    // journal records a table as copied, must leave every earlier commit flushed.
    // (Without it the walwriter flushes within wal_writer_delay: 10 s here.)
    void flushCommitsMakesEarlierAsyncCommitsDurable()
    {
        test::PgClusterOptions o;
        o.name = QStringLiteral("dflush");
        o.extraConf << QStringLiteral("wal_writer_delay = 10s");
        test::PgCluster c(o);
        auto started = c.start();
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().toDisplayString()));
        auto copier = pg::Connection::open(c.params());
        auto other = pg::Connection::open(c.params());
        QVERIFY(copier.has_value() && other.has_value());
        QVERIFY(copier->exec(QStringLiteral("SET synchronous_commit = off")).has_value());
        QVERIFY(copier->exec(QStringLiteral("CREATE TABLE probe (i int)")).has_value());
        int unflushedBefore = 0;
        for (int i = 0; i < 20; ++i) {
            QVERIFY(copier->exec(QStringLiteral("INSERT INTO probe SELECT generate_series(1, 1000)")).has_value());
            auto end = copier->exec(QStringLiteral("SELECT pg_current_wal_insert_lsn(), pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn() AS unflushed"));
            QVERIFY(end.has_value());
            unflushedBefore += end->toBool(0, "unflushed") ? 1 : 0;
            // From another session, as the engine does for a table whose last range another stream committed.
            QVERIFY(other->execNamed(QStringLiteral("direct/flush_commits")).has_value());
            auto flushed = copier->exec(QStringLiteral("SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn"), {end->text(0, 0)});
            QVERIFY(flushed.has_value());
            QVERIFY2(flushed->toBool(0, 0), qPrintable(QStringLiteral("round %1: commit up to %2 not flushed").arg(i).arg(end->text(0, 0))));
        }
        qInfo("asynchronous commits not yet flushed before flush_commits: %d of 20", unflushedBefore);
        QVERIFY2(unflushedBefore > 0, "every commit was already flushed: this cluster does not show what flush_commits is for");
    }

    void migrateWithWritesAndCutover_data()
    {
        QTest::addColumn<int>("indexJobs");
        QTest::addColumn<QString>("db");
        QTest::newRow("index sessions of their own") << -1 << QStringLiteral("shop");
        QTest::newRow("copy workers build the indexes") << 0 << QStringLiteral("shop0");
    }

    void migrateWithWritesAndCutover()
    {
        QFETCH(int, indexJobs);
        QFETCH(QString, db);
        createSourceDb(db, 20000);
        test::SourceWriter writer(m_source.params(db));
        writer.start();
        QTest::qWait(300);

        direct::DirectOptions o = options(db, QStringLiteral("full_") + db);
        o.indexJobs = indexJobs;
        direct::DirectEngine engine(o);
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
        // Every index and key of a copied table is reported once it is built, during the copy.
        QStringList built;
        for (const auto &j : events)
            if (j.value("event", "") == "index-built") {
                built << QString::fromStdString(j.value("name", ""));
                QVERIFY(j.value("seconds", -1.0) >= 0);
            }
        built.removeDuplicates();
        QVERIFY2(built.size() >= 5, qPrintable(built.join(QStringLiteral(", "))));
        QVERIFY2(built.filter(QStringLiteral("items_pkey")).size() == 1, qPrintable(built.join(QStringLiteral(", "))));
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
        const QString failed = runToEnd(engine);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
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

    // A table is split into ranges only when it is over the threshold and more
    // than 1.5 times its share of the copy; a table copied whole with at least
    // freezeMinBytes of heap arrives frozen and all-visible (COPY FREEZE), a
    // smaller one, or a split one, does not.
    void splitsOversizedTablesFreezesWholeOnes()
    {
        const QString db = QStringLiteral("freeze_min");
        QVERIFY(m_source.createDatabase(db).has_value());
        auto made = m_source.execute(db, QStringLiteral("CREATE TABLE small (id int PRIMARY KEY, v text);"
                                                        "INSERT INTO small SELECT g, repeat('s', 50) FROM generate_series(1, 20) g;"
                                                        "CREATE TABLE medium (id int PRIMARY KEY, v text);"
                                                        "INSERT INTO medium SELECT g, repeat('m', 100) FROM generate_series(1, 3000) g;"
                                                        "CREATE TABLE big (id int PRIMARY KEY, v text);"
                                                        "INSERT INTO big SELECT g, repeat('b', 100) FROM generate_series(1, 40000) g"));
        QVERIFY2(made.has_value(), qPrintable(made ? QString() : made.error().toDisplayString()));
        QVERIFY(m_source.execute(db, QStringLiteral("VACUUM ANALYZE")).has_value()); // heap sizes for the planner
        auto o = options(db, QStringLiteral("freeze_min"));
        o.jobs = 2;
        o.splitAboveShare = 1.5;            // big (~5.6 MB of ~6 MB) is over 1.5 shares, medium (~0.4 MB) is not
        o.splitThresholdBytes = 256 * 1024; // both over it
        o.freezeMinBytes = 64 * 1024;       // medium over it, small (one page) not
        o.cutover = direct::CutoverMode::Ready;
        direct::DirectEngine engine(o);
        const QString failed = runToEnd(engine);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(test::tableChecksums(m_target, db), test::tableChecksums(m_source, db));
        QVERIFY(m_target.execute(db, QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_visibility")).has_value());
        // "all-frozen pages/pages"
        auto frozen = [&](const char *table) {
            auto q = m_target.query(db, QStringLiteral("SELECT s.all_frozen || '/' || pg_relation_size('%1') / current_setting('block_size')::int "
                                                       "FROM pg_visibility_map_summary('%1') s").arg(QLatin1String(table)));
            return q ? q->text(0, 0) : QStringLiteral("query failed: ") + q.error().message;
        };
        const QString medium = frozen("medium");
        QVERIFY2(medium.section(QLatin1Char('/'), 0, 0) == medium.section(QLatin1Char('/'), 1, 1) && medium.section(QLatin1Char('/'), 1, 1).toInt() > 8,
                 qPrintable(QStringLiteral("medium: %1 pages all-frozen").arg(medium)));
        QCOMPARE(frozen("small"), QStringLiteral("0/1"));
        const QString big = frozen("big");
        QVERIFY2(big.section(QLatin1Char('/'), 0, 0) == QLatin1String("0") && big.section(QLatin1Char('/'), 1, 1).toInt() > 500,
                 qPrintable(QStringLiteral("big: %1 pages all-frozen (split: none)").arg(big)));
    }

    // Of the index builds ready at once, the longest goes first: one stream
    // copies the GIN table first (its slow build should overlap the copy) and
    // the big table second, then builds the big table's indexes before the
    // small table's, although that table was copied first.
    void buildsLongestIndexFirst()
    {
        const QString db = QStringLiteral("build_order");
        QVERIFY(m_source.createDatabase(db).has_value());
        auto made = m_source.execute(db, QStringLiteral("CREATE TABLE tagged (id int PRIMARY KEY, attrs jsonb);"
                                                        "INSERT INTO tagged SELECT g, jsonb_build_object('k', g % 7) FROM generate_series(1, 200) g;"
                                                        "CREATE INDEX tagged_attrs ON tagged USING gin (attrs);"
                                                        "CREATE TABLE big (id int PRIMARY KEY, v text);"
                                                        "INSERT INTO big SELECT g, repeat('b', 100) FROM generate_series(1, 40000) g;"
                                                        "CREATE INDEX big_v ON big (v)"));
        QVERIFY2(made.has_value(), qPrintable(made ? QString() : made.error().toDisplayString()));
        QVERIFY(m_source.execute(db, QStringLiteral("VACUUM ANALYZE")).has_value()); // heap sizes for the planner
        auto o = options(db, QStringLiteral("build_order"));
        o.jobs = 1;
        o.indexJobs = 0;
        o.splitAboveShare = 2.0;
        o.cutover = direct::CutoverMode::Ready;
        direct::DirectEngine engine(o);
        const QString failed = runToEnd(engine);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        std::vector<nlohmann::json> events;
        eventNames(events, engine);
        QStringList copied, built;
        for (const auto &j : events) {
            if (j.value("event", "") == "table-copied")
                copied << QString::fromStdString(j.value("table", ""));
            if (j.value("event", "") == "index-built" && !QString::fromStdString(j.value("table", "")).contains(QLatin1String("heartbeat")))
                built << QString::fromStdString(j.value("table", ""));
        }
        QCOMPARE(copied.filter(QStringLiteral("tagged")).size(), 1);
        QVERIFY2(copied.indexOf(QStringLiteral("\"public\".\"tagged\"")) >= 0 && copied.indexOf(QStringLiteral("\"public\".\"tagged\"")) < copied.indexOf(QStringLiteral("\"public\".\"big\"")),
                 qPrintable(copied.join(QStringLiteral(", "))));
        QCOMPARE(built.size(), 4);
        QVERIFY2(built[0].contains(QLatin1String("\"big\"")) && built[1].contains(QLatin1String("\"big\"")), qPrintable(built.join(QStringLiteral(", "))));
        QCOMPARE(test::tableChecksums(m_target, db), test::tableChecksums(m_source, db));
    }

    /** The database's own default_transaction_read_only setting on the source ("" when it has none). */
    QString readOnlySetting(const QString &db)
    {
        auto r = m_source.query(QStringLiteral("postgres"),
                                QStringLiteral("SELECT coalesce((SELECT string_agg(s, ',') FROM pg_db_role_setting r, unnest(r.setconfig) s WHERE r.setdatabase = d.oid "
                                               "AND r.setrole = 0 AND s LIKE 'default_transaction_read_only=%'), '') FROM pg_database d WHERE datname = $1"),
                                {db});
        return r ? r->text(0, 0) : QStringLiteral("query failed: ") + r.error().message;
    }

    /** Waits for an event named `name` (collecting every event in `all`). */
    bool waitForEvent(direct::DirectEngine &engine, std::vector<nlohmann::json> &all, const char *name, int timeoutMs)
    {
        return waitFor([&] { return eventNames(all, engine).contains(QLatin1String(name)) || engine.isFinished(); }, timeoutMs)
               && eventNames(all, engine).contains(QLatin1String(name));
    }

    void freezeUndoneWhenCutoverAborts_data()
    {
        QTest::addColumn<QString>("abort");
        QTest::addColumn<QString>("before"); // the database's own setting before the run
        QTest::newRow("cancelled during the drain, no setting before") << "cancel" << "";
        QTest::newRow("failed during the drain, explicit off before") << "failure" << "off";
    }
    void freezeUndoneWhenCutoverAborts()
    {
        QFETCH(QString, abort);
        QFETCH(QString, before);
        const QString db = QStringLiteral("freeze_") + abort;
        const QString name = QStringLiteral("frz") + abort;
        createSourceDb(db, 1000);
        if (!before.isEmpty())
            QVERIFY(m_source.execute(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = %2").arg(db, before)).has_value());
        const QString expected = before.isEmpty() ? QString() : QStringLiteral("default_transaction_read_only=") + before;
        QCOMPARE(readOnlySetting(db), expected);

        auto o = options(db, name);
        o.freezeWrites = true;
        direct::DirectEngine engine(o);
        engine.start();
        QVERIFY2(waitFor([&] { return engine.status().state == QLatin1String("streaming") || engine.isFinished(); }, 90000), "never streamed");
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        // A stopped subscription never applies the drain marker: the cutover hangs after the freeze.
        const QString sub = direct::objectName(name, db);
        QVERIFY(m_target.execute(db, QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE").arg(sub)).has_value());
        QVERIFY(engine.requestCutover().has_value());
        std::vector<nlohmann::json> events;
        QVERIFY2(waitForEvent(engine, events, "writes-frozen", 30000), qPrintable(engine.status().error));
        QCOMPARE(readOnlySetting(db), QStringLiteral("default_transaction_read_only=on"));
        auto ro = m_source.query(db, QStringLiteral("SHOW default_transaction_read_only"));
        QCOMPARE(ro->text(0, 0), QStringLiteral("on"));
        QCOMPARE(engine.status().state, QStringLiteral("cutover"));

        if (abort == QLatin1String("cancel"))
            engine.cancel();
        else // the drain reads the heartbeat on the target: gone, so the cutover fails
            QVERIFY(m_target.execute(db, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(direct::objectName(name, QStringLiteral("hb")))).has_value());
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QVERIFY(!engine.result().has_value());
        QCOMPARE(engine.status().state, abort == QLatin1String("cancel") ? QStringLiteral("cancelled") : QStringLiteral("failed"));
        if (abort == QLatin1String("failure"))
            QCOMPARE(engine.result().error().code, QStringLiteral("42P01"));
        // The freeze is undone: back to the database's own previous setting, writable again.
        QCOMPARE(readOnlySetting(db), expected);
        auto rw = m_source.query(db, QStringLiteral("SHOW default_transaction_read_only"));
        QCOMPARE(rw->text(0, 0), QStringLiteral("off"));
        QVERIFY(m_source.execute(db, QStringLiteral("INSERT INTO app.nopk VALUES (1, 'after the undo')")).has_value());
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void lagRefreshedWhileAnotherDatabaseCopies()
    {
        // "streaming" first, "copying" second: the first one's lag and counters
        // must move while the second is still being copied.
        const QString streamingDb = QStringLiteral("lag_streaming"), copyingDb = QStringLiteral("lag_copying");
        createSourceDb(streamingDb, 1000);
        QVERIFY(m_source.createDatabase(copyingDb).has_value());
        // Wide enough rows that the copy lasts several seconds even on a fast machine: target-side
        // counters are flushed about once a second, so a one-second copy can show no change at all.
        QVERIFY(m_source.execute(copyingDb, QStringLiteral("CREATE TABLE t (id int PRIMARY KEY, filler text); INSERT INTO t SELECT i, repeat('x', 600) FROM generate_series(1, 900000) i; ANALYZE t;")).has_value());
        test::SourceWriter writer(m_source.params(streamingDb));
        writer.start();
        auto o = options(streamingDb, QStringLiteral("lag"));
        o.databases = {streamingDb, copyingDb};
        o.jobs = 1;
        o.cutover = direct::CutoverMode::Never;
        direct::DirectEngine engine(o);
        engine.start();
        auto changes = [](const direct::DatabaseStatus &d) {
            qint64 n = 0;
            for (const auto &t : d.tables)
                n += t.inserts + t.updates + t.deletes;
            return n;
        };
        auto secondCopying = [](const direct::DirectStatus &s) {
            static const QStringList beforeStreaming{QStringLiteral("preparing"), QStringLiteral("copying"), QStringLiteral("copied"), QStringLiteral("indexing")};
            return s.databases.size() == 2 && beforeStreaming.contains(s.databases[1].phase);
        };
        QVERIFY2(waitFor([&] {
                     const auto s = engine.status();
                     return engine.isFinished() || (s.databases.size() == 2 && s.databases[0].phase == QLatin1String("streaming") && secondCopying(s));
                 }, 90000),
                 "never saw one database streaming while the other copies");
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        const auto first = engine.status();
        // Samples while the second database copies: the first one's counters grow and its lag is measured.
        // The target flushes its table statistics (the counters) at most once a second and
        // later under load, so a refresh also shows as a new lag figure (heartbeat and slot
        // position are read at every poll); a monitor that never polls changes neither.
        int moved = 0, lagChanged = 0, samples = 0;
        qint64 last = changes(first.databases[0]);
        auto lastLag = std::make_pair(first.databases[0].lagSeconds, first.databases[0].lagBytes);
        bool lagSeen = false;
        while (samples < 40) {
            QTest::qWait(250);
            const auto s = engine.status();
            if (!secondCopying(s))
                break;
            ++samples;
            lagSeen = lagSeen || (s.databases[0].lagSeconds >= 0 && s.databases[0].lagBytes >= 0);
            const qint64 now = changes(s.databases[0]);
            if (now > last)
                ++moved;
            last = now;
            const auto lag = std::make_pair(s.databases[0].lagSeconds, s.databases[0].lagBytes);
            if (lag != lastLag)
                ++lagChanged;
            lastLag = lag;
        }
        QVERIFY2(samples >= 3, qPrintable(QStringLiteral("the second database copied too fast to observe (%1 samples)").arg(samples)));
        QVERIFY2(lagSeen, "no lag measured for the streaming database while the other copied");
        QVERIFY2(moved >= 1 || lagChanged >= 2,
                 qPrintable(QStringLiteral("counters moved in %1 and lag changed in %2 of %3 samples").arg(moved).arg(lagChanged).arg(samples)));
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        engine.stop();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QCOMPARE(engine.status().state, QStringLiteral("stopped"));
        for (const QString &db : {streamingDb, copyingDb}) {
            const QStringList left = test::leftovers(m_source, m_target, db);
            QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        }
    }

    void connectionLostDuringCopy_data()
    {
        QTest::addColumn<QString>("side");
        QTest::addColumn<bool>("walsenderToo");
        QTest::addColumn<QString>("expected"); // the event that shows how the run went on
        QTest::addColumn<QString>("capture");
        QTest::newRow("source copy sessions: chunk retried") << "source" << false << "retry" << "auto";
        QTest::newRow("target copy sessions: chunk retried") << "target" << false << "retry" << "auto";
        QTest::newRow("source copy sessions and the snapshot's: copy resumed") << "source" << true << "copy-interrupted" << "auto";
        // Client-side decoding: the unfinished tables are copied again at a later
        // snapshot and their changes from before it skipped (resync-started).
        QTest::newRow("snapshot's session lost, pgoutput decoder: tables re-synced") << "source" << true << "resync-started" << "pgoutput";
        QTest::newRow("snapshot's session lost, wal2json decoder: tables re-synced") << "source" << true << "resync-started" << "wal2json";
    }
    void connectionLostDuringCopy()
    {
        QFETCH(QString, side);
        QFETCH(bool, walsenderToo);
        QFETCH(QString, expected);
        QFETCH(QString, capture);
        const QString db = QStringLiteral("lost_%1_%2_%3").arg(side).arg(int(walsenderToo)).arg(capture);
        createSourceDb(db, 2000);
        // Long enough that the sessions are terminated mid-copy.
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE public.wide (id int PRIMARY KEY, filler text); "
                                                    "INSERT INTO wide SELECT i, repeat(md5(i::text), 12) FROM generate_series(1, 500000) i; ANALYZE wide;"))
                    .has_value());
        test::SourceWriter writer(m_source.params(db));
        writer.start();
        auto o = options(db, QStringLiteral("lost") + side + QString::number(int(walsenderToo)) + capture);
        o.cutover = direct::CutoverMode::Manual;
        o.changeCapture = capture;
        direct::DirectEngine engine(o);
        engine.start();
        QVERIFY2(waitFor([&] {
                     const auto s = engine.status();
                     return engine.isFinished() || (!s.databases.empty() && s.databases[0].phase == QLatin1String("copying") && s.rowsCopied > 50000);
                 }, 90000),
                 "never saw the copy under way");
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        test::PgCluster &server = side == QLatin1String("source") ? m_source : m_target;
        // The COPY sessions of this database; with walsenderToo also the replication
        // session that exported the snapshot (a lost network or a restart looks like that).
        qint64 killed = 0;
        for (int i = 0; i < 50 && killed == 0 && engine.status().databases[0].phase == QLatin1String("copying"); ++i) {
            auto r = server.query(QStringLiteral("postgres"),
                                  // The walsender only together with a COPY session: alone, it takes nothing from a running copy.
                                  QStringLiteral("WITH copy AS (SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = $1 AND query ILIKE 'COPY%' AND state = 'active'), "
                                                 "victims AS (SELECT pid FROM copy UNION ALL SELECT pid FROM pg_stat_activity "
                                                 "            WHERE $2 AND backend_type = 'walsender' AND EXISTS (SELECT 1 FROM copy)) "
                                                 "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM victims"),
                                  {db, walsenderToo ? QStringLiteral("true") : QStringLiteral("false")});
            QVERIFY(r.has_value());
            killed = r->toInt(0, 0);
            if (killed == 0)
                QTest::qWait(20);
        }
        QVERIFY2(killed > 0, "no copy session was terminated");
        std::vector<nlohmann::json> events;
        QVERIFY2(waitFor([&] { return engine.status().state == QLatin1String("streaming") && engine.status().cutoverAllowed; }, 120000) && !engine.isFinished(),
                 qPrintable(engine.status().error));
        const QStringList names = eventNames(events, engine);
        QVERIFY2(names.contains(expected), qPrintable(names.join(QLatin1Char(' '))));
        writer.stop();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QVERIFY(engine.requestCutover().has_value());
        QVERIFY2(waitFor([&] { return engine.isFinished(); }, 90000), "cutover did not finish");
        QVERIFY2(engine.result().has_value(), qPrintable(engine.status().error));
        // Every row once: no chunk lost, none copied twice.
        const QString diff = test::migrationDifferences(m_source, m_target, db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // The statements after the copy (foreign keys, triggers, ...) lose their target
    // session: it is opened again and the statement repeated; before, the run failed
    // and cleaned up, and the copy was lost.
    void connectionLostWhileIndexing()
    {
        const QString db = QStringLiteral("lost_indexing");
        createSourceDb(db, 200);
        // A foreign key whose check scans a million rows: long enough to be seen running
        // (only this one is terminated: the schema has a small foreign key of its own).
        QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE public.parent (id int PRIMARY KEY); INSERT INTO parent SELECT generate_series(1, 1000); "
                                                    "CREATE TABLE public.child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent); "
                                                    "INSERT INTO child SELECT i, 1 + i % 1000 FROM generate_series(1, 1000000) i; ANALYZE parent, child;"))
                    .has_value());
        auto o = options(db, QStringLiteral("lostidx"));
        o.splitAboveShare = 2.0; // whole tables: the copy is not what this looks at
        o.cutover = direct::CutoverMode::Manual;
        direct::DirectEngine engine(o);
        engine.start();
        qint64 killed = 0;
        QElapsedTimer t;
        t.start();
        while (killed == 0 && !engine.isFinished() && engine.status().state != QLatin1String("streaming") && t.elapsed() < 120000) {
            auto r = m_target.query(QStringLiteral("postgres"),
                                    QStringLiteral("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                                                   "WHERE datname = $1 AND state = 'active' AND query ILIKE '%child_parent_id_fkey%FOREIGN KEY%'"),
                                    {db});
            QVERIFY(r.has_value());
            killed = r->toInt(0, 0);
            if (killed == 0)
                QTest::qWait(10);
        }
        QVERIFY2(killed > 0, qPrintable(QStringLiteral("the foreign key was never seen being built; %1").arg(engine.status().error)));
        std::vector<nlohmann::json> events;
        QVERIFY2(waitFor([&] { return engine.isFinished() || (engine.status().state == QLatin1String("streaming") && engine.status().cutoverAllowed); }, 120000)
                     && !engine.isFinished(),
                 qPrintable(engine.status().error));
        bool retried = false;
        eventNames(events, engine);
        for (const auto &j : events)
            retried = retried || (j.value("event", "") == "retry" && QString::fromStdString(j.value("what", "")).contains(QLatin1String("child_parent_id_fkey")));
        QVERIFY2(retried, qPrintable(eventNames(events, engine).join(QLatin1Char(' '))));
        QVERIFY(engine.requestCutover().has_value());
        QVERIFY2(waitFor([&] { return engine.isFinished(); }, 90000), "cutover did not finish");
        QVERIFY2(engine.result().has_value(), qPrintable(engine.status().error));
        const QString diff = test::migrationDifferences(m_source, m_target, db);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        auto fk = m_target.query(db, QStringLiteral("SELECT count(*) FROM pg_constraint WHERE conname = 'child_parent_id_fkey' AND convalidated"));
        QVERIFY(fk.has_value());
        QCOMPARE(fk->toInt(0, 0), 1);
    }

    void cancelInEveryPhaseCleansUp_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::newRow("copying") << "copying";
        QTest::newRow("post-data") << "indexing";
        QTest::newRow("streaming") << "streaming";
        QTest::newRow("cutover, writes frozen") << "cutover";
    }
    void cancelInEveryPhaseCleansUp()
    {
        QFETCH(QString, phase);
        const QString db = QStringLiteral("cancel_") + phase;
        const QString name = QStringLiteral("cx") + phase;
        createSourceDb(db, 2000);
        if (phase == QLatin1String("copying")) // long enough to be cancelled mid-copy
            QVERIFY(m_source.execute(db, QStringLiteral("CREATE TABLE public.slowcopy (id int, filler text); "
                                                        "INSERT INTO slowcopy SELECT i, repeat('x', 200) FROM generate_series(1, 600000) i; ANALYZE slowcopy;")).has_value());
        if (phase == QLatin1String("indexing")) // post-data's REFRESH takes seconds on the target
            QVERIFY(m_source.execute(db, QStringLiteral("CREATE MATERIALIZED VIEW app.slow AS SELECT 1 AS x FROM pg_sleep(4)")).has_value());
        auto o = options(db, name);
        o.freezeWrites = true;
        o.jobs = 1;
        direct::DirectEngine engine(o);
        engine.start();
        auto dbPhase = [&] {
            const auto s = engine.status();
            return s.databases.empty() ? QString() : s.databases[0].phase;
        };
        const QString waitPhase = phase == QLatin1String("cutover") ? QStringLiteral("streaming") : phase;
        QVERIFY2(waitFor([&] { return dbPhase() == waitPhase || engine.isFinished(); }, 90000), qPrintable(QStringLiteral("never reached ") + waitPhase));
        QVERIFY2(!engine.isFinished(), qPrintable(engine.status().error));
        if (phase == QLatin1String("copying"))
            QVERIFY(waitFor([&] { return engine.status().rowsCopied > 0; }, 30000));
        if (phase == QLatin1String("cutover")) {
            // The database streams a moment before the run as a whole does (and only then is a
            // cutover accepted): wait for that before holding the drain back.
            QVERIFY2(waitFor([&] { return engine.status().cutoverAllowed || engine.isFinished(); }, 60000), qPrintable(engine.status().cutoverRefusal));
            QVERIFY(m_target.execute(db, QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE").arg(direct::objectName(name, db))).has_value());
            QVERIFY(engine.requestCutover().has_value());
            std::vector<nlohmann::json> events;
            QVERIFY(waitForEvent(engine, events, "writes-frozen", 30000));
        }
        QVERIFY2(!test::leftovers(m_source, m_target, db).isEmpty(), "nothing to clean up yet");
        QCOMPARE(dbPhase(), phase);
        engine.cancel();
        QVERIFY(waitFor([&] { return engine.isFinished(); }, 60000));
        QCOMPARE(engine.status().state, QStringLiteral("cancelled"));
        QVERIFY(engine.result().error().isCancelled());
        // Both sides as before the run: no slot, publication, heartbeat schema,
        // subscription or replication origin; the target database this run
        // created (a partial copy) gone; replica identity and writes as they were.
        const QStringList left = test::leftovers(m_source, m_target, db);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
        auto gone = m_target.query(QStringLiteral("postgres"), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {db});
        QCOMPARE(gone->toInt(0, 0), qint64(0));
        auto ri = m_source.query(db, QStringLiteral("SELECT relreplident FROM pg_class WHERE oid = 'app.nopk'::regclass"));
        QCOMPARE(ri->text(0, 0), QStringLiteral("d"));
        QCOMPARE(readOnlySetting(db), QString());
    }

    void refusesWithoutNativeSubscription()
    {
        // PostgreSQL 15: only a superuser may create a subscription (or, by default, use replication origins).
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
        // Issue 8: client-side decoding would avoid the subscription, but this target user may not use replication origins either.
        QVERIFY2(engine.result().error().message.contains(QLatin1String("replication origins")), qPrintable(engine.result().error().message));
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
