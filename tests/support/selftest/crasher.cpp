// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Starts a cluster, prints its data folder and postmaster pid, then crashes:
// the fixture's crash handler must take the server down with it.
#include "tests/support/pgcluster.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    fm::test::PgClusterOptions o;
    o.name = QStringLiteral("crasher");
    auto *cluster = new fm::test::PgCluster(o); // never deleted: we crash
    if (!cluster->start())
        return 1;
    std::printf("%s %lld\n", qPrintable(cluster->baseDir()), cluster->postmasterPid());
    std::fflush(stdout);
    std::abort();
}
