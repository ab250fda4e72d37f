// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QtGlobal>

#include <cmath>
#include <optional>

namespace fm {

/**
 * The whole part of a JSON number that arrived as a double, or nothing when it
 * has none that fits: servers (and fuzzers) send 1e300, and converting a double
 * outside qint64's range is undefined behaviour, not a large number.
 */
inline std::optional<qint64> wholeNumber(double d)
{
    // 2^63 is exact as a double; every double below it truncates into range.
    constexpr double limit = 9223372036854775808.0;
    if (!std::isfinite(d) || d >= limit || d < -limit)
        return std::nullopt;
    return qint64(d);
}

} // namespace fm
