// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/cli/cli.h"

#include <QTextStream>

namespace fm::cli {

namespace {
struct Command {
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

const Command kCommands[] = {
    {"inspect", &runInspect, "inspect servers and run the pre-flight checks"},
    {"direct", &runDirect, "migrate databases with the direct engine (copy, replicate, cut over)"},
    {"validate", &runValidate, "compare source and target: row counts and checksums"},
    {"migration", &runMigration, "Azure migrations, like 'az postgres flexible-server migration'"},
    {"carry-over", &runCarryOver, "carry over roles and grants, server parameters, firewall rules; post-cutover checklist"},
};

void printUsage(QTextStream &out)
{
    out << "usage: flexmigrate <command> [options]\n       flexmigrate            (opens the desktop app)\n\ncommands:\n";
    for (const auto &c : kCommands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(12) << c.summary << '\n';
    out << "\nRun 'flexmigrate <command> --help' for the options of a command.\n";
}
} // namespace

bool isCliCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help") || first == QLatin1String("--version"))
        return true;
    for (const auto &c : kCommands)
        if (first == QLatin1String(c.name))
            return true;
    return false;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version")) {
        out << "flexmigrate " << FLEXMIGRATE_VERSION << '\n';
        return ExitOk;
    }
    for (const auto &c : kCommands)
        if (first == QLatin1String(c.name))
            return c.run(arguments.mid(1));
    printUsage(out);
    return first.startsWith(QLatin1String("-h")) || first == QLatin1String("--help") || first == QLatin1String("help") ? ExitOk : ExitUsage;
}

} // namespace fm::cli
