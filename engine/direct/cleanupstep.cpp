// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/cleanupstep.h"

#include "engine/direct/changecapture.h"
#include "engine/direct/engine.h"
#include "engine/direct/subscriptioncapture.h"

#include <thread>

namespace fm::direct {

void CleanupStep::dropSlot(pg::Connection &src, const QString &slot)
{
    const auto deadline = Clock::now() + std::chrono::seconds(15);
    for (;;) {
        auto r = src.exec(QStringLiteral("SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1"), {slot});
        if (!r || r->rows() == 0)
            return;
        if (!r->isNull(0, 0) && Clock::now() > deadline - std::chrono::seconds(10))
            src.exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"), {r->text(0, 0)});
        if (r->isNull(0, 0)) {
            if (src.exec(QStringLiteral("SELECT pg_drop_replication_slot($1)"), {slot}))
                return;
        }
        if (Clock::now() > deadline) {
            log()->warn("could not drop replication slot {}", slot);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void CleanupStep::cleanupSource(DbRun &d, bool undoFreeze)
{
    Engine &e = m_engine;
    auto src = e.openSourceWritable(d.name, nullptr);
    if (!src) {
        log()->warn("cleanup: cannot connect to the source database {}: {}", d.name, src.error().toDisplayString());
        return;
    }
    dropSlot(*src, d.slot);
    src->exec(QStringLiteral("DROP PUBLICATION IF EXISTS %1").arg(pg::quoteIdent(d.publication)));
    src->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d.hbSchema)));
    std::map<QString, QString> ri;
    bool frozen = false;
    QString previous;
    {
        std::lock_guard lock(e.journal.mutex);
        ri = e.jdb(d).replicaIdentityChanged;
        frozen = e.jdb(d).frozen;
        previous = e.jdb(d).frozenPrevious;
    }
    for (const auto &[table, prev] : ri) {
        const QString mode = prev == QLatin1String("n") ? QStringLiteral("NOTHING") : QStringLiteral("DEFAULT");
        src->exec(QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY %2").arg(table, mode));
    }
    if (undoFreeze && frozen) {
        // Back to what the database itself said before the freeze (issue 3: "with undo if cutover aborts").
        const QString sql = previous.isEmpty()
                                ? QStringLiteral("ALTER DATABASE %1 RESET default_transaction_read_only").arg(pg::quoteIdent(d.name))
                                : QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = %2").arg(pg::quoteIdent(d.name), src->quoteLiteral(previous));
        if (auto r = src->exec(sql); !r) {
            log()->warn("cleanup: the source database {} stays read-only: {}", d.name, r.error().toDisplayString());
        } else {
            std::lock_guard lock(e.journal.mutex);
            e.jdb(d).frozen = false;
            e.jdb(d).frozenPrevious.clear();
        }
    }
    {
        std::lock_guard lock(e.journal.mutex);
        e.jdb(d).replicaIdentityChanged.clear();
    }
    e.saveJournal();
}

void CleanupStep::cleanupDb(DbRun &d, bool dropCreatedTarget)
{
    Engine &e = m_engine;
    if (auto tgt = pg::Connection::open(e.targetFor(d.name), nullptr)) {
        // Before checkServers() chose a capture (a resumed run that failed its
        // checks) only a subscription can exist: it was the only path before.
        auto r = e.capture ? e.capture->stop(d, *tgt) : SubscriptionCapture::dropSubscription(*tgt, d.subscription);
        if (!r)
            log()->warn("cleanup: stopping change capture of {}: {}", d.name, r.error().toDisplayString());
        tgt->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(pg::quoteIdent(d.hbSchema)));
    }
    cleanupSource(d, true);
    bool created = false;
    {
        std::lock_guard lock(e.journal.mutex);
        created = e.jdb(d).createdTargetDatabase;
    }
    if (dropCreatedTarget && created) {
        if (auto admin = pg::Connection::open(e.opt.target, nullptr))
            admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(pg::quoteIdent(d.name)));
        std::lock_guard lock(e.journal.mutex);
        e.jdb(d).createdTargetDatabase = false;
    }
    {
        std::lock_guard lock(e.journal.mutex);
        e.jdb(d).phase = QStringLiteral("cleaned");
        e.jdb(d).doneUnits.clear();
    }
    e.saveJournal();
}

void CleanupStep::cleanupAll(bool dropCreatedTargets)
{
    Engine &e = m_engine;
    for (auto &d : e.dbs) {
        d->srcHb.reset();
        d->tgtMon.reset();
    }
    e.tgtAdmin.reset();
    for (auto &d : e.dbs) {
        const QString phase = e.phaseOf(*d);
        if (phase == QLatin1String("done") || phase == QLatin1String("queued"))
            continue;
        cleanupDb(*d, dropCreatedTargets);
        std::lock_guard lock(e.mutex);
        d->phase = QStringLiteral("cleaned");
    }
    e.event({{"event", "cleanup-finished"}});
}

} // namespace fm::direct
