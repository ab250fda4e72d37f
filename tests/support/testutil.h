// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// QTest printers for engine enums (found by argument-dependent lookup), so
// QCOMPARE can compare them and shows names on failure.
#include "engine/core/error.h"
#include "engine/pg/preflight.h"

#include <QByteArray>

namespace fm::pg {
inline char *toString(const Severity &s)
{
    return qstrdup(fm::pg::severityName(s).toUtf8().constData());
}
} // namespace fm::pg

namespace fm {
inline char *toString(const ErrorCategory &c)
{
    return qstrdup(fm::categoryName(c).toUtf8().constData());
}
} // namespace fm
