// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QString>
#include <QStringList>

namespace fm {

/** @brief Where an error came from; decides how the UI words it and whether a retry can help. */
enum class ErrorCategory {
    Network,    ///< transport failed before a response (DNS, refused, reset, TLS handshake)
    Http,       ///< an HTTP response that is not an ARM/DMS error envelope
    Auth,       ///< AAD token errors, wrong passwords, missing permissions
    Arm,        ///< ARM error envelope (error.code)
    Dms,        ///< DMS task/command errors
    Postgres,   ///< libpq / server error; code is the SQLSTATE
    Validation, ///< bad input from the user; nothing was changed
    Cancelled,  ///< the user (or a destructor) cancelled; not a failure
    Io,         ///< local files, processes
    Internal,   ///< a bug in FlexMigrate
};

QString categoryName(ErrorCategory category);

/**
 * @brief An error as a value, with the fields a user and a support engineer need.
 *
 * Follows libpqxx/Azure SDK: a service code (ARM error.code or SQLSTATE), a
 * message in plain words, diagnostic details, HTTP status and request ids, and
 * whether retrying can help. `fix` says what the user can do about it.
 * Never put a secret in any field: errors are logged and shown.
 */
struct Error {
    ErrorCategory category = ErrorCategory::Internal;
    QString code;          ///< ARM error.code, AADSTS code, SQLSTATE, or our own stable id
    QString message;       ///< one line, plain words, what went wrong
    QString details;       ///< diagnostics: server text, nested ARM details
    QString fix;           ///< what the user can do, when we know
    int httpStatus = 0;    ///< 0 when not HTTP
    QString requestId;     ///< x-ms-request-id
    QString correlationId; ///< x-ms-correlation-request-id
    bool retryable = false;

    static Error make(ErrorCategory category, QString code, QString message, QString fix = {});
    static Error cancelled();
    static Error validation(QString code, QString message, QString fix = {});
    static Error internal(QString message);

    bool isCancelled() const { return category == ErrorCategory::Cancelled; }
    /** SQLSTATE class 08 (connection exception) or a network failure: the connection is unusable. */
    bool isConnectionLost() const;

    /** One line for logs and the CLI: "[Category code] message (fix)". */
    QString toDisplayString() const;
};

} // namespace fm
