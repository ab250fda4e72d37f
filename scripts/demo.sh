#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Installs missing packages, builds, starts two local PostgreSQL servers (the
# source with sample databases, an empty target) and opens FlexMigrate pointed
# at them. Closing the app stops and removes both servers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=scripts/deps.sh
source "$here/deps.sh"
fm_install_deps
fm_build
build="${BUILD_DIR:-$root/build}"

envfile="$(mktemp -t flexmigrate-demo.XXXXXX)"
rm -f "$envfile"
"$build/tests/support/flexmigrate-pgcluster" serve --count 2 --sample-data --env-file "$envfile" &
clusters=$!
cleanup() {
  kill "$clusters" 2>/dev/null || true
  wait "$clusters" 2>/dev/null || true
  rm -f "$envfile"
}
trap cleanup EXIT INT TERM
for _ in $(seq 1 120); do
  [ -s "$envfile" ] && break
  kill -0 "$clusters" 2>/dev/null || { echo "The demo servers did not start." >&2; exit 1; }
  sleep 0.5
done
[ -s "$envfile" ] || { echo "The demo servers did not start in time." >&2; exit 1; }
set -a
# shellcheck disable=SC1090
source "$envfile"
set +a
export FLEXMIGRATE_SOURCE_URI="$SOURCE_URI" FLEXMIGRATE_TARGET_URI="$TARGET_URI"

echo "Source server: 127.0.0.1:$SOURCE_PORT (databases shop, analytics, inventory)"
echo "Target server: 127.0.0.1:$TARGET_PORT (empty)"
echo "The same check from the command line:"
echo "  $build/app/flexmigrate inspect --source-uri \"\$FLEXMIGRATE_SOURCE_URI\" --target-uri \"\$FLEXMIGRATE_TARGET_URI\""

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
  "$build/app/flexmigrate" --inspect "$@"
else
  echo
  echo "No display found. Run the demo under a virtual display:"
  echo "  xvfb-run -a scripts/demo.sh"
  echo "Meanwhile, here is the pre-flight report from the command line:"
  "$build/app/flexmigrate" inspect --source-uri "$SOURCE_URI" --target-uri "$TARGET_URI" || true
fi
