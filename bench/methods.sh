# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# One m_<key> function per copy method (sourced by bench/run.sh). Each starts
# from an empty target database "app" (reset_target ran just before), copies
# everything, and returns non-zero on failure. Extra facts (phase times, the
# peak RSS) go to "$PHASES" as "key<TAB>value" lines. Output goes to the log
# named by the caller. The method's wall time is measured by the caller.

declare -A METHOD_TITLE=(
    [dump_fc]='pg_dump -Fc | pg_restore'
    [logical]='native logical replication (initial sync)'
    [pgcopydb_default]='pgcopydb clone (defaults)'
    [pgcopydb_j2]='pgcopydb clone --table-jobs 2 --index-jobs 2'
    [raw_par2]='raw binary COPY, 2 parallel + post-data -j2'
    [flexmigrate]='flexmigrate direct run --jobs 2 (to copy finished + indexes built)'
    [flexmigrate_alt]='the same with the binary in FLEXMIGRATE_ALT (an engine change, A/B in one run)'
)
# flexmigrate_alt stays last: run.sh leaves it out of the default list by stripping the last word.
ALL_METHODS="dump_fc logical pgcopydb_default pgcopydb_j2 raw_par2 flexmigrate flexmigrate_alt"

phase() { printf '%s\t%s\n' "$1" "$2" >>"$PHASES"; }

m_dump_fc() {
    pg_dump -Fc -d "$SRC" | pg_restore --exit-on-error -d "$TGT"
}

# Schema first (so the indexes exist during the copy, as a DBA would do it),
# then a publication for all tables and a subscription that copies the data;
# done when every table of the subscription is in state 'r' (ready).
m_logical() {
    local t0 t1
    t0=$(now)
    pg_dump --schema-only -d "$SRC" | psql "$TGT" -X -q -v ON_ERROR_STOP=1 >/dev/null || return 1
    phase schema_s "$(elapsed "$t0")"
    q "$SRC" "CREATE PUBLICATION bench_pub FOR ALL TABLES" || return 1
    q "$TGT" "CREATE SUBSCRIPTION bench_sub CONNECTION 'host=127.0.0.1 port=$SOURCE_PORT dbname=$DB user=postgres password=$(source_password)' PUBLICATION bench_pub WITH (copy_data = true)" || return 1
    t1=$(now)
    local pending
    while :; do
        pending=$(q "$TGT" "SELECT count(*) FILTER (WHERE srsubstate <> 'r') + (count(*) = 0)::int FROM pg_subscription_rel") || return 1
        [[ $pending == 0 ]] && break
        sleep 0.1
    done
    phase sync_s "$(elapsed "$t1")"
}

source_password() { printf '%s' "$SOURCE_URI" | sed -nE 's#^postgresql://[^:]*:([^@]*)@.*#\1#p'; }

_pgcopydb() {
    local dir=$WORK/pgcopydb-$RANDOM
    rm -rf "$dir"
    pgcopydb clone --source "$SRC" --target "$TGT" --dir "$dir" "$@"
    local rc=$?
    rm -rf "$dir"
    return $rc
}
m_pgcopydb_default() { _pgcopydb; }
m_pgcopydb_j2() { _pgcopydb --table-jobs 2 --index-jobs 2; }

# The baseline's raw_par2: tables only (pre-data), then two binary COPY
# streams source -> target (largest tables first, xargs -P2), then post-data
# (indexes, constraints) with pg_restore -j2, then the sequence values.
m_raw_par2() {
    local t0 t1 t2
    t0=$(now)
    pg_dump --section=pre-data -d "$SRC" | psql "$TGT" -X -q -v ON_ERROR_STOP=1 >/dev/null || return 1
    pg_dump -Fc --section=post-data -d "$SRC" -f "$WORK/post-data.dump" || return 1
    t1=$(now)
    phase schema_s "$(elapsed "$t0" "$t1")"
    q "$SRC" "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              ORDER BY pg_total_relation_size(c.oid) DESC" >"$WORK/raw-tables" || return 1
    export SRC TGT
    xargs -P2 -I{} bash -c 'set -o pipefail; psql "$SRC" -X -q -c "COPY {} TO STDOUT (FORMAT binary)" | psql "$TGT" -X -q -v ON_ERROR_STOP=1 -c "COPY {} FROM STDIN (FORMAT binary)"' <"$WORK/raw-tables" || return 1
    t2=$(now)
    phase copy_s "$(elapsed "$t1" "$t2")"
    pg_restore --section=post-data -j2 --exit-on-error -d "$TGT" "$WORK/post-data.dump" || return 1
    q "$SRC" "SELECT format('SELECT setval(%L, %s, %s);', format('%I.%I', schemaname, sequencename), last_value, 'true')
              FROM pg_sequences WHERE last_value IS NOT NULL" | psql "$TGT" -X -q -At -v ON_ERROR_STOP=1 >/dev/null || return 1
    phase postdata_s "$(elapsed "$t2")"
    rm -f "$WORK/post-data.dump"
}

