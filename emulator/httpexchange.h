// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace fm::emulator {

/** One HTTP request as the emulator logic sees it (independent of the socket layer). */
struct HttpRequest {
    QByteArray method;     ///< upper case: GET, PUT, PATCH, POST, DELETE, HEAD
    QString path;          ///< decoded path, e.g. /subscriptions/x/resourceGroups/y
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /** Header value by case-insensitive name; empty when absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /** Query item by case-insensitive key (ARM treats query keys so); null QString when absent. */
    QString queryItem(const QString &key) const;
    bool hasQueryItem(const QString &key) const;
};

/** One answer; `drop` closes the connection instead, `delayMs` holds the answer back. */
struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool drop = false;
    int delayMs = 0;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const nlohmann::json &body);
    static HttpResponse empty(int status);
    /** The ARM error envelope {"error":{"code","message"}} (azure-api.md §5.4). */
    static HttpResponse armError(int status, const QString &code, const QString &message);
};

/** Serializes for the socket: status line, headers, Content-Length, body. */
QByteArray serialize(const HttpResponse &response);
QByteArray reasonPhrase(int status);

/** UTC time in ARM's style: 2025-03-15T18:30:22.1234567Z. */
QString armTimestamp();
QString newGuid();

} // namespace fm::emulator
