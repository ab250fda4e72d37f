// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/decodercapture.h"

#include "engine/direct/copystep.h"
#include "engine/direct/engine.h"
#include "engine/direct/snapshotstep.h"

namespace fm::direct {

using namespace replication;

DecoderCapture::DecoderCapture(Engine &engine, Plugin plugin) : m_engine(engine), m_plugin(plugin) {}

DecoderCapture::~DecoderCapture()
{
    std::vector<QString> names;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[name, r] : m_runners)
            names.push_back(name);
    }
    for (const QString &n : names)
        stopRunner(n);
}

Expected<void> DecoderCapture::start(DbRun &d)
{
    Engine &e = m_engine;
    stopRunner(d.name);
    // A resumed run decodes with the plugin its slot was created with.
    Plugin plugin = m_plugin;
    if (auto src = pg::Connection::open(e.sourceFor(d.name), &e.cancel)) {
        if (auto r = src->exec(QStringLiteral("SELECT plugin FROM pg_replication_slots WHERE slot_name = $1"), {d.slot}, &e.cancel); r && r->rows() == 1)
            plugin = pluginFromName(r->text(0, 0)).value_or(plugin);
    } else {
        return fail(src.error());
    }
    ClientReplicationOptions o;
    o.source = e.sourceFor(d.name);
    o.target = e.targetFor(d.name);
    o.slot = d.slot;
    o.plugin = plugin;
    o.publication = d.publication;
    o.origin = d.slot; // origins live on the target: the slot's name is unique per migration and database
    {
        std::lock_guard lock(e.journal.mutex);
        for (const auto &[table, lsn] : e.jdb(d).tableSyncPoints)
            if (auto l = lsnFromString(lsn))
                o.tableSyncPoints[table] = *l;
    }
    // Fail here, with the reason, if the target cannot take the origin (rights,
    // or a live session of another process still applying this database).
    {
        ChangeApplier probe(o.target, o.origin);
        if (auto r = probe.open(&e.cancel); !r) {
            Error err = r.error();
            err.message = QStringLiteral("Client-side change capture of \"%1\" cannot start: %2").arg(d.name, err.message);
            return fail(err);
        }
    }
    auto runner = std::make_unique<Runner>();
    runner->rep = std::make_unique<ClientReplication>(o);
    runner->cancel = std::make_unique<CancelToken>();
    Runner *r = runner.get();
    const QString db = d.name;
    r->thread = std::thread([r, &e, db] {
        auto res = r->rep->run(*r->cancel);
        if (res || res.error().isCancelled())
            return;
        // The apply cannot go on (a constraint violation on the target, a
        // decoding error, a server gone for longer than the reconnect window):
        // the run ends with this error and cleans up (Engine::run).
        log()->error("client-side change capture of {} failed: {}", db, res.error().toDisplayString());
        {
            std::lock_guard lock(e.mutex);
            if (!e.captureFailure)
                e.captureFailure = res.error();
        }
        e.cancel.cancel();
    });
    {
        std::lock_guard lock(m_mutex);
        m_runners[d.name] = std::move(runner);
    }
    e.event({{"event", "change-capture-started"}, {"database", js(d.name)}, {"kind", "decoder"}, {"plugin", js(pluginName(plugin))}, {"origin", js(o.origin)}});
    return {};
}

Expected<void> DecoderCapture::resumeCopy(DbRun &d, pg::Connection &, const QStringList &unfinished, const std::function<Expected<void>()> &buildPostData)
{
    Engine &e = m_engine;
    // The slot's snapshot is gone. The unfinished tables are emptied and copied
    // again at a snapshot of a temporary slot; its consistent point becomes their
    // sync point: changes to them that committed before it are in the copy and
    // are skipped by the applier, later ones applied (a subscription's table sync,
    // done on the client). Finished tables take every change from the slot.
    if (!unfinished.isEmpty()) {
        auto tgt = pg::Connection::open(e.targetFor(d.name), &e.cancel);
        if (!tgt)
            return fail(tgt.error());
        if (auto r = tgt->exec(QStringLiteral("TRUNCATE %1").arg(unfinished.join(QStringLiteral(", "))), {}, &e.cancel); !r)
            return fail(r.error());
        const QString tempSlot = d.slot.left(56) + QStringLiteral("_resync");
        auto exported = SnapshotStep(e).exportSnapshot(d, tempSlot, QStringLiteral("pgoutput"), true,
                                                       QStringLiteral("Creating the temporary slot %1 to copy %2 table(s) again").arg(tempSlot).arg(unfinished.size()));
        if (!exported) {
            Error err = exported.error();
            if (err.fix.isEmpty())
                err.fix = QStringLiteral("Free a replication slot on the source (max_replication_slots) and resume again.");
            return fail(err);
        }
        const QString point = exported->consistentPoint;
        {
            // Journaled before the copy: a kill during it keeps the points of what got done.
            std::lock_guard lock(e.journal.mutex);
            auto &points = e.jdb(d).tableSyncPoints;
            for (const auto &t : d.tables)
                if (unfinished.contains(t->unit())) {
                    points[t->qualified()] = point;
                    points[t->unit()] = point; // pgoutput names a partition's changes by its root
                }
        }
        e.saveJournal();
        for (auto &t : d.tables)
            t->state = unfinished.contains(t->unit()) ? Queued : Copied;
        e.event({{"event", "resync-started"}, {"database", js(d.name)}, {"tables", qint64(unfinished.size())}, {"syncPoint", js(point)}});
        if (auto r = CopyStep(e).copyTables(d, exported->name, &exported->connection, /*resumed=*/true); !r)
            return r;
    }
    e.setPhase(d, QStringLiteral("indexing"), false);
    if (auto r = buildPostData(); !r)
        return r;
    if (auto r = start(d); !r)
        return r;
    for (auto &t : d.tables)
        t->state = Streaming;
    return {};
}

void DecoderCapture::poll(DbRun &d, pg::Connection &)
{
    Runner *r = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_runners.find(d.name);
        if (it == m_runners.end())
            return;
        r = it->second.get();
    }
    const ClientReplicationStatus st = r->rep->status();
    for (auto &t : d.tables) {
        auto it = st.tables.find(t->qualified());
        if (it == st.tables.end())
            continue;
        // Exact counts of what this process applied (pg_stat counters also see other writers).
        t->baseline = true;
        t->ins = it->second.inserts;
        t->upd = it->second.updates;
        t->del = it->second.deletes;
    }
}

void DecoderCapture::stopRunner(const QString &db)
{
    std::unique_ptr<Runner> r;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_runners.find(db);
        if (it == m_runners.end())
            return;
        r = std::move(it->second);
        m_runners.erase(it);
    }
    r->cancel->cancel();
    if (r->thread.joinable())
        r->thread.join();
}

Expected<void> DecoderCapture::stop(DbRun &d, pg::Connection &tgt)
{
    stopRunner(d.name);
    // The apply session just ended; its backend may hold the origin a moment longer (55006).
    for (int attempt = 0;; ++attempt) {
        auto r = dropOrigin(tgt, d.slot, nullptr);
        if (r || r.error().code != QLatin1String("55006") || attempt >= 50)
            return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

} // namespace fm::direct
