// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/subscriptioncapture.h"

#include "engine/direct/engine.h"

#include <map>

namespace fm::direct {

Expected<void> SubscriptionCapture::check(const Engine &e, const pg::Result &s, const pg::Result &t)
{
    (void)s;
    const QString noClientSide = QStringLiteral(" Client-side logical decoding (--change-capture auto, pgoutput or wal2json) avoids this.");
    // DESIGN.md: Azure Single Server can decode but not publish/subscribe.
    if (e.opt.source.kind == pg::ServerKind::AzureSingleServer
        || (e.opt.source.isAzureHost() && e.opt.source.user.contains(QLatin1Char('@'))))
        return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                QStringLiteral("The source is an Azure Single Server, which cannot publish to a native subscription.%1").arg(noClientSide),
                                QStringLiteral("Use the Azure migration service backend for this source.")));
    const bool targetSuperuser = t.toBool(0, "is_superuser");
    if (!targetSuperuser && !t.toBool(0, "may_create_subscription"))
        return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                QStringLiteral("A native subscription cannot be created on the target: user %1 is not a superuser%2.%3")
                                    .arg(e.opt.target.roleName(),
                                         t.toInt(0, "version_num") >= 160000 ? QStringLiteral(" and not a member of pg_create_subscription") : QStringLiteral(" (PostgreSQL < 16 requires one)"),
                                         noClientSide),
                                QStringLiteral("Use a superuser on the target (or PostgreSQL 16+ with pg_create_subscription).")));
    if (t.toInt(0, "max_lr_workers") < 1)
        return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                QStringLiteral("The target has max_logical_replication_workers=%1, so a subscription cannot apply changes.%2")
                                    .arg(t.toInt(0, "max_lr_workers")).arg(noClientSide),
                                QStringLiteral("Raise max_logical_replication_workers on the target (restart needed).")));
    return {};
}

Expected<bool> SubscriptionCapture::subscriptionExists(pg::Connection &tgt, const QString &name, CancelToken *c)
{
    auto r = tgt.exec(QStringLiteral("SELECT 1 FROM pg_subscription WHERE subname = $1"), {name}, c);
    if (!r)
        return fail(r.error());
    return r->rows() > 0;
}

Expected<void> SubscriptionCapture::start(DbRun &d)
{
    Engine &e = m_engine;
    auto tgt = pg::Connection::open(e.targetFor(d.name), &e.cancel);
    if (!tgt)
        return fail(tgt.error());
    auto exists = subscriptionExists(*tgt, d.subscription, &e.cancel);
    if (!exists)
        return fail(exists.error());
    if (!*exists) {
        // The server needs a conninfo string: every value is quoted, and the
        // statement is never logged (the password is in it).
        const QString sql = QStringLiteral("CREATE SUBSCRIPTION %1 CONNECTION %2 PUBLICATION %3 WITH (create_slot = false, slot_name = %4, copy_data = false, enabled = true)")
                                .arg(pg::quoteIdent(d.subscription), tgt->quoteLiteral(conninfoString(e.sourceFor(d.name))),
                                     pg::quoteIdent(d.publication), tgt->quoteLiteral(d.slot));
        if (auto r = tgt->exec(sql, {}, &e.cancel); !r) {
            Error err = r.error();
            err.message = QStringLiteral("Creating the subscription for \"%1\" on the target failed: %2").arg(d.name, err.message);
            return fail(err);
        }
        e.event({{"event", "subscription-created"}, {"database", js(d.name)}, {"subscription", js(d.subscription)}});
    } else {
        // A run killed inside dropSubscription() (cutover, cleanup) can leave it
        // disabled and detached from its slot (slot_name = NONE): ENABLE alone then
        // fails and nothing is applied, so a resumed cutover would drain forever.
        const QString q = pg::quoteIdent(d.subscription);
        auto slot = tgt->exec(QStringLiteral("SELECT subslotname IS NULL AS detached FROM pg_subscription WHERE subname = $1"), {d.subscription}, &e.cancel);
        if (!slot)
            return fail(slot.error());
        if (slot->rows() == 1 && slot->toBool(0, "detached"))
            if (auto r = tgt->exec(QStringLiteral("ALTER SUBSCRIPTION %1 SET (slot_name = %2)").arg(q, tgt->quoteLiteral(d.slot)), {}, &e.cancel); !r)
                return fail(r.error());
        if (auto r = tgt->exec(QStringLiteral("ALTER SUBSCRIPTION %1 ENABLE").arg(q), {}, &e.cancel); !r) {
            Error err = r.error();
            err.message = QStringLiteral("Enabling the subscription for \"%1\" on the target failed: %2").arg(d.name, err.message);
            return fail(err);
        }
    }
    return {};
}

