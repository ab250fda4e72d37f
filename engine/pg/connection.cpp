// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/pg/connection.h"

#include "engine/core/logging.h"
#include "engine/core/redaction.h"
#include "engine/pg/sqlcatalog.h"

#include <libpq-fe.h>

#include <poll.h>

#include <chrono>

namespace fm::pg {

namespace {
auto log()
{
    static auto l = logging::get("engine.pg");
    return l;
}
} // namespace

// ---------------------------------------------------------------- Result

Result::Result(pg_result *res) : m_res(res, [](pg_result *r) { PQclear(r); }) {}

int Result::rows() const { return m_res ? PQntuples(m_res.get()) : 0; }
int Result::columns() const { return m_res ? PQnfields(m_res.get()) : 0; }
int Result::column(const char *name) const { return m_res ? PQfnumber(m_res.get(), name) : -1; }

bool Result::isNull(int row, int col) const
{
    return !m_res || col < 0 || row >= rows() || PQgetisnull(m_res.get(), row, col);
}

QString Result::text(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col));
}

qint64 Result::toInt(int row, int col, qint64 fallback) const
{
    if (isNull(row, col))
        return fallback;
    bool ok = false;
    const qint64 v = QByteArray(PQgetvalue(m_res.get(), row, col)).toLongLong(&ok);
    return ok ? v : fallback;
}

double Result::toDouble(int row, const char *col) const
{
    const int c = column(col);
    if (isNull(row, c))
        return 0.0;
    return QByteArray(PQgetvalue(m_res.get(), row, c)).toDouble();
}

bool Result::toBool(int row, int col) const
{
    if (isNull(row, col))
        return false;
    const QByteArray v = QByteArray(PQgetvalue(m_res.get(), row, col)).toLower();
    return v == "t" || v == "true" || v == "on" || v == "1" || v == "yes";
}

QStringList Result::toStringList(int row, const char *col) const
{
    QString v = text(row, column(col));
    if (v.size() < 2 || !v.startsWith(QLatin1Char('{')))
        return {};
    v = v.mid(1, v.size() - 2);
    QStringList out;
    QString cur;
    bool quoted = false, escaped = false, any = false;
    for (QChar ch : v) {
        if (escaped) {
            cur += ch;
            escaped = false;
        } else if (ch == QLatin1Char('\\')) {
            escaped = true;
        } else if (ch == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
        } else if (ch == QLatin1Char(',') && !quoted) {
            out << cur;
            cur.clear();
            any = false;
        } else {
            cur += ch;
            any = true;
        }
    }
    if (any || !cur.isEmpty())
        out << cur;
    return out;
}

QString Result::commandTag() const
{
    return m_res ? QString::fromUtf8(PQcmdStatus(m_res.get())) : QString();
}

// ---------------------------------------------------------------- errors

