// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Single Server and Flexible Server resources and their children
// (azure-api.md §2 and §3): server GET, restart (LRO), configurations,
// firewall rules, databases (read from the mapped local server, really).
#include "emulator/emulator.h"
#include "emulator/emulatorprivate.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace fm::emulator {

using json = nlohmann::json;

namespace {

std::string s(const QString &v)
{
    return v.toStdString();
}

HttpResponse childNotFound(const ServerState &server, const QString &childType, const QString &name)
{
    return HttpResponse::armError(404, QStringLiteral("ResourceNotFound"),
                                  QStringLiteral("The requested resource of type '%1/%2' with name '%3' was not found.").arg(server.spec.typeName(), childType, name));
}

HttpResponse methodNotAllowed(const QByteArray &method, const QString &what)
{
    return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"),
                                  QStringLiteral("The HTTP method '%1' is not supported for %2.").arg(QString::fromLatin1(method), what));
}

/** Parses a JSON body without letting an exception out (house rule); the ARM error on failure. */
std::optional<HttpResponse> parseBody(const QByteArray &body, json &out)
{
    out = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (out.is_discarded() || !out.is_object())
        return HttpResponse::armError(400, QStringLiteral("InvalidRequestContent"),
                                      QStringLiteral("The request content was invalid and could not be deserialized: the body must be a JSON object."));
    return std::nullopt;
}

HttpResponse localServerError(const ServerState &server, const Error &e)
{
    return HttpResponse::armError(500, QStringLiteral("InternalServerError"),
                                  QStringLiteral("The emulator could not use the local PostgreSQL server behind '%1' (%2:%3): %4")
                                      .arg(server.spec.name, server.spec.postgres.host)
                                      .arg(server.spec.postgres.port)
                                      .arg(e.message));
}

} // namespace

json Emulator::serverJson(const ServerState &server) const
{
    const ServerSpec &sp = server.spec;
    const QString fqdn = sp.name + QStringLiteral(".postgres.database.azure.com");
    // Emulator-only: where the server really listens (clients connect there instead of the FQDN).
    const QString endpoint = QStringLiteral("%1:%2").arg(sp.postgres.host).arg(sp.postgres.port);
    if (sp.kind == ServerSpec::Kind::Single) {
        // The observed 2017-12-01 GET body (azure-api.md §2).
        return {{"sku", {{"name", s(sp.skuName)}, {"tier", s(sp.skuTier)}, {"family", "Gen5"}, {"capacity", 2}}},
                {"properties",
                 {{"administratorLogin", s(sp.administratorLogin)},
                  {"storageProfile", {{"storageMB", sp.storageMB}, {"backupRetentionDays", 7}, {"geoRedundantBackup", "Disabled"}, {"storageAutogrow", "Enabled"}}},
                  {"version", s(sp.version)},
                  {"sslEnforcement", "Enabled"},
                  {"minimalTlsVersion", "TLS1_2"},
                  {"userVisibleState", "Ready"},
                  {"fullyQualifiedDomainName", s(fqdn)},
                  {"earliestRestoreDate", s(armTimestamp())},
                  {"replicationRole", "None"},
                  {"masterServerId", ""},
                  {"replicaCapacity", 5},
                  {"byokEnforcement", "Disabled"},
                  {"privateEndpointConnections", json::array()},
                  {"infrastructureEncryption", "Disabled"},
                  {"publicNetworkAccess", "Enabled"},
                  {"emulatorEndpoint", s(endpoint)}}},
                {"location", s(sp.location)},
                {"tags", json::object()},
                {"id", s(sp.resourceId())},
                {"name", s(sp.name)},
                {"type", "Microsoft.DBforPostgreSQL/servers"}};
    }
    // Public-access Flexible Server (azure-api.md §3).
    return {{"sku", {{"name", s(sp.skuName)}, {"tier", s(sp.skuTier)}}},
            {"systemData", {{"createdAt", "2024-08-01T18:30:22.123456Z"}}},
            {"properties",
             {{"replica", {{"role", "Primary"}, {"capacity", 5}}},
              {"storage", {{"type", ""}, {"iops", 500}, {"tier", "P4"}, {"storageSizeGB", sp.storageMB / 1024}, {"autoGrow", "Disabled"}}},
              {"network", {{"publicNetworkAccess", "Enabled"}}},
              {"dataEncryption", {{"type", "SystemManaged"}}},
              {"authConfig", {{"activeDirectoryAuth", "Disabled"}, {"passwordAuth", "Enabled"}}},
              {"fullyQualifiedDomainName", s(fqdn)},
              {"version", s(sp.version)},
              {"minorVersion", "0"},
              {"administratorLogin", s(sp.administratorLogin)},
              {"state", server.restarting ? "Updating" : "Ready"},
              {"availabilityZone", "1"},
              {"backup", {{"backupRetentionDays", 7}, {"geoRedundantBackup", "Disabled"}, {"earliestRestoreDate", s(armTimestamp())}}},
              {"highAvailability", {{"mode", "Disabled"}, {"state", "NotEnabled"}}},
              {"maintenanceWindow", {{"customWindow", "Disabled"}, {"dayOfWeek", 0}, {"startHour", 0}, {"startMinute", 0}}},
              {"replicationRole", "Primary"},
              {"replicaCapacity", 5},
              {"emulatorEndpoint", s(endpoint)}}},
            {"location", s(sp.location)},
            {"tags", json::object()},
            {"id", s(sp.resourceId())},
            {"name", s(sp.name)},
            {"type", "Microsoft.DBforPostgreSQL/flexibleServers"}};
}

