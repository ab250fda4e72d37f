// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/emulatorconfig.h"
#include "emulator/faultinjector.h"
#include "emulator/httpexchange.h"
#include "emulator/migrationrunner.h"
#include "emulator/tokenservice.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace fm::emulator {

/** One server parameter (configurations resource, azure-api.md §2 and §3). */
struct ServerParameter {
    QString name;
    QString value;        ///< what GET shows (the last PUT)
    QString runningValue; ///< what the server runs with; differs from value until a restart for static parameters
    QString defaultValue;
    QString dataType;     ///< Boolean, Integer, Enumeration, String, Set
    QString allowedValues;
    QString description;
    QString source = QStringLiteral("system-default");
    bool dynamic = true;  ///< false: takes effect at the next restart
    qint64 min = 0, max = 0;
};

struct FirewallRule {
    QString name;
    QString startIp;
    QString endIp;
};

/** An emulated server: its spec plus what ARM calls changed. */
struct ServerState {
    ServerSpec spec;
    std::vector<ServerParameter> parameters;
    std::vector<FirewallRule> firewallRules;
    bool restarting = false;
    int restarts = 0;
    ServerParameter *parameter(const QString &name);
};

/** An ARM long-running operation (azure-api.md §5.3). */
struct Operation {
    QString id;
    QString subscriptionId;
    QString location;
    QString apiVersion;
    QString startTime;
    QString endTime;
    qint64 doneAtMs = 0;
    QString status = QStringLiteral("InProgress"); ///< InProgress, Succeeded, Failed
    QString errorCode, errorMessage;
    /** Runs once when the operation completes; returns the final resource (or null) or sets an error. */
    std::function<nlohmann::json(Operation &)> complete;
    nlohmann::json result;
    bool hasResult = false;
};

struct Migration;
struct DmsService;
struct DmsProject;
struct DmsTask;

/**
 * @brief The emulated Azure: AAD token endpoint + ARM (DBforPostgreSQL servers,
 * flexibleServers, configurations, firewall rules, databases, migrations,
 * permissions), driven by an EmulatorConfig. Transport-free: EmulatorServer
 * feeds it HttpRequests, tests may too.
 */
class Emulator : public QObject
{
    Q_OBJECT
public:
    using RunnerFactory = std::function<std::unique_ptr<MigrationRunner>(const QString &name)>;

    explicit Emulator(EmulatorConfig config, QObject *parent = nullptr);
    ~Emulator() override;

    /** http://127.0.0.1:PORT, used in Azure-AsyncOperation/Location URLs and error_uri. */
    void setBaseUrl(const QString &baseUrl)
    {
        m_baseUrl = baseUrl;
        m_tokens.setSelfAudience(baseUrl);
    }
    QString baseUrl() const { return m_baseUrl; }

    HttpResponse handle(const HttpRequest &request);

    const EmulatorConfig &config() const { return m_config; }
    TokenService &tokens() { return m_tokens; }
    void setRunnerFactory(RunnerFactory factory) { m_runnerFactory = std::move(factory); }
    /** Replaces the fault injection at run time (tests: faults on for a phase, then off; counters restart). */
    void setFaults(const FaultConfig &faults)
    {
        m_config.faults = faults;
        m_faults = FaultInjector(faults);
    }
    /** Cancels every running migration and waits for the runners (called by the destructor). */
    void shutdown();
    /** Advances operations and migrations now (the timer does it every timing.tickMs). */
    void tick();
    /** Number of migrations whose runner still runs (tests wait for 0 before checking cleanup). */
    int activeRunners() const;
    /**
     * How many requests asked `resource` for `action`, whatever the answer, so tests can check "one click sends
     * one request" on the service's side. `resource` is a migration name or a DMS task name (case-insensitive);
     * `action` is "cutover" (PATCH with triggerCutover true; DMS: a Migrate.Sync.Complete.Database command, also
     * counted as "cutover:<database>"), "cancel" (PATCH with cancel true; DMS: POST .../cancel) or "delete"
     * (DELETE of a migration). Counted once the body is understood; kept after the resource is deleted.
     */
    int actionCount(const QString &resource, const QString &action) const;

private:
    /** One authenticated ARM call on its way through routing. */
    struct ArmCall {
        const HttpRequest &request;
        QStringList segs;
        TokenClaims claims;
        QString apiVersion;
        const Subscription *subscription = nullptr;
    };

