// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared by the tests that drive MigrationManager against the in-process emulator
// (tests/emulator/tst_backends.cpp, tests/app/tst_dashboardazure.cpp): the spec of an
// Azure migration between the emulator's two servers, the passwords, the cloud
// profile, waiting for a create or an action, and what a DMS migration leaves behind.
// Needs FlexMigrate::migration on top of what emulatortestsupport.h needs.

#include "tests/emulator/emulatortestsupport.h"

#include "engine/http/cloudprofile.h"
#include "engine/migration/dmsbackend.h"
#include "engine/migration/migrationmanager.h"

#include <optional>

namespace fm::test::emu {

inline const QString kSubnet = QStringLiteral("/subscriptions/%1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/dms").arg(kSub);

/** The emulator as a custom cloud: ARM and the authority at the same loopback base URL. */
inline http::CloudProfile emulatorProfile(const Harness &h)
{
    return http::CloudProfile::custom(QUrl(h.base), QUrl(h.base), QStringLiteral("https://management.azure.com/"));
}

/**
 * A `service` (2024-08-01: the tool's own token, no AAD app) or `dms` migration of `databases`
 * from the emulator's Single Server to its Flexible Server, setting up logical replication and
 * overwriting target databases, so it runs through without waiting for the user.
 */
inline migration::MigrationSpec azureSpec(migration::Backend backend, const QString &name, const QStringList &databases)
{
    migration::MigrationSpec s;
    s.name = name;
    s.backend = backend;
    s.location = QStringLiteral("westus");
    s.source.resourceId = singlePath();
    s.source.user = QStringLiteral("postgres");
    s.target.resourceId = flexPath();
    s.target.user = QStringLiteral("postgres");
    s.aadApp.useAzureCli = true;
    s.options.setupLogicalReplication = true;
    s.options.overwriteTargetDatabases = true;
    if (backend == migration::Backend::Dms)
        s.dmsSubnetId = kSubnet;
    s.databases = databases;
    return s;
}

inline migration::StartCredentials startCredentials(const PgCluster &source, const PgCluster &target)
{
    migration::StartCredentials c;
    c.sourcePassword = source.password();
    c.targetPassword = target.password();
    return c;
}

/** MigrationManager::create, waited for; the local ids, or empty (the reason is printed). */
inline QStringList createAndWait(migration::MigrationManager &m, const migration::MigrationSpec &spec, const migration::StartCredentials &credentials,
                                 int timeoutMs = 60000)
{
    std::optional<Expected<QStringList>> r;
    m.create(spec, credentials, [&](Expected<QStringList> ids) { r = std::move(ids); });
    if (!QTest::qWaitFor([&] { return r.has_value(); }, timeoutMs))
        return {};
    if (!*r) {
        qWarning("create failed: %s", qPrintable(r->error().toDisplayString()));
        return {};
    }
    return **r;
}

/** Runs an action that reports through an ActionCallback and waits for its result. */
inline Expected<void> actAndWait(const std::function<void(migration::ActionCallback)> &action, int timeoutMs = 60000)
{
    std::optional<Expected<void>> r;
    action([&](Expected<void> x) { r = std::move(x); });
    if (!QTest::qWaitFor([&] { return r.has_value(); }, timeoutMs))
        return fail(Error::internal(QStringLiteral("timed out")));
    return *r;
}

/** What the DMS backend of migration `name` leaves in the emulator: the DMS service, and its firewall rules on both servers. */
inline QStringList dmsLeftovers(Harness &h, const QString &name)
{
    QStringList left;
    const QByteArray token = h.token(kContributor);
    auto names = migration::DmsBackend::namesFor(azureSpec(migration::Backend::Dms, name, {QStringLiteral("db1")}));
    if (!names)
        return {QStringLiteral("bad names")};
    Reply svc = h.arm("GET", names->service.toString() + QStringLiteral("?api-version=2021-06-30"), token);
    if (svc.status != 404)
        left << QStringLiteral("service %1 (%2)").arg(names->service.name()).arg(svc.status);
    for (const auto &[server, api] : {std::pair{singlePath(), QStringLiteral("2017-12-01")}, std::pair{flexPath(), QStringLiteral("2024-08-01")}}) {
        Reply rules = h.arm("GET", server + QStringLiteral("/firewallRules?api-version=") + api, token);
        if (rules.status != 200) {
            left << QStringLiteral("firewall list %1").arg(rules.status);
            continue;
        }
        for (const auto &r : rules.j["value"])
            if (QString::fromStdString(r.value("name", std::string())) == names->firewallRule)
                left << QStringLiteral("firewall rule on %1").arg(server.section(QLatin1Char('/'), -1));
    }
    return left;
}

} // namespace fm::test::emu
