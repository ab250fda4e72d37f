#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Renders resources/icons/flexmigrate.svg into the hicolor PNG sizes that the
# .deb installs and the app embeds. The PNGs are committed, so building needs no
# SVG renderer; run this (needs rsvg-convert from librsvg2-bin) after editing
# the SVG.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svg="$root/resources/icons/flexmigrate.svg"
for size in 16 24 32 48 64 128 256; do
  out="$root/resources/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$out"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/flexmigrate.png"
done
# Windows icon (NSIS/WiX, packaging/README.md): an .ico whose entries are the
# PNGs above (PNG-compressed ICO entries are valid since Windows Vista).
python3 - "$root" <<'PY'
import struct, sys
root = sys.argv[1]
sizes = [16, 24, 32, 48, 64, 128, 256]
data = [open(f"{root}/resources/icons/hicolor/{s}x{s}/apps/flexmigrate.png", "rb").read() for s in sizes]
offset = 6 + 16 * len(sizes)
entries = b""
for s, d in zip(sizes, data):
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(d), offset)
    offset += len(d)
with open(f"{root}/resources/icons/flexmigrate.ico", "wb") as f:
    f.write(struct.pack("<HHH", 0, 1, len(sizes)) + entries + b"".join(data))
PY
