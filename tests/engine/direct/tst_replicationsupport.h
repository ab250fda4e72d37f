// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once
// Shared by the client-side replication tests: a schema with the awkward cases
// (identity ALWAYS, generated columns, numeric beyond double, bytea, arrays,
// enums, TOAST, quoted mixed-case names, a table without a key) and a table
// comparison that names the first difference.

#include "tests/support/pgcluster.h"

#ifndef Q_MOC_RUN // moc mis-reads raw string literals inside QStringLiteral

#include <QString>
#include <QStringList>

namespace fm::test::replication {

inline QString schemaSql()
{
    return QStringLiteral(R"(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Order Lines" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    n numeric(40,20), ts timestamptz, j jsonb, b bytea, arr int[], m mood, flag bool, big text,
    g bigint GENERATED ALWAYS AS (id * 2) STORED);
CREATE TABLE kv (k int PRIMARY KEY, v text);
CREATE TABLE nokey (a int, b text);
ALTER TABLE nokey REPLICA IDENTITY FULL;
CREATE TABLE tr (id int PRIMARY KEY, v text);
CREATE TABLE events (id bigint PRIMARY KEY, note text);
CREATE TABLE ledger (n bigint, at timestamptz);
CREATE TABLE drain_marker (id int PRIMARY KEY, seq bigint NOT NULL);
ALTER TABLE ledger REPLICA IDENTITY FULL;
)");
}

inline QStringList tables()
{
    return {QStringLiteral("\"Sales\".\"Order Lines\""), QStringLiteral("kv"), QStringLiteral("nokey"), QStringLiteral("tr"),
            QStringLiteral("events"), QStringLiteral("ledger")};
}

/** count and md5 of every row as text, sorted: equal on both sides means every row equal, no duplicates. */
inline QString fingerprint(const PgCluster &c, const QString &db, const QString &table)
{
    auto r = c.query(db, QStringLiteral("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM %1 t").arg(table));
    return r ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message;
}

/** Empty when equal, else the first differing table with both fingerprints. */
inline QString compare(const PgCluster &src, const PgCluster &tgt, const QString &db)
{
    for (const QString &t : tables()) {
        const QString a = fingerprint(src, db, t), b = fingerprint(tgt, db, t);
        if (a != b)
            return QStringLiteral("%1: source %2, target %3").arg(t, a, b);
    }
    return {};
}

/** The workload: every change kind, the awkward values, a large transaction, a rolled back one. */
inline QString workloadSql(int round)
{
    const QString r = QString::number(round);
    return QStringLiteral(R"(
INSERT INTO "Sales"."Order Lines" (n, ts, j, b, arr, m, flag, big)
  SELECT 12345678901234567890.12345678901234567890 + i, now(), jsonb_build_object('i', i, 's', 'x"y'), decode(md5(i::text), 'hex'),
         ARRAY[i, NULL, 3], 'happy', i % 2 = 0, CASE WHEN i = 1 THEN (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 4000) g) END
    FROM generate_series(1, 20) i;
UPDATE "Sales"."Order Lines" SET flag = NOT flag, m = 'sad' WHERE big IS NOT NULL;
UPDATE "Sales"."Order Lines" SET n = NULL, arr = '{}' WHERE id % 5 = 0;
DELETE FROM "Sales"."Order Lines" WHERE id % 7 = 0;
INSERT INTO kv SELECT i + 100 * %1, 'v' || i FROM generate_series(1, 10) i;
UPDATE kv SET k = k + 50 WHERE k %% 3 = 0 AND k > 100 * %1 AND k <= 100 * %1 + 10;
UPDATE kv SET v = NULL WHERE k = 100 * %1 + 1;
DELETE FROM kv WHERE k = 100 * %1 + 2;
INSERT INTO nokey VALUES (%1, 'dup'), (%1, 'dup'), (%1, NULL);
UPDATE nokey SET b = 'one' WHERE ctid = (SELECT ctid FROM nokey WHERE a = %1 AND b = 'dup' LIMIT 1);
DELETE FROM nokey WHERE ctid = (SELECT ctid FROM nokey WHERE a = %1 AND b IS NULL LIMIT 1);
INSERT INTO tr SELECT i, 'before' FROM generate_series(1, 5) i ON CONFLICT DO NOTHING;
TRUNCATE tr;
INSERT INTO tr VALUES (%1, 'after');
INSERT INTO events SELECT 100000 * %1 + i, 'bulk' FROM generate_series(1, 3000) i;
)").replace(QStringLiteral("%%"), QStringLiteral("%")).arg(r);
}

} // namespace fm::test::replication
#endif // Q_MOC_RUN
