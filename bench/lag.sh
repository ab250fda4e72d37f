# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Replication lag under write load, and cutover time (sourced by bench/run.sh).
# As in bench-baseline.md: `pgbench -c 4 -j 2 -T 30 -n` on the source; once a
# second a heartbeat row (clock_timestamp()) is inserted on the source, and an
# ENABLE ALWAYS trigger on the target stamps its apply time (both clusters
# share the host clock, so the difference is the true apply lag). The byte lag
# of the source slot is sampled at the same time.

LAG_SECONDS=${LAG_SECONDS:-30}

# The heartbeat table exists on the source before the migration starts, so
# every method (publication FOR ALL TABLES or a table list) carries it.
heartbeat_source() {
    q "$SRC" "CREATE TABLE IF NOT EXISTS bench_heartbeat (id bigserial PRIMARY KEY, src_ts timestamptz NOT NULL DEFAULT clock_timestamp(), dst_ts timestamptz);
              TRUNCATE bench_heartbeat" >/dev/null
}

# The trigger is added on the target once the table is there (after the copy).
heartbeat_target() {
    q "$TGT" "CREATE OR REPLACE FUNCTION bench_heartbeat_stamp() RETURNS trigger LANGUAGE plpgsql AS
              \$\$ BEGIN NEW.dst_ts := clock_timestamp(); RETURN NEW; END \$\$;
              DROP TRIGGER IF EXISTS bench_heartbeat_stamp ON bench_heartbeat;
              CREATE TRIGGER bench_heartbeat_stamp BEFORE INSERT ON bench_heartbeat FOR EACH ROW EXECUTE FUNCTION bench_heartbeat_stamp();
              ALTER TABLE bench_heartbeat ENABLE ALWAYS TRIGGER bench_heartbeat_stamp" >/dev/null
}

# Runs pgbench for LAG_SECONDS and samples once a second until it exits.
# Sets PGBENCH_END (the stamp when writes stopped) and TPS.
load_and_sample() {
    local tag=$1
    local samples=$RES/$tag.lag-samples.tsv
    printf 'stamp\tslot_bytes_behind\treplay_lag_ms\n' >"$samples"
    pgbench -c 4 -j 2 -T "$LAG_SECONDS" -n "$SRC" >"$RES/logs/$tag.pgbench.log" 2>&1 &
    local pb=$!
    BENCH_CHILDREN+=("$pb")
    while kill -0 "$pb" 2>/dev/null; do
        local s
        # Two -c: the heartbeat commits on its own, before the sample query.
        s=$(psql "$SRC" -X -q -At -v ON_ERROR_STOP=1 -c "INSERT INTO bench_heartbeat DEFAULT VALUES" -c "
                      SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)), -1)::bigint || E'\t' ||
                             coalesce((SELECT round(extract(epoch FROM max(replay_lag)) * 1000, 1)::text FROM pg_stat_replication), '')
                      FROM pg_replication_slots WHERE database = current_database() AND slot_type = 'logical'" 2>>"$RES/logs/$tag.sampler.log") || s=$'-1\t'
        printf '%s\t%s\n' "$EPOCHREALTIME" "$s" >>"$samples"
        sleep 1
    done
    wait "$pb"
    local rc=$?
    PGBENCH_END=$(now)
    TPS=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$RES/logs/$tag.pgbench.log" | head -1)
    return $rc
}

# Heartbeat apply lag (ms) of the rows inserted during the load: p50 max n.
heartbeat_stats() {
    q "$TGT" "SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY l))::numeric, 1) || E'\t' || round(max(l)::numeric, 1) || E'\t' || count(*)
              FROM (SELECT extract(epoch FROM dst_ts - src_ts) * 1000 AS l FROM bench_heartbeat WHERE dst_ts IS NOT NULL) s"
}

byte_stats() {
    awk -F'\t' 'NR > 1 && $2 >= 0 { print $2 }' "$1" | sort -g | awk '{ a[NR] = $1 } END { if (NR) printf "%.0f\t%.0f", a[int((NR + 1) / 2)], a[NR]; else printf "\t" }'
}

