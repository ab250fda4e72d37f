// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/direct/replication/changeapplier.h"

#include "engine/core/logging.h"

#include <libpq-fe.h>

#include <thread>

namespace fm::direct::replication {

namespace {
auto log()
{
    static auto l = logging::get("engine.direct");
    return l;
}

// The target table's columns, generated/identity flags and primary key in one
// round trip (inline: it belongs to the applier alone and has no variants).
const char kTableSql[] = R"(SELECT a.attname,
       a.attgenerated <> '' AS generated,
       a.attidentity = 'a' AS identity_always,
       coalesce(a.attnum = ANY (i.indkey::int2[]), false) AS pk
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
 WHERE n.nspname = $1 AND c.relname = $2
 ORDER BY a.attnum)";
} // namespace

ChangeApplier::ChangeApplier(pg::ConnectionParams target, QString origin)
    : m_params(std::move(target)), m_origin(std::move(origin))
{
}

ChangeApplier::~ChangeApplier() = default;

void ChangeApplier::close()
{
    m_conn = pg::Connection();
    m_prepared.clear();
    m_pending = 0;
    m_groupOpen = m_inSourceTxn = m_skipping = false;
    m_groupTransactions = 0;
    m_groupCounters.clear();
}

Error ChangeApplier::targetError(const QString &context) const
{
    return pg::queryError(m_conn.raw(), nullptr, context);
}