json Emulator::parameterJson(const ServerState &server, const ServerParameter &p) const
{
    json props = {{"value", s(p.value)},
                  {"description", s(p.description)},
                  {"defaultValue", s(p.defaultValue)},
                  {"dataType", s(p.dataType)},
                  {"allowedValues", s(p.allowedValues)},
                  {"source", s(p.source)}};
    if (server.spec.kind == ServerSpec::Kind::Flexible) {
        props["isDynamicConfig"] = p.dynamic;
        props["isReadOnly"] = false;
        props["isConfigPendingRestart"] = p.value != p.runningValue;
        props["documentationLink"] = "https://www.postgresql.org/docs/current/runtime-config.html";
    }
    return {{"properties", props},
            {"id", s(server.spec.resourceId() + QStringLiteral("/configurations/") + p.name)},
            {"name", s(p.name)},
            {"type", s(server.spec.typeName() + QStringLiteral("/configurations"))}};
}

json Emulator::firewallJson(const ServerState &server, const FirewallRule &r) const
{
    return {{"properties", {{"startIpAddress", s(r.startIp)}, {"endIpAddress", s(r.endIp)}}},
            {"id", s(server.spec.resourceId() + QStringLiteral("/firewallRules/") + r.name)},
            {"name", s(r.name)},
            {"type", s(server.spec.typeName() + QStringLiteral("/firewallRules"))}};
}

