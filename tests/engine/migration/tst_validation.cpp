// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/validation.h"
#include "tests/support/pgcluster.h"
#include "tests/support/testutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace fm;
using namespace fm::migration;

namespace {
// Same data on both servers; types whose text form depends on session settings included.
const char *kData = R"SQL(
CREATE TABLE big (id bigint PRIMARY KEY, v text, ts timestamptz, f double precision, b bytea);
INSERT INTO big SELECT g, 'row ' || g, timestamptz '2024-01-01 00:00+00' + g * interval '1 minute', g / 7.0, decode(md5(g::text), 'hex')
  FROM generate_series(1, 25000) g;
CREATE TABLE "Mixed Case" (k text PRIMARY KEY, n numeric);
INSERT INTO "Mixed Case" SELECT 'k' || g, g * 1.5 FROM generate_series(1, 300) g;
CREATE TABLE nokey (a int, b jsonb);
INSERT INTO nokey SELECT g, jsonb_build_object('g', g) FROM generate_series(1, 500) g;
CREATE TABLE parted (id int, k int, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE parted_a PARTITION OF parted FOR VALUES FROM (0) TO (50);
CREATE TABLE parted_b PARTITION OF parted FOR VALUES FROM (50) TO (100);
INSERT INTO parted SELECT g, g % 100 FROM generate_series(1, 1000) g;
ANALYZE;
)SQL";


const TableValidation *table(const DatabaseValidation &d, const QString &name)
{
    for (const auto &t : d.tables)
        if (t.name == name)
            return &t;
    return nullptr;
}
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
    test::PgCluster m_source{[] { test::PgClusterOptions o; o.name = QStringLiteral("valsrc"); return o; }()};
    test::PgCluster m_target{[] { test::PgClusterOptions o; o.name = QStringLiteral("valtgt"); o.extraConf << QStringLiteral("timezone = 'Asia/Tokyo'") << QStringLiteral("extra_float_digits = 0"); return o; }()};

