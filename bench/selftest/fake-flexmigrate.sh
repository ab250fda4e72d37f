#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# A stand-in for `flexmigrate direct run` that speaks the same CLI contract
# (JSON events on stdout, "cutover" on stdin) using native logical
# replication, so the harness's flexmigrate code paths can be tested before or
# without the engine:
#   FLEXMIGRATE=bench/selftest/fake-flexmigrate.sh bench/run.sh 2 1
# Its figures measure pg_dump + native logical replication, not FlexMigrate.
set -uo pipefail

if [[ ${1:-} == --help ]]; then
    printf 'usage: flexmigrate <command> [options]\n\ncommands:\n  direct      (fake) migrate with native logical replication\n'
    exit 0
fi
[[ ${1:-} == direct && ${2:-} == run ]] || { echo "fake: only 'direct run'" >&2; exit 2; }
shift 2
src='' tgt='' db='' cutover=ready
while (($#)); do
    case $1 in
    --help) echo "usage: flexmigrate direct run --source-uri URI --target-uri URI --db NAME [--cutover manual|ready|never] [--json]"; exit 0 ;;
    --source-uri) src=$2; shift ;;
    --target-uri) tgt=$2; shift ;;
    --db) db=$2; shift ;;
    --cutover) cutover=$2; shift ;;
    --jobs | --journal) shift ;; # a journal of its own: the fake keeps none
    --json) ;;
    *) echo "fake: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
q() { PGOPTIONS='-c client_min_messages=warning' psql "$1" -X -q -At -v ON_ERROR_STOP=1 -c "$2"; }
ev() { printf '{"event":"%s"%s}\n' "$1" "${2:-}"; }
pw=$(printf '%s' "$src" | sed -nE 's#^postgresql://[^:]*:([^@]*)@.*#\1#p')
port=$(printf '%s' "$src" | sed -nE 's#^postgresql://[^@]*@[^:]*:([0-9]+)/.*#\1#p')

ev started
pg_dump --schema-only -d "$src" | psql "$tgt" -X -q -v ON_ERROR_STOP=1 >/dev/null 2>&1 || { echo "fake: schema failed" >&2; exit 1; }
q "$src" "CREATE PUBLICATION fake_pub FOR ALL TABLES" || exit 1
q "$tgt" "CREATE SUBSCRIPTION fake_sub CONNECTION 'host=127.0.0.1 port=$port dbname=$db user=postgres password=$pw' PUBLICATION fake_pub WITH (copy_data = true)" || exit 1
while [[ $(q "$tgt" "SELECT count(*) FILTER (WHERE srsubstate <> 'r') + (count(*) = 0)::int FROM pg_subscription_rel") != 0 ]]; do sleep 0.1; done
ev copy-finished
ev indexes-built
ev streaming

lag() { q "$src" "SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint FROM pg_replication_slots WHERE slot_name = 'fake_sub'"; }
if [[ $cutover == manual ]]; then
    while :; do
        if IFS= read -r -t 1 line; then
            [[ $line == cutover ]] && break
        elif (($? <= 128)); then
            echo "fake: stdin closed before cutover" >&2
            exit 1
        fi
        printf '{"event":"status","state":"streaming","lagBytes":%s,"lagSeconds":0}\n' "$(lag)"
    done
fi
[[ $cutover == never ]] && exit 0
t0=$EPOCHREALTIME
ev cutover-started
stop=$(q "$src" "SELECT pg_current_wal_lsn()")
while [[ $(q "$src" "SELECT confirmed_flush_lsn >= '$stop'::pg_lsn FROM pg_replication_slots WHERE slot_name = 'fake_sub'") != t ]]; do sleep 0.01; done
q "$src" "SELECT format('SELECT setval(%L, %s, true);', format('%I.%I', schemaname, sequencename), last_value) FROM pg_sequences WHERE last_value IS NOT NULL" |
    psql "$tgt" -X -q -At -v ON_ERROR_STOP=1 >/dev/null
q "$tgt" "DROP SUBSCRIPTION fake_sub"
q "$src" "DROP PUBLICATION fake_pub"
ev cutover-finished ",\"seconds\":$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')"
exit 0
