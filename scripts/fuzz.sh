#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# libFuzzer job (issue 10; docs/reliability.md "Fuzzing"). Builds the fuzz targets of
# tests/fuzz with clang 16 (-fsanitize=fuzzer,address,undefined) in a separate
# build directory and runs each for FUZZ_SECONDS, starting from its seed corpus.
# A crash, a sanitizer report, a violated property or a timeout fails the job
# and leaves the input in $build/fuzz-artifacts/.
#   FUZZ_BUILD_DIR  build directory (default build-fuzz/)
#   FUZZ_SECONDS    seconds per target (default 20; the documented long run is 1800)
#   FUZZ_TARGETS    space-separated subset (default: all)
#
# Why clang 16: Debian 12's default clang 14 cannot compile libstdc++ 12's
# std::expected (it needs C++20 conditionally trivial special members, P0848,
# which clang implements from 16). clang 16 still reports __cpp_concepts as
# 201907, and libstdc++ 12 hides <expected> behind 202002, hence the override.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-20}"
all_targets=(armjson dmsjson propertiesfile resourceid redactor changestream)
read -r -a targets <<< "${FUZZ_TARGETS:-${all_targets[*]}}"
start=$(date +%s)

need=()
for p in clang-16 libclang-rt-16-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG= \
    -DCMAKE_CXX_COMPILER=clang++-16 \
    "-DCMAKE_CXX_FLAGS=-O1 -g1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -U__cpp_concepts -D__cpp_concepts=202002L -Wno-builtin-macro-redefined" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" \
    -DFLEXMIGRATE_FUZZ=ON "${launcher[@]}"
fi
# Targets whose module is not in this tree (changestream needs engine/direct/replication) are skipped.
available=()
known="$(ninja -C "$build" -t targets all 2>/dev/null || true)"
for t in "${targets[@]}"; do
  if grep -qx "fuzz_$t: phony" <<< "$known"; then
    available+=("$t")
  else
    echo "fuzz.sh: fuzz_$t is not configured in this tree; skipped"
  fi
done
targets=("${available[@]}")
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz.sh: no fuzz target configured in $build" >&2
  exit 1
fi
nice -n 10 cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
built=$(date +%s)

export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1"   # leaks are the sanitizer job's business
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$build/fuzz-artifacts"
status=0
for t in "${targets[@]}"; do
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work"
  mapfile -t seeds < "$build/tests/fuzz/fuzz_$t.seeds"
  echo "fuzz.sh: fuzz_$t for ${seconds}s (seeds: ${seeds[*]})"
  if ! "$build/tests/fuzz/fuzz_$t" "$work" "${seeds[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t-" > "$build/fuzz-$t.log" 2>&1; then
    echo "fuzz.sh: fuzz_$t FAILED; the input is in $build/fuzz-artifacts/, the log follows" >&2
    tail -n 60 "$build/fuzz-$t.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/fuzz-$t.log" | tr '\n' ' '
    echo
  fi
done
end=$(date +%s)
echo "fuzz.sh: build $((built - start)) s, fuzzing $((end - built)) s, total $((end - start)) s"
exit $status
