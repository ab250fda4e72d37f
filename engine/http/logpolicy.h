// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/httppolicy.h"

namespace fm::http {

/**
 * @brief Logs each attempt to "engine.http" with allowlists (Azure SDK
 * `log_policy.cpp`): method, URL whose query keeps only allow-listed
 * parameters (others "REDACTED"), status, duration, x-ms-request-id; at debug
 * the allow-listed headers (Authorization never); at trace the bodies,
 * redacted, and never those of requests marked sensitiveBody (token requests).
 */
class LogPolicy final : public HttpPolicy
{
public:
    void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) override;

    /** The URL as logged: no user info, query values of non-allow-listed parameters replaced by REDACTED. */
    static QString loggableUrl(const QUrl &url);
    /** Headers as logged: allow-listed names keep their value, others show REDACTED. */
    static QString loggableHeaders(const HeaderList &headers);
    /** A body as logged at trace level: JSON values of secret-looking keys masked, then fm::redacted(). */
    static QString loggableBody(const QByteArray &body);
};

} // namespace fm::http
