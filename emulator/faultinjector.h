// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/emulatorconfig.h"
#include "emulator/httpexchange.h"

#include <optional>
#include <random>

namespace fm::emulator {

/** What happens to one call. */
struct FaultDecision {
    std::optional<HttpResponse> replace; ///< answer this instead of processing (429/500/503)
    bool drop = false;                   ///< close the connection (before or after processing, per config)
    int delayMs = 0;
};

/**
 * @brief Decides per call which fault to inject (issue 5): every Nth call a
 * 429 with Retry-After (ARM's SubscriptionRequestsThrottled), rates of 500
 * and 503 from a seeded RNG, dropped connections, slow answers.
 */
class FaultInjector
{
public:
    explicit FaultInjector(const FaultConfig &config);
    FaultDecision next(const QString &subscriptionId);
    qint64 calls() const { return m_calls; }

private:
    FaultConfig m_config;
    std::mt19937 m_rng;
    qint64 m_calls = 0;
};

} // namespace fm::emulator
