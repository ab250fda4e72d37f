// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/change.h"

#include "engine/pg/connection.h"

namespace fm::direct::replication {

namespace {
// 2000-01-01 00:00:00 UTC in Unix milliseconds (PostgreSQL's epoch, protocol docs "Message Formats").
constexpr std::int64_t kPgEpochUnixMs = 946684800000LL;
} // namespace

QString lsnToString(Lsn lsn)
{
    return QStringLiteral("%1/%2").arg(quint32(lsn >> 32), 0, 16).arg(quint32(lsn & 0xffffffffu), 0, 16).toUpper();
}

std::optional<Lsn> lsnFromString(QStringView text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == text.size() - 1 || text.size() > 17)
        return std::nullopt;
    bool okHi = false, okLo = false;
    const quint64 hi = text.left(slash).toULongLong(&okHi, 16);
    const quint64 lo = text.mid(slash + 1).toULongLong(&okLo, 16);
    if (!okHi || !okLo || hi > 0xffffffffu || lo > 0xffffffffu)
        return std::nullopt;
    return (hi << 32) | lo;
}

std::int64_t toPgMicros(const QDateTime &time)
{
    return (time.toMSecsSinceEpoch() - kPgEpochUnixMs) * 1000;
}

QDateTime fromPgMicros(std::int64_t micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000 + kPgEpochUnixMs, Qt::UTC);
}

QString Change::qualifiedTable() const
{
    return pg::qualifiedName(schema, table);
}

} // namespace fm::direct::replication
