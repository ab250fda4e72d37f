#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Sanitizer job (issue 10): a separate build of the engine and its unit tests with
# AddressSanitizer + UndefinedBehaviorSanitizer, then the unit tests (ctest label
# "unit", which excludes the long PostgreSQL/emulator end-to-end tests). Any ASan
# report or UB finding fails the test that hit it (-fno-sanitize-recover=undefined,
# halt_on_error), so a green run means "ran clean".
#   SANITIZE_BUILD_DIR  build directory (default build-asan/)
#   SANITIZE_LABEL      ctest label regex (default ^unit$)
#   SANITIZE_EXCLUDE    ctest label regex to skip (default wizard|ui: the GUI is not built here)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${SANITIZE_BUILD_DIR:-$root/build-asan}"
label="${SANITIZE_LABEL:-^unit$}"
exclude="${SANITIZE_EXCLUDE:-wizard|ui}"
start=$(date +%s)

# -O0: the unit tests run in ~12 s either way, and compiling under ASan+UBSan at -O1
# took 1.7x as long (copystep.cpp 32 s vs 19 s; the build was ~19 of CI's minutes).
# -g1 keeps file:line in the reports; CMAKE_CXX_FLAGS_DEBUG is emptied so that
# the Debug type's own -g does not override it.
# float-cast-overflow is not part of GCC's "undefined" group; it is what the fuzz job
# found in the JSON readers (a double outside qint64's range), and the replayed corpus
# keeps that input, so it is on here too.
flags="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow -fno-omit-frame-pointer -O0 -g1"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG= \
    "-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" "${launcher[@]}"
fi

# Only the unit test executables (and what they link): the app, the GUI, the
# emulator and the benchmarks are not built here, which keeps this job short.
# A test is built by the target of its name; tests without one (e.g. the CMake purity
# probes, which run cmake itself) need nothing built.
mapfile -t tests < <(cd "$build" && ctest -N -L "$label" -LE "$exclude" | sed -n 's/^ *Test *#[0-9]*: *//p')
known="$(ninja -C "$build" -t targets all | sed -n 's/^\([A-Za-z0-9_]*\): phony$/\1/p')"
targets=()
for t in "${tests[@]}"; do
  if grep -qx "$t" <<< "$known"; then
    targets+=("$t")
  fi
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "sanitize.sh: no tests labelled '$label' found in $build" >&2
  exit 1
fi
echo "sanitize.sh: building ${#targets[@]} unit tests with ASan+UBSan in $build"
nice -n 10 cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
built=$(date +%s)

# detect_leaks stays on; Qt/libpq/fontconfig one-time allocations at exit are listed in
# tests/reliability/lsan.supp (each with the reason).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/reliability/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
cd "$build"
status=0
ctest --output-on-failure -j"$(nproc)" --timeout 600 -L "$label" -LE "$exclude" "$@" || status=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
exit $status