# Compares the migrated state after the cutover: every table's row count,
# sum(abalance), and sequences not behind the source.
verify_after_cutover() {
    local tag=$1
    table_counts "$SRC" >"$WORK/src-after"
    table_counts "$TGT" >"$WORK/tgt-after"
    local ok=OK
    diff "$WORK/src-after" "$WORK/tgt-after" >"$RES/logs/$tag.cutover.diff" || ok="MISMATCH(rows)"
    local a b
    a=$(q "$SRC" "SELECT sum(abalance) FROM pgbench_accounts")
    b=$(q "$TGT" "SELECT sum(abalance) FROM pgbench_accounts")
    [[ $a == "$b" ]] || ok+=" MISMATCH(abalance $a/$b)"
    q "$SRC" "SELECT schemaname || '.' || sequencename || E'\t' || coalesce(last_value, 0) FROM pg_sequences ORDER BY 1" >"$WORK/src-seq"
    q "$TGT" "SELECT schemaname || '.' || sequencename || E'\t' || coalesce(last_value, 0) FROM pg_sequences ORDER BY 1" >"$WORK/tgt-seq"
    if ! join -t $'\t' "$WORK/src-seq" "$WORK/tgt-seq" | awk -F'\t' '$3 < $2 { bad = 1; print > "/dev/stderr" } END { exit bad }' 2>>"$RES/logs/$tag.cutover.diff"; then
        ok+=" MISMATCH(sequence behind)"
    fi
    [[ $ok == OK ]] && rm -f "$RES/logs/$tag.cutover.diff"
    printf '%s' "$ok"
}

# lag_row METHOD RUN INITIAL TPS HB BYTES CUTOVER AFTER_CMD ENGINE RSS CHECK NOTE
# (HB = "p50<TAB>max<TAB>n", BYTES = "p50<TAB>max", pre-joined, or empty).
lag_row() {
    local hb=$5 bytes=$6
    [[ -z $hb ]] && hb=$'\t\t'
    [[ -z $bytes ]] && bytes=$'\t'
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$hb" "$bytes" "$7" "$8" "$9" "${10}" "${11}" "${12}" >>"$RES/lag.tsv"
}

fm_stderr_line() { grep -m1 -v '^[[:space:]]*$' "$RES/logs/$1.stderr.log" 2>/dev/null | tr '\t' ' ' | cut -c1-160; }

LAG_HEADER='method\trun\tinitial_s\ttps\thb_p50_ms\thb_max_ms\thb_n\tslot_bytes_p50\tslot_bytes_max\tcutover_s\tcutover_after_cmd_s\tengine_cutover_s\trss_kb\tcheck\tnote'

# Native logical replication, with the baseline's manual cutover: marker row
# and stop_lsn; wait for the marker on the target and confirmed_flush_lsn >=
# stop_lsn; setval every sequence; DROP SUBSCRIPTION.
lag_logical() {
    local run=$1
    local tag=lag-logical-$run t0
    reset_target
    heartbeat_source
    t0=$(now)
    PHASES=$WORK/phases-$tag
    : >"$PHASES"
    if ! m_logical >"$RES/logs/$tag.log" 2>&1; then
        lag_row logical "$run" '' '' '' '' '' '' '' '' FAILED "see logs/$tag.log"
        return 0
    fi
    local initial
    initial=$(elapsed "$t0")
    heartbeat_target
    load_and_sample "$tag" || log "pgbench failed (see logs/$tag.pgbench.log)"
    # Writes stopped.
    local stop_lsn slot
    q "$SRC" "INSERT INTO bench_heartbeat (id) VALUES (-1)" >/dev/null
    stop_lsn=$(q "$SRC" "SELECT pg_current_wal_lsn()")
    slot=$(q "$TGT" "SELECT subslotname FROM pg_subscription WHERE subname = 'bench_sub'")
    while [[ $(q "$TGT" "SELECT count(*) FROM bench_heartbeat WHERE id = -1") != 1 ]]; do sleep 0.01; done
    while [[ $(q "$SOURCE_URI" "SELECT confirmed_flush_lsn >= '$stop_lsn'::pg_lsn FROM pg_replication_slots WHERE slot_name = '$slot'") != t ]]; do sleep 0.01; done
    q "$SRC" "SELECT format('SELECT setval(%L, %s, true);', format('%I.%I', schemaname, sequencename), last_value)
              FROM pg_sequences WHERE last_value IS NOT NULL" | psql "$TGT" -X -q -At -v ON_ERROR_STOP=1 >/dev/null
    q "$TGT" "DROP SUBSCRIPTION bench_sub" >/dev/null
    q "$SRC" "DROP PUBLICATION bench_pub" >/dev/null
    local cut
    cut=$(elapsed "$PGBENCH_END")
    local hb bytes check
    hb=$(heartbeat_stats)
    bytes=$(byte_stats "$RES/$tag.lag-samples.tsv")
    check=$(verify_after_cutover "$tag")
    lag_row logical "$run" "$initial" "$TPS" "$hb" "$bytes" "$cut" '' '' '' "$check" 'baseline procedure'
}

