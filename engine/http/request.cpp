// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/request.h"

#include <nlohmann/json.hpp>

namespace fm::http {

QByteArray findHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void Request::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray> &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray Request::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool Request::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Request Request::json(const QByteArray &method, const QUrl &url, const nlohmann::json &body)
{
    Request r;
    r.method = method;
    r.url = url;
    // dump() throws only on invalid UTF-8; replace keeps a bad string from crossing the event loop as an exception.
    const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    r.body = QByteArray(text.data(), qsizetype(text.size()));
    r.setHeader("Content-Type", "application/json");
    r.setHeader("Accept", "application/json");
    return r;
}

Request Request::get(const QUrl &url)
{
    Request r;
    r.url = url;
    r.setHeader("Accept", "application/json");
    return r;
}

QByteArray Response::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QString Response::requestId() const
{
    return QString::fromLatin1(header("x-ms-request-id"));
}

QString Response::correlationId() const
{
    return QString::fromLatin1(header("x-ms-correlation-request-id"));
}

Expected<nlohmann::json> Response::json() const
{
    return parseJson(body, QStringLiteral("the response from %1").arg(url.host()));
}

Expected<nlohmann::json> parseJson(const QByteArray &body, const QString &what)
{
    if (body.trimmed().isEmpty()) {
        return fail(Error::make(ErrorCategory::Http, QStringLiteral("MalformedJson"),
                                QStringLiteral("%1 has an empty body where JSON was expected.").arg(what)));
    }
    nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        Error e = Error::make(ErrorCategory::Http, QStringLiteral("MalformedJson"),
                              QStringLiteral("%1 is not valid JSON.").arg(what));
        // The body itself stays out of the error: it may be a token response.
        e.details = QStringLiteral("%1 bytes that do not parse as JSON").arg(body.size());
        return fail(e);
    }
    return doc;
}

} // namespace fm::http
