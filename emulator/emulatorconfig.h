// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/pg/connectionparams.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace fm::emulator {

/** An AAD app registration (service principal) of one tenant. */
struct AadApp {
    QString clientId;
    Secret secret;
    QString objectId;     ///< the service principal's object id (shown in AuthorizationFailed)
    QString displayName;
    bool secretExpired = false; ///< answers AADSTS7000222 instead of a token
    bool disabled = false;      ///< answers AADSTS7000112
};

struct Tenant {
    QString id;      ///< GUID
    QString domain;  ///< e.g. contoso.onmicrosoft.com (also accepted in the token URL)
    std::vector<AadApp> apps;
};

struct ResourceGroup {
    QString name;
    QString location;
};

struct Subscription {
    QString id;
    QString tenantId;
    QString displayName;
    std::vector<ResourceGroup> resourceGroups;
};

/** Where an emulated server really lives. */
struct LocalPostgres {
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;     ///< a superuser (or a role with CREATEDB and REPLICATION) of the local server
    Secret password;
    QString sslmode; ///< empty: libpq's prefer for a local host
};

/** One Single Server or Flexible Server, mapped to a local PostgreSQL server. */
struct ServerSpec {
    enum class Kind { Single, Flexible };
    Kind kind = Kind::Flexible;
    QString subscriptionId;
    QString resourceGroup;
    QString name;
    QString location;
    QString version;          ///< "11", "16"...
    QString skuName;
    QString skuTier;
    QString administratorLogin;
    int storageMB = 32768;
    /** Single Server only: the running value of azure.replication_support (off, replica, logical). */
    QString replicationSupport = QStringLiteral("replica");
    LocalPostgres postgres;

    /** /subscriptions/.../providers/Microsoft.DBforPostgreSQL/{servers|flexibleServers}/{name} */
    QString resourceId() const;
    QString typeName() const; ///< Microsoft.DBforPostgreSQL/servers or .../flexibleServers
    pg::ConnectionParams connectionParams(const QString &database = QStringLiteral("postgres")) const;
};

struct RoleAssignment {
    QString principal; ///< the app's clientId (or objectId)
    QString role;      ///< Owner, Contributor, Reader
    QString scope;     ///< /subscriptions/x[/resourceGroups/y[/providers/.../name]]
};

/** Fault injection (issue 5): applied to ARM calls, and to the token endpoint when tokenEndpoint is true. */
struct FaultConfig {
    int throttleEveryNth = 0;     ///< every Nth call answers 429 with Retry-After; 0: off
    int retryAfterSeconds = 1;
    double error500Rate = 0;      ///< probability per call
    double error503Rate = 0;
    int dropEveryNth = 0;         ///< every Nth call closes the connection without an answer
    double dropRate = 0;
    bool dropAfterProcessing = true; ///< the dropped call still takes effect (the hard case for clients)
    int delayMs = 0;              ///< every answer waits this long
    quint32 seed = 1;             ///< seeds the RNG of the rates: runs are reproducible
    bool tokenEndpoint = false;   ///< faults also hit POST /{tenant}/oauth2/v2.0/token
    bool any() const
    {
        return throttleEveryNth > 0 || error500Rate > 0 || error503Rate > 0 || dropEveryNth > 0 || dropRate > 0 || delayMs > 0;
    }
};

/** How long the emulated service takes for each step (milliseconds). */
struct TimingConfig {
    int lroMs = 300;               ///< configuration/firewall/database PUT, DELETE
    int restartMs = 1000;          ///< server restart
    int prerequisitesMs = 500;     ///< PerformingPreRequisiteSteps
    int tickMs = 200;              ///< how often migrations advance
    int retryAfterSeconds = 1;     ///< Retry-After on 202 answers
};

struct EmulatorConfig {
    int tokenLifetimeSeconds = 3599;
    std::optional<int> shortTokenLifetimeSeconds; ///< fault: overrides tokenLifetimeSeconds
    /** Token audiences ARM accepts (azure-api.md §5.2); compared without trailing "/". */
    QStringList armAudiences{QStringLiteral("https://management.azure.com"), QStringLiteral("https://management.core.windows.net")};
    /** Other resources the token endpoint knows (tokens for them are refused by ARM). */
    QStringList otherResources{QStringLiteral("https://graph.microsoft.com"), QStringLiteral("https://ossrdbms-aad.database.windows.net")};
    std::vector<Tenant> tenants;
    std::vector<Subscription> subscriptions;
    std::vector<ServerSpec> servers;
    std::vector<RoleAssignment> roleAssignments;
    FaultConfig faults;
    TimingConfig timing;
    /** Pages of list answers (migrations): at most this many items, then a nextLink with $skipToken; 0 = one page (azure-api.md §5 paging). */
    int listPageSize = 0;
    QString pgBinDir;  ///< pg_dump for the direct engine; empty: engine default
    QString workDir;   ///< journals of the direct engine; empty: a temporary folder

    int effectiveTokenLifetime() const { return shortTokenLifetimeSeconds.value_or(tokenLifetimeSeconds); }

    /** Parses and validates; errors name the key, e.g. "servers[1].postgres.port: must be 1-65535". */
    static Expected<EmulatorConfig> fromJson(const nlohmann::json &json);
    static Expected<EmulatorConfig> fromText(const QByteArray &text);
    static Expected<EmulatorConfig> load(const QString &path);

    const Tenant *findTenant(const QString &idOrDomain) const;
    const Subscription *findSubscription(const QString &id) const;
    const ResourceGroup *findResourceGroup(const QString &subscriptionId, const QString &name) const;
    const AadApp *findApp(const QString &tenantId, const QString &clientId) const;
};

} // namespace fm::emulator
