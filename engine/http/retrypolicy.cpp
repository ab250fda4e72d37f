// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/retrypolicy.h"

#include "engine/core/logging.h"
#include "engine/http/armerror.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <cmath>

namespace fm::http {

struct RetryPolicy::State {
    const RetryPolicy *policy = nullptr;
    PipelineCall *call = nullptr;
    NextPolicy next;
    ResponseCallback done;
    Request request;
    int retry = 0;
};

RetryPolicy::RetryPolicy(RetryOptions options) : m_options(std::move(options))
{
    if (!m_options.jitter)
        m_options.jitter = [] { return 0.8 + QRandomGenerator::global()->bounded(0.4); };
}

void RetryPolicy::send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done)
{
    auto state = std::make_shared<State>();
    state->policy = this;
    state->call = &call;
    state->next = next;
    state->done = std::move(done);
    state->request = std::move(request);
    attempt(state);
}

void RetryPolicy::attempt(const std::shared_ptr<State> &state)
{
    state->next(state->request, [state](Expected<Response> outcome) {
        PipelineCall &call = *state->call;
        if (call.isCancelled())
            return;
        const std::optional<int> delay = state->policy->delayFor(outcome, state->retry, call.now());
        if (!delay) {
            state->done(std::move(outcome));
            return;
        }
        const QString why = outcome ? QStringLiteral("HTTP %1").arg(outcome->status) : outcome.error().code;
        logging::get("engine.http")->info("retry {}/{} of {} {} in {} ms after {}", state->retry + 1,
                                          state->policy->m_options.maxRetries, QString::fromLatin1(state->request.method),
                                          state->request.url.host(), *delay, why);
        ++state->retry;
        call.wait(*delay, [state] { attempt(state); });
    });
}

std::optional<int> RetryPolicy::delayFor(const Expected<Response> &outcome, int retry, const QDateTime &now) const
{
    if (retry >= m_options.maxRetries)
        return std::nullopt;
    const qint64 maxDelay = m_options.maxDelay.count();
    if (outcome) {
        if (!isRetryableStatus(outcome->status))
            return std::nullopt;
        // Retry-After first: the service knows best when to come back (429 throttling, 503).
        if (const auto after = retryAfterMs(*outcome, now))
            return int(std::clamp<qint64>(*after, 0, maxDelay));
    } else {
        if (outcome.error().category != ErrorCategory::Network || !outcome.error().retryable)
            return std::nullopt;
    }
    const double exponential = double(m_options.baseDelay.count()) * std::pow(2.0, retry);
    const double capped = std::min(exponential, double(maxDelay));
    const double jittered = capped * m_options.jitter();
    return int(std::clamp<qint64>(qint64(std::llround(jittered)), 0, maxDelay));
}

std::optional<qint64> RetryPolicy::retryAfterMs(const Response &response, const QDateTime &now)
{
    bool ok = false;
    // Azure services may send a millisecond value as well (Azure SDK RetryPolicy reads these first).
    for (const char *name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
        const QByteArray v = response.header(name).trimmed();
        if (!v.isEmpty()) {
            const qint64 ms = v.toLongLong(&ok);
            if (ok && ms >= 0)
                return ms;
        }
    }
    const QByteArray v = response.header("Retry-After").trimmed();
    if (v.isEmpty())
        return std::nullopt;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(when));
}

QDateTime RetryPolicy::parseHttpDate(const QByteArray &value)
{
    // simplified(): asctime pads single-digit days with a second space.
    const QString text = QString::fromLatin1(value).simplified();
    const QLocale c = QLocale::c();
    // IMF-fixdate (RFC 7231 §7.1.1.1), the only form a server should send; then the two obsolete forms.
    for (const char *format : {"ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"}) {
        const QDateTime parsed = c.toDateTime(text, QString::fromLatin1(format));
        if (parsed.isValid()) {
            QDate date = parsed.date();
            if (date.year() < 1970)
                date = date.addYears(100);
            // The fields are GMT; rebuild in UTC rather than converting from local time.
            return QDateTime(date, parsed.time(), QTimeZone::utc());
        }
    }
    QDateTime dt = QDateTime::fromString(text, Qt::RFC2822Date);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

} // namespace fm::http
