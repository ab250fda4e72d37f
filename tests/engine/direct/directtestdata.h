// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared by the direct engine tests: a source database with many column types,
// a writer that changes it while the engine runs, and equality checks.

#include "engine/direct/directengine.h"
#include "engine/pg/connection.h"
#include "tests/support/pgcluster.h"

#include <QString>
#include <QTemporaryDir>
#include <QStringList>

#include <atomic>
#include <thread>

namespace fm::test {

/** The direct-engine options every real-cluster test starts from: one database, the journal in `dir`, a 200 ms heartbeat. */
inline direct::DirectOptions directOptions(const PgCluster &source, const PgCluster &target, const QTemporaryDir &dir, const QString &db,
                                           const QString &name)
{
    direct::DirectOptions o;
    o.source = source.params();
    o.target = target.params();
    o.databases = {db};
    o.name = name;
    o.journalPath = dir.filePath(name + QStringLiteral(".json"));
    o.pgBinDir = PgCluster::binDir();
    o.heartbeatMs = 200;
    return o;
}

/** Column types the issue names: numeric, timestamptz, jsonb, bytea, arrays, enums, domains,
 *  generated, partitioned, identity and serial, quoted mixed-case names, several schemas. */
inline QString manyTypesSchema(int rows)
{
    return QStringLiteral(R"SQL(
CREATE SCHEMA app;
CREATE SCHEMA "Sales Data";
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive AS numeric CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a int, b text);
CREATE TABLE app.items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  price numeric(12,2) NOT NULL,
  qty int NOT NULL,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  created timestamptz NOT NULL DEFAULT '2025-01-01 00:00:00+00',
  doc jsonb,
  blob bytea,
  tags text[],
  moods app.mood[],
  mood app.mood,
  pos app.positive,
  f float8,
  d date,
  u uuid,
  iv interval,
  r int4range,
  p app.pair
);
CREATE INDEX items_doc ON app.items USING gin (doc);
CREATE TABLE "Sales Data"."Order Lines" (
  "Id" serial PRIMARY KEY,
  "ItemId" bigint NOT NULL REFERENCES app.items (id),
  "Note" text,
  amount numeric
);
CREATE TABLE app.events (id bigserial, at timestamptz NOT NULL, payload jsonb, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.nopk (a int, b text);
CREATE INDEX nopk_a ON app.nopk (a);
CREATE TABLE public.big (id int PRIMARY KEY, filler text NOT NULL);
CREATE TABLE public.empty_one (id int PRIMARY KEY);
INSERT INTO app.items (price, qty, doc, blob, tags, moods, mood, pos, f, d, u, iv, r, p)
SELECT (i % 1000) / 7.0, i % 13, jsonb_build_object('i', i, 'name', 'item ' || i, 'nested', jsonb_build_array(i, i * 2)),
       decode(md5(i::text), 'hex'), ARRAY['t' || i, 'x"y', NULL], ARRAY['sad', 'happy']::app.mood[],
       (ARRAY['sad', 'ok', 'happy'])[1 + i % 3]::app.mood, 1 + i % 50, i / 3.0, DATE '2020-01-01' + i % 1000,
       md5(i::text)::uuid, make_interval(secs => i), int4range(i, i + 10), ROW(i, 'p' || i)::app.pair
  FROM generate_series(1, %1) i;
INSERT INTO "Sales Data"."Order Lines" ("ItemId", "Note", amount) SELECT 1 + i % 100, 'line ' || i, i * 1.5 FROM generate_series(1, %1) i;
INSERT INTO app.events (at, payload) SELECT TIMESTAMPTZ '2024-01-01' + make_interval(hours => i % 17000), jsonb_build_object('k', i) FROM generate_series(1, %1) i;
INSERT INTO app.nopk SELECT i, 'row ' || i FROM generate_series(1, %1) i;
INSERT INTO public.big SELECT i, repeat(md5(i::text), 4) FROM generate_series(1, %1 * 4) i;
ANALYZE;
)SQL")
        .arg(rows);
}

