// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/emulator.h"

#include "emulator/dmsstate.h"
#include "emulator/emulatorprivate.h"
#include "emulator/migrationstate.h"
#include "emulator/rbac.h"

#include "engine/core/logging.h"

#include <QDateTime>
#include <QRegularExpression>

namespace fm::emulator {

using json = nlohmann::json;

namespace {

std::vector<ServerParameter> defaultParameters(const ServerSpec &spec)
{
    std::vector<ServerParameter> out;
    auto add = [&](QString name, QString value, QString dataType, QString allowed, bool dynamic, QString description, qint64 min = 0, qint64 max = 0) {
        ServerParameter p;
        p.name = std::move(name);
        p.value = p.runningValue = p.defaultValue = std::move(value);
        p.dataType = std::move(dataType);
        p.allowedValues = std::move(allowed);
        p.dynamic = dynamic;
        p.description = std::move(description);
        p.min = min;
        p.max = max;
        out.push_back(std::move(p));
    };
    if (spec.kind == ServerSpec::Kind::Single) {
        // azure-api.md §2: off / replica / logical, static (needs a restart).
        add(QStringLiteral("azure.replication_support"), QStringLiteral("replica"), QStringLiteral("Enumeration"), QStringLiteral("off,replica,logical"),
            false, QStringLiteral("Sets the level of information written to the WAL to support replication (off, replica or logical)."));
        out.back().runningValue = out.back().value = spec.replicationSupport;
        if (spec.replicationSupport != out.back().defaultValue)
            out.back().source = QStringLiteral("user-override");
        add(QStringLiteral("max_replication_slots"), QStringLiteral("10"), QStringLiteral("Integer"), QStringLiteral("2-100"), false,
            QStringLiteral("Specifies the maximum number of replication slots that the server can support."), 2, 100);
        add(QStringLiteral("max_wal_senders"), QStringLiteral("10"), QStringLiteral("Integer"), QStringLiteral("2-100"), false,
            QStringLiteral("Sets the maximum number of simultaneously running WAL sender processes."), 2, 100);
        add(QStringLiteral("array_nulls"), QStringLiteral("on"), QStringLiteral("Boolean"), QStringLiteral("on,off"), true,
            QStringLiteral("Enable input of NULL elements in arrays."));
        add(QStringLiteral("log_min_duration_statement"), QStringLiteral("-1"), QStringLiteral("Integer"), QStringLiteral("-1-2147483647"), true,
            QStringLiteral("Sets the minimum execution time in milliseconds above which statements will be logged. -1 disables."), -1, 2147483647);
    } else {
        add(QStringLiteral("wal_level"), QStringLiteral("replica"), QStringLiteral("Enumeration"), QStringLiteral("replica,logical"), false,
            QStringLiteral("It determines how much information is written to the WAL."));
        add(QStringLiteral("max_replication_slots"), QStringLiteral("10"), QStringLiteral("Integer"), QStringLiteral("2-262143"), false,
            QStringLiteral("Specifies the maximum number of replication slots that the server can support."), 2, 262143);
        add(QStringLiteral("max_wal_senders"), QStringLiteral("10"), QStringLiteral("Integer"), QStringLiteral("5-100"), false,
            QStringLiteral("Sets the maximum number of simultaneously running WAL sender processes."), 5, 100);
        add(QStringLiteral("max_worker_processes"), QStringLiteral("8"), QStringLiteral("Integer"), QStringLiteral("8-262143"), false,
            QStringLiteral("Sets the maximum number of background processes that the system can support."), 8, 262143);
        add(QStringLiteral("shared_preload_libraries"), QStringLiteral("pg_cron,pg_stat_statements"), QStringLiteral("Set"),
            QStringLiteral("auto_explain,azure_storage,pg_cron,pg_failover_slots,pg_hint_plan,pg_partman_bgw,pg_prewarm,pg_squeeze,pg_stat_statements,pgaudit,pglogical,timescaledb,wal2json"),
            false, QStringLiteral("Sets which shared libraries are preloaded at server start."));
        add(QStringLiteral("azure.extensions"), QString(), QStringLiteral("Set"),
            QStringLiteral("address_standardizer,amcheck,btree_gin,btree_gist,citext,cube,dblink,fuzzystrmatch,hstore,intarray,isn,lo,ltree,pg_buffercache,pg_cron,pg_stat_statements,pg_trgm,pgcrypto,postgis,postgres_fdw,tablefunc,unaccent,uuid-ossp"),
            true, QStringLiteral("Specifies which extensions are allowed to be created in the server."));
        add(QStringLiteral("require_secure_transport"), QStringLiteral("on"), QStringLiteral("Boolean"), QStringLiteral("on,off"), true,
            QStringLiteral("Whether client connections to the server are required to use some form of secure transport."));
        add(QStringLiteral("log_min_duration_statement"), QStringLiteral("-1"), QStringLiteral("Integer"), QStringLiteral("-1-2147483647"), true,
            QStringLiteral("Sets the minimum execution time in milliseconds above which statements will be logged. -1 disables."), -1, 2147483647);
    }
    return out;
}

} // namespace

bool sameText(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

const QStringList &singleServerApiVersions()
{
    static const QStringList v{QStringLiteral("2017-12-01"), QStringLiteral("2017-12-01-preview")};
    return v;
}

const QStringList &flexibleServerApiVersions()
{
    static const QStringList v{QStringLiteral("2021-06-01"),         QStringLiteral("2021-06-15-privatepreview"), QStringLiteral("2022-12-01"),
                               QStringLiteral("2023-03-01-preview"), QStringLiteral("2023-06-01-preview"),        QStringLiteral("2023-12-01-preview"),
                               QStringLiteral("2024-03-01-preview"), QStringLiteral("2024-08-01"),                QStringLiteral("2024-11-01-preview"),
                               QStringLiteral("2025-01-01-preview"), QStringLiteral("2025-06-01-preview"),        QStringLiteral("2025-08-01")};
    return v;
}

const QStringList &migrationApiVersions()
{
    static const QStringList v{QString::fromLatin1(kApi2021), QString::fromLatin1(kApi2024)};
    return v;
}

ServerParameter *ServerState::parameter(const QString &name)
{
    for (auto &p : parameters)
        if (sameText(p.name, name))
            return &p;
    return nullptr;
}

Emulator::Emulator(EmulatorConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_tokens(&m_config), m_faults(m_config.faults)
{
    m_clock.start();
    for (const auto &spec : m_config.servers) {
        auto s = std::make_unique<ServerState>();
        s->spec = spec;
        s->parameters = defaultParameters(spec);
        m_servers.push_back(std::move(s));
    }
    m_runnerFactory = [this](const QString &name) { return makeDirectRunner(name, workDir(), m_config.pgBinDir); };
    m_timer.setInterval(m_config.timing.tickMs);
    connect(&m_timer, &QTimer::timeout, this, &Emulator::tick);
    m_timer.start();
}

Emulator::~Emulator()
{
    shutdown();
}

QString Emulator::workDir()
{
    if (!m_config.workDir.isEmpty())
        return m_config.workDir;
    if (!m_tempDir)
        m_tempDir = std::make_unique<QTemporaryDir>();
    return m_tempDir->path();
}

void Emulator::shutdown()
{
    m_timer.stop();
    for (auto &m : m_migrations) {
        if (m->runner) {
            m->runner->cancel();
            m->runner->cleanup();
            m->runner.reset(); // joins the engine's threads
        }
    }
    for (auto &svc : m_dmsServices)
        for (auto &[pn, p] : svc->projects)
            for (auto &[tn, t] : p->tasks)
                if (t->runner) {
                    t->runner->cancel();
                    t->runner->cleanup();
                    t->runner.reset();
                }
}

int Emulator::activeRunners() const
{
    int n = 0;
    for (const auto &m : m_migrations)
        if (m->runner && !m->runner->status().finished)
            ++n;
    return n;
}

int Emulator::actionCount(const QString &resource, const QString &action) const
{
    const auto it = m_actionCounts.find(resource.toLower() + QLatin1Char('|') + action.toLower());
    return it == m_actionCounts.end() ? 0 : it->second;
}

ServerState *Emulator::findServer(ServerSpec::Kind kind, const QString &subscription, const QString &resourceGroup, const QString &name)
{
    for (auto &s : m_servers)
        if (s->spec.kind == kind && sameText(s->spec.subscriptionId, subscription) && sameText(s->spec.resourceGroup, resourceGroup)
            && sameText(s->spec.name, name))
            return s.get();
    return nullptr;
}

ServerState *Emulator::serverByResourceId(const QString &resourceId)
{
    QString id = resourceId.trimmed();
    if (!id.startsWith(QLatin1Char('/')))
        id.prepend(QLatin1Char('/')); // 2021 clients sent ids without the leading '/' (azure-api.md §6.3, observed)
    for (auto &s : m_servers)
        if (sameText(s->spec.resourceId(), id))
            return s.get();
    return nullptr;
}

// ---------------------------------------------------------------- dispatch

HttpResponse Emulator::handle(const HttpRequest &request)
{
    const QStringList segs = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool isToken = segs.size() == 4 && sameText(segs[1], QStringLiteral("oauth2")) && sameText(segs[2], QStringLiteral("v2.0"))
                         && sameText(segs[3], QStringLiteral("token"));
    const bool isArm = !segs.isEmpty() && sameText(segs[0], QStringLiteral("subscriptions"));

    FaultDecision fault;
    if (isArm || (isToken && m_config.faults.tokenEndpoint))
        fault = m_faults.next(isArm && segs.size() > 1 ? segs[1] : QString());

    HttpResponse response;
    if (fault.replace) {
        response = *fault.replace;
        if (isArm)
            addArmHeaders(request, response, false);
    } else if (fault.drop && !m_config.faults.dropAfterProcessing) {
        response.drop = true;
        return response;
    } else if (isToken) {
        if (request.method != "POST") {
            response = HttpResponse::json(405, {{"error", "invalid_request"}, {"error_description", "The token endpoint accepts POST only."}});
        } else {
            response = m_tokens.handleTokenRequest(segs[0], request, m_baseUrl);
        }
    } else if (isArm) {
        response = handleArm(request);
    } else {
        response = HttpResponse::armError(404, QStringLiteral("InvalidRequestUri"),
                                          QStringLiteral("The request URI '%1' is not known to the emulator.").arg(request.path));
    }
    if (fault.drop)
        response.drop = true;
    response.delayMs = fault.delayMs;
    return response;
}

void Emulator::addArmHeaders(const HttpRequest &request, HttpResponse &response, bool write)
{
    const QByteArray requestId = newGuid().toLatin1();
    const QByteArray correlation = request.hasHeader("x-ms-correlation-request-id") ? request.header("x-ms-correlation-request-id") : requestId;
    response.setHeader("x-ms-request-id", requestId);
    response.setHeader("x-ms-correlation-request-id", correlation);
    response.setHeader("x-ms-routing-request-id", "LOCAL:" + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")).toLatin1() + "Z:" + requestId);
    if (request.hasHeader("x-ms-client-request-id"))
        response.setHeader("x-ms-client-request-id", request.header("x-ms-client-request-id"));
    response.setHeader(write ? "x-ms-ratelimit-remaining-subscription-writes" : "x-ms-ratelimit-remaining-subscription-reads", write ? "1199" : "11999");
    response.setHeader("Cache-Control", "no-cache");
}

HttpResponse Emulator::handleArm(const HttpRequest &request)
{
    ArmCall call{request, request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts), {}, {}, nullptr};
    HttpResponse response;

    // Authentication first, as ARM does (azure-api.md §5.4).
    const TokenCheck check = m_tokens.check(request.header("Authorization"));
    auto unauthorized = [&](const QString &code, const QString &message, const QString &wwwError) {
        HttpResponse r = HttpResponse::armError(401, code, message);
        r.setHeader("WWW-Authenticate", QStringLiteral("Bearer authorization_uri=\"%1\", error=\"invalid_token\", error_description=\"%2\"")
                                            .arg(m_baseUrl + QLatin1Char('/'), wwwError)
                                            .toUtf8());
        return r;
    };
    switch (check.problem) {
    case TokenProblem::Missing:
        response = unauthorized(QStringLiteral("AuthenticationFailed"), QStringLiteral("Authentication failed. The 'Authorization' header is missing."),
                                QStringLiteral("The authentication failed because of missing 'Authorization' header."));
        break;
    case TokenProblem::Malformed:
        response = unauthorized(QStringLiteral("InvalidAuthenticationToken"),
                                check.detail.isEmpty() ? QStringLiteral("The access token is invalid.") : check.detail,
                                QStringLiteral("The access token is invalid."));
        break;
    case TokenProblem::Expired:
        response = unauthorized(QStringLiteral("ExpiredAuthenticationToken"), check.detail, QStringLiteral("The access token expiry UTC time is earlier than current UTC time."));
        break;
    case TokenProblem::WrongAudience:
        response = unauthorized(QStringLiteral("InvalidAuthenticationTokenAudience"), check.detail,
                                QStringLiteral("The access token has been obtained from wrong audience or resource."));
        break;
    case TokenProblem::None:
        call.claims = check.claims;
        response = routeArm(call);
        break;
    }
    addArmHeaders(request, response, request.method != "GET" && request.method != "HEAD");
    return response;
}

std::optional<HttpResponse> Emulator::checkApiVersion(ArmCall &call, const QStringList &supported, const QString &type, const QString &location)
{
    const QString v = call.request.queryItem(QStringLiteral("api-version"));
    if (v.isEmpty())
        return HttpResponse::armError(400, QStringLiteral("MissingApiVersionParameter"),
                                      QStringLiteral("The api-version query parameter (?api-version=) is required for all requests."));
    for (const auto &s : supported)
        if (s == v) { // ARM compares api-versions exactly
            call.apiVersion = v;
            return std::nullopt;
        }
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(-[a-zA-Z]+)?$"));
    if (!shape.match(v).hasMatch())
        return HttpResponse::armError(400, QStringLiteral("InvalidApiVersionParameter"),
                                      QStringLiteral("The api-version '%1' is invalid. The supported versions are '%2'.").arg(v, supported.join(QLatin1Char(','))));
    return HttpResponse::armError(400, QStringLiteral("NoRegisteredProviderFound"),
                                  QStringLiteral("No registered resource provider found for location '%1' and API version '%2' for type '%3'. The supported "
                                                 "api-versions are '%4'. The supported locations are '%1'.")
                                      .arg(location.isEmpty() ? QStringLiteral("westus") : location, v, type, supported.join(QStringLiteral(", "))));
}

std::optional<HttpResponse> Emulator::authorize(ArmCall &call, const QString &scope, const QString &action)
{
    if (isAllowed(m_config, call.claims.clientId, call.claims.objectId, scope, action))
        return std::nullopt;
    // The exact ARM text (azure-api.md §5.4).
    return HttpResponse::armError(403, QStringLiteral("AuthorizationFailed"),
                                  QStringLiteral("The client '%1' with object id '%2' does not have authorization to perform action '%3' over scope '%4' or "
                                                 "the scope is invalid. If access was recently granted, please refresh your credentials.")
                                      .arg(call.claims.clientId, call.claims.objectId, action, scope));
}

HttpResponse Emulator::routeArm(ArmCall &call)
{
    const QStringList &s = call.segs;
    const int n = int(s.size());
    const QByteArray &method = call.request.method;
    const QString path = QLatin1Char('/') + s.join(QLatin1Char('/'));
    if (n < 2)
        return HttpResponse::armError(404, QStringLiteral("InvalidRequestUri"), QStringLiteral("The request URI '%1' is not valid.").arg(path));

    call.subscription = m_config.findSubscription(s[1]);
    if (!call.subscription)
        return HttpResponse::armError(404, QStringLiteral("SubscriptionNotFound"), QStringLiteral("The subscription '%1' could not be found.").arg(s[1]));
    if (!sameText(call.subscription->tenantId, call.claims.tenantId)) {
        HttpResponse r = HttpResponse::armError(
            401, QStringLiteral("InvalidAuthenticationTokenTenant"),
            QStringLiteral("The access token is from the wrong issuer 'https://sts.windows.net/%1/'. It must match the tenant "
                           "'https://sts.windows.net/%2/' associated with this subscription. Please use the authority (URL) '%3/%2' to get the token. "
                           "Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new "
                           "tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error "
                           "message, please try back later.")
                .arg(call.claims.tenantId, call.subscription->tenantId, m_baseUrl));
        r.setHeader("WWW-Authenticate", QStringLiteral("Bearer authorization_uri=\"%1/%2\", error=\"invalid_token\", error_description=\"The access "
                                                       "token is from the wrong issuer.\"")
                                            .arg(m_baseUrl, call.subscription->tenantId)
                                            .toUtf8());
        return r;
    }

    // {scope}/providers/Microsoft.Authorization/permissions on any scope.
    if (n >= 5 && sameText(s[n - 3], QStringLiteral("providers")) && sameText(s[n - 2], QStringLiteral("Microsoft.Authorization"))
        && sameText(s[n - 1], QStringLiteral("permissions"))) {
        if (method != "GET")
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The permissions resource supports GET only."));
        if (auto e = checkApiVersion(call, {QStringLiteral("2015-07-01"), QStringLiteral("2018-01-01-preview"), QStringLiteral("2022-04-01")},
                                      QStringLiteral("permissions"), QString()))
            return *e;
        return handlePermissions(call, QLatin1Char('/') + s.mid(0, n - 3).join(QLatin1Char('/')));
    }

    static const QStringList armVersions{QStringLiteral("2016-06-01"), QStringLiteral("2019-10-01"), QStringLiteral("2020-01-01"),
                                         QStringLiteral("2021-04-01"), QStringLiteral("2022-09-01"), QStringLiteral("2022-12-01")};
    if (n == 2) {
        if (method != "GET")
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Only GET is supported on a subscription."));
        if (auto e = checkApiVersion(call, armVersions, QStringLiteral("subscriptions"), QString()))
            return *e;
        if (auto e = authorize(call, path, QStringLiteral("Microsoft.Resources/subscriptions/read")))
            return *e;
        return HttpResponse::json(200, {{"id", ("/subscriptions/" + call.subscription->id).toStdString()},
                                        {"subscriptionId", call.subscription->id.toStdString()},
                                        {"tenantId", call.subscription->tenantId.toStdString()},
                                        {"displayName", call.subscription->displayName.toStdString()},
                                        {"state", "Enabled"}});
    }

    // Subscription-level provider paths: operation status of long-running operations.
    if (sameText(s[2], QStringLiteral("providers"))) {
        if (n == 8 && sameText(s[3], QStringLiteral("Microsoft.DBforPostgreSQL")) && sameText(s[4], QStringLiteral("locations"))
            && (sameText(s[6], QStringLiteral("azureAsyncOperation")) || sameText(s[6], QStringLiteral("operationResults")))) {
            if (method != "GET")
                return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Operation status supports GET only."));
            QStringList versions = singleServerApiVersions() + flexibleServerApiVersions();
            versions.removeDuplicates();
            if (auto e = checkApiVersion(call, versions, QStringLiteral("locations/") + s[6], s[5]))
                return *e;
            return handleOperation(call, s[6], s[5], s[7]);
        }
        if (n >= 4 && !sameText(s[3], QStringLiteral("Microsoft.DBforPostgreSQL")))
            return HttpResponse::armError(400, QStringLiteral("InvalidResourceNamespace"), QStringLiteral("The resource namespace '%1' is invalid.").arg(s[3]));
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"),
                                      QStringLiteral("The resource type could not be found in the namespace 'Microsoft.DBforPostgreSQL' for api version '%1'.")
                                          .arg(call.request.queryItem(QStringLiteral("api-version"))));
    }

    if (!sameText(s[2], QStringLiteral("resourceGroups")) || n < 4)
        return HttpResponse::armError(404, QStringLiteral("InvalidRequestUri"), QStringLiteral("The request URI '%1' is not valid.").arg(path));

    const QString rgName = s[3];
    const ResourceGroup *rg = m_config.findResourceGroup(call.subscription->id, rgName);
    if (n == 4) {
        if (method != "GET" && method != "HEAD")
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The emulator supports GET and HEAD on resource groups."));
        if (auto e = checkApiVersion(call, armVersions, QStringLiteral("resourceGroups"), QString()))
            return *e;
        if (auto e = authorize(call, path, QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read")))
            return *e;
        if (!rg) {
            if (method == "HEAD")
                return HttpResponse::empty(404);
            return HttpResponse::armError(404, QStringLiteral("ResourceGroupNotFound"), QStringLiteral("Resource group '%1' could not be found.").arg(rgName));
        }
        if (method == "HEAD")
            return HttpResponse::empty(204);
        return HttpResponse::json(200, {{"id", QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(call.subscription->id, rg->name).toStdString()},
                                        {"name", rg->name.toStdString()},
                                        {"type", "Microsoft.Resources/resourceGroups"},
                                        {"location", rg->location.toStdString()},
                                        {"properties", {{"provisioningState", "Succeeded"}}}});
    }

    if (n < 7 || !sameText(s[4], QStringLiteral("providers")))
        return HttpResponse::armError(404, QStringLiteral("InvalidRequestUri"), QStringLiteral("The request URI '%1' is not valid.").arg(path));
    const QString ns = s[5];
    if (sameText(ns, QStringLiteral("Microsoft.DataMigration")))
        return handleDms(call, rgName, rg, s.mid(6));
    if (!sameText(ns, QStringLiteral("Microsoft.DBforPostgreSQL")))
        return HttpResponse::armError(400, QStringLiteral("InvalidResourceNamespace"),
                                      QStringLiteral("The resource namespace '%1' is invalid (the emulator serves Microsoft.DBforPostgreSQL and "
                                                     "Microsoft.DataMigration).")
                                          .arg(ns));
    const bool single = sameText(s[6], QStringLiteral("servers"));
    const bool flexible = sameText(s[6], QStringLiteral("flexibleServers"));
    if (!single && !flexible)
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"),
                                      QStringLiteral("The resource type '%1' could not be found in the namespace 'Microsoft.DBforPostgreSQL' for api version '%2'.")
                                          .arg(s[6], call.request.queryItem(QStringLiteral("api-version"))));
    const QString typeName = single ? QStringLiteral("servers") : QStringLiteral("flexibleServers");
    const QStringList rest = s.mid(8);
    const bool isMigrationPath = flexible && !rest.isEmpty()
                                 && (sameText(rest[0], QStringLiteral("migrations")) || sameText(rest[0], QStringLiteral("checkMigrationNameAvailability")));

    // api-version per resource type (migrations have their own list).
    QString location = rg ? rg->location : QString();
    QStringList versions = single ? singleServerApiVersions() : flexibleServerApiVersions();
    QString typeForError = typeName;
    if (isMigrationPath) {
        versions = migrationApiVersions();
        typeForError = QStringLiteral("flexibleServers/migrations");
    } else if (!rest.isEmpty()) {
        typeForError = typeName + QLatin1Char('/') + rest[0];
    }
    if (auto e = checkApiVersion(call, versions, typeForError, location))
        return *e;

    // RBAC: the action is namespace/type[/childType...]/verb, the scope the resource path (azure-api.md §5.4).
    QStringList types{typeName};
    QString action;
    QString scope = path;
    if (method == "POST") {
        if (rest.isEmpty())
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("POST needs an action."));
        for (int i = 0; i + 1 < rest.size(); i += 2)
            types << rest[i];
        types << rest.last();
        action = QStringLiteral("Microsoft.DBforPostgreSQL/") + types.join(QLatin1Char('/')) + QStringLiteral("/action");
        scope = path.left(path.size() - rest.last().size() - 1);
    } else {
        for (int i = 0; i < rest.size(); i += 2)
            types << rest[i];
        const QString verb = method == "GET" || method == "HEAD" ? QStringLiteral("read") : method == "DELETE" ? QStringLiteral("delete") : QStringLiteral("write");
        action = QStringLiteral("Microsoft.DBforPostgreSQL/") + types.join(QLatin1Char('/')) + QLatin1Char('/') + verb;
    }
    if (n == 7) // list of servers in a resource group
        scope = path;
    if (auto e = authorize(call, scope, action))
        return *e;

    if (!rg)
        return HttpResponse::armError(404, QStringLiteral("ResourceGroupNotFound"), QStringLiteral("Resource group '%1' could not be found.").arg(rgName));

    if (n == 7) {
        if (method != "GET")
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("Creating servers is not emulated."));
        json value = json::array();
        for (const auto &srv : m_servers)
            if (srv->spec.kind == (single ? ServerSpec::Kind::Single : ServerSpec::Kind::Flexible) && sameText(srv->spec.subscriptionId, call.subscription->id)
                && sameText(srv->spec.resourceGroup, rgName))
                value.push_back(serverJson(*srv));
        return HttpResponse::json(200, {{"value", value}});
    }

    ServerState *server = findServer(single ? ServerSpec::Kind::Single : ServerSpec::Kind::Flexible, call.subscription->id, rgName, s[7]);
    if (!server) {
        const QString resourceType = QStringLiteral("Microsoft.DBforPostgreSQL/") + typeName;
        if (rest.isEmpty())
            return HttpResponse::armError(404, QStringLiteral("ResourceNotFound"),
                                          QStringLiteral("The Resource '%1/%2' under resource group '%3' was not found. For more details please go to "
                                                         "https://aka.ms/ARMResourceNotFoundFix")
                                              .arg(resourceType, s[7], rgName));
        const QString verb = method == "GET" ? QStringLiteral("read") : method == "DELETE" ? QStringLiteral("delete") : QStringLiteral("write");
        return HttpResponse::armError(404, QStringLiteral("ParentResourceNotFound"),
                                      QStringLiteral("Failed to perform '%1' on resource(s) of type '%2/%3', because the parent resource '%4' could not be found.")
                                          .arg(verb, typeName, rest[0], QLatin1Char('/') + s.mid(0, 8).join(QLatin1Char('/'))));
    }
    return handleServer(call, *server, rest);
}

// ---------------------------------------------------------------- permissions

HttpResponse Emulator::handlePermissions(ArmCall &call, const QString &scope)
{
    return HttpResponse::json(200, {{"value", permissionsAt(m_config, call.claims.clientId, call.claims.objectId, scope)}});
}

// ---------------------------------------------------------------- long-running operations

HttpResponse Emulator::startOperation(ArmCall &call, ServerState &server, const QString &operationName, int durationMs,
                                      std::function<json(Operation &)> complete)
{
    Operation op;
    op.id = newGuid();
    op.subscriptionId = server.spec.subscriptionId;
    op.location = server.spec.location.toLower().remove(QLatin1Char(' '));
    op.apiVersion = call.apiVersion;
    op.startTime = armTimestamp();
    op.doneAtMs = nowMs() + durationMs;
    op.complete = std::move(complete);
    const QString base = QStringLiteral("%1/subscriptions/%2/providers/Microsoft.DBforPostgreSQL/locations/%3/").arg(m_baseUrl, op.subscriptionId, op.location);
    const QString suffix = op.id + QStringLiteral("?api-version=") + op.apiVersion;
    HttpResponse r = HttpResponse::json(202, {{"operation", operationName.toStdString()}, {"startTime", op.startTime.toStdString()}});
    r.setHeader("Azure-AsyncOperation", (base + QStringLiteral("azureAsyncOperation/") + suffix).toUtf8());
    r.setHeader("Location", (base + QStringLiteral("operationResults/") + suffix).toUtf8());
    r.setHeader("Retry-After", QByteArray::number(m_config.timing.retryAfterSeconds));
    m_operations.emplace(op.id.toLower(), std::move(op));
    return r;
}

HttpResponse Emulator::handleOperation(ArmCall &call, const QString &kind, const QString &location, const QString &operationId)
{
    tick(); // complete what is due, so a poll right at the deadline sees it
    auto it = m_operations.find(operationId.toLower());
    if (it == m_operations.end() || !sameText(it->second.subscriptionId, call.subscription->id) || !sameText(it->second.location, location))
        return HttpResponse::armError(404, QStringLiteral("ResourceNotFound"), QStringLiteral("The operation '%1' could not be found.").arg(operationId));
    Operation &op = it->second;
    if (sameText(kind, QStringLiteral("azureAsyncOperation"))) {
        json body = {{"name", op.id.toStdString()}, {"status", op.status.toStdString()}, {"startTime", op.startTime.toStdString()}};
        if (op.status != QLatin1String("InProgress"))
            body["endTime"] = op.endTime.toStdString();
        if (op.status == QLatin1String("Failed"))
            body["error"] = {{"code", op.errorCode.toStdString()}, {"message", op.errorMessage.toStdString()}};
        return HttpResponse::json(200, body);
    }
    // operationResults: 202 while running, then the final result (azure-api.md §5.3).
    if (op.status == QLatin1String("InProgress")) {
        HttpResponse r = HttpResponse::empty(202);
        r.setHeader("Location", QStringLiteral("%1/subscriptions/%2/providers/Microsoft.DBforPostgreSQL/locations/%3/operationResults/%4?api-version=%5")
                                    .arg(m_baseUrl, op.subscriptionId, op.location, op.id, op.apiVersion)
                                    .toUtf8());
        r.setHeader("Retry-After", QByteArray::number(m_config.timing.retryAfterSeconds));
        return r;
    }
    if (op.status == QLatin1String("Failed"))
        return HttpResponse::armError(400, op.errorCode, op.errorMessage);
    if (op.hasResult)
        return HttpResponse::json(200, op.result);
    return HttpResponse::empty(204);
}

// ---------------------------------------------------------------- time

void Emulator::tick()
{
    const qint64 now = nowMs();
    for (auto &[id, op] : m_operations) {
        if (op.status != QLatin1String("InProgress") || now < op.doneAtMs)
            continue;
        op.status = QStringLiteral("Succeeded");
        if (op.complete) {
            json result = op.complete(op);
            if (!result.is_null()) {
                op.result = std::move(result);
                op.hasResult = true;
            }
        }
        op.endTime = armTimestamp();
    }
    for (auto &m : m_migrations)
        advance(*m);
    advanceDms();
    // Deleted migrations stay as hidden tombstones: their names are never reused (azure-api.md §9.2).
}

} // namespace fm::emulator
