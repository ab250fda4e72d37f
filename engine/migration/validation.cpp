// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/validation.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"
#include "engine/pg/sqlcatalog.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace fm::migration {

namespace {

auto log()
{
    static auto l = logging::get("engine.migration");
    return l;
}

struct SourceTable {
    QString schema;
    QString name;
    qint64 estimatedRows = 0;
    QStringList pkColumns;
    QString pkType;
    bool integerKey() const
    {
        return pkColumns.size() == 1
               && (pkType == QLatin1String("integer") || pkType == QLatin1String("bigint") || pkType == QLatin1String("smallint"));
    }
};

struct Chunk {
    QString label;
    QString where;      ///< SQL condition on the key, with $1/$2
    QStringList params; ///< bounds
};

struct ChunkResult {
    qint64 rows = 0;
    QString hash;
};

Expected<pg::Connection> openReadOnly(const pg::ConnectionParams &p, CancelToken *cancel)
{
    auto c = pg::Connection::open(p, cancel);
    if (!c)
        return c;
    auto session = pg::SqlCatalog::get(QStringLiteral("validate/session"));
    if (!session)
        return fail(session.error());
    if (auto r = c->execScript(*session, cancel); !r)
        return fail(r.error());
    return c;
}

Expected<ChunkResult> measure(pg::Connection &c, const QString &table, const Chunk &chunk, bool checksum, CancelToken *cancel)
{
    // sum() of bigints is numeric in PostgreSQL: no overflow, and order does not matter.
    const QString select = checksum
                               ? QStringLiteral("SELECT count(*) AS n, coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint), 0)::text AS h FROM %1 t")
                               : QStringLiteral("SELECT count(*) AS n, '' AS h FROM %1 t");
    QString sql = select.arg(table);
    if (!chunk.where.isEmpty())
        sql += QStringLiteral(" WHERE ") + chunk.where;
    auto r = c.exec(sql, chunk.params, cancel);
    if (!r)
        return fail(r.error());
    return ChunkResult{r->toInt(0, "n"), r->text(0, "h")};
}

QList<Chunk> chunksFor(pg::Connection &source, const SourceTable &t, const ValidationOptions &o, CancelToken *cancel)
{
    if (!o.checksums || !t.integerKey() || t.estimatedRows <= o.rowsPerChunk)
        return {Chunk{QStringLiteral("whole table"), {}, {}}};
    const QString key = pg::quoteIdent(t.pkColumns.first());
    auto bounds = source.exec(QStringLiteral("SELECT min(%1)::text AS lo, max(%1)::text AS hi FROM %2").arg(key, pg::qualifiedName(t.schema, t.name)), {}, cancel);
    if (!bounds || bounds->isNull(0, 0))
        return {Chunk{QStringLiteral("whole table"), {}, {}}};
    const qint64 lo = bounds->text(0, "lo").toLongLong();
    const qint64 hi = bounds->text(0, "hi").toLongLong();
    const qint64 parts = std::max<qint64>(1, t.estimatedRows / std::max<qint64>(1, o.rowsPerChunk));
    const qint64 width = std::max<qint64>(1, qint64(std::ceil((double(hi) - double(lo) + 1.0) / double(parts))));
    QList<Chunk> out;
    for (qint64 start = lo; start <= hi; start += width) {
        const qint64 end = std::min(hi + 1, start + width);
        out << Chunk{QStringLiteral("%1 in [%2, %3)").arg(t.pkColumns.first()).arg(start).arg(end),
                     QStringLiteral("%1 >= $1::bigint AND %1 < $2::bigint").arg(key), {QString::number(start), QString::number(end)}};
        if (end > hi)
            break;
    }
    // Rows the target has outside the source's key range are differences too.
    out << Chunk{QStringLiteral("%1 outside [%2, %3]").arg(t.pkColumns.first()).arg(lo).arg(hi),
                 QStringLiteral("(%1 < $1::bigint OR %1 > $2::bigint)").arg(key), {QString::number(lo), QString::number(hi)}};
    return out;
}

} // namespace

QString TableValidation::qualifiedName() const
{
    return pg::qualifiedName(schema, name);
}

bool DatabaseValidation::equal() const
{
    return differingTables() == 0 && extraOnTarget.isEmpty();
}

int DatabaseValidation::differingTables() const
{
    int n = 0;
    for (const auto &t : tables)
        n += t.equal() ? 0 : 1;
    return n;
}

bool isDirectHeartbeatSchema(const QString &schema)
{
    static const QRegularExpression heartbeat(QStringLiteral("^fm_.*_hb(_[0-9a-f]+)?$"));
    return heartbeat.match(schema).hasMatch();
}

