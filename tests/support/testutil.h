// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared test helpers: QTest printers for engine enums (found by argument-dependent
// lookup, so QCOMPARE can compare them and shows names on failure), and
// REQUIRE_OK for Expected values.
#include "engine/core/error.h"
#include "engine/pg/preflight.h"

#include <QByteArray>
#include <QTest>

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

/** Fails the test with the error's message and details when an Expected holds an error. */
#define REQUIRE_OK(expr)                                                                                                           \
    do {                                                                                                                           \
        auto _fmResult = (expr);                                                                                                   \
        QVERIFY2(_fmResult.has_value(),                                                                                            \
                 _fmResult ? "" : qPrintable(_fmResult.error().toDisplayString() + QLatin1Char('\n') + _fmResult.error().details)); \
    } while (0)
