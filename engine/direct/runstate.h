// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Internal to engine/direct: the per-run state the steps (snapshot, schema,
// copy, change capture, cutover, cleanup) share. Not part of the public API.

#include "engine/core/error.h"
#include "engine/core/logging.h"
#include "engine/direct/dumpscript.h"
#include "engine/pg/connection.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fm::direct {

inline auto log()
{
    static auto l = logging::get("engine.direct");
    return l;
}

using Clock = std::chrono::steady_clock;
inline double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

inline std::string js(const QString &s) { return s.toStdString(); }

inline Error directError(const QString &code, const QString &message, const QString &fix = {})
{
    return Error::make(ErrorCategory::Postgres, code, message, fix);
}

/** "a"."b" -> a.b (to match pg_dump's names against ours). */
inline QString unquoted(QString name) { return name.remove(QLatin1Char('"')); }

/** A text[] literal for a parameter ("{"a","b"}"), every element quoted. */
QString textArray(const QStringList &values);
/** Lower case [a-z0-9_] (object and journal names). */
QString sanitize(const QString &s);

enum TableState { Queued, Copying, Copied, Indexing, Resyncing, Streaming, Done };
const char *tableStateName(int s);

struct TableRun {
    QString schema, name, rootSchema, rootName, columns, replident;
    bool textFormat = false;
    bool hasIdentity = false;
    bool ownAutovacuum = false; ///< the source table sets autovacuum_enabled itself: left alone
    qint64 heapBytes = 0, bytes = 0, estRows = 0, blockSize = 8192;
    std::atomic<int> state{Queued};
    std::atomic<qint64> rows{0}, bytesCopied{0};
    std::atomic<int> chunksLeft{0};
    bool baseline = false;
    qint64 ins0 = 0, upd0 = 0, del0 = 0;
    std::atomic<qint64> ins{0}, upd{0}, del{0};

    QString qualified() const { return pg::qualifiedName(schema, name); }
    QString unit() const { return pg::qualifiedName(rootSchema, rootName); }
};

struct CopyTask {
    TableRun *table = nullptr;
    int entry = -1;        ///< >= 0: not a copy but post-data entry #entry (an index of a copied table)
    qint64 fromBlock = -1; ///< -1: whole table
    qint64 toBlock = -1;   ///< -1: unbounded
};

struct DbRun {
    QString name;
    QString phase = QStringLiteral("queued"); // guarded by Engine::mutex
    std::vector<std::unique_ptr<TableRun>> tables;
    QStringList units; ///< top-level tables ("schema"."name"), publication members
    QString slot, publication, subscription, hbSchema;
    QString postData; ///< post-data script dumped at the snapshot
    DumpScript postScript;
    std::set<int> postDone; ///< entries already run (indexes built while other tables were still copying)
    Clock::time_point copyStart{};
    double copySeconds = 0;
    std::atomic<qint64> lagBytes{-1};
    double lagSeconds = -1; // guarded by Engine::mutex
    // control-thread only:
    std::optional<pg::Connection> srcHb, tgtMon;
    qint64 hbSeq = 0;
    std::deque<std::pair<qint64, Clock::time_point>> hbSent;
    bool caughtUp = false;

    QString hbTable() const { return pg::qualifiedName(hbSchema, QStringLiteral("heartbeat")); }
};

} // namespace fm::direct