# --- flexmigrate direct ---------------------------------------------------------
FLEXMIGRATE=${FLEXMIGRATE:-}
# A second build (e.g. with an engine change), run as its own method in the same
# invocation: interleaved runs on the same data and the same machine state are the
# only fair A/B on a noisy machine.
FLEXMIGRATE_ALT=${FLEXMIGRATE_ALT:-}
m_flexmigrate_alt() { FLEXMIGRATE=$FLEXMIGRATE_ALT m_flexmigrate; }
# Whether the binary has the "direct" command (B1 is writing it); prints why not.
flexmigrate_available() {
    [[ -x $FLEXMIGRATE ]] || { FLEXMIGRATE_WHY="not available yet (${FLEXMIGRATE_ORIG:-$FLEXMIGRATE} missing)"; return 1; }
    if ! "$FLEXMIGRATE" --help 2>&1 | grep -qE '^[[:space:]]+direct\b'; then
        FLEXMIGRATE_WHY="not available yet (the flexmigrate binary has no 'direct' command)"
        return 1
    fi
    if ! "$FLEXMIGRATE" direct run --help >/dev/null 2>&1; then
        FLEXMIGRATE_WHY="not available yet ('flexmigrate direct run --help' fails)"
        return 1
    fi
    return 0
}

# Starts "flexmigrate direct run ... --json" in the background under
# /usr/bin/time -v, standard input from the FIFO $1 (so "cutover" can be sent),
# every stdout line stamped with the arrival time into $2; a journal of its own
# under $WORK (the default one is per user: another run by the same user would
# collide with it). Sets FM_PID (the
# stamping pipeline) and opens fd 7 as the writer of the FIFO.
fm_start() {
    local fifo=$1 events=$2 rss=$3 mode=$4 errlog=$5
    rm -f "$fifo"
    mkfifo "$fifo"
    (
        /usr/bin/time -v -o "$rss" "$FLEXMIGRATE" direct run --source-uri "$SRC" --target-uri "$TGT" --db "$DB" \
            --jobs 2 --cutover "$mode" --json --journal "$(mktemp -u "$WORK/journal.XXXXXX").json" <"$fifo" 2>"$errlog" |
            while IFS= read -r line; do printf '%s\t%s\n' "$EPOCHREALTIME" "$line"; done >"$events"
        printf '%s\t{"event":"bench-process-exited","rc":%s}\n' "$EPOCHREALTIME" "${PIPESTATUS[0]}" >>"$events"
    ) &
    FM_PID=$!
    exec 7>"$fifo"
}

fm_stop_input() { exec 7>&- 2>/dev/null || true; }

# Waiting without forking. The waits below used to poll with `grep; sleep 0.05`:
# on a paravirtualised machine (PVM kernel, where fork/exec and page faults are
# expensive) that loop took ~13 % of both cores' samples in `perf record -a`
# during a flexmigrate run, CPU the measured tool lost and its peers (one
# command, waited for) did not. Now only bash builtins run while it waits: a
# `read -t` on a FIFO nobody writes to is the sleep, and the events file is read
# through one descriptor, each line once.
fm_nap() {
    if [[ -z ${FM_NAP_FD:-} ]]; then
        local f
        f=$(mktemp -u "$WORK/nap.XXXXXX")
        mkfifo "$f"
        exec {FM_NAP_FD}<>"$f"
        rm -f "$f"
    fi
    read -r -t "$1" -u "$FM_NAP_FD" _ || true
}

