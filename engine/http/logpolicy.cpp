// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/logpolicy.h"

#include "engine/core/logging.h"
#include "engine/core/redaction.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace fm::http {

namespace {

const char kRedacted[] = "REDACTED";

// Query parameters that carry no secrets (Azure SDK default allowlist plus the ARM/DMS ones we use).
bool isAllowedQuery(const QString &name)
{
    static const QStringList allowed = {
        QStringLiteral("api-version"), QStringLiteral("$filter"), QStringLiteral("$expand"), QStringLiteral("$top"),
        QStringLiteral("$skip"), QStringLiteral("$select"), QStringLiteral("$orderby"), QStringLiteral("migrationListFilter"),
        QStringLiteral("level"), QStringLiteral("deleteRunningTasks"), QStringLiteral("resource"),
    };
    return allowed.contains(name, Qt::CaseInsensitive);
}

bool isAllowedHeader(const QByteArray &name)
{
    static const QList<QByteArray> allowed = {
        "x-ms-request-id", "x-ms-client-request-id", "x-ms-return-client-request-id", "x-ms-correlation-request-id",
        "x-ms-routing-request-id", "traceparent", "accept", "cache-control", "connection", "content-length",
        "content-type", "date", "etag", "expires", "if-match", "if-modified-since", "if-none-match",
        "if-unmodified-since", "last-modified", "pragma", "request-id", "retry-after", "retry-after-ms",
        "x-ms-retry-after-ms", "server", "transfer-encoding", "user-agent", "azure-asyncoperation", "location",
    };
    const QByteArray lower = name.toLower();
    return allowed.contains(lower) || lower.startsWith("x-ms-ratelimit-remaining-");
}

bool isUrlHeader(const QByteArray &name)
{
    return name.compare("location", Qt::CaseInsensitive) == 0 || name.compare("azure-asyncoperation", Qt::CaseInsensitive) == 0;
}

void maskJson(nlohmann::json &value)
{
    static const QRegularExpression secretKey(QStringLiteral("password|secret|token|credential|key|assertion"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (secretKey.match(QString::fromStdString(it.key())).hasMatch() && !it->is_object() && !it->is_array())
                *it = Redactor::mask;
            else
                maskJson(*it);
        }
    } else if (value.is_array()) {
        for (auto &v : value)
            maskJson(v);
    }
}

} // namespace

QString LogPolicy::loggableUrl(const QUrl &url)
{
    QUrl clean = url;
    clean.setUserInfo(QString());
    clean.setFragment(QString());
    if (url.hasQuery()) {
        QUrlQuery query(url);
        QUrlQuery out;
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            out.addQueryItem(item.first, isAllowedQuery(item.first) ? item.second : QString::fromLatin1(kRedacted));
        }
        clean.setQuery(out);
    }
    return redacted(clean.toString());
}

QString LogPolicy::loggableHeaders(const HeaderList &headers)
{
    QStringList parts;
    for (const auto &h : headers) {
        QString value;
        if (!isAllowedHeader(h.first))
            value = QString::fromLatin1(kRedacted);
        else if (isUrlHeader(h.first))
            value = loggableUrl(QUrl(QString::fromLatin1(h.second)));
        else
            value = QString::fromLatin1(h.second);
        parts << QString::fromLatin1(h.first) + QStringLiteral(": ") + value;
    }
    return redacted(parts.join(QStringLiteral(", ")));
}

QString LogPolicy::loggableBody(const QByteArray &body)
{
    constexpr qsizetype limit = 4096;
    nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    QString text;
    if (!doc.is_discarded()) {
        maskJson(doc);
        text = QString::fromStdString(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
        text = QString::fromUtf8(body);
    }
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("… (%1 bytes)").arg(body.size());
    return redacted(text);
}

void LogPolicy::send(Request request, PipelineCall &, const NextPolicy &next, ResponseCallback done)
{
    auto log = logging::get("engine.http");
    const QString method = QString::fromLatin1(request.method);
    const QString url = loggableUrl(request.url);
    const QString clientId = QString::fromLatin1(request.header("x-ms-client-request-id"));
    log->info("--> {} {} client-request-id={}", method, url, clientId);
    if (log->should_log(spdlog::level::debug))
        log->debug("--> headers: {}", loggableHeaders(request.headers));
    const bool sensitive = request.sensitiveBody;
    if (!sensitive && !request.body.isEmpty() && log->should_log(spdlog::level::trace))
        log->trace("--> body: {}", loggableBody(request.body));

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    next(std::move(request), [log, method, url, sensitive, timer, done = std::move(done)](Expected<Response> outcome) {
        const qint64 ms = timer->elapsed();
        if (outcome) {
            log->info("<-- {} {} {} in {} ms request-id={} correlation-id={}", outcome->status, method, url, ms,
                      outcome->requestId(), outcome->correlationId());
            if (log->should_log(spdlog::level::debug))
                log->debug("<-- headers: {}", loggableHeaders(outcome->headers));
            if (!sensitive && !outcome->body.isEmpty() && log->should_log(spdlog::level::trace))
                log->trace("<-- body: {}", loggableBody(outcome->body));
        } else {
            log->warn("<-- {} {} failed after {} ms: {}", method, url, ms, outcome.error().toDisplayString());
        }
        done(std::move(outcome));
    });
}

} // namespace fm::http
