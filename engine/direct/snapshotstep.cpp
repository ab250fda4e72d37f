// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/snapshotstep.h"

#include "engine/direct/changecapture.h"
#include "engine/direct/engine.h"

#include <libpq-fe.h>

namespace fm::direct {

Expected<void> SnapshotStep::prepareSource(DbRun &d, pg::Connection &src)
{
    Engine &e = m_engine;
    // Tables without a replica identity would make UPDATE/DELETE fail on the
    // source once published (bench-baseline.md, "Pitfall"): FULL until cleanup.
    QStringList changed;
    for (const auto &t : d.tables) {
        const bool none = t->replident == QLatin1String("n") || (t->replident == QLatin1String("d") && !t->hasIdentity)
                          || (t->replident == QLatin1String("i") && !t->hasIdentity);
        if (!none)
            continue;
        {
            std::lock_guard lock(e.journal.mutex);
            e.jdb(d).replicaIdentityChanged[t->qualified()] = t->replident;
        }
        e.saveJournal();
        if (auto r = src.exec(QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY FULL").arg(t->qualified()), {}, &e.cancel); !r)
            return fail(r.error());
        changed << t->qualified();
    }
    if (!changed.isEmpty())
        e.event({{"event", "replica-identity-full"}, {"database", js(d.name)}, {"tables", js(changed.join(QStringLiteral(", ")))}});

    // Heartbeat row: lag in time, and the cutover's drain marker.
    const QString hb = d.hbTable();
    if (auto r = src.execScript(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1; CREATE TABLE IF NOT EXISTS %2 (id int PRIMARY KEY, seq bigint NOT NULL, ts timestamptz NOT NULL);"
                                               "INSERT INTO %2 VALUES (1, 0, clock_timestamp()) ON CONFLICT (id) DO NOTHING;")
                                    .arg(pg::quoteIdent(d.hbSchema), hb),
                                &e.cancel);
        !r)
        return fail(r.error());
    if (auto r = e.loadTables(d, src); !r) // now with the heartbeat table
        return r;

    // Publication: an explicit table list (not FOR ALL TABLES) so a resumed
    // run can take unfinished tables out and hand them to table sync.
    const QString members = d.units.join(QStringLiteral(", "));
    if (e.capture && !e.capture->usesPublication()) // wal2json decodes every table without one (issue 8)
        return {};
    if (auto r = src.exec(QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2 WITH (publish_via_partition_root = true)")
                              .arg(pg::quoteIdent(d.publication), members),
                          {}, &e.cancel);
        !r) {
        Error err = r.error();
        err.message = QStringLiteral("The source cannot publish database \"%1\" (%2), which the %3 change capture needs. "
                                     "--change-capture wal2json decodes without a publication.")
                          .arg(d.name, err.message, e.capture ? e.capture->kind() : QStringLiteral("subscription"));
        if (err.code.isEmpty() || err.code == QLatin1String("42501"))
            err.fix = QStringLiteral("Connect to the source as the owner of the tables or a superuser.");
        return fail(err);
    }
    return {};
}

Expected<ExportedSnapshot> SnapshotStep::createSlot(DbRun &d)
{
    Engine &e = m_engine;
    // The slot and its exported snapshot: one consistent point for schema, data and changes.
    auto s = exportSnapshot(d, d.slot, e.capture ? e.capture->slotPlugin() : QStringLiteral("pgoutput"), false,
                            QStringLiteral("Creating replication slot %1").arg(d.slot));
    if (!s)
        return s;
    e.event({{"event", "slot-created"}, {"database", js(d.name)}, {"slot", js(d.slot)}, {"consistentPoint", js(s->consistentPoint)}});
    return s;
}

Expected<ExportedSnapshot> SnapshotStep::exportSnapshot(const DbRun &d, const QString &slot, const QString &plugin, bool temporary, const QString &context)
{
    Engine &e = m_engine;
    pg::ConnectionParams rp = e.sourceFor(d.name);
    rp.extra.insert(QStringLiteral("replication"), QStringLiteral("database"));
    auto repl = pg::Connection::open(rp, &e.cancel);
    if (!repl)
        return fail(repl.error());
    const QByteArray cmd = QStringLiteral("CREATE_REPLICATION_SLOT %1%2 LOGICAL %3 (SNAPSHOT 'export')")
                               .arg(pg::quoteIdent(slot), temporary ? QStringLiteral(" TEMPORARY") : QString(), plugin)
                               .toUtf8();
    pg::Result slotRes(PQexec(repl->raw(), cmd.constData()));
    if (PQresultStatus(slotRes.raw()) != PGRES_TUPLES_OK)
        return fail(pg::queryError(repl->raw(), slotRes.raw(), context));
    return ExportedSnapshot{std::move(*repl), slotRes.text(0, "snapshot_name"), slotRes.text(0, "consistent_point")};
}

} // namespace fm::direct
