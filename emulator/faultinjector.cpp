// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/faultinjector.h"

namespace fm::emulator {

FaultInjector::FaultInjector(const FaultConfig &config)
    : m_config(config), m_rng(config.seed)
{
}

FaultDecision FaultInjector::next(const QString &subscriptionId)
{
    FaultDecision d;
    ++m_calls;
    d.delayMs = m_config.delayMs;
    // One draw per call, whatever is enabled, so a run's sequence depends only on the seed.
    const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);

    if (m_config.throttleEveryNth > 0 && m_calls % m_config.throttleEveryNth == 0) {
        // ARM's throttling answer (azure-api.md §5.4, async-operations / request-limits docs).
        HttpResponse r = HttpResponse::armError(
            429, QStringLiteral("SubscriptionRequestsThrottled"),
            QStringLiteral("Number of requests for subscription '%1' exceeded the limit. Please try again after '%2' seconds after additional tokens "
                           "are available. Refer to https://aka.ms/arm-throttling")
                .arg(subscriptionId.isEmpty() ? QStringLiteral("(none)") : subscriptionId)
                .arg(m_config.retryAfterSeconds));
        r.setHeader("Retry-After", QByteArray::number(m_config.retryAfterSeconds));
        d.replace = r;
        return d;
    }
    if (m_config.dropEveryNth > 0 && m_calls % m_config.dropEveryNth == 0) {
        d.drop = true;
        return d;
    }
    double edge = m_config.error500Rate;
    if (roll < edge) {
        d.replace = HttpResponse::armError(500, QStringLiteral("InternalServerError"),
                                           QStringLiteral("Encountered internal server error. Diagnostic information: timestamp '%1', tracking id '%2' "
                                                          "(injected by the emulator).")
                                               .arg(armTimestamp(), newGuid()));
        return d;
    }
    edge += m_config.error503Rate;
    if (roll < edge) {
        HttpResponse r = HttpResponse::armError(503, QStringLiteral("ServiceUnavailable"),
                                                QStringLiteral("The service is temporarily unavailable, please retry later (injected by the emulator)."));
        r.setHeader("Retry-After", QByteArray::number(m_config.retryAfterSeconds));
        d.replace = r;
        return d;
    }
    edge += m_config.dropRate;
    if (roll < edge)
        d.drop = true;
    return d;
}

} // namespace fm::emulator