Error connectionError(const ConnectionParams &params, const QString &libpqMessage)
{
    const QString msg = redacted(libpqMessage.trimmed());
    const QString where = params.endpoint();
    Error e;
    e.details = msg;
    auto has = [&msg](const char *needle) { return msg.contains(QLatin1String(needle), Qt::CaseInsensitive); };
    if (has("password authentication failed") || has("SCRAM authentication") || has("password is incorrect")) {
        e.category = ErrorCategory::Auth;
        e.code = QStringLiteral("28P01");
        e.message = QStringLiteral("Wrong password for user \"%1\" on %2.").arg(params.effectiveUser(), where);
        e.fix = params.isAzureHost() && params.kind != ServerKind::AzureFlexibleServer
                    ? QStringLiteral("Check the password. On Azure Single Server the user name is user@servername.")
                    : QStringLiteral("Check the password (and that the user exists).");
    } else if (has("no password supplied") || has("fe_sendauth")) {
        e.category = ErrorCategory::Auth;
        e.code = QStringLiteral("28P01");
        e.message = QStringLiteral("%1 asks for a password for user \"%2\" and none was given.").arg(where, params.effectiveUser());
        e.fix = QStringLiteral("Give the password (in the URI, the password field or PGPASSWORD).");
    } else if (has("no pg_hba.conf entry")) {
        e.category = ErrorCategory::Auth;
        e.code = QStringLiteral("28000");
        e.message = QStringLiteral("%1 does not accept connections from this machine for user \"%2\" to database \"%3\".")
                        .arg(where, params.effectiveUser(), params.dbname);
        e.fix = params.isAzureHost() ? QStringLiteral("Add a firewall rule for this machine's IP address on the server, or connect over its private network.")
                                     : QStringLiteral("Add a pg_hba.conf entry for this client (and sslmode if the entry is hostssl), then reload the server.");
    } else if (has("role \"") && has("does not exist")) {
        e.category = ErrorCategory::Auth;
        e.code = QStringLiteral("28000");
        e.message = QStringLiteral("User \"%1\" does not exist on %2.").arg(params.effectiveUser(), where);
        e.fix = QStringLiteral("Check the user name. Azure Single Server expects user@servername.");
    } else if (has("database \"") && has("does not exist")) {
        e.category = ErrorCategory::Postgres;
        e.code = QStringLiteral("3D000");
        e.message = QStringLiteral("Database \"%1\" does not exist on %2.").arg(params.dbname, where);
        e.fix = QStringLiteral("Check the database name; list the databases with `flexmigrate inspect`.");
    } else if (has("could not translate host name") || has("Name or service not known") || has("Temporary failure in name resolution")) {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("08001");
        e.message = QStringLiteral("The host name \"%1\" cannot be resolved.").arg(params.host);
        e.fix = QStringLiteral("Check the spelling of the host, and DNS (custom DNS may hide Azure private endpoints).");
    } else if (has("Connection refused")) {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("08001");
        e.message = QStringLiteral("Nothing accepts connections on %1 (connection refused).").arg(where);
        e.fix = QStringLiteral("Check host and port, and that the server is running and listening on that address.");
        e.retryable = true;
    } else if (has("timeout expired") || has("timed out")) {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("08001");
        e.message = QStringLiteral("Connecting to %1 timed out.").arg(where);
        e.fix = QStringLiteral("The host is unreachable from here: check firewall rules, VPN or private endpoint routing.");
        e.retryable = true;
    } else if (has("No route to host") || has("Network is unreachable")) {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("08001");
        e.message = QStringLiteral("%1 is unreachable from this machine.").arg(where);
        e.fix = QStringLiteral("Check the network path (routes, VPN, firewall).");
        e.retryable = true;
    } else if (has("SSL") || has("certificate") || has("TLS")) {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("TLS");
        e.message = QStringLiteral("The TLS connection to %1 failed (sslmode=%2).").arg(where, params.effectiveSslMode());
        if (has("server does not support SSL"))
            e.fix = QStringLiteral("The server has TLS off: use sslmode=prefer or disable, or enable ssl on the server.");
        else if (has("root certificate file") || has("certificate verify failed") || has("does not match host name"))
            e.fix = QStringLiteral("The server certificate cannot be verified: give the right root CA with sslrootcert, or use sslmode=require to encrypt without verification.");
        else
            e.fix = QStringLiteral("Check sslmode and the server's TLS settings.");
    } else {
        e.category = ErrorCategory::Network;
        e.code = QStringLiteral("08001");
        e.message = QStringLiteral("Cannot connect to %1.").arg(where);
        e.fix = QStringLiteral("See the details from libpq.");
    }
    return e;
}

Error queryError(pg_conn *conn, pg_result *res, const QString &context)
{
    Error e;
    e.category = ErrorCategory::Postgres;
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    e.code = state ? QString::fromLatin1(state) : QString();
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    QString text = primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    if (e.code.isEmpty() && (!conn || PQstatus(conn) == CONNECTION_BAD))
        e.code = QStringLiteral("08006"); // libpq-side connection failure: no SQLSTATE from the server
    e.message = context.isEmpty() ? redacted(text) : QStringLiteral("%1: %2").arg(context, redacted(text));
    if (const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : nullptr)
        e.details = redacted(QString::fromUtf8(detail));
    if (const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : nullptr)
        e.fix = redacted(QString::fromUtf8(hint));
    if (e.code.startsWith(QLatin1String("08")) || e.code == QLatin1String("57P01") || e.code == QLatin1String("57P02")
        || e.code == QLatin1String("57P03") || e.code == QLatin1String("40001") || e.code == QLatin1String("40P01"))
        e.retryable = true;
    if (e.code == QLatin1String("57P01") || e.code == QLatin1String("57P02") || e.code == QLatin1String("57P03"))
        e.code = QStringLiteral("08006"); // admin shutdown / crash: the connection is gone, treat as class 08
    if (e.code == QLatin1String("57014"))
        e = Error::cancelled();
    return e;
}

