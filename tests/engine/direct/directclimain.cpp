// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// `flexmigrate direct ...` without the GUI parts of the app, so the CLI tests
// run the same command code even when other modules of the app are being built.
#include "app/cli/cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("flexmigrate"));
    return fm::cli::runDirect(QCoreApplication::arguments().mid(1));
}
