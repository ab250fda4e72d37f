// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/clientreplication.h"

#include "engine/core/logging.h"
#include "engine/direct/replication/replicationstream.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <thread>

namespace fm::direct::replication {

namespace {
auto log()
{
    static auto l = logging::get("engine.direct");
    return l;
}

bool recoverable(const Error &e)
{
    // Connection gone (class 08, admin shutdown mapped to 08006), server
    // starting/recovering (57P03), the slot still held by a dying walsender or
    // the origin by a dying backend (55006).
    return e.isConnectionLost() || e.code.startsWith(QLatin1String("08")) || e.code == QLatin1String("57P03")
        || e.code == QLatin1String("55006") || e.code == QLatin1String("57P01");
}
} // namespace

ClientReplication::ClientReplication(ClientReplicationOptions options) : m_opt(std::move(options))
{
    m_status.plugin = pluginName(m_opt.plugin);
}

ClientReplication::~ClientReplication() = default;

ClientReplicationStatus ClientReplication::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void ClientReplication::publish(const ReplicationStream &stream, const ChangeApplier &applier, bool connected)
{
    std::lock_guard lock(m_mutex);
    m_status.connected = connected;
    m_status.applied = applier.appliedLsn();
    m_status.confirmed = stream.flushed();
    m_status.serverEnd = stream.serverWalEnd();
    const Lsn done = std::max(m_status.applied, m_status.confirmed);
    m_status.lagBytes = m_status.serverEnd > done ? qint64(m_status.serverEnd - done) : 0;
    m_status.transactions = applier.transactionsApplied();
    m_status.skipped = applier.transactionsSkipped();
    m_status.tables = applier.counters();
}

Expected<void> ClientReplication::run(CancelToken &cancel)
{
    ReplicationStream stream(m_opt.source, m_opt.slot);
    ChangeApplier applier(m_opt.target, m_opt.origin);
    applier.setTableSyncPoints(m_opt.tableSyncPoints);
    std::unique_ptr<Decoder> decoder = makeDecoder(m_opt.plugin, m_opt.publication);
    std::vector<Change> changes;
    bool inTxn = false;
    QDateTime oldestPending; // commit time of the oldest source transaction received but not yet committed on the target
    QElapsedTimer downSince;
    int backoffMs = 100;

    auto lostConnection = [&](const Error &e) -> Expected<void> {
        // Whatever the target had not committed is rolled back with the session;
        // the origin's progress says where to restart.
        applier.close();
        stream.close();
        decoder->reset();
        inTxn = false;
        oldestPending = QDateTime();
        if (!downSince.isValid())
            downSince.start();
        {
            std::lock_guard lock(m_mutex);
            ++m_status.reconnects;
            m_status.lastError = e.toDisplayString();
            m_status.connected = false;
        }
        if (downSince.elapsed() > m_opt.reconnectTimeoutMs)
            return fail(e);
        log()->warn("client-side replication {}: {}; reconnecting in {} ms", m_opt.slot, e.toDisplayString(), backoffMs);
        for (int slept = 0; slept < backoffMs && !cancel.isCancelled(); slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        backoffMs = std::min(backoffMs * 2, 2000);
        return {};
    };

    for (;;) {
        if (cancel.isCancelled())
            return fail(Error::cancelled());
        if (!applier.isOpen() || !stream.isStreaming()) {
            applier.close();
            stream.close();
            auto progress = applier.open(&cancel);
            if (!progress) {
                if (progress.error().isCancelled() || !recoverable(progress.error()))
                    return fail(progress.error());
                if (auto r = lostConnection(progress.error()); !r)
                    return r;
                continue;
            }
            decoder->reset();
            // 0 = the slot's confirmed_flush_lsn (its consistent point on the first run).
            if (auto r = stream.start(*progress, decoder->startOptions(), &cancel); !r) {
                if (r.error().isCancelled() || !recoverable(r.error()))
                    return fail(r.error());
                if (auto l = lostConnection(r.error()); !l)
                    return l;
                continue;
            }
            stream.setFlushed(*progress);
            downSince.invalidate();
            backoffMs = 100;
            publish(stream, applier, true);
        }

        // Wait briefly only when nothing is pending: an open group commits as
        // soon as the stream has nothing buffered (low lag), or when it is full.
        const bool groupOpen = applier.hasOpenGroup();
        auto msg = stream.next(groupOpen && !inTxn ? 0 : 100, &cancel);
        if (!msg) {
            if (msg.error().isCancelled())
                return fail(msg.error());
            if (auto r = lostConnection(msg.error()); !r)
                return r;
            continue;
        }
        if (*msg) {
            changes.clear();
            if (auto r = decoder->decode((*msg)->walStart, (*msg)->data.constData(), int((*msg)->data.size()), changes); !r)
                return fail(r.error());
            bool failed = false;
            for (const Change &c : changes) {
                if (c.kind == Change::Kind::Begin) {
                    inTxn = true;
                    if (!oldestPending.isValid())
                        oldestPending = c.commitTime;
                } else if (c.kind == Change::Kind::Commit) {
                    inTxn = false;
                }
                if (auto r = applier.apply(c, &cancel); !r) {
                    if (r.error().isCancelled() || !recoverable(r.error()))
                        return fail(r.error());
                    if (auto l = lostConnection(r.error()); !l)
                        return l;
                    failed = true;
                    break;
                }
            }
            if (failed)
                continue;
            if (inTxn || applier.groupTransactions() < m_opt.groupTransactions)
                continue; // keep reading: more of this transaction, or more to group
        }
        // Nothing buffered (or the group is full): commit what is open.
        if (!inTxn && applier.hasOpenGroup()) {
            if (auto r = applier.flush(&cancel); !r) {
                if (r.error().isCancelled() || !recoverable(r.error()))
                    return fail(r.error());
                if (auto l = lostConnection(r.error()); !l)
                    return l;
                continue;
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            std::lock_guard lock(m_mutex);
            // Time lag: how long the oldest transaction of the group waited since its source commit.
            m_status.lagSeconds = oldestPending.isValid() ? std::max<qint64>(0, oldestPending.msecsTo(now)) / 1000.0 : 0.0;
            oldestPending = QDateTime();
        }
        // Only what is committed on the target is confirmed. Not the keepalive's
        // position: tst_decoders caught keepalives ahead of commits still to be
        // sent, so confirming it could make the slot skip them after a restart.
        stream.setFlushed(applier.appliedLsn());
        if (!*msg && !inTxn && !applier.hasOpenGroup()) {
            std::lock_guard lock(m_mutex);
            if (stream.keepaliveEnd() >= stream.serverWalEnd())
                m_status.lagSeconds = 0; // idle and caught up
        }
        publish(stream, applier, true);
        const Lsn target = m_drainTo.load();
        if (target != 0 && !inTxn && !applier.hasOpenGroup() && applier.appliedLsn() >= target) {
            if (auto r = stream.sendStatus(); !r)
                log()->warn("client-side replication {}: final status update: {}", m_opt.slot, r.error().toDisplayString());
            log()->info("client-side replication {}: drained to {}", m_opt.slot, lsnToString(target));
            return {};
        }
    }
}

Expected<Plugin> choosePlugin(pg::Connection &source, bool canPublish, CancelToken *cancel)
{
    if (canPublish)
        return Plugin::PgOutput;
    // A temporary slot disappears with the session even if the drop below never runs.
    const QString probe = QStringLiteral("fm_probe_%1").arg(QCoreApplication::applicationPid());
    auto r = source.exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_create_logical_replication_slot($1, 'wal2json', true)"), {probe}, cancel);
    if (r)
        return Plugin::Wal2Json;
    if (r.error().isCancelled())
        return fail(r.error());
    Error e = Error::make(ErrorCategory::Postgres, QStringLiteral("NoChangeCapture"),
                          QStringLiteral("The source can neither publish (needed for pgoutput) nor decode with wal2json: %1").arg(r.error().message),
                          QStringLiteral("Grant the source user CREATE on the database and ownership of the tables (or superuser) so a publication can be created, or install wal2json on the source."));
    e.details = r.error().details;
    return fail(e);
}

Expected<void> dropOrigin(pg::Connection &target, const QString &origin, CancelToken *cancel)
{
    auto r = target.exec(QStringLiteral("SELECT pg_replication_origin_drop($1) WHERE pg_replication_origin_oid($1) IS NOT NULL"), {origin}, cancel);
    if (!r)
        return fail(r.error());
    return {};
}

} // namespace fm::direct::replication
