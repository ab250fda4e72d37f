// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fm::direct {

/** One TOC entry of a plain pg_dump script ("-- Name: x; Type: INDEX; Schema: s; Owner: o"). */
struct DumpEntry {
    QString name;
    QString type;
    QString schema;
    QString sql;
};

/** A plain-format schema dump split into its prologue (SET ...) and entries. */
struct DumpScript {
    QString prologue;
    std::vector<DumpEntry> entries;

    /** Splits pg_dump output; psql meta-commands (\restrict, \connect) are dropped. */
    static DumpScript parse(const QString &text);
    /** Everything back as one script (prologue first). */
    QString toScript() const;
};

/** Finds pg_dump (see DirectOptions::pgBinDir). */
QString findPgDump(const QString &binDir);

/**
 * Runs pg_dump --schema-only for one section with the PG* environment of
 * `params` (the password never goes on a command line) and returns its output.
 * `snapshot` may be empty (resume: the exported snapshot is gone).
 */
Expected<QString> runPgDump(const QString &pgDump, const pg::ConnectionParams &params, const QString &section,
                            const QString &snapshot, CancelToken *cancel);

} // namespace fm::direct
