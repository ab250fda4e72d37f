// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/copystep.h"

#include "engine/direct/engine.h"
#include "engine/direct/schemastep.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <algorithm>
#include <condition_variable>
#include <map>

namespace fm::direct {

namespace {
// GIN, GiST, ... builds: slower per row than a btree, and PostgreSQL 15 gives
// them no parallel workers.
bool slowBuild(const DumpEntry &entry)
{
    return entry.type == QLatin1String("INDEX") && !entry.sql.contains(QLatin1String("USING btree"));
}
} // namespace

Expected<void> CopyStep::copyTables(DbRun &d, const QString &snapshot, pg::Connection *repl, bool resumed)
{
    Engine &e = m_engine;
    QStringList done;
    {
        std::lock_guard lock(e.journal.mutex);
        done = e.jdb(d).doneUnits;
    }
    std::deque<CopyTask> tasks;
    std::deque<CopyTask> indexTasks; // post-data entries of copied tables, ready to build
    std::deque<CopyTask> splitTasks; // ranges of the big tables go first, so their indexes can start early
    std::map<QString, int> leavesLeft;
    // Indexes and PK/unique constraints of one table can be built as soon as
    // that table is copied, while the other workers still copy (pgcopydb does the same).
    std::map<QString, std::vector<int>> entriesOf;
    {
        static const QRegularExpression onTable(QStringLiteral("\\bON\\s+(?!ONLY\\b)(\\S+)\\s+USING\\b"));
        static const QRegularExpression alterTable(QStringLiteral("^ALTER TABLE ONLY\\s+(\\S+)\\s"), QRegularExpression::MultilineOption);
        for (int i = 0; i < int(d.postScript.entries.size()); ++i) {
            if (d.postDone.count(i)) // built before an interrupted copy was resumed
                continue;
            const DumpEntry &entry = d.postScript.entries[size_t(i)];
            QRegularExpressionMatch m;
            if (entry.type == QLatin1String("INDEX"))
                m = onTable.match(entry.sql);
            else if (entry.type == QLatin1String("CONSTRAINT"))
                m = alterTable.match(entry.sql);
            else
                continue;
            if (m.hasMatch())
                entriesOf[unquoted(m.captured(1))].push_back(i);
        }
    }
    // A table is split only when it is big and more than its share of the
    // work: a whole table goes in with FREEZE and is read with a sequential
    // scan (a small ring of buffers on the source), ranges with neither.
    qint64 toCopy = 0;
    for (const auto &t : d.tables)
        if (!done.contains(t->unit()))
            toCopy += t->heapBytes;
    const double share = double(toCopy) / std::max(1, e.opt.jobs);
    for (auto &t : d.tables) {
        if (done.contains(t->unit())) {
            t->state = Copied;
            continue;
        }
        leavesLeft[t->unit()]++;
        const qint64 blocks = t->heapBytes / t->blockSize;
        if (t->heapBytes > e.opt.splitThresholdBytes && blocks > 16 && double(t->heapBytes) > e.opt.splitAboveShare * share) {
            // ctid ranges (TID range scans, PostgreSQL 14+) let every worker share a big table.
            // Small ranges (~16 MB) keep the tail short: the table's indexes wait for its last range.
            const qint64 n = std::clamp<qint64>(std::max<qint64>(e.opt.jobs * 4, t->heapBytes / (16LL << 20)), 2, 512);
            const qint64 per = (blocks + n - 1) / n;
            int chunks = 0;
            for (qint64 b = 0; b < blocks; b += per) {
                splitTasks.push_back({t.get(), -1, b, b + per >= blocks ? -1 : b + per});
                ++chunks;
            }
            t->chunksLeft = chunks;
        } else {
            tasks.push_back({t.get(), -1, -1, -1});
            t->chunksLeft = 1;
        }
    }
    tasks.insert(tasks.begin(), splitTasks.begin(), splitTasks.end());
    // Tables with GIN/GiST/... indexes first: those builds cannot use parallel
    // workers, so they should overlap the rest of the copy instead of ending it.
    std::set<QString> slowIndexes;
    for (const auto &[table, entries] : entriesOf)
        for (int idx : entries)
            if (slowBuild(d.postScript.entries[size_t(idx)]))
                slowIndexes.insert(table);
    std::stable_partition(tasks.begin(), tasks.end(),
                          [&](const CopyTask &t) { return slowIndexes.count(unquoted(t.table->qualified())) > 0; });
    // Unit keys for units with no leaves (empty partitioned roots) count as done at once.
    for (const QString &u : d.units)
        if (!leavesLeft.count(u) && !done.contains(u)) {
            std::lock_guard lock(e.journal.mutex);
            e.jdb(d).doneUnits << u;
        }
    if (tasks.empty())
        return {};

    std::mutex qmutex;
    std::condition_variable wake; // an index task queued, a copy finished, or cancelled
    CancelToken local;
    CancelRegistration link(&e.cancel, [&] {
        local.cancel();
        std::lock_guard lock(qmutex);
        wake.notify_all();
    });
    std::optional<Error> firstError;
    const int workers = int(std::min<size_t>(size_t(e.opt.jobs), tasks.size()));
    // Index builders of their own (pgcopydb's index jobs), when asked for: a
    // build beside the copies overlaps them, but on a machine with as many
    // cores as streams it takes a core from the stream of the biggest table,
    // whose copy ends the run (DirectOptions::indexJobs: slower at scale 50).
    const int indexers = entriesOf.empty() ? 0 : (e.opt.indexJobs < 0 ? e.opt.jobs : e.opt.indexJobs);
    size_t copiesRunning = 0;
    enum class Role { Copier, Indexer };
    // Copiers take tables first and, once none are left, help with indexes;
    // indexers only build. Both wait while a running copy may still release
    // indexes, and stop when nothing is left to do.
    struct Building {
        int constraints = 0, indexes = 0;
    };
    std::map<const TableRun *, Building> building; // post-data entries running per table
    std::map<const TableRun *, int> streamsOn;     // copy streams running per table
    auto isConstraint = [&](const CopyTask &t) { return d.postScript.entries[size_t(t.entry)].type != QLatin1String("INDEX"); };
    auto buildCost = [&](const CopyTask &t) { return std::max<qint64>(t.table->heapBytes, 1) * (slowBuild(d.postScript.entries[size_t(t.entry)]) ? 4 : 1); };
    auto pop = [&](Role role) -> std::optional<CopyTask> {
        std::unique_lock lock(qmutex);
        for (;;) {
            if (local.isCancelled())
                return std::nullopt;
            if (role == Role::Copier && !tasks.empty()) {
                // A table no other stream is copying, in queue order, while there is one:
                // two COPY streams into one table queue for its relation extension lock
                // and wait on each other's WAL flushes (PostgreSQL 15 extends a table a
                // page at a time). The ranges of a big table thus go to one stream while
                // the other copies the rest, and both share them only at the end.
                auto it = std::find_if(tasks.begin(), tasks.end(), [&](const CopyTask &t) { return streamsOn[t.table] == 0; });
                if (it == tasks.end())
                    it = tasks.begin();
                CopyTask t = *it;
                tasks.erase(it);
                ++streamsOn[t.table];
                ++copiesRunning;
                return t;
            }
            // Without index workers, copiers build the ready indexes once no table is left to copy.
            if (role == Role::Indexer || indexers == 0 || tasks.empty()) {
                // ALTER TABLE ... ADD CONSTRAINT locks its table against every other
                // build on it, CREATE INDEX only against that: a session never waits
                // on another's lock while an index of some other table is ready
                // (seen: a primary key queued 3 s behind its table's GIN build).
                // indexTasks is longest first: the first build whose locks are free.
                auto it = std::find_if(indexTasks.begin(), indexTasks.end(), [&](const CopyTask &t) {
                    const Building &b = building[t.table];
                    return isConstraint(t) ? b.constraints == 0 && b.indexes == 0 : b.constraints == 0;
                });
                if (it != indexTasks.end()) {
                    CopyTask t = *it;
                    indexTasks.erase(it);
                    Building &b = building[t.table];
                    ++(isConstraint(t) ? b.constraints : b.indexes);
                    return t;
                }
            }
            if (tasks.empty() && copiesRunning == 0 && indexTasks.empty())
                return std::nullopt;
            wake.wait(lock);
        }
    };
    auto buildEnded = [&](const CopyTask &t) {
        std::lock_guard lock(qmutex);
        Building &b = building[t.table];
        --(isConstraint(t) ? b.constraints : b.indexes);
        wake.notify_all();
    };
    auto copyEnded = [&](const TableRun *t) {
        std::lock_guard lock(qmutex);
        --streamsOn[t];
        --copiesRunning;
        wake.notify_all();
    };
    auto tableCopied = [&](TableRun *t) {
        std::lock_guard lock(qmutex);
        auto it = entriesOf.find(unquoted(t->qualified()));
        if (it == entriesOf.end())
            return;
        // Longest build first (largest table; GIN/GiST/... count 4x: no
        // parallel workers), not in the order tables finish: a stream that has
        // just copied the biggest table starts its primary key at once, and the
        // small builds fill the other stream's gaps (seen: a 5 M-row key started
        // 0.7 s late behind four small ones). Kept sorted here (binary search):
        // with thousands of tables pop() still takes the first free one.
        for (int idx : it->second) {
            const CopyTask task{t, idx, -1, -1};
            auto longer = [&](const CopyTask &a, const CopyTask &b) { return buildCost(a) > buildCost(b); };
            indexTasks.insert(std::upper_bound(indexTasks.begin(), indexTasks.end(), task, longer), task);
        }
        entriesOf.erase(it);
        wake.notify_all();
    };
    auto failWith = [&](const Error &err) {
        {
            std::lock_guard lock(qmutex);
            if (!firstError)
                firstError = err;
        }
        local.cancel();
        std::lock_guard lock(qmutex);
        wake.notify_all();
    };
    // A table is in the journal as done only once its rows are durable on the
    // target: a resume does not copy it again, so a target crash right after an
    // asynchronous commit would otherwise lose it. One synchronous commit makes
    // every earlier commit of every session durable, so copied tables are
    // flushed and journaled together, at most once a second and when a copy
    // stream has nothing left: per table, a database of 2000 small tables paid
    // a WAL flush and a journal fsync for each. A failed flush is not retried on
    // a new session: a lost connection may be a crashed target that lost those
    // commits, so the copy stops and resumes (Engine::recoverCopy), copying
    // those tables again.
    QStringList copiedUnits; // copied, not yet durable and journaled (qmutex)
    auto lastJournaled = Clock::now();
    auto journalCopied = [&](pg::Connection &tgt, bool now) {
        QStringList units;
        {
            std::lock_guard lock(qmutex);
            if (copiedUnits.isEmpty() || (!now && Clock::now() - lastJournaled < std::chrono::seconds(1)))
                return true;
            units.swap(copiedUnits);
            lastJournaled = Clock::now();
        }
        if (auto r = tgt.execNamed(QStringLiteral("direct/flush_commits"), {}, &local); !r) {
            failWith(r.error());
            return false;
        }
        {
            std::lock_guard lock(e.journal.mutex);
            e.jdb(d).doneUnits << units;
        }
        e.saveJournal();
        return true;
    };
    auto unitDone = [&](TableRun *t, pg::Connection &tgt) {
        {
            std::lock_guard lock(qmutex);
            if (--leavesLeft[t->unit()] == 0)
                copiedUnits << t->unit();
        }
        e.event({{"event", "table-copied"}, {"database", js(d.name)}, {"table", js(t->qualified())}, {"rows", qint64(t->rows)}, {"bytes", qint64(t->bytesCopied)}});
        return journalCopied(tgt, false);
    };
    // A copy session: the source on the exported snapshot (refused once the
    // exporter is gone), the target with asynchronous commit (a crash mid-copy
    // re-copies the table anyway: journal).
    auto openSource = [&]() -> Expected<pg::Connection> {
        auto src = pg::Connection::open(e.sourceFor(d.name), &local);
        if (!src)
            return src;
        auto b = src->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), {}, &local);
        if (b)
            b = src->exec(QStringLiteral("SET TRANSACTION SNAPSHOT %1").arg(src->quoteLiteral(snapshot)), {}, &local);
        if (!b)
            return fail(b.error());
        return src;
    };
    // A target that crashed since the copy began (or failed over) may have
    // lost commits not yet flushed: tables copied but not yet journaled,
    // indexes built. A session opened after that must not carry on (its flush
    // would journal tables whose rows are gone): the copy stops and resumes as
    // after a killed process (Engine::recoverCopy copies every table not
    // journaled). A clean restart loses nothing: its sessions just retry.
    std::optional<QString> targetStatsReset; // of the first session (qmutex)
    auto openTarget = [&]() -> Expected<pg::Connection> {
        auto tgt = pg::Connection::open(e.targetFor(d.name), &local);
        if (!tgt)
            return tgt;
        auto r = tgt->execNamed(QStringLiteral("direct/copy_session"), {}, &local);
        if (!r)
            return fail(r.error());
        const QString reset = r->text(0, "stats_reset");
        {
            std::lock_guard lock(qmutex);
            if (!targetStatsReset)
                targetStatsReset = reset;
            if (*targetStatsReset == reset)
                return tgt;
        }
        const Error restarted = Error::make(ErrorCategory::Postgres, QStringLiteral("08006"),
                                            QStringLiteral("The target server went through crash recovery during the copy (its statistics were reset at %1): "
                                                           "commits not yet flushed may be lost, so every table not yet recorded as copied is copied again.")
                                                .arg(reset));
        failWith(restarted); // no retry on a new session: the whole copy resumes
        return fail(restarted);
    };
    // A session that lost its connection (a backend terminated, a network
    // drop, a clean server restart) is opened again and the unit of work repeated:
    // a COPY or an index build is one transaction, so nothing half-done stays.

    // Serial sorts while copies run, parallel ones for the last builds;
    // enough memory to sort this table's keys in memory (index_session.sql).
    auto buildEntry = [&](pg::Connection &tgt, bool &prepared, const DumpEntry &entry, const TableRun *table) -> Expected<void> {
        if (!prepared) {
            if (auto r = SchemaStep::prepareIndexSession(tgt, d.postScript, &local); !r)
                return r;
            prepared = true;
        }
        bool copying = false;
        {
            std::lock_guard lock(qmutex);
            copying = !tasks.empty() || copiesRunning > 0;
        }
        if (copying) {
            // A build that will outlast the copy still to do ends the run: it may
            // take parallel workers (the cores free up while it sorts).
            qint64 left = 0;
            for (const auto &t : d.tables)
                if (t->chunksLeft > 0)
                    left += std::max<qint64>(0, t->bytes - t->bytesCopied);
            copying = table->heapBytes < left;
        }
        const qint64 sortBytes = std::max<qint64>(table->rows, table->estRows) * 100;
        if (auto r = tgt.execNamed(QStringLiteral("direct/index_session"), {copying ? QStringLiteral("on") : QStringLiteral("off"), QString::number(sortBytes)}, &local); !r)
            return fail(r.error());
        auto r = tgt.execScript(entry.sql, &local);
        if (!r && resumed && SchemaStep::alreadyBuilt(r.error()))
            return {};
        return r;
    };
    // One post-data entry on a target session (prepared once per session).
    auto buildIndex = [&](pg::Connection &tgt, bool &prepared, const CopyTask &task) -> bool {
        const DumpEntry &entry = d.postScript.entries[size_t(task.entry)];
        task.table->state = Indexing;
        const auto builtFrom = Clock::now();
        const Expected<void> r = e.withRetries(d, QStringLiteral("Building %1").arg(entry.name), local, [&](int attempt) -> Expected<void> {
            if (attempt > 0) {
                auto again = openTarget();
                if (!again)
                    return fail(again.error());
                tgt = std::move(*again);
                prepared = false;
            }
            return buildEntry(tgt, prepared, entry, task.table);
        });
        buildEnded(task);
        if (!r) {
            Error err = r.error();
            err.message = QStringLiteral("Building %1 %2 on the target failed: %3").arg(entry.type, entry.name, err.message);
            failWith(err);
            return false;
        }
        task.table->state = Copied;
        e.event({{"event", "index-built"}, {"database", js(d.name)}, {"table", js(task.table->qualified())}, {"name", js(entry.name)}, {"seconds", secondsSince(builtFrom)}});
        std::lock_guard lock(qmutex);
        d.postDone.insert(task.entry);
        return true;
    };

    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            auto src = openSource();
            if (!src)
                return failWith(src.error());
            if (local.isCancelled())
                return;
            auto tgt = openTarget();
            if (!tgt)
                return failWith(tgt.error());
            bool prepared = false;
            while (auto task = pop(Role::Copier)) {
                TableRun *t = task->table;
                if (task->entry >= 0) {
                    if (!buildIndex(*tgt, prepared, *task))
                        return;
                    continue;
                }
                t->state = Copying;
                auto r = copyChunk(*src, *tgt, *task, e.opt.freezeMinBytes, local);
                for (int attempt = 1; !r && attempt <= Engine::kRetries && r.error().isConnectionLost() && !local.isCancelled(); ++attempt) {
                    const Error lost = r.error();
                    if (!e.retryAfter(d, attempt, lost, QStringLiteral("Copying %1").arg(t->qualified()), local))
                        break;
                    auto s2 = openSource();
                    if (!s2) {
                        // Without the exported snapshot (its session went too) no
                        // worker can join it again: the engine resumes the copy
                        // through the change capture instead (Engine::prepareAndCopy).
                        r = fail(s2.error().isConnectionLost() ? s2.error() : lost);
                        if (!s2.error().isConnectionLost())
                            break;
                        continue;
                    }
                    auto t2 = openTarget();
                    if (!t2) {
                        r = fail(t2.error());
                        continue;
                    }
                    *src = std::move(*s2);
                    *tgt = std::move(*t2);
                    prepared = false;
                    r = copyChunk(*src, *tgt, *task, e.opt.freezeMinBytes, local);
                }
                if (!r) {
                    copyEnded(t);
                    return failWith(r.error());
                }
                const bool last = --t->chunksLeft == 0;
                if (last) {
                    t->state = Copied;
                    tableCopied(t); // before copyEnded(): an idle indexer must not stop first
                }
                copyEnded(t);
                if (last && !unitDone(t, *tgt))
                    return;
            }
            // A stream still copying journals what it adds itself, before it ends.
            if (!local.isCancelled() && !journalCopied(*tgt, true))
                return;
            src->exec(QStringLiteral("COMMIT"));
        });
    }
    for (int w = 0; w < indexers; ++w) {
        threads.emplace_back([&] {
            std::optional<pg::Connection> tgt;
            bool prepared = false;
            while (auto task = pop(Role::Indexer)) {
                if (!tgt) { // connect on the first task: a run without indexes opens no session
                    auto c = openTarget();
                    if (!c)
                        return failWith(c.error());
                    tgt = std::move(*c);
                }
                if (!buildIndex(*tgt, prepared, *task))
                    return;
            }
        });
    }
    // The exporting session stays open until the copy is over: a worker whose
    // connection was lost imports the snapshot again from it.
    for (auto &th : threads)
        th.join();
    if (repl)
        *repl = pg::Connection();
    if (firstError)
        return fail(*firstError);
    if (e.cancel.isCancelled())
        return fail(Error::cancelled());
    e.saveJournal();
    return {};
}

