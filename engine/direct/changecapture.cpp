// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/changecapture.h"

#include "engine/direct/engine.h"
#include "engine/direct/replication/decodercapture.h"
#include "engine/direct/subscriptioncapture.h"

#include <map>

namespace fm::direct {

namespace {
/**
 * Whether the source user can create the publication SnapshotStep needs in
 * every database: CREATE on the database and ownership of every table (or
 * superuser), PostgreSQL docs "CREATE PUBLICATION". Azure Single Server never can.
 */
Expected<QString> whyNoPublication(Engine &e, const pg::Result &sourceRole)
{
    if (e.opt.source.kind == pg::ServerKind::AzureSingleServer || (e.opt.source.isAzureHost() && e.opt.source.user.contains(QLatin1Char('@'))))
        return QStringLiteral("the source is an Azure Single Server, which cannot publish");
    if (sourceRole.toBool(0, "is_superuser"))
        return QString();
    for (const QString &db : e.opt.databases) {
        auto src = pg::Connection::open(e.sourceFor(db), &e.cancel);
        if (!src)
            return QString(); // a missing database is reported by the copy with its own message
        auto r = src->exec(QStringLiteral("SELECT has_database_privilege(current_database(), 'CREATE') AS may_create, "
                                          "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                          "  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                                          "    AND n.nspname NOT LIKE 'pg\\_%' AND NOT pg_has_role(c.relowner, 'USAGE')) AS not_owned"),
                           {}, &e.cancel);
        if (!r)
            return fail(r.error());
        if (!r->toBool(0, "may_create"))
            return QStringLiteral("user %1 may not create a publication in database \"%2\" (no CREATE privilege)").arg(e.opt.source.roleName(), db);
        if (r->toInt(0, "not_owned") > 0)
            return QStringLiteral("user %1 does not own %2 table(s) of database \"%3\", so it cannot publish them").arg(e.opt.source.roleName()).arg(r->toInt(0, "not_owned")).arg(db);
    }
    return QString();
}
} // namespace

Expected<std::unique_ptr<ChangeCapture>> chooseChangeCapture(Engine &engine, const pg::Result &sourceRole, const pg::Result &targetRole)
{
    // Issue 8: a native subscription where both sides allow it; otherwise
    // client-side decoding: pgoutput when the source can publish, else wal2json.
    const QString mode = engine.opt.changeCapture.isEmpty() ? QStringLiteral("auto") : engine.opt.changeCapture;
    if (mode != QLatin1String("auto") && mode != QLatin1String("subscription") && mode != QLatin1String("pgoutput") && mode != QLatin1String("wal2json"))
        return fail(Error::validation(QStringLiteral("BadChangeCapture"), QStringLiteral("Unknown change capture \"%1\".").arg(mode),
                                      QStringLiteral("Use auto, subscription, pgoutput or wal2json.")));
    auto chosen = [&](std::unique_ptr<ChangeCapture> c, const QString &name, const QString &why) -> Expected<std::unique_ptr<ChangeCapture>> {
        {
            std::lock_guard lock(engine.mutex);
            engine.captureName = name;
        }
        nlohmann::json ev{{"event", "change-capture"}, {"mode", js(mode)}, {"path", js(name)}};
        if (!why.isEmpty())
            ev["reason"] = js(why);
        engine.event(std::move(ev));
        return c;
    };
    if (mode == QLatin1String("pgoutput"))
        return chosen(std::make_unique<DecoderCapture>(engine, replication::Plugin::PgOutput), QStringLiteral("decoder/pgoutput"), QStringLiteral("forced"));
    if (mode == QLatin1String("wal2json"))
        return chosen(std::make_unique<DecoderCapture>(engine, replication::Plugin::Wal2Json), QStringLiteral("decoder/wal2json"), QStringLiteral("forced"));

    auto noPublication = whyNoPublication(engine, sourceRole);
    if (!noPublication)
        return fail(noPublication.error());
    auto subscription = SubscriptionCapture::check(engine, sourceRole, targetRole);
    if (subscription && noPublication->isEmpty())
        return chosen(std::make_unique<SubscriptionCapture>(engine), QStringLiteral("subscription"), QString());
    if (mode == QLatin1String("subscription")) {
        if (!subscription)
            return fail(subscription.error());
        return fail(directError(QStringLiteral("NativeSubscriptionImpossible"),
                                QStringLiteral("A native subscription is impossible: %1.").arg(*noPublication),
                                QStringLiteral("Use --change-capture auto (client-side decoding), or connect to the source as the tables' owner or a superuser.")));
    }
    const QString why = !subscription ? subscription.error().message : *noPublication;
    // The decoder applies with a replication origin: superuser on PostgreSQL 15
    // unless EXECUTE on the pg_replication_origin_* functions was granted.
    if (!targetRole.toBool(0, "is_superuser") && engine.tgtAdmin) {
        auto r = engine.tgtAdmin->exec(QStringLiteral("SELECT has_function_privilege('pg_replication_origin_create(text)', 'EXECUTE') "
                                                      "AND has_function_privilege('pg_replication_origin_session_setup(text)', 'EXECUTE') "
                                                      "AND has_function_privilege('pg_replication_origin_xact_setup(pg_lsn, timestamp with time zone)', 'EXECUTE')"),
                                       {}, &engine.cancel);
        if (!r)
            return fail(r.error());
        if (!r->toBool(0, 0)) {
            Error e = !subscription ? subscription.error()
                                    : directError(QStringLiteral("NoChangeCapture"), QStringLiteral("A native subscription is impossible: %1.").arg(why));
            e.message += QStringLiteral(" Client-side decoding is impossible too: user %1 may not use replication origins on the target.").arg(engine.opt.target.roleName());
            e.fix = QStringLiteral("Use a superuser on the target, or GRANT EXECUTE ON FUNCTION pg_replication_origin_create(text), "
                                   "pg_replication_origin_session_setup(text), pg_replication_origin_xact_setup(pg_lsn, timestamptz), "
                                   "pg_replication_origin_session_progress(boolean), pg_replication_origin_drop(text) TO %1.").arg(pg::quoteIdent(engine.opt.target.roleName()));
            return fail(e);
        }
    }
    if (noPublication->isEmpty())
        return chosen(std::make_unique<DecoderCapture>(engine, replication::Plugin::PgOutput), QStringLiteral("decoder/pgoutput"), why);
    auto src = pg::Connection::open(engine.opt.source, &engine.cancel);
    if (!src)
        return fail(src.error());
    auto plugin = replication::choosePlugin(*src, false, &engine.cancel);
    if (!plugin) {
        Error e = plugin.error();
        e.message = QStringLiteral("No change capture is possible: %1; %2").arg(why, e.message);
        return fail(e);
    }
    return chosen(std::make_unique<DecoderCapture>(engine, *plugin), QStringLiteral("decoder/wal2json"), why);
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
