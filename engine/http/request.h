// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <nlohmann/json_fwd.hpp>

namespace fm::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/** @brief One HTTP request as the policy chain sees it. */
struct Request {
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;
    /** Token requests: the request body and the response body are never logged, at any level. */
    bool sensitiveBody = false;
    /** Per attempt; an attempt that takes longer fails as a (retryable) network timeout. */
    int timeoutMs = 100000;
    /**
     * Return responses with status >= 400 as a Response instead of an Error, for
     * callers that parse their own error format (the AAD token endpoint).
     * Retries still happen first.
     */
    bool errorStatusAsResponse = false;

    /** Replaces every header of that name (case-insensitive). */
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;

    /** method + url, body serialised, Content-Type and Accept set to application/json. */
    static Request json(const QByteArray &method, const QUrl &url, const nlohmann::json &body);
    /** A GET with Accept: application/json. */
    static Request get(const QUrl &url);
};

/** @brief A response with any status (errors become Error in HttpClient, see httpclient.h). */
struct Response {
    int status = 0;
    QUrl url;
    HeaderList headers;
    QByteArray body;

    /** Case-insensitive; the first header of that name, empty when absent. */
    QByteArray header(const QByteArray &name) const;
    /** x-ms-request-id */
    QString requestId() const;
    /** x-ms-correlation-request-id */
    QString correlationId() const;
    /** The body as JSON; a parse failure is an Error (category Http, code "MalformedJson"), never an exception. */
    Expected<nlohmann::json> json() const;
};

/** Case-insensitive header lookup in a list. */
QByteArray findHeader(const HeaderList &headers, const QByteArray &name);

/**
 * @brief Parses a JSON body without throwing (STYLE rule 8: wrap parsing at the boundary).
 * @param what names the document in the error ("the ARM response").
 */
Expected<nlohmann::json> parseJson(const QByteArray &body, const QString &what);

} // namespace fm::http
