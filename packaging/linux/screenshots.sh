#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Makes the dark-palette and high-DPI screenshots in docs/screenshots under a
# real X server (xvfb-run): the main window after inspecting two local sample
# servers, and (from tst_accessibility, which builds every top-level window)
# each wizard page and the dashboard.
#   *-dark.png   FLEXMIGRATE_COLOR_SCHEME=dark (Fusion, dark palette), scale 1
#   *-hidpi.png  QT_SCALE_FACTOR=2, the platform's light palette
# Usage: packaging/linux/screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
out="$root/docs/screenshots"
mkdir -p "$out"

envfile="$(mktemp -u -t flexmigrate-shots.XXXXXX)"
"$build/tests/support/flexmigrate-pgcluster" serve --count 2 --sample-data --env-file "$envfile" &
clusters=$!
trap 'kill "$clusters" 2>/dev/null || true; wait "$clusters" 2>/dev/null || true; rm -f "$envfile"' EXIT INT TERM
for _ in $(seq 1 240); do
  [ -s "$envfile" ] && break
  kill -0 "$clusters" 2>/dev/null || { echo "the sample servers did not start" >&2; exit 1; }
  sleep 0.5
done
set -a
# shellcheck disable=SC1090
source "$envfile"
set +a

shoot() { # suffix, then environment assignments
  local suffix="$1"; shift
  env "$@" FLEXMIGRATE_SOURCE_URI="$SOURCE_URI" FLEXMIGRATE_TARGET_URI="$TARGET_URI" \
    xvfb-run -a -s "-screen 0 2560x1800x24" \
    "$build/app/flexmigrate" --inspect --screenshot "$out/mainwindow$suffix.png" --screenshot-delay 6000
  env "$@" FLEXMIGRATE_SCREENSHOT_DIR="$out" FLEXMIGRATE_SCREENSHOT_SUFFIX="$suffix" \
    xvfb-run -a -s "-screen 0 2560x1800x24" \
    "$build/tests/packaging/tst_accessibility" -platform xcb >/dev/null || true  # the audit's verdict is ctest's business
}
shoot -dark FLEXMIGRATE_COLOR_SCHEME=dark
shoot -hidpi QT_SCALE_FACTOR=2
ls -l "$out"
