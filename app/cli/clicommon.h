// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/pg/connectionparams.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace fm::cli {

/**
 * Parses a command's arguments (arguments[0] is the command, taken as the
 * program name). Returns an exit code when the command is over already:
 * 2 after a parse error or a stray positional argument (the message names it),
 * 0 after --help. Returns nothing when the command should go on.
 */
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments, const QString &command);

/**
 * A connection from a libpq URI; when the URI has no password, the one in the
 * environment variable `passwordEnv` (keeps it out of `ps` and shell history).
 */
Expected<pg::ConnectionParams> connectionFromUri(const QString &uri, const char *passwordEnv);

} // namespace fm::cli