    Expected<DatabaseValidation> run(bool checksums)
    {
        ValidationOptions o;
        o.checksums = checksums;
        o.rowsPerChunk = 5000;
        return validateDatabase(m_source.params(QStringLiteral("app")), m_target.params(QStringLiteral("app")), o);
    }

private slots:
    void init()
    {
        for (auto *c : {&m_source, &m_target}) {
            if (!c->isRunning())
                REQUIRE_OK(c->start());
            REQUIRE_OK(c->execute(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS app")));
            REQUIRE_OK(c->createDatabase(QStringLiteral("app")));
            REQUIRE_OK(c->execute(QStringLiteral("app"), QString::fromUtf8(kData)));
        }
    }

    void equalDataIsEqualDespiteDifferentServerSettings()
    {
        auto r = run(true);
        REQUIRE_OK(r);
        QVERIFY2(r->equal(), qPrintable(QJsonDocument(toJson(*r)).toJson()));
        QCOMPARE(r->tables.size(), 5); // big, Mixed Case, nokey, parted_a, parted_b (not the parent)
        const auto *big = table(*r, QStringLiteral("big"));
        QVERIFY(big);
        QCOMPARE(big->sourceRows, 25000);
        QVERIFY2(big->chunks >= 5, qPrintable(QString::number(big->chunks))); // split by key range
        QVERIFY(!table(*r, QStringLiteral("parted")));
    }

    void changedRowIsFoundAndLocated()
    {
        // Behind the migration's back: same count, different content.
        REQUIRE_OK(m_target.execute(QStringLiteral("app"), QStringLiteral("UPDATE big SET v = 'tampered' WHERE id = 12345")));
        auto counts = run(false);
        REQUIRE_OK(counts);
        QVERIFY(counts->equal()); // counts alone cannot see it...
        auto r = run(true);
        REQUIRE_OK(r);
        QVERIFY(!r->equal()); // ...checksums can
        const auto *big = table(*r, QStringLiteral("big"));
        QCOMPARE(big->differences.size(), 1);
        const ChunkDifference d = big->differences.first();
        QVERIFY2(d.range.startsWith(QLatin1String("id in [")), qPrintable(d.range));
        const qint64 lo = d.range.section(QLatin1Char('['), 1).section(QLatin1Char(','), 0, 0).toLongLong();
        const qint64 hi = d.range.section(QLatin1String(", "), 1).section(QLatin1Char(')'), 0, 0).toLongLong();
        QVERIFY2(lo <= 12345 && 12345 < hi, qPrintable(d.range));
        QCOMPARE(d.sourceRows, d.targetRows);
        QCOMPARE(r->differingTables(), 1);
    }

    void missingExtraAndKeylessDifferences()
    {
        REQUIRE_OK(m_target.execute(QStringLiteral("app"), QStringLiteral("DELETE FROM nokey WHERE a = 7; INSERT INTO big VALUES (999999, 'extra', now(), 0, NULL);"
                                                                         "DROP TABLE \"Mixed Case\"; CREATE TABLE only_here (x int);")));
        auto r = run(true);
        REQUIRE_OK(r);
        QVERIFY(!r->equal());
        QCOMPARE(table(*r, QStringLiteral("nokey"))->targetRows, 499);
        QCOMPARE(table(*r, QStringLiteral("nokey"))->differences.value(0).range, QStringLiteral("whole table"));
        QVERIFY(table(*r, QStringLiteral("Mixed Case"))->missingOnTarget);
        // A row beyond the source's key range is caught by the "outside" chunk.
        const auto *big = table(*r, QStringLiteral("big"));
        QCOMPARE(big->differences.size(), 1);
        QVERIFY2(big->differences.first().range.contains(QLatin1String("outside")), qPrintable(big->differences.first().range));
        QCOMPARE(r->extraOnTarget, QStringList{QStringLiteral("\"public\".\"only_here\"")});
    }

    /**
     * The direct engine's heartbeat schema (fm_<name>_hb; fm_<name>_hb_<hash> for a mangled name) is
     * written on both sides while changes stream: validation leaves it out, on the source and as an
     * extra table on the target, unless asked not to. A user schema that merely starts with fm_ stays.
     */
    void heartbeatSchemaIsLeftOut()
    {
        const QString both = QStringLiteral("CREATE SCHEMA fm_dash1_hb; CREATE TABLE fm_dash1_hb.heartbeat (id int PRIMARY KEY, seq bigint);"
                                            "CREATE SCHEMA fm_users; CREATE TABLE fm_users.t (id int PRIMARY KEY);");
        REQUIRE_OK(m_source.execute(QStringLiteral("app"), both + QStringLiteral("INSERT INTO fm_dash1_hb.heartbeat VALUES (1, 41);")));
        REQUIRE_OK(m_target.execute(QStringLiteral("app"), both + QStringLiteral("INSERT INTO fm_dash1_hb.heartbeat VALUES (1, 40), (2, 1);"
                                                                                  "CREATE SCHEMA fm_mixed_hb_0a1b2c3d; CREATE TABLE fm_mixed_hb_0a1b2c3d.heartbeat (id int);")));
        auto r = run(true);
        REQUIRE_OK(r);
        QVERIFY2(r->equal(), qPrintable(QJsonDocument(toJson(*r)).toJson()));
        QCOMPARE(r->tables.size(), 6); // the five of kData and fm_users.t
        for (const auto &t : r->tables)
            QVERIFY2(!t.schema.contains(QLatin1String("_hb")), qPrintable(t.qualifiedName()));
        QVERIFY(r->extraOnTarget.isEmpty());

        ValidationOptions all;
        all.checksums = true;
        all.skipHeartbeatSchema = false;
        auto unfiltered = validateDatabase(m_source.params(QStringLiteral("app")), m_target.params(QStringLiteral("app")), all);
        REQUIRE_OK(unfiltered);
        QCOMPARE(unfiltered->tables.size(), 7);
        QCOMPARE(unfiltered->differingTables(), 1);
        QCOMPARE(unfiltered->extraOnTarget, QStringList{QStringLiteral("\"fm_mixed_hb_0a1b2c3d\".\"heartbeat\"")});

        QVERIFY(isDirectHeartbeatSchema(QStringLiteral("fm_dash1_hb")));
        QVERIFY(isDirectHeartbeatSchema(QStringLiteral("fm_mixed_hb_0a1b2c3d")));
        QVERIFY(!isDirectHeartbeatSchema(QStringLiteral("fm_users")));
        QVERIFY(!isDirectHeartbeatSchema(QStringLiteral("app_hb")));
    }

    void connectionErrorsAreValues()
    {
        auto p = m_target.params(QStringLiteral("nowhere"));
        auto r = validateDatabase(m_source.params(QStringLiteral("app")), p, {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("3D000"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