HttpResponse Emulator::handleServer(ArmCall &call, ServerState &server, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    if (rest.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed(method, QStringLiteral("a server in the emulator (servers are declared in its configuration)"));
        return HttpResponse::json(200, serverJson(server));
    }
    const QString child = rest[0];
    if (sameText(child, QStringLiteral("restart"))) {
        if (method != "POST" || rest.size() != 1)
            return methodNotAllowed(method, QStringLiteral("restart"));
        if (server.restarting)
            return HttpResponse::armError(409, QStringLiteral("ServerBusy"),
                                          QStringLiteral("The server '%1' is busy with another operation. Please try your operation later.").arg(server.spec.name));
        server.restarting = true;
        ServerState *srv = &server;
        return startOperation(call, server,
                              server.spec.kind == ServerSpec::Kind::Single ? QStringLiteral("RestartElasticServer") : QStringLiteral("RestartServerManagementOperation"),
                              m_config.timing.restartMs, [srv](Operation &) {
                                  // Static parameters take effect now (azure-api.md §2: azure.replication_support needs a restart).
                                  for (auto &p : srv->parameters)
                                      p.runningValue = p.value;
                                  srv->restarting = false;
                                  ++srv->restarts;
                                  fm::logging::get("emulator")->info("server {} restarted", srv->spec.name);
                                  return json();
                              });
    }
    if (sameText(child, QStringLiteral("configurations")))
        return handleConfigurations(call, server, rest.mid(1));
    if (sameText(child, QStringLiteral("firewallRules")))
        return handleFirewallRules(call, server, rest.mid(1));
    if (sameText(child, QStringLiteral("databases")))
        return handleDatabases(call, server, rest.mid(1));
    if (server.spec.kind == ServerSpec::Kind::Flexible
        && (sameText(child, QStringLiteral("migrations")) || sameText(child, QStringLiteral("checkMigrationNameAvailability"))))
        return handleMigrations(call, server, rest);
    return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"),
                                  QStringLiteral("The resource type '%1/%2' could not be found in the namespace 'Microsoft.DBforPostgreSQL' for api version '%3'.")
                                      .arg(server.spec.kind == ServerSpec::Kind::Single ? QStringLiteral("servers") : QStringLiteral("flexibleServers"), child,
                                           call.apiVersion));
}

HttpResponse Emulator::handleConfigurations(ArmCall &call, ServerState &server, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    if (rest.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed(method, QStringLiteral("the configurations collection"));
        json value = json::array();
        for (const auto &p : server.parameters)
            value.push_back(parameterJson(server, p));
        return HttpResponse::json(200, {{"value", value}});
    }
    if (rest.size() != 1)
        return childNotFound(server, QStringLiteral("configurations"), rest.join(QLatin1Char('/')));
    ServerParameter *p = server.parameter(rest[0]);
    if (!p)
        return childNotFound(server, QStringLiteral("configurations"), rest[0]);
    if (method == "GET")
        return HttpResponse::json(200, parameterJson(server, *p));
    if (method != "PUT" && method != "PATCH")
        return methodNotAllowed(method, QStringLiteral("a configuration"));

    json body;
    if (auto e = parseBody(call.request.body, body))
        return *e;
    if (!body.contains("properties") || !body["properties"].is_object() || !body["properties"].contains("value") || !body["properties"]["value"].is_string())
        return HttpResponse::armError(400, QStringLiteral("InvalidRequestContent"),
                                      QStringLiteral("The request content was invalid and could not be deserialized: 'properties.value' (a string) is required."));
    QString value = QString::fromStdString(body["properties"]["value"].get<std::string>());
    QString source = QStringLiteral("user-override");
    if (body["properties"].contains("source") && body["properties"]["source"].is_string())
        source = QString::fromStdString(body["properties"]["source"].get<std::string>());

    const auto invalid = [&] {
        return HttpResponse::armError(400, QStringLiteral("InvalidParameterValue"),
                                      QStringLiteral("Invalid value given for parameter '%1'. Specify a valid parameter value.").arg(p->name));
    };
    if (p->dataType == QLatin1String("Enumeration") || p->dataType == QLatin1String("Boolean")) {
        bool found = false;
        for (const auto &allowed : p->allowedValues.split(QLatin1Char(',')))
            if (sameText(allowed.trimmed(), value)) {
                value = allowed.trimmed(); // azure-api.md §2: treat case-insensitively, store canonical
                found = true;
            }
        if (!found)
            return invalid();
    } else if (p->dataType == QLatin1String("Integer")) {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        if (!ok || n < p->min || n > p->max)
            return invalid();
    } else if (p->dataType == QLatin1String("Set") && !value.isEmpty()) {
        const QStringList allowed = p->allowedValues.split(QLatin1Char(','));
        for (const auto &item : value.split(QLatin1Char(',')))
            if (!allowed.contains(item.trimmed(), Qt::CaseInsensitive))
                return invalid();
    }

    ServerState *srv = &server;
    const QString name = p->name;
    return startOperation(call, server,
                          server.spec.kind == ServerSpec::Kind::Single ? QStringLiteral("UpsertElasticServerConfiguration")
                                                                       : QStringLiteral("UpsertServerConfigurationManagementOperation"),
                          m_config.timing.lroMs, [this, srv, name, value, source](Operation &) {
                              ServerParameter *q = srv->parameter(name);
                              q->value = value;
                              q->source = source;
                              if (q->dynamic)
                                  q->runningValue = value; // static ones wait for a restart
                              return parameterJson(*srv, *q);
                          });
}