Expected<void> SubscriptionCapture::dropSubscription(pg::Connection &tgt, const QString &name)
{
    auto exists = subscriptionExists(tgt, name, nullptr);
    if (!exists)
        return fail(exists.error());
    if (!*exists)
        return {};
    // create_slot=false: detach the slot first, we drop it on the source ourselves.
    const QString q = pg::quoteIdent(name);
    if (auto r = tgt.exec(QStringLiteral("ALTER SUBSCRIPTION %1 DISABLE").arg(q)); !r)
        return fail(r.error());
    if (auto r = tgt.exec(QStringLiteral("ALTER SUBSCRIPTION %1 SET (slot_name = NONE)").arg(q)); !r)
        return fail(r.error());
    if (auto r = tgt.exec(QStringLiteral("DROP SUBSCRIPTION %1").arg(q)); !r)
        return fail(r.error());
    return {};
}

Expected<void> SubscriptionCapture::stop(DbRun &d, pg::Connection &tgt) { return dropSubscription(tgt, d.subscription); }

Expected<void> SubscriptionCapture::resumeCopy(DbRun &d, pg::Connection &src, const QStringList &unfinished,
                                               const std::function<Expected<void>()> &buildPostData)
{
    Engine &e = m_engine;
    auto tgt = pg::Connection::open(e.targetFor(d.name), &e.cancel);
    if (!tgt)
        return fail(tgt.error());
    // The subscription's own table sync copies the unfinished tables again, each
    // at its own consistent point; a subscription from an earlier resume attempt
    // is recreated so table sync starts clean.
    if (auto r = dropSubscription(*tgt, d.subscription); !r)
        return r;
    for (const QString &u : unfinished)
        src.exec(QStringLiteral("ALTER PUBLICATION %1 DROP TABLE %2").arg(pg::quoteIdent(d.publication), u), {}, &e.cancel);
    if (!unfinished.isEmpty())
        if (auto r = tgt->exec(QStringLiteral("TRUNCATE %1").arg(unfinished.join(QStringLiteral(", "))), {}, &e.cancel); !r)
            return fail(r.error());
    for (auto &t : d.tables)
        t->state = unfinished.contains(t->unit()) ? Queued : Copied;
    e.setPhase(d, QStringLiteral("indexing"), false);
    if (auto r = buildPostData(); !r)
        return r;
    if (auto r = start(d); !r)
        return r;
    if (!unfinished.isEmpty()) {
        if (auto r = src.exec(QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2").arg(pg::quoteIdent(d.publication), unfinished.join(QStringLiteral(", "))), {}, &e.cancel); !r)
            return fail(r.error());
        if (auto r = tgt->exec(QStringLiteral("ALTER SUBSCRIPTION %1 REFRESH PUBLICATION WITH (copy_data = true)").arg(pg::quoteIdent(d.subscription)), {}, &e.cancel); !r)
            return fail(r.error());
    }
    for (auto &t : d.tables)
        t->state = unfinished.contains(t->unit()) ? Resyncing : Streaming;
    return {};
}

void SubscriptionCapture::poll(DbRun &d, pg::Connection &tgtMon)
{
    Engine &e = m_engine;
    bool resyncing = false;
    for (auto &t : d.tables)
        resyncing = resyncing || t->state == Resyncing;
    if (!resyncing)
        return;
    auto st = tgtMon.execNamed(QStringLiteral("direct/subscription_states"), {d.subscription}, &e.cancel);
    if (!st)
        return;
    std::map<QString, QString> stateOf;
    for (int i = 0; i < st->rows(); ++i)
        stateOf[pg::qualifiedName(st->text(i, "schema"), st->text(i, "name"))] = st->text(i, "state");
    for (auto &t : d.tables) {
        if (t->state != Resyncing)
            continue;
        auto it = stateOf.find(t->unit());
        if (it != stateOf.end() && it->second == QLatin1String("r")) {
            t->state = Streaming;
            e.event({{"event", "table-resynced"}, {"database", js(d.name)}, {"table", js(t->qualified())}});
        }
    }
}

} // namespace fm::direct