    HttpResponse handleArm(const HttpRequest &request);
    HttpResponse routeArm(ArmCall &call);
    std::optional<HttpResponse> checkApiVersion(ArmCall &call, const QStringList &supported, const QString &type, const QString &location);
    std::optional<HttpResponse> authorize(ArmCall &call, const QString &scope, const QString &action);
    void addArmHeaders(const HttpRequest &request, HttpResponse &response, bool write);

    // Subscriptions, resource groups, permissions, operations (emulator.cpp).
    HttpResponse handlePermissions(ArmCall &call, const QString &scope);
    HttpResponse handleOperation(ArmCall &call, const QString &kind, const QString &location, const QString &operationId);
    HttpResponse startOperation(ArmCall &call, ServerState &server, const QString &operationName, int durationMs,
                                std::function<nlohmann::json(Operation &)> complete);

    // Servers and their children (armservers.cpp).
    HttpResponse handleServer(ArmCall &call, ServerState &server, const QStringList &rest);
    HttpResponse handleConfigurations(ArmCall &call, ServerState &server, const QStringList &rest);
    HttpResponse handleFirewallRules(ArmCall &call, ServerState &server, const QStringList &rest);
    HttpResponse handleDatabases(ArmCall &call, ServerState &server, const QStringList &rest);
    nlohmann::json serverJson(const ServerState &server) const;
    nlohmann::json parameterJson(const ServerState &server, const ServerParameter &p) const;
    nlohmann::json firewallJson(const ServerState &server, const FirewallRule &r) const;

    // DMS (armdms.cpp).
    HttpResponse handleDms(ArmCall &call, const QString &rgName, const ResourceGroup *rg, const QStringList &rest);
    nlohmann::json dmsServiceJson(const DmsService &svc) const;
    nlohmann::json dmsTaskJson(const DmsService &svc, const DmsProject &project, const DmsTask &task, bool expandOutput) const;
    ServerState *serverForConnection(const nlohmann::json &connectionInfo, QString *problem);
    void advanceDms();

    // Migrations (armmigrations.cpp).
    HttpResponse handleMigrations(ArmCall &call, ServerState &target, const QStringList &rest);
    HttpResponse createMigration(ArmCall &call, ServerState &target, const QString &name);
    HttpResponse patchMigration(ArmCall &call, Migration &m);
    HttpResponse deleteMigration(ArmCall &call, Migration &m);
    HttpResponse checkMigrationName(ArmCall &call, ServerState &target);
    nlohmann::json migrationJson(const Migration &m, const QString &apiVersion, const QString &level) const;
    void advance(Migration &m);
    void startRunner(Migration &m);
    void finishMigration(Migration &m, const QString &state, const QString &error);
    Migration *findMigration(const ServerState &target, const QString &name);
    Migration *activeMigration(const ServerState &target);

    ServerState *findServer(ServerSpec::Kind kind, const QString &subscription, const QString &resourceGroup, const QString &name);
    ServerState *serverByResourceId(const QString &resourceId);
    qint64 nowMs() const { return m_clock.elapsed(); }
    void countAction(const QString &resource, const QString &action) { ++m_actionCounts[resource.toLower() + QLatin1Char('|') + action.toLower()]; }
    QString workDir();

    EmulatorConfig m_config;
    TokenService m_tokens;
    FaultInjector m_faults;
    QString m_baseUrl = QStringLiteral("http://127.0.0.1");
    std::vector<std::unique_ptr<ServerState>> m_servers;
    std::map<QString, Operation> m_operations;
    std::vector<std::unique_ptr<Migration>> m_migrations;
    std::vector<std::unique_ptr<DmsService>> m_dmsServices;
    RunnerFactory m_runnerFactory;
    std::map<QString, int> m_actionCounts; ///< "resource|action", lower case (actionCount())
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::unique_ptr<QTemporaryDir> m_tempDir;
};

} // namespace fm::emulator
