// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// `flexmigrate migration ...` without the GUI parts of the app, so the emulator's
// end-to-end tests run the real CLI code (app/cli/migrationcommand.cpp) as a process.
#include "app/cli/cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flexmigrate"));
    // Like `flexmigrate migration ...`: the parser takes the first argument as the program name.
    return fm::cli::runMigration(QCoreApplication::arguments());
}
