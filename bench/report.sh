#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# bench/report.sh RESULTS_DIR: prints the markdown summary of one bench/run.sh
# run from its TSVs (run.sh calls it; it can be run again by hand).
set -uo pipefail
RES=${1:?usage: bench/report.sh bench/results/s<SCALE>-<timestamp>}
[[ -f $RES/meta.env && -f $RES/runs.tsv ]] || { echo "not a results folder: $RES" >&2; exit 2; }

meta() { sed -n "s/^$1=//p" "$RES/meta.env" | head -1; }
SCALE=$(meta scale)
DB_BYTES=$(meta db_bytes)
DB_ROWS=$(meta db_rows)

cat <<EOF
# FlexMigrate benchmark — scale $SCALE, $(meta runs) run(s)

- When: $(meta date_utc); commit $(meta git_commit); flexmigrate binary built $(meta flexmigrate_mtime)
- Source database \`app\`: $(awk -v b="$DB_BYTES" 'BEGIN { printf "%.0f MB (%.0f B)", b / 1048576, b }'), $(awk -v r="$DB_ROWS" 'BEGIN { printf "%.2f M rows", r / 1e6 }'), loaded in $(meta load_s) s
- Load before: \`$(meta uptime_start | sed -E 's/.*(load average)/\1/')\`; after: \`$(meta uptime_end | sed -E 's/.*(load average)/\1/')\` ($(meta nproc) cores, shared with other work)
- Tools: $(meta pg_dump); $(meta pgcopydb)

## Initial copy (each run from an empty target, after CHECKPOINT on both)

Ratio = median over runs of (method seconds / pg_dump -Fc | pg_restore seconds of the same run).
MB/s = source pg_database_size / median s (MB = 2^20 B); rows/s = source rows (exact count(*)) / median s.

| method | runs (s) | median s | MB/s | rows/s | ratio vs pg_dump\|pg_restore | check | target / peer reference (baseline s50) |
|---|---|---:|---:|---:|---:|---|---|
EOF

awk -F'\t' -v bytes="$DB_BYTES" -v rows="$DB_ROWS" -v scale="$SCALE" '
function median(arr, n,    i, j, t, b) {
    for (i = 1; i <= n; i++) b[i] = arr[i]
    for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
    if (n == 0) return ""
    return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
}
BEGIN {
    title["dump_fc"] = "pg_dump -Fc \\| pg_restore"
    title["logical"] = "native logical replication (initial sync)"
    title["pgcopydb_default"] = "pgcopydb clone (defaults)"
    title["pgcopydb_j2"] = "pgcopydb clone --table-jobs 2 --index-jobs 2"
    title["raw_par2"] = "raw binary COPY, 2 parallel + post-data -j2"
    title["flexmigrate"] = "**flexmigrate direct** (--jobs 2, to copy finished + indexes built)"
    title["flexmigrate_alt"] = "flexmigrate direct, FLEXMIGRATE_ALT build (same-run A/B)"
    ref["dump_fc"] = "1.00 (16.9 s)"
    ref["logical"] = "peer: 0.85"
    ref["pgcopydb_default"] = "peer: 0.63"
    ref["pgcopydb_j2"] = "peer: 0.56"
    ref["raw_par2"] = "peer: 0.46"
    ref["flexmigrate"] = "**target ≤ 0.45 at scale 50**"
}
NR == 1 { next }
{
    m = $1; r = $2
    if (!(m in seen)) { seen[m] = 1; order[++nm] = m }
    if ($4 == "N/A") { na[m] = $5; next }
    runs[m] = runs[m] (runs[m] == "" ? "" : ", ") ($4 == "OK" ? sprintf("%.2f", $3) : sprintf("%.2f (%s)", $3, $4))
    if ($4 == "OK") { n[m]++; s[m, n[m]] = $3; sec[m, r] = $3; runlist[m] = runlist[m] " " r } else bad[m]++
}
END {
    for (k = 1; k <= nm; k++) {
        m = order[k]
        t = (m in title) ? title[m] : m
        if (m in na) { printf "| %s | %s | | | | | N/A | %s |\n", t, na[m], ref[m]; continue }
        cnt = n[m] + 0
        for (i = 1; i <= cnt; i++) a[i] = s[m, i]
        med = median(a, cnt)
        split(substr(runlist[m], 2), rl, " ")
        nr = 0
        for (i = 1; i <= cnt; i++) if ((("dump_fc", rl[i]) in sec) && sec["dump_fc", rl[i]] > 0) rat[++nr] = sec[m, rl[i]] / sec["dump_fc", rl[i]]
        ratio = nr ? sprintf("%.2f", median(rat, nr)) : "–"
        if (m == "dump_fc" && nr) ratio = "**1.00**"
        chk = bad[m] ? sprintf("%d failed", bad[m]) : "all OK"
        verdict = ""
        if (m == "flexmigrate" && nr) {
            v = median(rat, nr)
            verdict = (v <= 0.45 ? " — met" : " — not met") (scale == 50 ? "" : " (at this scale)")
        }
        if (cnt == 0) printf "| %s | %s | – | – | – | – | %s | %s |\n", t, runs[m], chk, ref[m]
        else printf "| %s | %s | %.2f | %.0f | %.0f k | %s | %s | %s%s |\n", t, runs[m], med, bytes / 1048576 / med, rows / med / 1000, ratio, chk, ref[m], verdict
        delete a; delete rat; delete rl
    }
}' "$RES/runs.tsv"

# Runs that failed or did not match, with the reason.
if awk -F'\t' 'NR > 1 && $4 != "OK" && $4 != "N/A" { found = 1 } END { exit !found }' "$RES/runs.tsv"; then
    echo
    echo "Failed or mismatched runs (left out of the medians):"
    awk -F'\t' 'NR > 1 && $4 != "OK" && $4 != "N/A" { printf "- %s run %s: %s — %s\n", $1, $2, $4, $5 }' "$RES/runs.tsv"
fi

# Phase medians (only methods that report phases).
if [[ -s $RES/phases.tsv ]] && (($(wc -l <"$RES/phases.tsv") > 1)); then
    echo
    echo "Phase medians: $(awk -F'\t' 'NR > 1 && $3 ~ /_s$/ { k = $1 " " $3; v[k] = v[k] " " $4; if (!(k in seen)) { seen[k] = 1; o[++n] = k } }
        END { for (i = 1; i <= n; i++) { c = split(substr(v[o[i]], 2), a, " "); for (x = 2; x <= c; x++) { t = a[x]; for (y = x - 1; y >= 1 && a[y] > t; y--) a[y + 1] = a[y]; a[y + 1] = t }
              printf "%s%s %.2f s", (i > 1 ? "; " : ""), o[i], c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2 } }' "$RES/phases.tsv")."
fi

RSS_COPY=$(awk -F'\t' '$1 == "flexmigrate" && $3 == "rss_kb" && $4 != "" { if ($4 > m) m = $4 } END { if (m) print m }' "$RES/phases.tsv")
RSS_LAG=$(awk -F'\t' 'NR > 1 && $1 == "flexmigrate" && $13 != "" { if ($13 > m) m = $13 } END { if (m) print m }' "$RES/lag.tsv" 2>/dev/null)

if [[ -f $RES/lag.tsv ]]; then
    cat <<EOF

## Lag under \`pgbench -c 4 -j 2 -T $(meta lag_seconds) -n\` on the source, and cutover

Heartbeat apply lag: a row stamped clock_timestamp() on the source once a second, stamped again on the
target by an ENABLE ALWAYS trigger (same host clock). Slot bytes: pg_wal_lsn_diff(pg_current_wal_lsn(),
confirmed_flush_lsn), sampled at the same time. Cutover: pgbench exited (writes stopped) → target ready
(flexmigrate: the \`cutover-finished\` event after sending \`cutover\`; native: the baseline's marker + stop_lsn
wait, setval, DROP SUBSCRIPTION).

| method | run | initial sync s | tps | heartbeat lag p50 / max ms (n) | slot bytes p50 / max | cutover s (after command; engine's own) | peak RSS | check | targets |
|---|---|---:|---:|---|---|---|---:|---|---|
EOF
    awk -F'\t' 'NR == 1 { next }
    {
        m = $1
        if ($14 == "N/A") { printf "| %s | %s | | | | | | | N/A | %s |\n", m, $2, $15; next }
        hb = ($5 == "" ? "–" : sprintf("%s / %s (%s)", $5, $6, $7))
        by = ($8 == "" ? "–" : sprintf("%.2f MB / %.2f MB", $8 / 1048576, $9 / 1048576))
        cut = ($10 == "" ? "–" : sprintf("%.2f", $10))
        if ($11 != "") cut = cut sprintf(" (%.2f; %s)", $11, $12 == "" ? "–" : sprintf("%.3f", $12))
        rss = ($13 == "" ? "–" : sprintf("%.0f MB", $13 / 1024))
        tgt = ""
        if (m == "flexmigrate" && $5 != "") {
            tgt = sprintf("p50 < 50 ms: %s; max < 1000 ms: %s; cutover < 1 s: %s", ($5 < 50 ? "met" : "NOT met"), ($6 < 1000 ? "met" : "NOT met"), ($10 != "" && $10 < 1 ? "met" : "NOT met"))
        } else if (m == "flexmigrate") {
            tgt = "p50 < 50 ms, max < 1 s, cutover < 1 s"
        } else tgt = "peer (baseline s50: p50 ~1 ms, max 7-13 ms, cutover 0.59-0.76 s)"
        note = ($15 == "" ? "" : " — " $15)
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s%s | %s |\n", m, $2, ($3 == "" ? "–" : $3), ($4 == "" ? "–" : sprintf("%.0f", $4)), hb, by, cut, rss, $14, note, tgt
    }' "$RES/lag.tsv"
fi

# The engine's own view of its lag (status lines while streaming), next to the heartbeat.
for f in "$RES"/lag-flexmigrate-*.engine-lag.tsv; do
    [[ -s $f ]] || continue
    awk -F'\t' -v run="${f##*lag-flexmigrate-}" '$3 != "" && $3 >= 0 { a[++n] = $3 * 1000; if ($2 != "" && $2 > mb) mb = $2 }
        END { if (!n) exit; for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
              sub(/\.engine-lag\.tsv$/, "", run)
              printf "\nflexmigrate run %s, its own lagSeconds while streaming (%d status lines): p50 %.1f ms, max %.1f ms; lagBytes max %.2f MB.\n", run, n, a[int((n + 1) / 2)], a[n], mb / 1048576 }' "$f"
done

echo
echo "## flexmigrate peak RSS (target < 150 MB at scale 100)"
echo
if [[ -z $RSS_COPY && -z $RSS_LAG ]]; then
    echo "Not measured (flexmigrate direct did not run)."
else
    max=$(printf '%s\n%s\n' "${RSS_COPY:-0}" "${RSS_LAG:-0}" | sort -n | tail -1)
    verdict=$(awk -v k="$max" -v s="$SCALE" 'BEGIN { v = (k / 1024 < 150) ? "under 150 MB" : "OVER 150 MB"; printf "%s%s", v, (s == 100 ? "" : " (the target is set at scale 100)") }')
    mb() { [[ -n $1 ]] && echo "$(($1 / 1024)) MB" || echo "–"; }
    echo "- copy runs (--cutover ready): $(mb "$RSS_COPY"); lag run (--cutover manual, streaming under load): $(mb "$RSS_LAG")"
    echo "- peak: $((max / 1024)) MB — $verdict (from /usr/bin/time -v \"Maximum resident set size\")"
fi

echo
echo "Raw data: runs.tsv, phases.tsv, lag.tsv, *.lag-samples.tsv, source-tables.tsv, settings.txt, logs/."