HttpResponse Emulator::handleFirewallRules(ArmCall &call, ServerState &server, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    if (rest.isEmpty()) {
        if (method != "GET")
            return methodNotAllowed(method, QStringLiteral("the firewallRules collection"));
        json value = json::array();
        for (const auto &r : server.firewallRules)
            value.push_back(firewallJson(server, r));
        return HttpResponse::json(200, {{"value", value}});
    }
    if (rest.size() != 1)
        return childNotFound(server, QStringLiteral("firewallRules"), rest.join(QLatin1Char('/')));
    const QString name = rest[0];
    auto find = [&server](const QString &n) -> FirewallRule * {
        for (auto &r : server.firewallRules)
            if (sameText(r.name, n))
                return &r;
        return nullptr;
    };
    ServerState *srv = &server;
    if (method == "GET") {
        if (FirewallRule *r = find(name))
            return HttpResponse::json(200, firewallJson(server, *r));
        return childNotFound(server, QStringLiteral("firewallRules"), name);
    }
    if (method == "DELETE") {
        if (!find(name))
            return HttpResponse::empty(204);
        return startOperation(call, server, QStringLiteral("DropServerFirewallRule"), m_config.timing.lroMs, [srv, name](Operation &) {
            std::erase_if(srv->firewallRules, [&](const FirewallRule &r) { return sameText(r.name, name); });
            return json();
        });
    }
    if (method != "PUT")
        return methodNotAllowed(method, QStringLiteral("a firewall rule"));
    static const QRegularExpression namePattern(QStringLiteral("^[-\\w\\._]{1,128}$"));
    if (!namePattern.match(name).hasMatch())
        return HttpResponse::armError(400, QStringLiteral("InvalidResourceName"),
                                      QStringLiteral("The resource name '%1' is invalid: use letters, digits, '-', '_' and '.', at most 128 characters.").arg(name));
    json body;
    if (auto e = parseBody(call.request.body, body))
        return *e;
    const json props = body.value("properties", json::object());
    auto ip = [&](const char *key) -> QString {
        if (!props.is_object() || !props.contains(key) || !props[key].is_string())
            return {};
        return QString::fromStdString(props[key].get<std::string>());
    };
    const QString start = ip("startIpAddress"), end = ip("endIpAddress");
    QHostAddress a, b;
    if (!a.setAddress(start) || !b.setAddress(end) || a.protocol() != QAbstractSocket::IPv4Protocol || b.protocol() != QAbstractSocket::IPv4Protocol)
        return HttpResponse::armError(400, QStringLiteral("InvalidParameterValue"),
                                      QStringLiteral("Invalid value given for parameter 'startIpAddress' or 'endIpAddress'. Specify valid IPv4 addresses."));
    if (a.toIPv4Address() > b.toIPv4Address())
        return HttpResponse::armError(400, QStringLiteral("InvalidParameterValue"),
                                      QStringLiteral("The start IP address '%1' must not be greater than the end IP address '%2'.").arg(start, end));
    return startOperation(call, server, QStringLiteral("UpsertServerFirewallRule"), m_config.timing.lroMs, [this, srv, name, start, end](Operation &) {
        FirewallRule *r = nullptr;
        for (auto &x : srv->firewallRules)
            if (sameText(x.name, name))
                r = &x;
        if (!r) {
            srv->firewallRules.push_back({name, start, end});
            r = &srv->firewallRules.back();
        }
        r->startIp = start;
        r->endIp = end;
        return firewallJson(*srv, *r);
    });
}

