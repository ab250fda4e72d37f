// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/direct/replication/change.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace fm::direct::replication {

/** Which output plugin the slot decodes with (issue 8: "chosen by what the source offers; a flag forces one"). */
enum class Plugin { PgOutput, Wal2Json };

QString pluginName(Plugin plugin); ///< "pgoutput" / "wal2json": the slot's output plugin
std::optional<Plugin> pluginFromName(const QString &name);

/**
 * @brief Turns the payloads of XLogData messages into Changes.
 *
 * Stateful: pgoutput sends a Relation message once per walsender before a
 * relation's first change, so reset() must be called on every new replication
 * connection.
 */
class Decoder
{
public:
    virtual ~Decoder() = default;
    virtual Plugin plugin() const = 0;
    /** The option list of START_REPLICATION ... LOGICAL lsn (options), parenthesised. */
    virtual QByteArray startOptions() const = 0;
    /** Decodes one message that started at walStart; appends zero or more changes. */
    virtual Expected<void> decode(Lsn walStart, const char *data, int size, std::vector<Change> &out) = 0;
    virtual void reset() {}
};

/** pgoutput needs the publication it streams; wal2json ignores it. */
std::unique_ptr<Decoder> makeDecoder(Plugin plugin, const QString &publication = {});

} // namespace fm::direct::replication
