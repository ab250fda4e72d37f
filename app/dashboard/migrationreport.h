// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QString>

namespace fm::dashboard {

class MigrationViewModel;

/**
 * @brief The run report (issue 7, "Report export"): inputs (the spec, which
 * holds no secret; password references are left out too), timings per phase,
 * lag at cutover, who pressed cutover and when, per-database progress,
 * validation results, errors and the state timeline.
 *
 * HTML is the source; PDF is the same document printed by QPrinter
 * (Qt PrintSupport). The whole text passes fm::redacted() as a last guard.
 */
class MigrationReport
{
public:
    static QString html(const MigrationViewModel &model);
    static Expected<void> saveHtml(const MigrationViewModel &model, const QString &path);
    static Expected<void> savePdf(const MigrationViewModel &model, const QString &path);
};

} // namespace fm::dashboard
