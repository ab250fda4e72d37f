// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: the change-stream decoders of the direct engine's client-side
// change capture (engine/direct/replication: pgoutput binary protocol and
// wal2json format-version 2), which read whatever a source's walsender sends.
// Input: one byte choosing the plugin (even: pgoutput, odd: wal2json), then
// messages, each a 2-byte big-endian length and its payload, fed to one decoder
// in order (pgoutput keeps Relation messages between calls, as on a stream).
// Properties: no crash, no exception, no sanitizer report; a rejected message
// says why. Seeds: tests/fuzz/corpus/changestream (made by make_changestream_seeds.py).

#include "engine/direct/replication/decoder.h"
#include "tests/fuzz/fuzzsupport.h"

#include <vector>

using namespace fm;
using namespace fm::direct::replication;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    auto decoder = makeDecoder((data[0] & 1) ? Plugin::Wal2Json : Plugin::PgOutput, QStringLiteral("fm_pub"));
    std::vector<Change> out;
    size_t pos = 1;
    Lsn lsn = 0x16B3748;
    while (pos + 2 <= size) {
        const size_t len = (size_t(data[pos]) << 8) | data[pos + 1];
        pos += 2;
        const size_t take = len < size - pos ? len : size - pos;
        auto r = decoder->decode(lsn, reinterpret_cast<const char *>(data + pos), int(take), out);
        if (!r && r.error().message.isEmpty())
            fuzz::failed("a rejected message must say why");
        pos += take;
        lsn += take + 24;
    }
    for (const Change &c : out)
        (void)c.kind;
    return 0;
}
