// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/canceltoken.h"
#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace fm::pg {

/** @brief An owned PGresult (PQclear on destruction). Column access by index or name. */
class Result
{
public:
    Result() = default;
    explicit Result(pg_result *res);

    int rows() const;
    int columns() const;
    int column(const char *name) const; ///< -1 when absent
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    QString text(int row, const char *col) const { return text(row, column(col)); }
    qint64 toInt(int row, int col, qint64 fallback = 0) const;
    qint64 toInt(int row, const char *col, qint64 fallback = 0) const { return toInt(row, column(col), fallback); }
    double toDouble(int row, const char *col) const;
    bool toBool(int row, int col) const; ///< 't' / 'on' / 'true'
    bool toBool(int row, const char *col) const { return toBool(row, column(col)); }
    /** A text[] column parsed into a list (simple array literal, no nesting). */
    QStringList toStringList(int row, const char *col) const;
    QString commandTag() const;
    pg_result *raw() const { return m_res.get(); }

private:
    std::shared_ptr<pg_result> m_res;
};

/**
 * @brief A libpq connection (RAII, PQfinish). Blocking: use it on a worker thread.
 *
 * Opened with PQconnectStartParams and polled, so a CancelToken aborts even a
 * hanging connect; queries register PQcancel with the token while they run.
 * Errors keep the SQLSTATE; class 08 marks the connection as lost.
 */
class Connection
{
public:
    Connection() = default;
    Connection(Connection &&) noexcept = default;
    Connection &operator=(Connection &&) noexcept = default;
    ~Connection();

    static Expected<Connection> open(const ConnectionParams &params, CancelToken *cancel = nullptr);

    bool isOpen() const { return m_conn != nullptr; }
    /** Parameters are text, sent with PQexecParams ($1, $2...), never spliced into SQL. */
    Expected<Result> exec(const QString &sql, const QStringList &params = {}, CancelToken *cancel = nullptr);
    /** Runs a named SQL file from the resources (see SqlCatalog). */
    Expected<Result> execNamed(const QString &name, const QStringList &params = {}, CancelToken *cancel = nullptr);
    /** Several statements without parameters (PQexec). */
    Expected<void> execScript(const QString &sql, CancelToken *cancel = nullptr);

    int serverVersionNum() const;
    const ConnectionParams &params() const { return m_params; }
    pg_conn *raw() const { return m_conn.get(); }

    /** Sends a cancel request for the running query; safe from any thread. */
    void cancelCurrent() const;

    /** Quotes an identifier (PQescapeIdentifier). */
    QString quoteIdentifier(const QString &name) const;
    QString quoteLiteral(const QString &value) const;

private:
    std::unique_ptr<pg_conn, void (*)(pg_conn *)> m_conn{nullptr, nullptr};
    std::shared_ptr<pg_cancel> m_cancel;
    ConnectionParams m_params;
};

/** Maps a failed connection attempt's message to a specific Error (wrong password, refused, DNS, TLS...). */
Error connectionError(const ConnectionParams &params, const QString &libpqMessage);
/** Maps a failed query (PGresult with SQLSTATE) to an Error. */
Error queryError(pg_conn *conn, pg_result *res, const QString &context);

/** Quotes "schema"."name" without a connection (standard SQL rules). */
QString quoteIdent(const QString &name);
QString qualifiedName(const QString &schema, const QString &name);

} // namespace fm::pg
