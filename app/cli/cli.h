// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QStringList>

namespace fm::cli {

/** Exit codes shared by every command (README, "CLI reference"). */
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,     ///< the operation ran and failed
    ExitUsage = 2,       ///< bad arguments, or a server could not be reached
    ExitChecksFailed = 3,///< pre-flight found an error
    ExitNotEqual = 4,    ///< validation found differences
};

/** True when argv names a CLI command (so no GUI is created). */
bool isCliCommand(const QStringList &arguments);

/** Runs a CLI command; needs a QCoreApplication. */
int run(const QStringList &arguments);

int runInspect(const QStringList &arguments);
int runDirect(const QStringList &arguments);
int runMigration(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runCarryOver(const QStringList &arguments);

} // namespace fm::cli
