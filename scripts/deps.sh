#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Installs what FlexMigrate needs to build, test and run on Debian 12, only
# what is missing. Needs root or sudo. Sourced by demo.sh and test.sh.
set -euo pipefail

FLEXMIGRATE_PACKAGES=(
  build-essential cmake ninja-build pkg-config git lld
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev
  libpq-dev postgresql-15 postgresql-client-15 postgresql-contrib postgresql-15-wal2json pgcopydb
  xvfb xauth
  desktop-file-utils appstream qt6-translations-l10n
)

fm_install_deps() {
  local missing=()
  for p in "${FLEXMIGRATE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The Debian package starts a default cluster on 5432; FlexMigrate's own clusters use free
  # ports, so the default one is left as it is.
}

# Configure (once) and build. BUILD_DIR defaults to build/.
fm_build() {
  local root build
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  build="${BUILD_DIR:-$root/build}"
  if [ ! -f "$build/build.ninja" ]; then
    # -g1 (functions and line tables, no local variables): backtraces keep file:line,
    # and the build is about a third faster than with full -g.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
  fi
  cmake --build "$build" -j"$(nproc)"
}
