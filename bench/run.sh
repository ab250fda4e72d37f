#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# bench/run.sh SCALE [RUNS]
#
# One command: starts two throwaway clusters (always stopped again, even on
# error or Ctrl-C), loads pgbench scale SCALE plus four realistic tables, times
# every copy method RUNS times interleaved (each from an empty target, after a
# CHECKPOINT on both), verifies row and index counts after each, then measures
# replication lag and cutover time under pgbench load, and prints a markdown
# summary with ratios to pg_dump -Fc | pg_restore of the same run.
# See bench/README.md. Environment:
#   METHODS="dump_fc logical pgcopydb_default pgcopydb_j2 raw_par2 flexmigrate"
#   LAG_RUNS=1             lag/cutover runs per method (0 = skip)
#   LAG_METHODS="logical flexmigrate"
#   LAG_SECONDS=30         pgbench -T during the lag measurement
#   FLEXMIGRATE=build/app/flexmigrate  FM_PGCLUSTER=build/tests/support/flexmigrate-pgcluster
#   FLEXMIGRATE_ALT=path   a second flexmigrate build, timed as method flexmigrate_alt
#   RESULTS=bench/results  where s<SCALE>-<timestamp>/ is created
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

usage() { echo "usage: bench/run.sh SCALE [RUNS]   (SCALE >= 1, RUNS >= 1; see bench/README.md)" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
SCALE=$1
RUNS=${2:-3}
[[ $SCALE =~ ^[0-9]+$ && $SCALE -ge 1 ]] || usage
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || usage

. "$BENCH_DIR/lib.sh"
. "$BENCH_DIR/load.sh"
. "$BENCH_DIR/methods.sh"
. "$BENCH_DIR/lag.sh"
. "$BENCH_DIR/lag-decoder.sh" # lag_decoder_wal2json, lag_decoder_pgoutput (issue 8)

METHODS=${METHODS:-${ALL_METHODS% flexmigrate_alt}${FLEXMIGRATE_ALT:+ flexmigrate_alt}}
LAG_RUNS=${LAG_RUNS:-1}
LAG_METHODS=${LAG_METHODS:-logical flexmigrate}
FLEXMIGRATE=${FLEXMIGRATE:-$REPO/build/app/flexmigrate}
FM_PGCLUSTER=${FM_PGCLUSTER:-$REPO/build/tests/support/flexmigrate-pgcluster}
RESULTS=${RESULTS:-$BENCH_DIR/results}

for m in $METHODS; do
    [[ " $ALL_METHODS " == *" $m "* ]] || die "unknown method '$m' (known: $ALL_METHODS)"
done

# --- prerequisites (nothing is installed here; see README) ---------------------
missing=()
for tool in pgbench pg_dump pg_restore psql pgcopydb; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (package time)")
[[ -x $FM_PGCLUSTER ]] || missing+=("$FM_PGCLUSTER (build the target flexmigrate-pgcluster)")
if ((${#missing[@]})); then
    die "missing: ${missing[*]}. On Debian 12: apt-get install postgresql-15 postgresql-client-15 pgcopydb time"
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RES=$RESULTS/s$SCALE-$STAMP
mkdir -p "$RES/logs" || die "cannot create $RES"
WORK=$(mktemp -d /tmp/fm-bench.XXXXXX)
BENCH_CHILDREN=()

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    exec 7>&- 2>/dev/null || true
    local p
    for p in "${BENCH_CHILDREN[@]}"; do kill_tree "$p"; done
    stop_clusters
    # The cluster passwords appear in some tool logs; they are throwaway, but
    # results get shared, so scrub them.
    if [[ -n ${SCRUB:-} && -d $RES ]]; then
        local pw
        while IFS= read -r pw; do
            [[ -n $pw ]] && grep -rlF -- "$pw" "$RES" 2>/dev/null | xargs -r sed -i "s/$pw/********/g"
        done <<<"$SCRUB"
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# Private copies: other people rebuild build/ while a long run is going.
cp "$FM_PGCLUSTER" "$WORK/flexmigrate-pgcluster" || die "cannot copy $FM_PGCLUSTER"
FM_PGCLUSTER=$WORK/flexmigrate-pgcluster
if [[ -x $FLEXMIGRATE ]]; then
    FLEXMIGRATE_MTIME=$(date -u -r "$FLEXMIGRATE" +%Y-%m-%dT%H:%M:%SZ)
    FLEXMIGRATE_ORIG=$FLEXMIGRATE
    cp "$FLEXMIGRATE" "$WORK/flexmigrate" && FLEXMIGRATE=$WORK/flexmigrate
fi

log "results: $RES"
{
    echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "scale=$SCALE"
    echo "runs=$RUNS"
    echo "methods=$METHODS"
    echo "lag_runs=$LAG_RUNS"
    echo "lag_methods=$LAG_METHODS"
    echo "lag_seconds=$LAG_SECONDS"
    echo "uptime_start=$(uptime)"
    echo "nproc=$(nproc)"
    echo "git_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)"
    echo "flexmigrate=${FLEXMIGRATE_ORIG:-$FLEXMIGRATE}"
    echo "flexmigrate_mtime=${FLEXMIGRATE_MTIME:-}"
    echo "pg_dump=$(pg_dump --version)"
    echo "pgbench=$(pgbench --version)"
    echo "pgcopydb=$(pgcopydb --version 2>/dev/null | grep -m1 '^pgcopydb version')"
} >"$RES/meta.env"

log "starting two clusters (fsync on, shared_buffers 1GB)"
start_clusters "$FM_PGCLUSTER"
settings_report >"$RES/settings.txt"

log "loading scale $SCALE"
t0=$(now)
load_data "$SCALE"
echo "load_s=$(elapsed "$t0")" >>"$RES/meta.env"
load_ballast
source_facts
table_counts "$SRC" >"$RES/source-counts.tsv"
SRC_SCHEMAS=$(q "$SRC" "SELECT string_agg(nspname, ',') FROM pg_namespace")
# Exact rows (count(*)), rather than n_live_tup, whose stats lag behind.
DB_ROWS=$(awk -F'\t' '$1 ~ /\./ { s += $2 } END { print s + 0 }' "$RES/source-counts.tsv")
echo "db_bytes=$DB_BYTES" >>"$RES/meta.env"
echo "db_rows=$DB_ROWS" >>"$RES/meta.env"
log "source: $((DB_BYTES / 1048576)) MB, $DB_ROWS rows (load $(grep '^load_s=' "$RES/meta.env" | cut -d= -f2) s)"

printf 'method\trun\tseconds\tcheck\tnote\n' >"$RES/runs.tsv"
printf 'method\trun\tkey\tvalue\n' >"$RES/phases.tsv"

FM_OK=
if [[ " $METHODS $LAG_METHODS " == *" flexmigrate "* ]]; then
    if flexmigrate_available; then FM_OK=1; else log "flexmigrate: $FLEXMIGRATE_WHY"; fi
fi

run_method() {
    local m=$1 run=$2
    if [[ $m == flexmigrate && -z $FM_OK ]]; then
        printf '%s\t%s\t\tN/A\t%s\n' "$m" "$run" "$FLEXMIGRATE_WHY" >>"$RES/runs.tsv"
        return
    fi
    if [[ $m == flexmigrate_alt && ! -x $FLEXMIGRATE_ALT ]]; then
        printf '%s\t%s\t\tN/A\t%s\n' "$m" "$run" "FLEXMIGRATE_ALT is not set to an executable" >>"$RES/runs.tsv"
        return
    fi
    reset_target
    RUN_TAG=$m-$run
    PHASES=$WORK/phases
    : >"$PHASES"
    FM_END=
    local t0 t1 rc secs check note=
    t0=$(now)
    m_"$m" >"$RES/logs/$RUN_TAG.log" 2>&1
    rc=$?
    t1=${FM_END:-$(now)}
    secs=$(elapsed "$t0" "$t1")
    if ((rc != 0)); then
        check=FAILED
        note="exit $rc, see logs/$RUN_TAG.log"
        # The engine's own words are the most useful part.
        if [[ -s $RES/logs/$RUN_TAG.stderr.log ]]; then
            note+=": $(grep -m1 -v '^[[:space:]]*$' "$RES/logs/$RUN_TAG.stderr.log" | tr '\t' ' ' | cut -c1-160)"
        fi
    else
        check=$(verify_target "$RUN_TAG")
        [[ $check == OK ]] || note="see logs/$RUN_TAG.verify.diff"
    fi
    local left
    left=$(leftovers)
    # logical keeps its subscription by design; anything else left behind is worth a note.
    [[ -n $left && $m != logical ]] && note+="${note:+; }left behind: $left"
    printf '%s\t%s\t%s\t%s\t%s\n' "$m" "$run" "$secs" "$check" "$note" >>"$RES/runs.tsv"
    awk -v m="$m" -v r="$run" -F'\t' '{ print m "\t" r "\t" $1 "\t" $2 }' "$PHASES" >>"$RES/phases.tsv"
    log "$(printf '%-18s run %s: %8s s  %s %s' "$m" "$run" "$secs" "$check" "$note")"
}

for ((run = 1; run <= RUNS; run++)); do
    for m in $METHODS; do
        run_method "$m" "$run"
    done
done

if ((LAG_RUNS > 0)); then
    printf '%b\n' "$LAG_HEADER" >"$RES/lag.tsv"
    for ((run = 1; run <= LAG_RUNS; run++)); do
        for m in $LAG_METHODS; do
            log "lag and cutover: $m run $run (pgbench -c 4 -j 2 -T $LAG_SECONDS)"
            "lag_$m" "$run"
            tail -1 "$RES/lag.tsv" | cut -f1,3-15 | tr '\t' ' ' | sed 's/^/    /' >&2
        done
    done
    reset_target
fi

echo "uptime_end=$(uptime)" >>"$RES/meta.env"
"$BENCH_DIR/report.sh" "$RES" >"$RES/summary.md"
cat "$RES/summary.md"
log "results: $RES"
