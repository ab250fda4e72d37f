// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// THE SEAM for change capture (DESIGN.md step 6; issue 8 plugs in here).
// Engine::checkServers() calls chooseChangeCapture() once per run; the returned
// ChangeCapture starts, resumes, polls and stops the apply of one database's
// slot. Today the only implementation is SubscriptionCapture (native
// subscription on the existing slot, copy_data=false); a client-side decoder
// (pgoutput/wal2json applied with a replication origin, engine/direct/replication/)
// implements the same interface and is returned where a subscription is
// impossible (Azure Single Server, no pg_create_subscription, no LR workers).
// Heartbeat lag, slot lag, per-table counters and the cutover drain are generic
// (pollStreaming() below, CutoverStep): they only read the source slot and the
// target's tables, so they work for every implementation unchanged.

#include "engine/core/expected.h"
#include "engine/pg/connection.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace fm::direct {

class Engine;
struct DbRun;

class ChangeCapture
{
public:
    virtual ~ChangeCapture() = default;

    /** "subscription" (native) or, later, "decoder" (client-side); shown in events. */
    virtual QString kind() const = 0;
    /** The output plugin SnapshotStep creates the slot with (issue 8: wal2json where the source cannot publish). */
    virtual QString slotPlugin() const { return QStringLiteral("pgoutput"); }
    /** False: SnapshotStep creates no publication (wal2json decodes every table). */
    virtual bool usesPublication() const { return true; }
    /**
     * Applies the changes of d.slot from its consistent point (or from where a
     * previous process stopped: resume), after the copy and the post-data.
     * Returns once the apply runs; it keeps running until stop().
     */
    virtual Expected<void> start(DbRun &d) = 0;
    /**
     * Resume of a copy interrupted by a killed process: the exported snapshot is
     * gone, so the units (top-level tables) in `unfinished` must be copied again
     * consistently with the changes, then streamed. `buildPostData` builds the
     * remaining indexes (call it before the tables are filled again, or after: the
     * implementation decides). Tables being re-copied are in state Resyncing;
     * poll() moves them to Streaming.
     */
    virtual Expected<void> resumeCopy(DbRun &d, pg::Connection &src, const QStringList &unfinished,
                                      const std::function<Expected<void>()> &buildPostData) = 0;
    /** Called at every heartbeat while d streams (control thread), with the target monitor connection. */
    virtual void poll(DbRun &d, pg::Connection &tgtMon) = 0;
    /**
     * Stops applying and removes the target-side objects (never the source slot:
     * CleanupStep drops it). Idempotent, no cancel token: runs in cleanup after a cancel.
     */
    virtual Expected<void> stop(DbRun &d, pg::Connection &tgt) = 0;
};

/**
 * Chooses how changes reach the target from the `direct/role` rows of both
 * servers, or an error that says why no path is possible here (and the fix).
 */
Expected<std::unique_ptr<ChangeCapture>> chooseChangeCapture(Engine &engine, const pg::Result &sourceRole, const pg::Result &targetRole);

/** Heartbeat, byte and time lag, per-table insert/update/delete counters of one streaming database; then ChangeCapture::poll(). */
void pollStreaming(Engine &engine, DbRun &d);

} // namespace fm::direct
