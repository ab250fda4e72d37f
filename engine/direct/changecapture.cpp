// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/changecapture.h"

#include "engine/direct/engine.h"
#include "engine/direct/subscriptioncapture.h"

#include <map>

namespace fm::direct {

Expected<std::unique_ptr<ChangeCapture>> chooseChangeCapture(Engine &engine, const pg::Result &sourceRole, const pg::Result &targetRole)
{
    // Issue 8: when the subscription is impossible, a client-side decoder is
    // the fallback; until then its reason is the run's error.
    if (auto r = SubscriptionCapture::check(engine, sourceRole, targetRole); !r)
        return fail(r.error());
    return std::unique_ptr<ChangeCapture>(std::make_unique<SubscriptionCapture>(engine));
}

void pollStreaming(Engine &e, DbRun &d)
{
    {
        std::lock_guard lock(e.mutex);
        if (d.phase != QLatin1String("streaming"))
            return;
    }
    if (!d.srcHb || !d.srcHb->isOpen()) {
        auto c = e.openSourceWritable(d.name, &e.cancel);
        if (!c)
            return;
        d.srcHb.emplace(std::move(*c));
    }
    if (!d.tgtMon || !d.tgtMon->isOpen()) {
        auto c = pg::Connection::open(e.targetFor(d.name), &e.cancel);
        if (!c)
            return;
        d.tgtMon.emplace(std::move(*c));
    }
    auto hb = d.srcHb->exec(QStringLiteral("UPDATE %1 SET seq = seq + 1, ts = clock_timestamp() WHERE id = 1 RETURNING seq").arg(d.hbTable()), {}, &e.cancel);
    if (!hb) {
        if (hb.error().isConnectionLost())
            d.srcHb.reset();
        return;
    }
    d.hbSeq = hb->toInt(0, 0);
    d.hbSent.emplace_back(d.hbSeq, Clock::now());
    while (d.hbSent.size() > 4000)
        d.hbSent.pop_front();
    if (auto lag = d.srcHb->execNamed(QStringLiteral("direct/slot_lag"), {d.slot}, &e.cancel); lag && lag->rows() > 0)
        d.lagBytes = lag->toInt(0, "lag_bytes");
    auto seen = d.tgtMon->exec(QStringLiteral("SELECT seq FROM %1 WHERE id = 1").arg(d.hbTable()), {}, &e.cancel);
    if (!seen) {
        if (seen.error().isConnectionLost())
            d.tgtMon.reset();
        return;
    }
    const qint64 applied = seen->toInt(0, 0);
    double lagSeconds = 0;
    // Time lag = age of the oldest heartbeat the target has not applied yet.
    for (const auto &[seq, when] : d.hbSent)
        if (seq > applied) {
            lagSeconds = secondsSince(when);
            break;
        }
    while (!d.hbSent.empty() && d.hbSent.front().first <= applied)
        d.hbSent.pop_front();
    d.caughtUp = applied >= d.hbSeq - 1 && lagSeconds < 1.0;
    {
        std::lock_guard lock(e.mutex);
        d.lagSeconds = lagSeconds;
    }
    if (auto st = d.tgtMon->execNamed(QStringLiteral("direct/table_stats"), {}, &e.cancel)) {
        std::map<QString, int> rowOf;
        for (int i = 0; i < st->rows(); ++i)
            rowOf[pg::qualifiedName(st->text(i, "schema"), st->text(i, "name"))] = i;
        for (auto &t : d.tables) {
            auto it = rowOf.find(t->qualified());
            if (it == rowOf.end())
                continue;
            const qint64 ins = st->toInt(it->second, "n_tup_ins"), upd = st->toInt(it->second, "n_tup_upd"), del = st->toInt(it->second, "n_tup_del");
            if (!t->baseline) {
                t->baseline = true;
                t->ins0 = ins;
                t->upd0 = upd;
                t->del0 = del;
            }
            t->ins = ins - t->ins0;
            t->upd = upd - t->upd0;
            t->del = del - t->del0;
        }
    }
    if (e.capture)
        e.capture->poll(d, *d.tgtMon);
}

} // namespace fm::direct