# flexmigrate direct run --cutover manual: streams until "cutover" arrives on
# standard input. Cutover time = writes stopped (pgbench exited) -> the
# "cutover-finished" event (target ready).
lag_flexmigrate() {
    local run=$1
    local tag=lag-flexmigrate-$run
    if ! flexmigrate_available; then
        lag_row flexmigrate "$run" '' '' '' '' '' '' '' '' N/A "$FLEXMIGRATE_WHY"
        return 0
    fi
    reset_target
    heartbeat_source
    local ev=$RES/logs/$tag.events.tsv rss=$RES/logs/$tag.time.txt t0 ts
    t0=$(now)
    fm_start "$WORK/fm.fifo" "$ev" "$rss" manual "$RES/logs/$tag.stderr.log"
    BENCH_CHILDREN+=("$FM_PID")
    if ! ts=$(fm_wait_event "$ev" streaming 3600); then
        fm_finish "$ev" 10
        lag_row flexmigrate "$run" '' '' '' '' '' '' '' "$(fm_rss_kb "$rss")" FAILED "no streaming event (logs/$tag.*): $(fm_stderr_line "$tag")"
        return 0
    fi
    local initial
    initial=$(elapsed "$t0" "$ts")
    heartbeat_target
    load_and_sample "$tag" || log "pgbench failed (see logs/$tag.pgbench.log)"
    local tcmd tfin
    tcmd=$(now)
    # In a subshell that ignores SIGPIPE: if the engine died, the write fails
    # instead of killing the script.
    (trap '' PIPE; printf 'cutover\n' >&7) 2>/dev/null || log "could not send cutover (engine gone?)"
    if ! tfin=$(fm_wait_event "$ev" cutover-finished 600); then
        fm_finish "$ev" 10
        lag_row flexmigrate "$run" "$initial" "$TPS" '' '' '' '' '' "$(fm_rss_kb "$rss")" FAILED "no cutover-finished event (logs/$tag.*): $(fm_stderr_line "$tag")"
        return 0
    fi
    fm_finish "$ev" 120
    local engine_s
    engine_s=$(grep -m1 '"cutover-finished"' "$ev" | sed -nE 's/.*"seconds"[[:space:]]*:[[:space:]]*([0-9.eE+-]+).*/\1/p')
    local hb bytes check note=
    hb=$(heartbeat_stats)
    bytes=$(byte_stats "$RES/$tag.lag-samples.tsv")
    check=$(verify_after_cutover "$tag")
    local left
    left=$(leftovers)
    [[ -n $left ]] && note="left behind: $left"
    # The engine's own lag figures (last value per second) for comparison.
    awk -F'\t' '{ b = ""; s = ""; if (match($2, /"lagBytes"[ ]*:[ ]*-?[0-9.]+/)) { b = substr($2, RSTART, RLENGTH); sub(/.*:[ ]*/, "", b) }
                  if (match($2, /"lagSeconds"[ ]*:[ ]*[0-9.eE+-]+/)) { s = substr($2, RSTART, RLENGTH); sub(/.*:[ ]*/, "", s) }
                  if (b != "" || s != "") print $1 "\t" b "\t" s }' "$ev" >"$RES/$tag.engine-lag.tsv"
    lag_row flexmigrate "$run" "$initial" "$TPS" "$hb" "$bytes" \
        "$(elapsed "$PGBENCH_END" "$tfin")" "$(elapsed "$tcmd" "$tfin")" "$engine_s" "$(fm_rss_kb "$rss")" "$check" "$note"
}
