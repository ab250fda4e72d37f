// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/replicationstream.h"

#include "engine/core/logging.h"

#include <QDateTime>
#include <QtEndian>

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>

namespace fm::direct::replication {

namespace {
auto log()
{
    static auto l = logging::get("engine.direct");
    return l;
}
constexpr int kWaitSliceMs = 100; // how long one poll() may block before the cancel token is checked again
} // namespace

ReplicationStream::ReplicationStream(pg::ConnectionParams source, QString slot)
    : m_params(std::move(source)), m_slot(std::move(slot))
{
    m_params.extra.insert(QStringLiteral("replication"), QStringLiteral("database"));
}

ReplicationStream::~ReplicationStream() = default;

void ReplicationStream::close()
{
    m_conn = pg::Connection();
}

Error ReplicationStream::lost(const QString &what) const
{
    Error e = Error::make(ErrorCategory::Postgres, QStringLiteral("08006"),
                          QStringLiteral("The replication connection to %1 was lost (%2).").arg(m_params.displayName(), what));
    if (m_conn.isOpen())
        e.details = QString::fromUtf8(PQerrorMessage(m_conn.raw())).trimmed();
    e.retryable = true;
    return e;
}

Expected<void> ReplicationStream::start(Lsn from, const QByteArray &pluginOptions, CancelToken *cancel)
{
    close();
    auto conn = pg::Connection::open(m_params, cancel);
    if (!conn)
        return fail(conn.error());
    m_conn = std::move(*conn);
    const QByteArray sql = QStringLiteral("START_REPLICATION SLOT %1 LOGICAL %2 ")
                               .arg(pg::quoteIdent(m_slot), lsnToString(from))
                               .toUtf8()
                           + pluginOptions;
    CancelRegistration reg(cancel, [this] { m_conn.cancelCurrent(); });
    pg::Result res(PQexec(m_conn.raw(), sql.constData()));
    if (PQresultStatus(res.raw()) != PGRES_COPY_BOTH) {
        Error e = pg::queryError(m_conn.raw(), res.raw(), QStringLiteral("Starting replication from slot %1").arg(m_slot));
        close();
        return fail(e);
    }
    m_received = std::max(m_received, from);
    m_flushed = std::max(m_flushed, from);
    m_sinceStatus.start();
    log()->info("replication: streaming slot {} from {} on {}", m_slot, lsnToString(from), m_params.displayName());
    return {};
}

void ReplicationStream::setFlushed(Lsn lsn)
{
    m_flushed = std::max(m_flushed, lsn);
}

Expected<void> ReplicationStream::sendStatus(bool replyRequested)
{
    if (!m_conn.isOpen())
        return fail(lost(QStringLiteral("not connected")));
    // Standby status update: 'r', write, flush, apply, client clock, reply requested.
    char buf[1 + 8 + 8 + 8 + 8 + 1];
    buf[0] = 'r';
    qToBigEndian<quint64>(std::max(m_received, m_flushed), buf + 1);
    qToBigEndian<quint64>(m_flushed, buf + 9);
    qToBigEndian<quint64>(m_flushed, buf + 17);
    qToBigEndian<qint64>(toPgMicros(QDateTime::currentDateTimeUtc()), buf + 25);
    buf[33] = replyRequested ? 1 : 0;
    if (PQputCopyData(m_conn.raw(), buf, sizeof buf) != 1 || PQflush(m_conn.raw()) != 0)
        return fail(lost(QStringLiteral("sending a status update failed")));
    m_sinceStatus.restart();
    return {};
}

Expected<std::optional<XLogData>> ReplicationStream::next(int timeoutMs, CancelToken *cancel)
{
    if (!m_conn.isOpen())
        return fail(lost(QStringLiteral("not connected")));
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (cancel && cancel->isCancelled())
            return fail(Error::cancelled());
        if (m_sinceStatus.elapsed() >= statusIntervalMs)
            if (auto r = sendStatus(); !r)
                return fail(r.error());

        char *raw = nullptr;
        const int n = PQgetCopyData(m_conn.raw(), &raw, 1);
        if (n > 0) {
            std::unique_ptr<char, void (*)(void *)> buf(raw, PQfreemem);
            if (raw[0] == 'w' && n >= 25) {
                XLogData x;
                x.walStart = qFromBigEndian<quint64>(raw + 1);
                x.walEnd = qFromBigEndian<quint64>(raw + 9);
                x.data = QByteArray(raw + 25, n - 25);
                m_received = std::max(m_received, x.walStart);
                m_serverEnd = std::max(m_serverEnd, x.walEnd);
                return std::optional<XLogData>(std::move(x));
            }
            if (raw[0] == 'k' && n >= 18) {
                // Primary keepalive: walEnd, server clock, reply requested.
                const Lsn end = qFromBigEndian<quint64>(raw + 1);
                m_keepaliveEnd = std::max(m_keepaliveEnd, end);
                m_serverEnd = std::max(m_serverEnd, end);
                if (raw[17])
                    if (auto r = sendStatus(); !r)
                        return fail(r.error());
                continue;
            }
            log()->warn("replication: ignoring CopyData message '{}' of {} bytes", raw[0], n);
            continue;
        }
        if (n == -1) { // COPY ended by the server: the result says why
            pg::Result res(PQgetResult(m_conn.raw()));
            Error e = lost(QStringLiteral("the server ended the stream"));
            if (res.raw() && PQresultStatus(res.raw()) == PGRES_FATAL_ERROR)
                e.details = pg::queryError(m_conn.raw(), res.raw(), {}).message;
            close();
            return fail(e);
        }
        if (n == -2) {
            Error e = lost(QStringLiteral("reading failed"));
            close();
            return fail(e);
        }
        // n == 0: nothing complete buffered; wait for the socket, a slice at a time.
        const qint64 left = timeoutMs - waited.elapsed();
        if (left <= 0)
            return std::optional<XLogData>();
        pollfd pfd{PQsocket(m_conn.raw()), POLLIN, 0};
        const int wait = int(std::min<qint64>({left, kWaitSliceMs, std::max<qint64>(1, statusIntervalMs - m_sinceStatus.elapsed())}));
        const int pr = ::poll(&pfd, 1, wait);
        if (pr < 0 && errno != EINTR) {
            Error e = lost(QStringLiteral("poll failed"));
            close();
            return fail(e);
        }
        if (pr > 0 && PQconsumeInput(m_conn.raw()) != 1) {
            Error e = lost(QStringLiteral("the connection closed"));
            close();
            return fail(e);
        }
    }
}

} // namespace fm::direct::replication