/** Writes on the source until stopped: inserts, updates and deletes on most tables. */
class SourceWriter
{
public:
    SourceWriter(const pg::ConnectionParams &params) : m_params(params) {}
    ~SourceWriter() { stop(); }
    void start()
    {
        m_thread = std::thread([this] {
            auto c = pg::Connection::open(m_params);
            if (!c) {
                m_error = c.error().toDisplayString();
                return;
            }
            qint64 i = 0;
            while (!m_stop) {
                ++i;
                const QString n = QString::number(i);
                const QStringList sql{
                    QStringLiteral("INSERT INTO app.items (price, qty, doc, tags, mood, pos) VALUES (%1.5, 3, '{\"w\": %1}', ARRAY['w%1'], 'ok', 2)").arg(n),
                    QStringLiteral("UPDATE app.items SET qty = qty + 1, doc = doc || '{\"u\": 1}' WHERE id = 1 + (%1 * 37) % 500").arg(n),
                    QStringLiteral("DELETE FROM app.items WHERE id = (SELECT max(id) FROM app.items WHERE id > 1000 AND id % 5 = %1 % 5)").arg(n),
                    QStringLiteral("INSERT INTO \"Sales Data\".\"Order Lines\" (\"ItemId\", \"Note\") VALUES (1 + %1 % 100, 'w')").arg(n),
                    QStringLiteral("UPDATE app.nopk SET b = b || '+' WHERE a = 1 + (%1 * 7) % 300").arg(n),
                    QStringLiteral("DELETE FROM app.nopk WHERE a = 500 + %1").arg(n),
                    QStringLiteral("INSERT INTO app.nopk VALUES (-%1, 'new')").arg(n),
                    QStringLiteral("INSERT INTO app.events (at, payload) VALUES (TIMESTAMPTZ '2025-03-01' + make_interval(secs => %1), '{}')").arg(n),
                    QStringLiteral("UPDATE public.big SET filler = md5(filler) WHERE id = 1 + (%1 * 101) % 2000").arg(n),
                };
                for (const QString &s : sql) {
                    if (auto r = c->exec(s); !r) {
                        // The write freeze at cutover ends this session: expected.
                        if (!m_stop && !r.error().isConnectionLost() && r.error().code != QLatin1String("25006"))
                            m_error = r.error().toDisplayString();
                        if (r.error().isConnectionLost())
                            return;
                    } else {
                        ++m_statements;
                    }
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    QString error() const { return m_error; }
    qint64 statements() const { return m_statements; }

private:
    pg::ConnectionParams m_params;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_statements{0};
    QString m_error;
};

/** md5 of every row (as text, sorted) of every user table, keyed by "schema.table". */
inline QMap<QString, QString> tableChecksums(const PgCluster &cluster, const QString &db)
{
    QMap<QString, QString> out;
    auto tables = cluster.query(db, QStringLiteral("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                                   "WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1"));
    if (!tables)
        return out;
    for (int i = 0; i < tables->rows(); ++i) {
        const QString t = tables->text(i, 0);
        auto r = cluster.query(db, QStringLiteral("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') FROM %1 x").arg(t));
        out.insert(t, r ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message);
    }
    return out;
}

/** Sequences whose value on the target is behind the source (empty when none). */
inline QStringList sequencesBehind(const PgCluster &source, const PgCluster &target, const QString &db)
{
    QStringList behind;
    auto s = source.query(db, QStringLiteral("SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value, 0) FROM pg_sequences ORDER BY 1"));
    auto t = target.query(db, QStringLiteral("SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value, 0) FROM pg_sequences ORDER BY 1"));
    if (!s || !t)
        return {QStringLiteral("query failed")};
    QMap<QString, qint64> tv;
    for (int i = 0; i < t->rows(); ++i)
        tv.insert(t->text(i, 0), t->toInt(i, 1));
    for (int i = 0; i < s->rows(); ++i)
        if (tv.value(s->text(i, 0), -1) < s->toInt(i, 1))
            behind << QStringLiteral("%1 (source %2, target %3)").arg(s->text(i, 0)).arg(s->toInt(i, 1)).arg(tv.value(s->text(i, 0), -1));
    return behind;
}

/** Replication objects left on the servers (empty when clean). */
inline QStringList leftovers(const PgCluster &source, const PgCluster &target, const QString &db)
{
    QStringList out;
    if (auto r = source.query(QStringLiteral("postgres"), QStringLiteral("SELECT slot_name FROM pg_replication_slots")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("slot ") + r->text(i, 0);
    if (auto r = source.query(db, QStringLiteral("SELECT pubname FROM pg_publication")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("publication ") + r->text(i, 0);
    if (auto r = source.query(db, QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'fm\\_%'")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("source schema ") + r->text(i, 0);
    if (auto r = target.query(QStringLiteral("postgres"), QStringLiteral("SELECT subname FROM pg_subscription")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("subscription ") + r->text(i, 0);
    // A subscription leaves a replication origin (pg_<oid>) behind if it is not dropped properly.
    if (auto r = target.query(QStringLiteral("postgres"), QStringLiteral("SELECT roname FROM pg_replication_origin")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("replication origin ") + r->text(i, 0);
    if (auto r = target.query(db, QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'fm\\_%'")))
        for (int i = 0; i < r->rows(); ++i)
            out << QStringLiteral("target schema ") + r->text(i, 0);
    return out;
}

/**
 * What a finished migration of `db` got wrong, empty when nothing: a table whose
 * rows (md5 of every row) differ or that exists on one side only, a sequence
 * behind the source, a replication object left on either server. Returns also
 * how many tables were compared through `tables`.
 */
inline QString migrationDifferences(const PgCluster &source, const PgCluster &target, const QString &db, int *tables = nullptr)
{
    const auto src = tableChecksums(source, db);
    const auto tgt = tableChecksums(target, db);
    if (tables)
        *tables = int(src.size());
    QStringList out;
    if (src.isEmpty())
        out << QStringLiteral("no table on the source");
    for (auto it = src.cbegin(); it != src.cend(); ++it)
        if (tgt.value(it.key()) != it.value())
            out << QStringLiteral("%1 differs: %2 vs %3").arg(it.key(), it.value(), tgt.value(it.key()));
    for (auto it = tgt.cbegin(); it != tgt.cend(); ++it)
        if (!src.contains(it.key()))
            out << QStringLiteral("%1 only on the target").arg(it.key());
    if (const QStringList behind = sequencesBehind(source, target, db); !behind.isEmpty())
        out << QStringLiteral("sequences behind: ") + behind.join(QStringLiteral("; "));
    if (const QStringList left = leftovers(source, target, db); !left.isEmpty())
        out << QStringLiteral("left behind: ") + left.join(QStringLiteral(", "));
    return out.join(QStringLiteral("\n"));
}

} // namespace fm::test