# fm_wait_line EVENTS NAME TIMEOUT_S -> prints the first line whose "event" is
# NAME; returns 1 on timeout, or when the process ended first (unless NAME is
# the exit itself).
fm_wait_line() {
    local events=$1 name=$2 timeout=$3 fd line partial= deadline=$((${EPOCHREALTIME%.*} + $3))
    local want="\"event\"[[:space:]]*:[[:space:]]*\"$name\""
    until [[ -e $events ]]; do
        (( ${EPOCHREALTIME%.*} >= deadline )) && return 1
        fm_nap 0.05
    done
    exec {fd}<"$events"
    while :; do
        # A line being written may be read in two parts: keep the first until its newline comes.
        while IFS= read -r -u "$fd" line || { partial+=$line; false; }; do
            line=$partial$line
            partial=
            if [[ $line =~ $want ]]; then
                exec {fd}<&-
                printf '%s' "$line"
                return 0
            fi
            [[ $line == *'"bench-process-exited"'* ]] && { exec {fd}<&-; return 1; }
        done
        (( ${EPOCHREALTIME%.*} >= deadline )) && { exec {fd}<&-; return 1; }
        fm_nap 0.05
    done
}

# fm_finish EVENTS TIMEOUT_S: closes the engine's standard input and waits for
# it to exit; past the timeout the process tree is killed (by pid).
fm_finish() {
    local events=$1 timeout=$2
    fm_stop_input
    if ! fm_wait_line "$events" bench-process-exited "$timeout" >/dev/null; then
        echo "flexmigrate did not exit within $timeout s; killed" >&2
        kill_tree "$FM_PID"
    fi
    wait "$FM_PID" 2>/dev/null
}

# fm_wait_event EVENTS NAME TIMEOUT_S -> prints the arrival stamp of the first
# line whose "event" is NAME; returns 1 on timeout or when the process ended first.
fm_wait_event() {
    local line
    line=$(fm_wait_line "$@") || return 1
    # The engine stamps each event ("time", UTC ISO with ms) when it
    # happens; its CLI prints them on a 200 ms timer, so the arrival
    # stamp is up to 0.2 s late. Same host clock: prefer the event's own.
    local iso t=
    iso=$(printf '%s' "$line" | sed -nE 's/.*"time"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p')
    [[ -n $iso ]] && t=$(date -u -d "$iso" +%s.%N 2>/dev/null)
    printf '%s' "${t:-${line%%$'\t'*}}"
}

fm_rss_kb() { sed -nE 's/^[[:space:]]*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$1" 2>/dev/null; }

# Up to "copy finished, indexes built", read from the engine's own events;
# --cutover ready then lets it finish (replication objects dropped), which is
# waited for but not counted.
m_flexmigrate() {
    local tag=$RUN_TAG fifo=$WORK/fm.fifo ev=$RES/logs/$RUN_TAG.events.tsv rss=$RES/logs/$RUN_TAG.time.txt
    local t0 tc ti tx
    t0=$(now)
    fm_start "$fifo" "$ev" "$rss" ready "$RES/logs/$tag.stderr.log"
    BENCH_CHILDREN+=("$FM_PID")
    tc=$(fm_wait_event "$ev" copy-finished 3600) || { fm_finish "$ev" 10; echo "no copy-finished event" >&2; return 1; }
    ti=$(fm_wait_event "$ev" indexes-built 3600) || { fm_finish "$ev" 10; echo "no indexes-built event" >&2; return 1; }
    # The later of the two, whatever order the engine reports them in.
    FM_END=$(awk -v a="$tc" -v b="$ti" 'BEGIN { print (a > b ? a : b) }')
    phase copy_s "$(elapsed "$t0" "$tc")"
    phase postdata_s "$(elapsed "$tc" "$FM_END")"
    # --cutover ready: it should now catch up, cut over and exit by itself.
    fm_finish "$ev" 600
    tx=$(now)
    phase exit_s "$(elapsed "$t0" "$tx")"
    local rc
    rc=$(sed -nE 's/.*"bench-process-exited","rc":([0-9]+).*/\1/p' "$ev")
    phase rss_kb "$(fm_rss_kb "$rss")"
    # All stamps within 20 ms of the exit means stdout was block-buffered: then
    # the event times are worthless, so say it rather than report them.
    if awk -F'\t' -v x="$tx" 'NR > 1 && x - $1 > 0.05 { early = 1 } END { exit early ? 1 : 0 }' "$ev"; then
        echo "warning: every event arrived at process exit (stdout not flushed per line?)" >&2
        phase warning "events-not-line-flushed"
    fi
    [[ ${rc:-1} == 0 ]] || { echo "flexmigrate exited with $rc" >&2; return 1; }
}