HttpResponse Emulator::handleDatabases(ArmCall &call, ServerState &server, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    if (rest.size() > 1)
        return childNotFound(server, QStringLiteral("databases"), rest.join(QLatin1Char('/')));
    if (!rest.isEmpty() && method != "GET" && method != "PUT" && method != "DELETE")
        return methodNotAllowed(method, QStringLiteral("a database"));
    if (rest.isEmpty() && method != "GET")
        return methodNotAllowed(method, QStringLiteral("the databases collection"));

    auto dbJson = [&](const QString &name, const QString &charset, const QString &collation) {
        return json{{"properties", {{"charset", s(charset)}, {"collation", s(collation)}}},
                    {"id", s(server.spec.resourceId() + QStringLiteral("/databases/") + name)},
                    {"name", s(name)},
                    {"type", s(server.spec.typeName() + QStringLiteral("/databases"))}};
    };

    // The databases are those of the local server, really (issue 5).
    auto conn = pg::Connection::open(server.spec.connectionParams());
    if (!conn)
        return localServerError(server, conn.error());
    auto rows = conn->exec(QStringLiteral("SELECT datname, pg_encoding_to_char(encoding) AS charset, datcollate FROM pg_database "
                                          "WHERE NOT datistemplate ORDER BY datname"));
    if (!rows)
        return localServerError(server, rows.error());
    if (rest.isEmpty()) {
        json value = json::array();
        for (int i = 0; i < rows->rows(); ++i)
            value.push_back(dbJson(rows->text(i, 0), rows->text(i, 1), rows->text(i, 2)));
        return HttpResponse::json(200, {{"value", value}});
    }
    const QString name = rest[0];
    int found = -1;
    for (int i = 0; i < rows->rows(); ++i)
        if (rows->text(i, 0) == name)
            found = i;
    ServerState *srv = &server;
    if (method == "GET") {
        if (found < 0)
            return childNotFound(server, QStringLiteral("databases"), name);
        return HttpResponse::json(200, dbJson(name, rows->text(found, 1), rows->text(found, 2)));
    }
    if (method == "DELETE") {
        if (found < 0)
            return HttpResponse::empty(204);
        return startOperation(call, server, QStringLiteral("DropServerDatabaseManagementOperation"), m_config.timing.lroMs, [srv, name](Operation &op) {
            auto c = pg::Connection::open(srv->spec.connectionParams());
            Expected<pg::Result> r = c ? c->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(pg::quoteIdent(name)))
                                       : Expected<pg::Result>(std::unexpected(c.error()));
            if (!r) {
                op.status = QStringLiteral("Failed");
                op.errorCode = QStringLiteral("InternalServerError");
                op.errorMessage = r.error().message;
            }
            return json();
        });
    }
    // PUT: create the database on the local server when the operation completes.
    json body;
    if (auto e = parseBody(call.request.body, body))
        return *e;
    return startOperation(call, server, QStringLiteral("UpsertServerDatabaseManagementOperation"), m_config.timing.lroMs, [srv, name, dbJson](Operation &op) {
        auto c = pg::Connection::open(srv->spec.connectionParams());
        if (!c) {
            op.status = QStringLiteral("Failed");
            op.errorCode = QStringLiteral("InternalServerError");
            op.errorMessage = c.error().message;
            return json();
        }
        auto exists = c->exec(QStringLiteral("SELECT pg_encoding_to_char(encoding), datcollate FROM pg_database WHERE datname = $1"), {name});
        if (exists && exists->rows() == 0) {
            if (auto r = c->exec(QStringLiteral("CREATE DATABASE %1").arg(pg::quoteIdent(name))); !r) {
                op.status = QStringLiteral("Failed");
                op.errorCode = QStringLiteral("InternalServerError");
                op.errorMessage = r.error().message;
                return json();
            }
            exists = c->exec(QStringLiteral("SELECT pg_encoding_to_char(encoding), datcollate FROM pg_database WHERE datname = $1"), {name});
        }
        if (!exists || exists->rows() == 0)
            return json();
        return dbJson(name, exists->text(0, 0), exists->text(0, 1));
    });
}

} // namespace fm::emulator