Expected<Lsn> ChangeApplier::open(CancelToken *cancel)
{
    close();
    auto conn = pg::Connection::open(m_params, cancel);
    if (!conn)
        return fail(conn.error());
    m_conn = std::move(*conn);
    // Like a subscription's apply worker: no user triggers, no FK re-checks of
    // rows that were already checked on the source (needs superuser; optional).
    if (auto r = m_conn.exec(QStringLiteral("SET session_replication_role = replica"), {}, cancel); !r)
        log()->info("apply: session_replication_role stays 'origin' on {}: {}", m_params.displayName(), r.error().message);
    if (auto r = m_conn.exec(QStringLiteral("SELECT pg_replication_origin_create($1) WHERE pg_replication_origin_oid($1) IS NULL"), {m_origin}, cancel); !r) {
        Error e = r.error();
        e.message = QStringLiteral("Creating replication origin %1 on the target failed: %2").arg(m_origin, e.message);
        e.fix = QStringLiteral("The target user needs superuser (or, on PostgreSQL 15+, EXECUTE on pg_replication_origin_* functions).");
        close();
        return fail(e);
    }
    // A killed predecessor's backend may still hold the origin for a moment (55006).
    for (int attempt = 0;; ++attempt) {
        auto r = m_conn.exec(QStringLiteral("SELECT pg_replication_origin_session_setup($1)"), {m_origin}, cancel);
        if (r)
            break;
        if (r.error().code != QLatin1String("55006") || attempt >= 150) {
            Error e = r.error();
            e.message = QStringLiteral("Binding replication origin %1 failed: %2").arg(m_origin, e.message);
            close();
            return fail(e);
        }
        if (cancel && cancel->isCancelled()) {
            close();
            return fail(Error::cancelled());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    auto progress = m_conn.exec(QStringLiteral("SELECT pg_replication_origin_session_progress(true)"), {}, cancel);
    if (!progress) {
        close();
        return fail(progress.error());
    }
    m_applied = lsnFromString(progress->text(0, 0)).value_or(0);
    if (PQenterPipelineMode(m_conn.raw()) != 1) {
        Error e = targetError(QStringLiteral("Entering pipeline mode"));
        close();
        return fail(e);
    }
    log()->info("apply: origin {} on {} at {}", m_origin, m_params.displayName(), lsnToString(m_applied));
    return m_applied;
}

Expected<void> ChangeApplier::sync(CancelToken *cancel)
{
    if (PQpipelineSync(m_conn.raw()) != 1)
        return fail(targetError(QStringLiteral("Sending to the target")));
    CancelRegistration reg(cancel, [this] { m_conn.cancelCurrent(); });
    std::optional<Error> first;
    int nulls = 0;
    for (;;) {
        pg::Result res(PQgetResult(m_conn.raw()));
        if (!res.raw()) {
            if (PQstatus(m_conn.raw()) == CONNECTION_BAD || ++nulls > 2 * m_pending + 4)
                return fail(first ? *first : targetError(QStringLiteral("Applying on the target")));
            continue;
        }
        const ExecStatusType st = PQresultStatus(res.raw());
        if (st == PGRES_PIPELINE_SYNC)
            break;
        if (st == PGRES_FATAL_ERROR && !first)
            first = pg::queryError(m_conn.raw(), res.raw(), QStringLiteral("Applying on the target"));
        if (PQstatus(m_conn.raw()) == CONNECTION_BAD)
            return fail(first ? *first : targetError(QStringLiteral("Applying on the target")));
    }
    m_pending = 0;
    if (first)
        return fail(*first);
    return {};
}

Expected<void> ChangeApplier::send(const QByteArray &key, const QString &sql, const std::vector<const Value *> &params, CancelToken *cancel)
{
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(params.size());
    for (const Value *v : params) {
        values.push_back(v->kind == Value::Kind::Text ? v->text.constData() : nullptr);
        lengths.push_back(int(v->text.size()));
    }
    const int n = int(params.size());
    int ok;
    if (key.isEmpty()) {
        ok = PQsendQueryParams(m_conn.raw(), sql.toUtf8().constData(), n, nullptr, values.data(), lengths.data(), nullptr, 0);
    } else {
        auto it = m_prepared.constFind(key);
        QByteArray name;
        if (it == m_prepared.cend()) {
            name = "fm_apply_" + QByteArray::number(m_prepared.size() + 1);
            if (PQsendPrepare(m_conn.raw(), name.constData(), sql.toUtf8().constData(), n, nullptr) != 1)
                return fail(targetError(QStringLiteral("Preparing a statement on the target")));
            ++m_pending;
            m_prepared.insert(key, name);
        } else {
            name = *it;
        }
        ok = PQsendQueryPrepared(m_conn.raw(), name.constData(), n, values.data(), lengths.data(), nullptr, 0);
    }
    if (ok != 1)
        return fail(targetError(QStringLiteral("Sending to the target")));
    if (++m_pending >= pipelineDepth)
        return sync(cancel);
    return {};
}

Expected<const ChangeApplier::TargetTable *> ChangeApplier::table(const Change &c, CancelToken *cancel)
{
    const QString q = c.qualifiedTable();
    if (auto it = m_tables.constFind(q); it != m_tables.cend())
        return &*it;
    // Catalog lookups need a plain round trip: drain the pipeline, leave it, come back.
    if (auto r = sync(cancel); !r)
        return fail(r.error());
    if (PQexitPipelineMode(m_conn.raw()) != 1)
        return fail(targetError(QStringLiteral("Leaving pipeline mode")));
    auto res = m_conn.exec(QString::fromLatin1(kTableSql), {c.schema, c.table}, cancel);
    if (PQenterPipelineMode(m_conn.raw()) != 1)
        return fail(targetError(QStringLiteral("Entering pipeline mode")));
    if (!res)
        return fail(res.error());
    TargetTable t;
    t.qualified = q;
    t.exists = res->rows() > 0;
    for (int i = 0; i < res->rows(); ++i) {
        const QString col = res->text(i, 0);
        if (res->toBool(i, 1))
            t.generated.insert(col);
        else
            t.columns.insert(col);
        if (res->toBool(i, 2))
            t.identityAlways.insert(col);
        if (res->toBool(i, 3))
            t.primaryKey << col;
    }
    if (!t.exists)
        log()->warn("apply: table {} does not exist on the target; its changes are skipped", q);
    return &*m_tables.insert(q, std::move(t));
}

Expected<void> ChangeApplier::beginGroup(CancelToken *cancel)
{
    if (auto r = send({}, QStringLiteral("BEGIN"), {}, cancel); !r)
        return r;
    m_groupOpen = true;
    m_groupTransactions = 0;
    m_groupCounters.clear();
    return {};
}

Expected<void> ChangeApplier::apply(const Change &c, CancelToken *cancel)
{
    if (!m_conn.isOpen())
        return fail(Error::make(ErrorCategory::Postgres, QStringLiteral("08003"), QStringLiteral("The apply connection to the target is not open.")));
    switch (c.kind) {
    case Change::Kind::Begin:
        // Exactly once: a transaction whose commit record lies before the
        // origin's progress is already on the target.
        m_skipping = m_applied != 0 && c.finalLsn < m_applied;
        if (m_skipping) {
            ++m_skipped;
            return {};
        }
        m_inSourceTxn = true;
        m_txnCommit = c.finalLsn;
        if (!m_groupOpen)
            return beginGroup(cancel);
        return {};
    case Change::Kind::Commit:
        if (m_skipping) {
            m_skipping = false;
            return {};
        }
        m_inSourceTxn = false;
        m_groupEnd = c.endLsn;
        m_groupCommitTime = c.commitTime;
        ++m_groupTransactions;
        return {};
    default:
        break;
    }
    if (m_skipping)
        return {};
    if (!m_groupOpen) // a change outside Begin/Commit cannot happen with either plugin
        return fail(Error::internal(QStringLiteral("A row change arrived outside a transaction.")));

    if (c.kind == Change::Kind::Truncate) {
        QStringList names;
        for (const auto &[schema, name] : c.truncated) {
            Change probe;
            probe.schema = schema;
            probe.table = name;
            if (inCopy(probe.qualifiedTable()))
                continue;
            auto t = table(probe, cancel);
            if (!t)
                return fail(t.error());
            if ((*t)->exists) {
                names << (*t)->qualified;
                ++m_groupCounters[(*t)->qualified].truncates;
            }
        }
        if (names.isEmpty())
            return {};
        QString sql = QStringLiteral("TRUNCATE ONLY %1").arg(names.join(QStringLiteral(", ")));
        if (c.restartIdentity)
            sql += QStringLiteral(" RESTART IDENTITY");
        if (c.cascade)
            sql += QStringLiteral(" CASCADE");
        return send({}, sql, {}, cancel);
    }

    if (inCopy(c.qualifiedTable()))
        return {};
    auto tr = table(c, cancel);
    if (!tr)
        return fail(tr.error());
    const TargetTable &t = **tr;
    if (!t.exists)
        return {};

    std::vector<const Value *> params;
    QStringList shape; // the statement's shape: table, kind, columns, null pattern of the key
    auto where = [&](QString &sql) {
        QStringList conds;
        // The primary key when the old key has it (REPLICA IDENTITY FULL sends every column).
        QStringList keyCols;
        bool pkComplete = !t.primaryKey.isEmpty();
        for (const QString &k : t.primaryKey)
            pkComplete = pkComplete && c.oldKey.columns.contains(k);
        keyCols = pkComplete ? t.primaryKey : QStringList();
        if (!pkComplete)
            for (const QString &k : c.oldKey.columns)
                if (t.columns.contains(k))
                    keyCols << k;
        for (const QString &k : keyCols) {
            const Value &v = c.oldKey.values[size_t(c.oldKey.columns.indexOf(k))];
            if (v.kind == Value::Kind::Null) {
                conds << QStringLiteral("%1 IS NULL").arg(pg::quoteIdent(k));
                shape << k + QStringLiteral(" null");
            } else if (v.kind == Value::Kind::Text) {
                params.push_back(&v);
                conds << QStringLiteral("%1 = $%2").arg(pg::quoteIdent(k)).arg(params.size());
                shape << k;
            }
        }
        if (conds.isEmpty())
            return false;
        if (pkComplete)
            sql += QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
        else // no primary key: touch exactly one of possibly identical rows, as the subscription worker does
            sql += QStringLiteral(" WHERE ctid = (SELECT ctid FROM %1 WHERE %2 LIMIT 1)").arg(t.qualified, conds.join(QStringLiteral(" AND ")));
        return true;
    };

    QString sql;
    if (c.kind == Change::Kind::Insert) {
        QStringList cols, placeholders;
        for (int i = 0; i < c.newTuple.columns.size(); ++i) {
            const QString &col = c.newTuple.columns[i];
            const Value &v = c.newTuple.values[size_t(i)];
            if (!t.columns.contains(col) || v.kind == Value::Kind::UnchangedToast)
                continue;
            params.push_back(&v);
            cols << pg::quoteIdent(col);
            placeholders << QStringLiteral("$%1").arg(params.size());
        }
        shape << QStringLiteral("I") << cols;
        sql = QStringLiteral("INSERT INTO %1 (%2)%3 VALUES (%4)")
                  .arg(t.qualified, cols.join(QStringLiteral(", ")),
                       t.identityAlways.isEmpty() ? QString() : QStringLiteral(" OVERRIDING SYSTEM VALUE"),
                       placeholders.join(QStringLiteral(", ")));
        ++m_groupCounters[t.qualified].inserts;
    } else if (c.kind == Change::Kind::Update) {
        QStringList sets;
        for (int i = 0; i < c.newTuple.columns.size(); ++i) {
            const QString &col = c.newTuple.columns[i];
            const Value &v = c.newTuple.values[size_t(i)];
            if (!t.columns.contains(col) || t.identityAlways.contains(col) || v.kind == Value::Kind::UnchangedToast)
                continue;
            params.push_back(&v);
            sets << QStringLiteral("%1 = $%2").arg(pg::quoteIdent(col)).arg(params.size());
        }
        ++m_groupCounters[t.qualified].updates;
        if (sets.isEmpty())
            return {};
        shape << QStringLiteral("U") << sets;
        sql = QStringLiteral("UPDATE %1 SET %2").arg(t.qualified, sets.join(QStringLiteral(", ")));
        if (!where(sql))
            return fail(Error::validation(QStringLiteral("NoReplicaIdentity"),
                                          QStringLiteral("An update of %1 came without a key; it cannot be applied.").arg(t.qualified),
                                          QStringLiteral("Give the source table a primary key or REPLICA IDENTITY FULL.")));
    } else {
        shape << QStringLiteral("D");
        sql = QStringLiteral("DELETE FROM %1").arg(t.qualified);
        ++m_groupCounters[t.qualified].deletes;
        if (!where(sql))
            return fail(Error::validation(QStringLiteral("NoReplicaIdentity"),
                                          QStringLiteral("A delete from %1 came without a key; it cannot be applied.").arg(t.qualified),
                                          QStringLiteral("Give the source table a primary key or REPLICA IDENTITY FULL.")));
    }
    const QByteArray key = (t.qualified + QLatin1Char('|') + shape.join(QLatin1Char('|'))).toUtf8();
    return send(key, sql, params, cancel);
}

Expected<void> ChangeApplier::flush(CancelToken *cancel)
{
    if (!m_groupOpen)
        return {};
    if (m_inSourceTxn)
        return fail(Error::internal(QStringLiteral("A group cannot commit in the middle of a source transaction.")));
    if (m_groupTransactions > 0) {
        const QString ts = m_groupCommitTime.isValid() ? m_groupCommitTime.toUTC().toString(Qt::ISODateWithMs) : QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        Value lsn = Value::fromText(lsnToString(m_groupEnd).toUtf8());
        Value time = Value::fromText(ts.toUtf8());
        if (auto r = send(QByteArrayLiteral("origin"), QStringLiteral("SELECT pg_replication_origin_xact_setup($1::pg_lsn, $2::timestamptz)"), {&lsn, &time}, cancel); !r)
            return r;
    }
    if (auto r = send({}, QStringLiteral("COMMIT"), {}, cancel); !r)
        return r;
    if (auto r = sync(cancel); !r)
        return r;
    m_groupOpen = false;
    if (m_groupTransactions > 0) {
        m_applied = m_groupEnd;
        m_lastCommitTime = m_groupCommitTime;
        m_transactions += m_groupTransactions;
    }
    for (const auto &[name, g] : m_groupCounters) {
        TableCounters &tc = m_counters[name];
        tc.inserts += g.inserts;
        tc.updates += g.updates;
        tc.deletes += g.deletes;
        tc.truncates += g.truncates;
    }
    m_groupCounters.clear();
    m_groupTransactions = 0;
    return {};
}

} // namespace fm::direct::replication
