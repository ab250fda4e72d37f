// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/httppolicy.h"

#include <chrono>
#include <functional>
#include <optional>

namespace fm::http {

/** @brief Defaults follow .NET Azure.Core RetryOptions (azure-api.md §5.5). */
struct RetryOptions {
    int maxRetries = 3;
    std::chrono::milliseconds baseDelay{800};
    /** Upper bound of every wait, Retry-After included, so a call is always bounded. */
    std::chrono::milliseconds maxDelay{60000};
    /** Factor applied to the exponential delay; default uniform in [0.8, 1.2). Tests fix it. */
    std::function<double()> jitter;
};

/**
 * @brief Retries 408, 429, 5xx (not 501/505) and network failures.
 *
 * Retry-After (seconds or an HTTP date; also retry-after-ms / x-ms-retry-after-ms)
 * wins when present; otherwise exponential backoff baseDelay * 2^n with jitter,
 * capped at maxDelay. After maxRetries the last response or error goes back
 * unchanged. Waits are QTimer-based and end at once when the call is cancelled.
 */
class RetryPolicy final : public HttpPolicy
{
public:
    explicit RetryPolicy(RetryOptions options = {});
    void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) override;

    /** The wait before retry number retry (0-based) after outcome, or nullopt when it must not be retried. */
    std::optional<int> delayFor(const Expected<Response> &outcome, int retry, const QDateTime &now) const;

    /** Retry-After etc. in milliseconds, or nullopt when absent/unparseable. */
    static std::optional<qint64> retryAfterMs(const Response &response, const QDateTime &now);
    /** RFC 7231 IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (also RFC 850 / asctime forms Qt reads). */
    static QDateTime parseHttpDate(const QByteArray &value);

private:
    struct State;
    static void attempt(const std::shared_ptr<State> &state);
    RetryOptions m_options;
};

} // namespace fm::http