Expected<void> CopyStep::copyChunk(pg::Connection &src, pg::Connection &tgt, const CopyTask &task, qint64 freezeMinBytes, CancelToken &local)
{
    TableRun &t = *task.table;
    const QString format = t.textFormat ? QStringLiteral("text") : QStringLiteral("binary");
    QString out;
    if (task.fromBlock < 0) {
        out = QStringLiteral("COPY %1 (%2) TO STDOUT (FORMAT %3)").arg(t.qualified(), t.columns, format);
    } else {
        QString where = QStringLiteral("ctid >= '(%1,0)'::tid").arg(task.fromBlock);
        if (task.toBlock >= 0)
            where += QStringLiteral(" AND ctid < '(%1,0)'::tid").arg(task.toBlock);
        out = QStringLiteral("COPY (SELECT %2 FROM ONLY %1 WHERE %4) TO STDOUT (FORMAT %3)").arg(t.qualified(), t.columns, format, where);
    }
    // A whole table goes in with FREEZE (TRUNCATE first, same transaction: the
    // condition COPY FREEZE needs): rows arrive frozen and all-visible, so the
    // index builds and the first VACUUM/reads do not rewrite every page to set
    // hint bits. Ranges of a split table share it with other sessions: no FREEZE;
    // nor small tables (DirectOptions::freezeMinBytes: 2000 tables of 20 rows
    // copied in 4.3 s instead of 9.3 s without their TRUNCATEs).
    const bool freeze = task.fromBlock < 0 && t.heapBytes >= freezeMinBytes;
    const QString in = QStringLiteral("COPY %1 (%2) FROM STDIN (FORMAT %3%4)").arg(t.qualified(), t.columns, format, freeze ? QStringLiteral(", FREEZE") : QString());
    const QString ctx = QStringLiteral("Copying %1").arg(t.qualified());

    CancelRegistration reg(&local, [&] {
        src.cancelCurrent();
        tgt.cancelCurrent();
    });
    PGconn *s = src.raw();
    PGconn *g = tgt.raw();
    if (freeze) {
        pg::Result r(PQexec(g, QStringLiteral("BEGIN; TRUNCATE ONLY %1").arg(t.qualified()).toUtf8().constData()));
        if (PQresultStatus(r.raw()) != PGRES_COMMAND_OK)
            return fail(pg::queryError(g, r.raw(), ctx + QStringLiteral(" (target)")));
    }
    {
        pg::Result r(PQexec(g, in.toUtf8().constData()));
        if (PQresultStatus(r.raw()) != PGRES_COPY_IN)
            return fail(pg::queryError(g, r.raw(), ctx + QStringLiteral(" (target)")));
    }
    {
        pg::Result r(PQexec(s, out.toUtf8().constData()));
        if (PQresultStatus(r.raw()) != PGRES_COPY_OUT) {
            PQputCopyEnd(g, "source failed");
            while (PGresult *x = PQgetResult(g))
                PQclear(x);
            return fail(pg::queryError(s, r.raw(), ctx + QStringLiteral(" (source)")));
        }
    }
    // A failed attempt takes back the progress it counted: the chunk is copied again.
    struct Counted {
        TableRun &t;
        qint64 rows = 0, bytes = 0;
        bool keep = false;
        ~Counted()
        {
            if (!keep) {
                t.rows -= rows;
                t.bytesCopied -= bytes;
            }
        }
    } counted{t};
    qint64 messages = 0, pendingRows = 0, pendingBytes = 0, countedRows = 0;
    bool putFailed = false;
    // The source sends one CopyData message per row; the target's COPY reads a
    // byte stream, so rows go out in ~64 kB messages: far fewer messages for
    // the target backend to unpack (and fewer calls here). Memory stays bounded
    // by one batch per worker.
    constexpr int kBatch = 64 * 1024;
    QByteArray batch;
    batch.reserve(kBatch + 8192);
    auto flush = [&] {
        if (!batch.isEmpty() && !putFailed && PQputCopyData(g, batch.constData(), int(batch.size())) != 1)
            putFailed = true;
        batch.clear();
    };
    for (;;) {
        char *buf = nullptr;
        const int n = PQgetCopyData(s, &buf, 0);
        if (n > 0) {
            if (n >= kBatch) {
                flush();
                if (!putFailed && PQputCopyData(g, buf, n) != 1)
                    putFailed = true;
            } else {
                batch.append(buf, n);
                if (batch.size() >= kBatch)
                    flush();
            }
            PQfreemem(buf);
            ++messages;
            ++pendingRows;
            pendingBytes += n;
            if (pendingRows >= 512) {
                t.rows += pendingRows;
                t.bytesCopied += pendingBytes;
                counted.rows += pendingRows;
                counted.bytes += pendingBytes;
                countedRows += pendingRows;
                pendingRows = pendingBytes = 0;
                if (putFailed)
                    src.cancelCurrent();
            }
            continue;
        }
        if (buf)
            PQfreemem(buf);
        break; // -1 done, -2 error
    }
    flush();
    t.rows += pendingRows;
    t.bytesCopied += pendingBytes;
    counted.rows += pendingRows;
    counted.bytes += pendingBytes;
    countedRows += pendingRows;
    std::optional<Error> srcError;
    qint64 tagRows = -1;
    while (PGresult *x = PQgetResult(s)) {
        pg::Result r(x);
        if (PQresultStatus(x) != PGRES_COMMAND_OK && !srcError)
            srcError = pg::queryError(s, x, ctx + QStringLiteral(" (source)"));
        else if (tagRows < 0)
            tagRows = QString::fromLatin1(PQcmdTuples(x)).toLongLong();
    }
    if (srcError || putFailed) {
        PQputCopyEnd(g, "source failed");
        std::optional<Error> tgtError;
        while (PGresult *x = PQgetResult(g)) {
            pg::Result r(x);
            if (PQresultStatus(x) != PGRES_COMMAND_OK && !tgtError && putFailed)
                tgtError = pg::queryError(g, x, ctx + QStringLiteral(" (target)"));
        }
        if (local.isCancelled() && !putFailed)
            return fail(Error::cancelled());
        return fail(putFailed ? tgtError.value_or(pg::queryError(g, nullptr, ctx)) : *srcError);
    }
    if (PQputCopyEnd(g, nullptr) != 1)
        return fail(pg::queryError(g, nullptr, ctx + QStringLiteral(" (target)")));
    std::optional<Error> tgtError;
    while (PGresult *x = PQgetResult(g)) {
        pg::Result r(x);
        if (PQresultStatus(x) != PGRES_COMMAND_OK && !tgtError)
            tgtError = pg::queryError(g, x, ctx + QStringLiteral(" (target)"));
    }
    if (tgtError)
        return fail(local.isCancelled() ? Error::cancelled() : *tgtError);
    if (freeze) {
        pg::Result r(PQexec(g, "COMMIT"));
        if (PQresultStatus(r.raw()) != PGRES_COMMAND_OK)
            return fail(local.isCancelled() ? Error::cancelled() : pg::queryError(g, r.raw(), ctx + QStringLiteral(" (target)")));
    }
    // The command tag has the exact row count (binary streams carry a header/trailer message).
    if (tagRows >= 0)
        t.rows += tagRows - countedRows;
    counted.keep = true;
    return {};
}

} // namespace fm::direct