Expected<DatabaseValidation> validateDatabase(const pg::ConnectionParams &source, const pg::ConnectionParams &target,
                                              const ValidationOptions &options, CancelToken *cancel,
                                              const std::function<void(int, int)> &progress)
{
    auto src = openReadOnly(source, cancel);
    if (!src)
        return fail(src.error());
    auto tgt = openReadOnly(target, cancel);
    if (!tgt)
        return fail(tgt.error());

    auto list = [&](pg::Connection &c) -> Expected<QList<SourceTable>> {
        auto r = c.execNamed(QStringLiteral("validate/tables"), {}, cancel);
        if (!r)
            return fail(r.error());
        QList<SourceTable> out;
        for (int i = 0; i < r->rows(); ++i) {
            if (options.skipHeartbeatSchema && isDirectHeartbeatSchema(r->text(i, "schema_name")))
                continue;
            out << SourceTable{r->text(i, "schema_name"), r->text(i, "table_name"), r->toInt(i, "estimated_rows"), r->toStringList(i, "pk_columns"),
                               r->text(i, "pk_type")};
        }
        return out;
    };
    auto srcTables = list(*src);
    if (!srcTables)
        return fail(srcTables.error());
    auto tgtTables = list(*tgt);
    if (!tgtTables)
        return fail(tgtTables.error());

    DatabaseValidation result;
    result.database = source.dbname;
    QSet<QString> onTarget;
    for (const auto &t : *tgtTables)
        onTarget.insert(pg::qualifiedName(t.schema, t.name));
    QSet<QString> onSource;
    int done = 0;
    for (const auto &t : *srcTables) {
        if (cancel && cancel->isCancelled())
            return fail(Error::cancelled());
        const QString qn = pg::qualifiedName(t.schema, t.name);
        onSource.insert(qn);
        TableValidation v;
        v.schema = t.schema;
        v.name = t.name;
        if (!onTarget.contains(qn)) {
            v.missingOnTarget = true;
            auto s = measure(*src, qn, Chunk{}, false, cancel);
            if (!s)
                return fail(s.error());
            v.sourceRows = s->rows;
            result.tables << v;
            continue;
        }
        const QList<Chunk> chunks = chunksFor(*src, t, options, cancel);
        v.checksummed = options.checksums;
        v.chunks = int(chunks.size());
        v.sourceRows = v.targetRows = 0;
        for (const Chunk &chunk : chunks) {
            auto s = measure(*src, qn, chunk, options.checksums, cancel);
            if (!s)
                return fail(s.error());
            auto g = measure(*tgt, qn, chunk, options.checksums, cancel);
            if (!g)
                return fail(g.error());
            v.sourceRows += s->rows;
            v.targetRows += g->rows;
            if (options.checksums && (s->rows != g->rows || s->hash != g->hash))
                v.differences << ChunkDifference{chunk.label, s->rows, g->rows};
        }
        result.tables << v;
        if (progress)
            progress(++done, int(srcTables->size()));
    }
    for (const auto &t : *tgtTables)
        if (!onSource.contains(pg::qualifiedName(t.schema, t.name)))
            result.extraOnTarget << pg::qualifiedName(t.schema, t.name);
    log()->info("validated {}: {} tables, {} differ", result.database, result.tables.size(), result.differingTables());
    return result;
}

QJsonObject toJson(const TableValidation &t)
{
    QJsonObject o{{QStringLiteral("schema"), t.schema},
                  {QStringLiteral("table"), t.name},
                  {QStringLiteral("sourceRows"), double(t.sourceRows)},
                  {QStringLiteral("targetRows"), double(t.targetRows)},
                  {QStringLiteral("equal"), t.equal()}};
    if (t.missingOnTarget)
        o[QStringLiteral("missingOnTarget")] = true;
    if (t.checksummed) {
        o[QStringLiteral("chunks")] = t.chunks;
        QJsonArray diffs;
        for (const auto &d : t.differences)
            diffs.append(QJsonObject{{QStringLiteral("range"), d.range},
                                     {QStringLiteral("sourceRows"), double(d.sourceRows)},
                                     {QStringLiteral("targetRows"), double(d.targetRows)}});
        o[QStringLiteral("differences")] = diffs;
    }
    return o;
}

QJsonObject toJson(const DatabaseValidation &d)
{
    QJsonArray tables;
    for (const auto &t : d.tables)
        tables.append(toJson(t));
    return QJsonObject{{QStringLiteral("database"), d.database},
                       {QStringLiteral("equal"), d.equal()},
                       {QStringLiteral("differingTables"), d.differingTables()},
                       {QStringLiteral("extraOnTarget"), QJsonArray::fromStringList(d.extraOnTarget)},
                       {QStringLiteral("tables"), tables}};
}

} // namespace fm::migration
