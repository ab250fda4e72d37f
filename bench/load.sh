# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# The data set of bench-baseline.md (sourced by bench/run.sh): pgbench scale N
# plus four realistic tables. Deterministic: every value is a function of the
# row number (no random()), so two loads of one scale are byte-for-byte alike.

load_data() {
    local scale=$1
    q "$SOURCE_URI" "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
    q "$SOURCE_URI" "CREATE DATABASE $DB" >/dev/null
    # pgbench_accounts/branches/tellers with PKs, pgbench_history without one.
    pgbench -i -q -s "$scale" "$SRC" >"$RES/logs/load-pgbench.log" 2>&1 || { cat "$RES/logs/load-pgbench.log" >&2; die "pgbench -i failed"; }
    psql "$SRC" -X -q -v ON_ERROR_STOP=1 -v scale="$scale" >"$RES/logs/load-tables.log" 2>&1 <<'SQL' || { cat "$RES/logs/load-tables.log" >&2; die "loading the extra tables failed"; }
-- text + jsonb with a GIN index; bigserial PK.
CREATE TABLE docs (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    attrs jsonb NOT NULL
);
INSERT INTO docs (title, body, attrs)
SELECT 'document ' || g,
       repeat(md5(g::text) || ' ', 3 + (g % 5)),
       jsonb_build_object('n', g, 'tag', 'tag' || (g % 100), 'owner', 'user' || (g % 997),
                          'tags', jsonb_build_array('a' || (g % 7), 'b' || (g % 13), 'c' || (g % 31)),
                          'price', round((g % 100000) / 100.0, 2), 'active', g % 3 = 0)
FROM generate_series(1, :scale * 5000) AS g;
CREATE INDEX docs_attrs_gin ON docs USING gin (attrs);

-- 2 KiB of incompressible bytes per row (64 SHA-256 digests), so it is stored
-- out of line in TOAST and compression cannot shrink it; int PK.
CREATE TABLE blobs (
    id int PRIMARY KEY,
    payload bytea NOT NULL
);
INSERT INTO blobs (id, payload)
SELECT g, (SELECT string_agg(sha256(convert_to(g || ':' || i, 'UTF8')), ''::bytea ORDER BY i)
           FROM generate_series(1, 64) AS i)
FROM generate_series(1, :scale * 500) AS g;

-- No primary key at all (and no replica identity): only a btree on ts.
CREATE TABLE events_nopk (
    ts timestamptz NOT NULL,
    kind text NOT NULL,
    account int NOT NULL,
    amount numeric(12, 2) NOT NULL,
    note text
);
INSERT INTO events_nopk (ts, kind, account, amount, note)
SELECT timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second',
       'kind' || (g % 17),
       (g::bigint * 7919 % 1000000)::int,
       ((g::bigint * 104729) % 10000000) / 100.0,
       CASE WHEN g % 10 = 0 THEN 'note ' || md5(g::text) END
FROM generate_series(1::bigint, :scale * 20000::bigint) AS g;
CREATE INDEX events_nopk_ts ON events_nopk (ts);

-- Identity PK (GENERATED ALWAYS), numeric money, a secondary index.
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id int NOT NULL,
    placed_at timestamptz NOT NULL,
    amount numeric(12, 2) NOT NULL,
    status text NOT NULL
);
INSERT INTO orders (customer_id, placed_at, amount, status)
SELECT (g::bigint * 48271 % 200000)::int,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '17 seconds',
       ((g::bigint * 7907) % 1000000) / 100.0,
       (ARRAY['new', 'paid', 'shipped', 'delivered', 'returned'])[1 + g % 5]
FROM generate_series(1, :scale * 10000) AS g;
CREATE INDEX orders_customer ON orders (customer_id);

VACUUM ANALYZE;
SQL
}

# A table in a database of its own on the source, a little bigger than the
# source's shared_buffers. Before every method reset_target restarts the source
# (its buffer pool empty) and reads the ballast into the pool (pg_prewarm), so
# each method starts with none of the copied data in the source's buffers and
# every buffer in use, as on a server whose cache holds its own working set.
# Without it the pool kept whatever the previous method left: peers read big
# tables through a small ring and leave the pool alone, TID range scans read
# through it (PostgreSQL 15 gives them no ring), so a flexmigrate run found
# tables the previous flexmigrate run had loaded (perf: heap_getnextslot_tidrange
# 9.8 % of samples after a peer, 1.2 % after a flexmigrate run). Prewarming
# alone was not enough: a page read more than once survives one sweep of the
# clock (usage counts), so a restart empties the pool first.
load_ballast() {
    BALLAST=$(uri_db "$SOURCE_URI" bench_ballast)
    q "$SOURCE_URI" "DROP DATABASE IF EXISTS bench_ballast WITH (FORCE)" >/dev/null
    q "$SOURCE_URI" "CREATE DATABASE bench_ballast" >/dev/null
    # fillfactor 10: one 700-byte row per page, so pages = rows.
    q "$BALLAST" "CREATE EXTENSION pg_prewarm;
                  CREATE TABLE ballast (id int, pad text) WITH (fillfactor = 10, autovacuum_enabled = false);
                  INSERT INTO ballast SELECT g, repeat('b', 700)
                    FROM generate_series(1, (pg_size_bytes(current_setting('shared_buffers')) * 11 / 10
                                             / current_setting('block_size')::int)::int) g" >/dev/null &&
        q "$BALLAST" "VACUUM ballast" >/dev/null || die "loading the ballast table failed"
}

# Fills the source's buffer pool with the ballast table (see load_ballast).
evict_source_buffers() {
    [[ -n ${BALLAST:-} ]] || return 0
    restart_source
    q "$BALLAST" "SELECT pg_prewarm('ballast')" >/dev/null || die "pg_prewarm of the ballast table failed"
}

# Size facts of the source database after the load (bytes, live rows).
source_facts() {
    DB_BYTES=$(q "$SRC" "SELECT pg_database_size(current_database())")
    DB_ROWS=$(q "$SRC" "SELECT sum(n_live_tup) FROM pg_stat_user_tables")
    q "$SRC" "SELECT relname || E'\t' || n_live_tup || E'\t' || pg_total_relation_size(relid) FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC" >"$RES/source-tables.tsv"
}
