// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/pgoutputdecoder.h"

#include "engine/direct/replication/wal2jsondecoder.h"
#include "engine/pg/connection.h"

#include <QtEndian>

#include <cstring>

namespace fm::direct::replication {

QString pluginName(Plugin plugin)
{
    return plugin == Plugin::PgOutput ? QStringLiteral("pgoutput") : QStringLiteral("wal2json");
}

std::optional<Plugin> pluginFromName(const QString &name)
{
    if (name == QLatin1String("pgoutput"))
        return Plugin::PgOutput;
    if (name == QLatin1String("wal2json"))
        return Plugin::Wal2Json;
    return std::nullopt;
}

std::unique_ptr<Decoder> makeDecoder(Plugin plugin, const QString &publication)
{
    if (plugin == Plugin::PgOutput)
        return std::make_unique<PgOutputDecoder>(publication);
    return std::make_unique<Wal2JsonDecoder>();
}

namespace {

Error protocolError(const QString &what)
{
    Error e = Error::make(ErrorCategory::Postgres, QStringLiteral("PgOutputProtocol"),
                          QStringLiteral("Unexpected pgoutput message from the source: %1.").arg(what));
    e.fix = QStringLiteral("Report this with the source's PostgreSQL version; the change stream cannot be decoded.");
    return e;
}

/** Bounds-checked big-endian reader over one message (protocol integers are network order). */
class Reader
{
public:
    Reader(const char *data, int size) : m_p(data), m_end(data + size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p >= m_end; }

