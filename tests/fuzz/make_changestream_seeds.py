#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
"""Writes the seed corpus of fuzz_changestream: pgoutput (protocol version 1) and
wal2json (format-version 2) transactions as a walsender sends them, framed as the
fuzz target reads them (plugin byte, then 2-byte length + payload per message)."""
import json, os, struct, sys

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "changestream")
os.makedirs(out, exist_ok=True)

def frame(plugin, messages):
    b = bytes([plugin])
    for m in messages:
        b += struct.pack(">H", len(m)) + m
    return b

def cstr(s): return s.encode() + b"\0"
def tup(values):
    b = struct.pack(">h", len(values))
    for v in values:
        if v is None: b += b"n"
        elif v == "~toast": b += b"u"
        else:
            e = v.encode(); b += b"t" + struct.pack(">i", len(e)) + e
    return b

begin = b"B" + struct.pack(">QqI", 0x16B3800, 800000000000000, 747)
commit = b"C" + b"\0" + struct.pack(">QQq", 0x16B3800, 0x16B3830, 800000000000000)
rel = b"R" + struct.pack(">I", 16385) + cstr("public") + cstr("notes") + b"d" + struct.pack(">h", 3)
rel += b"\x01" + cstr("id") + struct.pack(">Ii", 20, -1)
rel += b"\x00" + cstr("note") + struct.pack(">Ii", 25, -1)
rel += b"\x00" + cstr("doc") + struct.pack(">Ii", 3802, -1)
ins = b"I" + struct.pack(">I", 16385) + b"N" + tup(["1", "hello", '{"a": 1}'])
upd = b"U" + struct.pack(">I", 16385) + b"N" + tup(["1", "hello again", "~toast"])
updk = b"U" + struct.pack(">I", 16385) + b"K" + tup(["1", None, None]) + b"N" + tup(["2", "moved", None])
dele = b"D" + struct.pack(">I", 16385) + b"K" + tup(["2", None, None])
trunc = b"T" + struct.pack(">iB", 1, 3) + struct.pack(">I", 16385)
seeds = {
    "pgoutput-insert": [begin, rel, ins, commit],
    "pgoutput-update-delete": [begin, rel, upd, updk, dele, commit],
    "pgoutput-truncate": [begin, rel, trunc, commit],
    "pgoutput-origin-type": [begin, b"O" + struct.pack(">Q", 5) + cstr("node1"), b"Y" + struct.pack(">I", 16400) + cstr("public") + cstr("mood"), commit],
    "pgoutput-unknown-relation": [begin, ins, commit],
}
for name, msgs in seeds.items():
    open(os.path.join(out, name), "wb").write(frame(0, msgs))

w = lambda o: json.dumps(o).encode()
wb = w({"action": "B", "xid": "747", "lsn": "0/16B3800", "timestamp": "2026-11-25 17:24:23.60013+00"})
wc = w({"action": "C", "xid": "747", "lsn": "0/16B3800", "nextlsn": "0/16B3830", "timestamp": "2026-11-25 17:24:23.60013+00"})
wi = w({"action": "I", "schema": "public", "table": "notes", "columns": [{"name": "id", "type": "integer", "typeoid": 23, "value": 1},
       {"name": "note", "type": "text", "typeoid": 25, "value": "hi"}, {"name": "n", "type": "numeric", "typeoid": 1700, "value": 12345678901234567890.123}],
       "pk": [{"name": "id", "type": "integer", "typeoid": 23}]})
wu = w({"action": "U", "schema": "public", "table": "notes", "columns": [{"name": "id", "type": "integer", "value": 1}, {"name": "note", "type": "text", "value": None}],
       "identity": [{"name": "id", "type": "integer", "value": 1}], "pk": [{"name": "id", "type": "integer"}]})
wd = w({"action": "D", "schema": "public", "table": "notes", "identity": [{"name": "id", "type": "integer", "value": 1}]})
wt = w({"action": "T", "schema": "public", "table": "notes"})
wm = w({"action": "M", "transactional": False, "prefix": "p", "content": "x"})
for name, msgs in {"wal2json-insert": [wb, wi, wc], "wal2json-update-delete": [wb, wu, wd, wc], "wal2json-truncate-message": [wb, wt, wm, wc]}.items():
    open(os.path.join(out, name), "wb").write(frame(1, msgs))