QString quoteIdent(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString qualifiedName(const QString &schema, const QString &name)
{
    return quoteIdent(schema) + QLatin1Char('.') + quoteIdent(name);
}

// ---------------------------------------------------------------- Connection

Connection::~Connection() = default;

Expected<Connection> Connection::open(const ConnectionParams &params, CancelToken *cancel)
{
    const auto kw = params.keywords();
    std::vector<const char *> keys, values;
    for (const auto &[k, v] : kw) {
        keys.push_back(k.constData());
        values.push_back(v.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    std::unique_ptr<pg_conn, void (*)(pg_conn *)> conn(PQconnectStartParams(keys.data(), values.data(), 0), PQfinish);
    if (!conn)
        return fail(Error::internal(QStringLiteral("libpq could not allocate a connection.")));
    if (PQstatus(conn.get()) == CONNECTION_BAD)
        return fail(connectionError(params, QString::fromUtf8(PQerrorMessage(conn.get()))));

    // Drive the non-blocking connect so cancellation is honoured within 100 ms.
    const auto deadline = std::chrono::steady_clock::now()
                          + std::chrono::seconds(params.connectTimeoutSeconds > 0 ? params.connectTimeoutSeconds + 2 : 17);
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    while (st != PGRES_POLLING_OK) {
        if (st == PGRES_POLLING_FAILED)
            return fail(connectionError(params, QString::fromUtf8(PQerrorMessage(conn.get()))));
        if (cancel && cancel->isCancelled())
            return fail(Error::cancelled());
        if (std::chrono::steady_clock::now() > deadline)
            return fail(connectionError(params, QStringLiteral("timeout expired")));
        pollfd pfd{PQsocket(conn.get()), short(st == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        if (pfd.fd < 0) {
            st = PQconnectPoll(conn.get());
            continue;
        }
        const int r = ::poll(&pfd, 1, 100);
        if (r == 0)
            continue;
        st = PQconnectPoll(conn.get());
    }
    // Server notices ("drop cascades to ...") go to the debug log: libpq's
    // default prints them on stderr, in the middle of the CLI's progress.
    PQsetNoticeProcessor(
        conn.get(), [](void *, const char *message) { log()->debug("server notice: {}", redacted(QString::fromUtf8(message).trimmed()).toStdString()); }, nullptr);
    Connection c;
    // The cancel object is made once, here, so cancelCurrent() never touches the
    // PGconn from another thread while a query runs on it.
    c.m_cancel = std::shared_ptr<pg_cancel>(PQgetCancel(conn.get()), [](pg_cancel *p) { PQfreeCancel(p); });
    c.m_conn = std::move(conn);
    c.m_params = params;
    log()->debug("connected to {} (server {})", params.displayName(), c.serverVersionNum());
    return c;
}

Expected<Result> Connection::exec(const QString &sql, const QStringList &params, CancelToken *cancel)
{
    if (!m_conn)
        return fail(Error::internal(QStringLiteral("Query on a closed connection.")));
    if (cancel && cancel->isCancelled())
        return fail(Error::cancelled());
    CancelRegistration reg(cancel, [this] { cancelCurrent(); });
    const QByteArray q = sql.toUtf8();
    std::vector<QByteArray> store;
    std::vector<const char *> values;
    store.reserve(size_t(params.size()));
    for (const QString &p : params) {
        if (p.isNull()) {
            store.emplace_back();
            values.push_back(nullptr);
        } else {
            store.push_back(p.toUtf8());
            values.push_back(store.back().constData());
        }
    }
    pg_result *raw = PQexecParams(m_conn.get(), q.constData(), int(values.size()), nullptr,
                                  values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
    Result res(raw);
    const ExecStatusType st = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Error e = queryError(m_conn.get(), raw, QString());
        if (cancel && cancel->isCancelled())
            e = Error::cancelled();
        log()->debug("query failed on {}: {}", m_params.displayName(), e.toDisplayString());
        return fail(e);
    }
    return res;
}

Expected<Result> Connection::execNamed(const QString &name, const QStringList &params, CancelToken *cancel)
{
    auto sql = SqlCatalog::get(name);
    if (!sql)
        return fail(sql.error());
    auto r = exec(*sql, params, cancel);
    if (!r && !r.error().isCancelled())
        r.error().message = QStringLiteral("%1 (%2)").arg(r.error().message, name);
    return r;
}

Expected<void> Connection::execScript(const QString &sql, CancelToken *cancel)
{
    if (!m_conn)
        return fail(Error::internal(QStringLiteral("Query on a closed connection.")));
    CancelRegistration reg(cancel, [this] { cancelCurrent(); });
    Result res(PQexec(m_conn.get(), sql.toUtf8().constData()));
    const ExecStatusType st = res.raw() ? PQresultStatus(res.raw()) : PGRES_FATAL_ERROR;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && st != PGRES_EMPTY_QUERY)
        return fail(queryError(m_conn.get(), res.raw(), QString()));
    return {};
}

int Connection::serverVersionNum() const
{
    return m_conn ? PQserverVersion(m_conn.get()) : 0;
}

void Connection::cancelCurrent() const
{
    if (!m_cancel)
        return;
    char buf[256];
    PQcancel(m_cancel.get(), buf, sizeof buf);
}

QString Connection::quoteIdentifier(const QString &name) const
{
    const QByteArray n = name.toUtf8();
    char *q = m_conn ? PQescapeIdentifier(m_conn.get(), n.constData(), size_t(n.size())) : nullptr;
    if (!q)
        return quoteIdent(name);
    QString out = QString::fromUtf8(q);
    PQfreemem(q);
    return out;
}

QString Connection::quoteLiteral(const QString &value) const
{
    const QByteArray n = value.toUtf8();
    char *q = m_conn ? PQescapeLiteral(m_conn.get(), n.constData(), size_t(n.size())) : nullptr;
    if (!q) {
        QString v = value;
        v.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + v + QLatin1Char('\'');
    }
    QString out = QString::fromUtf8(q);
    PQfreemem(q);
    return out;
}

} // namespace fm::pg
