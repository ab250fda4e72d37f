// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/direct/replication/decoder.h"

namespace fm::direct::replication {

/**
 * @brief wal2json format-version 2: one JSON object per action (B, C, I, U, D, T;
 * M messages are ignored), with xids, timestamps, LSNs, type OIDs and primary keys.
 *
 * wal2json prints numeric values as JSON numbers, so the parser keeps each
 * number's text (never a double), booleans become t/f and bytea (printed as bare
 * hex) gets its \x prefix back: every value ends up as PostgreSQL text input.
 */
class Wal2JsonDecoder final : public Decoder
{
public:
    Plugin plugin() const override { return Plugin::Wal2Json; }
    QByteArray startOptions() const override;
    Expected<void> decode(Lsn walStart, const char *data, int size, std::vector<Change> &out) override;

private:
    quint32 m_xid = 0;
    Lsn m_finalLsn = 0;
};

} // namespace fm::direct::replication
