// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/cli/clicommon.h"

#include "app/cli/cli.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace fm::cli {

std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    QTextStream out(stdout), err(stderr);
    if (!parser.parse(arguments)) {
        err << "flexmigrate " << command << ": " << parser.errorText() << "\nRun 'flexmigrate " << command << " --help'.\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "flexmigrate " << command << ": unexpected argument \"" << parser.positionalArguments().first() << "\".\n";
        return ExitUsage;
    }
    return std::nullopt;
}

Expected<pg::ConnectionParams> connectionFromUri(const QString &uri, const char *passwordEnv)
{
    auto p = pg::ConnectionParams::fromUri(uri);
    if (p && p->password.isEmpty() && qEnvironmentVariableIsSet(passwordEnv))
        p->password = Secret(qEnvironmentVariable(passwordEnv));
    return p;
}

} // namespace fm::cli
