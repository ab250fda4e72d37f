#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Lag of the client-side decoding path (issue 8) beside the subscription path.
#
#   bench/lag-decoder.sh SCALE          # e.g. bench/lag-decoder.sh 10
#
# Run directly, it runs bench/run.sh with one quick copy method and
# LAG_METHODS="flexmigrate decoder_wal2json decoder_pgoutput": the same
# pgbench -c 4 -j 2 load, heartbeat and cutover procedure as lag.sh for each,
# one after another in the same run. Sourced by run.sh, it only defines
# lag_decoder_wal2json / lag_decoder_pgoutput, usable in LAG_METHODS.
#
# Each is lag_flexmigrate (lag.sh) with `--change-capture <plugin>` added, so
# the figures are measured the same way: hb_p50_ms / hb_max_ms are the apply
# lag of a heartbeat row inserted once a second (source clock_timestamp() vs
# an ENABLE ALWAYS trigger on the target, which fires under the applier's
# session_replication_role = replica too). tps is what pgbench sustained on
# the source meanwhile; the apply keeps up with it when the lag stays flat, so
# it is also the apply throughput in transactions per second.
# Targets (issue 8): p50 < 200 ms, max < 2 s.

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    [[ $# -eq 1 && $1 =~ ^[0-9]+$ && $1 -ge 1 ]] || { echo "usage: bench/lag-decoder.sh SCALE" >&2; exit 2; }
    export METHODS=${METHODS:-raw_par2}
    export LAG_METHODS=${LAG_METHODS:-flexmigrate decoder_wal2json decoder_pgoutput}
    exec "$BENCH_DIR/run.sh" "$1" 1
fi

# lag_decoder_with PLUGIN RUN: lag_flexmigrate through a wrapper that adds the
# flag; the row it appends to lag.tsv is renamed decoder_PLUGIN.
lag_decoder_with() {
    local plugin=$1 run=$2 real=$FLEXMIGRATE wrapper=$WORK/flexmigrate-$1
    printf '#!/bin/sh\nexec "%s" "$@" --change-capture %s\n' "$real" "$plugin" >"$wrapper"
    chmod +x "$wrapper"
    FLEXMIGRATE=$wrapper
    lag_flexmigrate "$run"
    FLEXMIGRATE=$real
    # The row and its files carry the method name.
    sed -i "\$ s/^flexmigrate\t/decoder_$plugin\t/" "$RES/lag.tsv"
    local f
    for f in "$RES"/lag-flexmigrate-"$run".* "$RES"/logs/lag-flexmigrate-"$run".*; do
        [[ -e $f ]] && mv "$f" "${f/lag-flexmigrate-/lag-decoder_$plugin-}"
    done
    # Which path actually ran (the engine says it in every status line).
    local ev=$RES/logs/lag-decoder_$plugin-$run.events.tsv path
    path=$(grep -m1 -o '"changeCapture":"[^"]*"' "$ev" 2>/dev/null | cut -d'"' -f4)
    log "decoder_$plugin: engine path ${path:-unknown}"
}

lag_decoder_wal2json() { lag_decoder_with wal2json "$1"; }
lag_decoder_pgoutput() { lag_decoder_with pgoutput "$1"; }
