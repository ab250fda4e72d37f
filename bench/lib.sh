# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Shared helpers of the benchmark (sourced by bench/run.sh; not run on its own).
# Conventions: SRC / TGT are libpq URIs of database "app" on the two throwaway
# clusters (they carry the random cluster passwords, so they are never echoed;
# logs are scrubbed of the passwords at the end); RES is the results folder,
# WORK a scratch folder deleted on exit.

DB=app

now() { printf '%s' "$EPOCHREALTIME"; }
# elapsed START [END] -> seconds with 3 decimals
elapsed() { awk -v a="$1" -v b="${2:-$EPOCHREALTIME}" 'BEGIN { printf "%.3f", b - a }'; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# psql on a URI: quiet, unaligned, stop on the first error.
# NOTICEs (IF EXISTS, ...) are noise here.
q() { PGOPTIONS='-c client_min_messages=warning' psql "$1" -X -q -At -v ON_ERROR_STOP=1 -c "$2"; }

# uri_db URI DB: the same server, another database.
uri_db() { printf '%s' "$1" | sed -E "s#^(postgresql://[^/]*/)[^?]*#\1$2#"; }

# Kills a process and its descendants, by pid (never by name).
kill_tree() {
    local pid=$1 c
    for c in $(pgrep -P "$pid" 2>/dev/null); do kill_tree "$c"; done
    kill -TERM "$pid" 2>/dev/null || true
}

# --- clusters -----------------------------------------------------------------
PGCLUSTER_PID=
start_clusters() {
    local tool=$1 envf=$WORK/clusters.env
    # The tool stops and deletes both clusters on SIGTERM; the EXIT trap sends it.
    "$tool" serve --count 2 --fsync --shared-buffers 1GB --env-file "$envf" >"$WORK/pgcluster.out" 2>&1 &
    PGCLUSTER_PID=$!
    local i
    for ((i = 0; i < 120; i++)); do
        grep -q '^ready' "$WORK/pgcluster.out" 2>/dev/null && break
        kill -0 "$PGCLUSTER_PID" 2>/dev/null || { cat "$WORK/pgcluster.out" >&2; die "flexmigrate-pgcluster exited"; }
        sleep 0.5
    done
    grep -q '^ready' "$WORK/pgcluster.out" || die "clusters did not start in 60 s"
    SOURCE_URI=$(sed -n 's/^SOURCE_URI=//p' "$envf")
    TARGET_URI=$(sed -n 's/^TARGET_URI=//p' "$envf")
    SOURCE_PORT=$(sed -n 's/^SOURCE_PORT=//p' "$envf")
    SOURCE_DATADIR=$(sed -n 's/^SOURCE_DATADIR=//p' "$envf")
    PG_BINDIR=$(sed -n 's/^PG_BINDIR=//p' "$envf")
    TARGET_PORT=$(sed -n 's/^TARGET_PORT=//p' "$envf")
    # Passwords, only to scrub them from the logs at the end.
    SCRUB=$(printf '%s\n%s\n' "$SOURCE_URI" "$TARGET_URI" | sed -nE 's#^postgresql://[^:]*:([^@]*)@.*#\1#p')
    SRC=$(uri_db "$SOURCE_URI" "$DB")
    TGT=$(uri_db "$TARGET_URI" "$DB")
    # Server settings of bench-baseline.md that the cluster tool does not set
    # (it sets wal_level, slots, senders, workers, shared_buffers, fsync on).
    # All four are reloadable, so ALTER SYSTEM + reload is enough.
    local u
    for u in "$SOURCE_URI" "$TARGET_URI"; do
        q "$u" "ALTER SYSTEM SET maintenance_work_mem = '256MB'" >/dev/null
        q "$u" "ALTER SYSTEM SET work_mem = '16MB'" >/dev/null
        q "$u" "ALTER SYSTEM SET max_wal_size = '4GB'" >/dev/null
        q "$u" "ALTER SYSTEM SET checkpoint_timeout = '15min'" >/dev/null
        q "$u" "SELECT pg_reload_conf()" >/dev/null
    done
}

stop_clusters() {
    if [[ -n $PGCLUSTER_PID ]] && kill -0 "$PGCLUSTER_PID" 2>/dev/null; then
        kill -TERM "$PGCLUSTER_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 60; i++)); do
            kill -0 "$PGCLUSTER_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$PGCLUSTER_PID" 2>/dev/null && kill -KILL "$PGCLUSTER_PID" 2>/dev/null
    fi
    PGCLUSTER_PID=
}

settings_report() {
    local u name
    for name in source target; do
        [[ $name == source ]] && u=$SOURCE_URI || u=$TARGET_URI
        printf '%s: ' "$name"
        q "$u" "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
                WHERE name IN ('wal_level','max_replication_slots','max_wal_senders','max_logical_replication_workers',
                  'max_sync_workers_per_subscription','max_worker_processes','shared_buffers','maintenance_work_mem',
                  'work_mem','max_wal_size','checkpoint_timeout','fsync','synchronous_commit','full_page_writes',
                  'wal_compression','listen_addresses','server_version')"
    done
}

# --- target reset and checks ---------------------------------------------------
# Drops whatever a method left behind: subscriptions on the target (detached
# from their slots first), then slots and publications on the source, then
# the target database itself.
cleanup_replication() {
    local sub
    if q "$TARGET_URI" "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
        for sub in $(q "$TGT" "SELECT quote_ident(subname) FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())"); do
            q "$TGT" "ALTER SUBSCRIPTION $sub DISABLE" >/dev/null 2>&1 || true
            q "$TGT" "ALTER SUBSCRIPTION $sub SET (slot_name = NONE)" >/dev/null 2>&1 || true
            q "$TGT" "DROP SUBSCRIPTION $sub" >/dev/null 2>&1 || true
        done
    fi
    q "$SOURCE_URI" "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = '$DB' AND active_pid IS NOT NULL" >/dev/null || true
    sleep 0.2
    q "$SOURCE_URI" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '$DB' AND NOT active" >/dev/null || true
    local pub
    for pub in $(q "$SRC" "SELECT quote_ident(pubname) FROM pg_publication"); do
        q "$SRC" "DROP PUBLICATION $pub" >/dev/null || true
    done
    q "$TGT" "SELECT pg_replication_origin_drop(roname) FROM pg_replication_origin" >/dev/null 2>&1 || true
    # Every method must see the same source: undo replica identity changes
    # (the load leaves every table at DEFAULT).
    q "$SRC" "SELECT format('ALTER TABLE %I.%I REPLICA IDENTITY DEFAULT', n.nspname, c.relname)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND c.relreplident <> 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema')" |
        while IFS= read -r stmt; do q "$SRC" "$stmt" >/dev/null || true; done
}

# Objects a method left on the servers (to flag tools that do not clean up).
leftovers() {
    local s p t
    s=$(q "$SOURCE_URI" "SELECT coalesce(string_agg(slot_name, ','), '') FROM pg_replication_slots WHERE database = '$DB'")
    p=$(q "$SRC" "SELECT coalesce(string_agg(pubname, ','), '') FROM pg_publication")
    t=$(q "$TGT" "SELECT coalesce(string_agg(subname, ','), '') FROM pg_subscription")
    local ri
    ri=$(q "$SRC" "SELECT coalesce(string_agg(c.relname || '=' || c.relreplident::text, ','), '') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE c.relkind IN ('r', 'p') AND c.relreplident <> 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema')")
    local ns
    ns=$(q "$SRC" "SELECT coalesce(string_agg(nspname, ','), '') FROM pg_namespace WHERE nspname <> ALL (string_to_array('${SRC_SCHEMAS:-}', ','))
                   AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'")
    local out=
    [[ -n $ns ]] && out+="new source schemas: $ns; "
    [[ -n $s ]] && out+="source slots: $s; "
    [[ -n $ri ]] && out+="source replica identity changed: $ri; "
    [[ -n $p ]] && out+="source publications: $p; "
    [[ -n $t ]] && out+="target subscriptions: $t; "
    printf '%s' "$out"
}

reset_target() {
    cleanup_replication
    q "$TARGET_URI" "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
    q "$TARGET_URI" "CREATE DATABASE $DB" >/dev/null
    q "$SOURCE_URI" "CHECKPOINT" >/dev/null
    q "$TARGET_URI" "CHECKPOINT" >/dev/null
    evict_source_buffers
}

# Restarts the source server (same data, settings and port): its buffer pool
# starts empty. The servers run as the OS user postgres when we are root.
restart_source() {
    local as=()
    ((EUID == 0)) && as=(runuser -u postgres --)
    "${as[@]}" "$PG_BINDIR/pg_ctl" -D "$SOURCE_DATADIR" -l "$SOURCE_DATADIR/restart.log" -m fast -w restart >/dev/null ||
        die "restarting the source server failed (see $SOURCE_DATADIR/restart.log)"
}

# Exact row count of every user table, and the number of indexes, one line per table.
TABLE_COUNTS_SQL="
CREATE TEMP TABLE _bench_counts (t text, n bigint);
SELECT format('INSERT INTO _bench_counts SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1 \\gexec
SELECT t || E'\\t' || n FROM _bench_counts ORDER BY t;
SELECT 'indexes' || E'\\t' || count(*) FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema');
SELECT 'constraints' || E'\\t' || count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema');
"
table_counts() { psql "$1" -X -q -At -v ON_ERROR_STOP=1 <<<"$TABLE_COUNTS_SQL"; }

# verify NAME: compares the target with the source snapshot taken after the load.
# Prints OK or a short reason; the full diff goes to the log folder.
verify_target() {
    local name=$1
    table_counts "$TGT" >"$WORK/tgt-counts" 2>&1 || true
    if diff "$RES/source-counts.tsv" "$WORK/tgt-counts" >"$RES/logs/$name.verify.diff"; then
        rm -f "$RES/logs/$name.verify.diff"
        printf 'OK'
    else
        printf 'MISMATCH(%s)' "$(grep -c '^[<>]' "$RES/logs/$name.verify.diff") lines"
    fi
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "" } else if (NR % 2) { print a[(NR + 1) / 2] } else { printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 } }'; }
