// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/cutoverstep.h"

#include "engine/direct/changecapture.h"
#include "engine/direct/cleanupstep.h"
#include "engine/direct/engine.h"

#include <map>

namespace fm::direct {

void CutoverStep::finish(DbRun &d, pg::Connection &tgt)
{
    tgt.exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d.hbSchema)));
    d.srcHb.reset();
    d.tgtMon.reset(); // may be `tgt`: not used after this
    CleanupStep(m_engine).cleanupSource(d, /*undoFreeze=*/false);
    Engine::setTables(d, Done);
    m_engine.setPhase(d, QStringLiteral("done"));
}

Expected<void> CutoverStep::run()
{
    Engine &e = m_engine;
    e.setState(QStringLiteral("cutover"));
    const auto t0 = Clock::now();
    e.event({{"event", "cutover-started"}, {"freezeWrites", e.opt.freezeWrites}});
    std::vector<DbRun *> active;
    for (auto &d : e.dbs)
        if (e.phaseOf(*d) != QLatin1String("done"))
            active.push_back(d.get());
    for (DbRun *d : active) {
        e.setPhase(*d, QStringLiteral("cutover"));
        if (!d->srcHb) {
            auto c = e.openSourceWritable(d->name, &e.cancel);
            if (!c)
                return fail(c.error());
            d->srcHb.emplace(std::move(*c));
        }
        if (!d->tgtMon) {
            auto c = pg::Connection::open(e.targetFor(d->name), &e.cancel);
            if (!c)
                return fail(c.error());
            d->tgtMon.emplace(std::move(*c));
        }
    }
    // 1. Write freeze: new sessions start read-only, the others are ended. The
    //    journal records it first, so an aborted cutover (or a killed process,
    //    then --resume and cancel) undoes it in CleanupStep::cleanupSource.
    if (e.opt.freezeWrites) {
        for (DbRun *d : active) {
            bool alreadyFrozen = false;
            {
                std::lock_guard lock(e.journal.mutex);
                alreadyFrozen = e.jdb(*d).frozen;
            }
            // The undo restores the database's own setting, not the server
            // default: remember it, unless a killed earlier cutover froze it
            // (then the journal already has the value from before that freeze).
            if (!alreadyFrozen) {
                auto prev = d->srcHb->execNamed(QStringLiteral("direct/read_only_setting"), {d->name}, &e.cancel);
                if (!prev)
                    return fail(prev.error());
                std::lock_guard lock(e.journal.mutex);
                e.jdb(*d).frozenPrevious = prev->rows() > 0 && !prev->isNull(0, 0) ? prev->text(0, 0) : QString();
                e.jdb(*d).frozen = true;
            }
            e.saveJournal();
            if (auto r = d->srcHb->exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on").arg(pg::quoteIdent(d->name)), {}, &e.cancel); !r)
                return fail(r.error());
            if (auto r = d->srcHb->execNamed(QStringLiteral("direct/terminate_sessions"), {d->name}, &e.cancel); !r)
                return fail(r.error());
        }
        e.event({{"event", "writes-frozen"}, {"seconds", secondsSince(t0)}});
    }
    // 2. Drain: a marker written now; once the target shows it, every earlier commit is applied.
    std::map<DbRun *, qint64> marker;
    for (DbRun *d : active) {
        auto r = d->srcHb->exec(QStringLiteral("UPDATE %1 SET seq = seq + 1, ts = clock_timestamp() WHERE id = 1 RETURNING seq, pg_current_wal_lsn()::text").arg(d->hbTable()), {}, &e.cancel);
        if (!r)
            return fail(r.error());
        marker[d] = r->toInt(0, 0);
    }
    for (DbRun *d : active) {
        for (;;) {
            auto r = d->tgtMon->exec(QStringLiteral("SELECT seq FROM %1 WHERE id = 1").arg(d->hbTable()), {}, &e.cancel);
            if (!r)
                return fail(r.error());
            if (r->toInt(0, 0) >= marker[d])
                break;
            if (!e.sleepFor(5))
                return fail(Error::cancelled());
        }
    }
    e.event({{"event", "drained"}, {"seconds", secondsSince(t0)}});
    // 3. Sequences from the source (logical replication does not carry them).
    for (DbRun *d : active) {
        auto seqs = d->srcHb->execNamed(QStringLiteral("direct/sequences"), {}, &e.cancel);
        if (!seqs)
            return fail(seqs.error());
        QStringList schemas, names, values, called;
        for (int i = 0; i < seqs->rows(); ++i) {
            if (seqs->text(i, "schema") == d->hbSchema)
                continue;
            schemas << seqs->text(i, "schema");
            names << seqs->text(i, "name");
            values << seqs->text(i, "value");
            called << (seqs->toBool(i, "is_called") ? QStringLiteral("t") : QStringLiteral("f"));
        }
        if (!schemas.isEmpty())
            if (auto r = d->tgtMon->execNamed(QStringLiteral("direct/set_sequences"), {textArray(schemas), textArray(names), textArray(values), textArray(called)}, &e.cancel); !r)
                return fail(r.error());
    }
    e.event({{"event", "sequences-set"}, {"seconds", secondsSince(t0)}});
    // 4. Change capture off: the target is on its own now.
    for (DbRun *d : active) {
        if (auto r = e.capture->stop(*d, *d->tgtMon); !r)
            return r;
        {
            std::lock_guard lock(e.journal.mutex);
            e.jdb(*d).captureStopped = true;
        }
        e.saveJournal();
    }
    const double seconds = secondsSince(t0);
    // 5. The rest of the replication objects (source slot, publication, heartbeat).
    for (DbRun *d : active)
        finish(*d, *d->tgtMon);
    e.event({{"event", "cutover-finished"}, {"seconds", seconds}, {"totalSeconds", secondsSince(t0)}, {"sourceReadOnly", e.opt.freezeWrites}});
    e.setState(QStringLiteral("done"));
    return {};
}

} // namespace fm::direct