    template <typename T>
    T read()
    {
        if (m_end - m_p < qsizetype(sizeof(T))) {
            m_ok = false;
            return T{};
        }
        T v = qFromBigEndian<T>(m_p);
        m_p += sizeof(T);
        return v;
    }
    char byte() { return char(read<quint8>()); }
    QString string()
    {
        const void *nul = std::memchr(m_p, 0, size_t(std::max<qsizetype>(0, m_end - m_p)));
        if (!nul) {
            m_ok = false;
            return {};
        }
        const char *z = static_cast<const char *>(nul);
        QString s = QString::fromUtf8(m_p, z - m_p);
        m_p = z + 1;
        return s;
    }
    QByteArray bytes(qint32 n)
    {
        if (n < 0 || m_end - m_p < n) {
            m_ok = false;
            return {};
        }
        QByteArray b(m_p, n);
        m_p += n;
        return b;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

bool readTuple(Reader &r, const QStringList &columns, Tuple &out)
{
    const int n = r.read<qint16>();
    if (!r.ok() || n != columns.size())
        return false;
    for (int i = 0; i < n; ++i) {
        const char kind = r.byte();
        switch (kind) {
        case 'n':
            out.add(columns[i], Value::null());
            break;
        case 'u':
            out.add(columns[i], Value::unchanged());
            break;
        case 't':
        case 'b': { // 'b' only with the binary option, which we never ask for
            const qint32 len = r.read<qint32>();
            out.add(columns[i], Value::fromText(r.bytes(len)));
            break;
        }
        default:
            return false;
        }
        if (!r.ok())
            return false;
    }
    return true;
}

} // namespace

PgOutputDecoder::PgOutputDecoder(QString publication) : m_publication(std::move(publication)) {}

QByteArray PgOutputDecoder::startOptions() const
{
    // publication_names is a list of identifiers inside a string literal.
    QString pub = m_publication;
    pub.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QString lit = QStringLiteral("\"%1\"").arg(pub);
    lit.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("(proto_version '1', publication_names '%1')").arg(lit).toUtf8();
}

void PgOutputDecoder::reset()
{
    m_relations.clear();
    m_xid = 0;
    m_finalLsn = 0;
}

Expected<void> PgOutputDecoder::decode(Lsn walStart, const char *data, int size, std::vector<Change> &out)
{
    Reader r(data, size);
    const char type = r.byte();
    Change c;
    c.lsn = walStart;
    c.xid = m_xid;
    auto relationOf = [&](quint32 oid) -> const Relation * {
        auto it = m_relations.constFind(oid);
        return it == m_relations.cend() ? nullptr : &*it;
    };
    auto fillRelation = [&](const Relation &rel) {
        c.schema = rel.schema;
        c.table = rel.name;
        c.keyColumns = rel.keyColumns;
    };

    switch (type) {
    case 'B': {
        m_finalLsn = r.read<quint64>();
        m_commitTime = fromPgMicros(r.read<qint64>());
        m_xid = r.read<quint32>();
        c.kind = Change::Kind::Begin;
        c.xid = m_xid;
        c.finalLsn = m_finalLsn;
        c.commitTime = m_commitTime;
        break;
    }
    case 'C': {
        r.byte(); // flags, unused
        c.kind = Change::Kind::Commit;
        c.finalLsn = r.read<quint64>();
        c.endLsn = r.read<quint64>();
        c.commitTime = fromPgMicros(r.read<qint64>());
        break;
    }
    case 'O': // origin of a transaction replicated into the source: nothing to do
    case 'Y': // type metadata: values are text, the target parses them
    case 'M': // logical decoding message (only with messages=true)
        return {};
    case 'R': {
        const quint32 oid = r.read<quint32>();
        Relation rel;
        rel.schema = r.string();
        rel.name = r.string();
        rel.identity = r.byte();
        const int n = r.read<qint16>();
        for (int i = 0; i < n && r.ok(); ++i) {
            const quint8 flags = r.read<quint8>();
            const QString name = r.string();
            r.read<quint32>(); // type oid
            r.read<qint32>();  // typmod
            rel.columns << name;
            if (flags & 1)
                rel.keyColumns << name;
        }
        if (!r.ok())
            return fail(protocolError(QStringLiteral("truncated Relation message")));
        if (rel.schema.isEmpty())
            rel.schema = QStringLiteral("pg_catalog"); // the protocol sends "" for pg_catalog
        m_relations.insert(oid, std::move(rel));
        return {};
    }
    case 'I': {
        const Relation *rel = relationOf(r.read<quint32>());
        if (!rel)
            return fail(protocolError(QStringLiteral("Insert for an unknown relation")));
        if (r.byte() != 'N' || !readTuple(r, rel->columns, c.newTuple))
            return fail(protocolError(QStringLiteral("malformed Insert")));
        c.kind = Change::Kind::Insert;
        fillRelation(*rel);
        break;
    }
    case 'U': {
        const Relation *rel = relationOf(r.read<quint32>());
        if (!rel)
            return fail(protocolError(QStringLiteral("Update for an unknown relation")));
        char tag = r.byte();
        if (tag == 'K' || tag == 'O') {
            Tuple old;
            if (!readTuple(r, rel->columns, old))
                return fail(protocolError(QStringLiteral("malformed Update old tuple")));
            // 'K' sends every column but only the key ones carry values (the rest are null).
            for (int i = 0; i < old.columns.size(); ++i)
                if (tag == 'O' || rel->keyColumns.contains(old.columns[i]))
                    c.oldKey.add(old.columns[i], old.values[size_t(i)]);
            tag = r.byte();
        }
        if (tag != 'N' || !readTuple(r, rel->columns, c.newTuple))
            return fail(protocolError(QStringLiteral("malformed Update")));
        c.kind = Change::Kind::Update;
        fillRelation(*rel);
        if (c.oldKey.isEmpty()) // key unchanged: it is in the new tuple
            for (int i = 0; i < c.newTuple.columns.size(); ++i)
                if (rel->keyColumns.contains(c.newTuple.columns[i]))
                    c.oldKey.add(c.newTuple.columns[i], c.newTuple.values[size_t(i)]);
        break;
    }
    case 'D': {
        const Relation *rel = relationOf(r.read<quint32>());
        if (!rel)
            return fail(protocolError(QStringLiteral("Delete for an unknown relation")));
        const char tag = r.byte();
        Tuple old;
        if ((tag != 'K' && tag != 'O') || !readTuple(r, rel->columns, old))
            return fail(protocolError(QStringLiteral("malformed Delete")));
        for (int i = 0; i < old.columns.size(); ++i)
            if (tag == 'O' || rel->keyColumns.contains(old.columns[i]))
                c.oldKey.add(old.columns[i], old.values[size_t(i)]);
        c.kind = Change::Kind::Delete;
        fillRelation(*rel);
        break;
    }
    case 'T': {
        const int n = r.read<qint32>();
        const quint8 options = r.read<quint8>();
        c.kind = Change::Kind::Truncate;
        c.cascade = options & 1;
        c.restartIdentity = options & 2;
        for (int i = 0; i < n && r.ok(); ++i) {
            const Relation *rel = relationOf(r.read<quint32>());
            if (!rel)
                return fail(protocolError(QStringLiteral("Truncate for an unknown relation")));
            c.truncated.emplace_back(rel->schema, rel->name);
        }
        if (!c.truncated.empty()) {
            c.schema = c.truncated.front().first;
            c.table = c.truncated.front().second;
        }
        break;
    }
    default:
        return fail(protocolError(QStringLiteral("message type '%1'").arg(QLatin1Char(type))));
    }
    if (!r.ok())
        return fail(protocolError(QStringLiteral("truncated '%1' message").arg(QLatin1Char(type))));
    out.push_back(std::move(c));
    return {};
}

} // namespace fm::direct::replication
