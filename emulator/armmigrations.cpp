// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
// Microsoft.DBforPostgreSQL/flexibleServers/{target}/migrations for the
// api-versions 2021-06-15-privatepreview and 2024-08-01 (azure-api.md §1):
// create/get/list/patch/delete, checkMigrationNameAvailability, the state and
// substate sequence (§1.12) and per-database details (§1.5), driven by a
// MigrationRunner that really moves the data.
#include "emulator/emulator.h"
#include "emulator/emulatorprivate.h"
#include "emulator/migrationstate.h"
#include "emulator/rbac.h"

#include "engine/core/logging.h"
#include "engine/pg/connection.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

namespace fm::emulator {

using json = nlohmann::json;

namespace {

std::string s(const QString &v)
{
    return v.toStdString();
}

bool is2021(const QString &apiVersion)
{
    return apiVersion == QLatin1String(kApi2021);
}

HttpResponse badRequest(const QString &code, const QString &message)
{
    return HttpResponse::armError(400, code, message);
}

HttpResponse badContent(const QString &what)
{
    return badRequest(QStringLiteral("InvalidRequestContent"), QStringLiteral("The request content was invalid and could not be deserialized: %1").arg(what));
}

/** Writable properties per api-version (lower case; the service matches keys case-insensitively, §1.10). */
const QSet<QString> &createKeys(bool v2021)
{
    static const QSet<QString> k2021{
        QStringLiteral("sourcedbserverresourceid"), QStringLiteral("sourcedbserverfullyqualifieddomainname"),
        QStringLiteral("targetdbserverfullyqualifieddomainname"), QStringLiteral("secretparameters"), QStringLiteral("userassignedidentityresourceid"),
        QStringLiteral("targetdbserversubnetresourceid"), QStringLiteral("dbstomigrate"), QStringLiteral("migrationresourcegroup"),
        QStringLiteral("setuplogicalreplicationonsourcedbifneeded"), QStringLiteral("overwritedbsintarget"), QStringLiteral("migrationwindowstarttimeinutc"),
        QStringLiteral("startdatamigration"), QStringLiteral("triggercutover"), QStringLiteral("migrationmode"),
        // read-only ones a client may echo back; ignored as ARM does
        QStringLiteral("migrationid"), QStringLiteral("migrationname"), QStringLiteral("migrationdetailslevel"), QStringLiteral("currentstatus"),
        QStringLiteral("sourcedbservermetadata"), QStringLiteral("targetdbservermetadata"), QStringLiteral("targetdbserverresourceid")};
    static const QSet<QString> k2024{
        QStringLiteral("sourcedbserverresourceid"), QStringLiteral("sourcedbserverfullyqualifieddomainname"),
        QStringLiteral("targetdbserverfullyqualifieddomainname"), QStringLiteral("secretparameters"), QStringLiteral("migrationinstanceresourceid"),
        QStringLiteral("dbstomigrate"), QStringLiteral("setuplogicalreplicationonsourcedbifneeded"), QStringLiteral("overwritedbsintarget"),
        QStringLiteral("migrationwindowstarttimeinutc"), QStringLiteral("migrationwindowendtimeinutc"), QStringLiteral("startdatamigration"),
        QStringLiteral("triggercutover"), QStringLiteral("dbstotriggercutoveron"), QStringLiteral("cancel"), QStringLiteral("dbstocancelmigrationon"),
        QStringLiteral("migrationmode"), QStringLiteral("migrationoption"), QStringLiteral("sourcetype"), QStringLiteral("sslmode"),
        QStringLiteral("migrateroles"), QStringLiteral("migrationid"), QStringLiteral("currentstatus"), QStringLiteral("sourcedbservermetadata"),
        QStringLiteral("targetdbservermetadata"), QStringLiteral("targetdbserverresourceid")};
    return v2021 ? k2021 : k2024;
}

const QSet<QString> &patchKeys(bool v2021)
{
    static const QSet<QString> k2021{QStringLiteral("sourcedbserverresourceid"),
                                     QStringLiteral("secretparameters"),
                                     QStringLiteral("userassignedidentityresourceid"),
                                     QStringLiteral("dbstomigrate"),
                                     QStringLiteral("migrationresourcegroup"),
                                     QStringLiteral("setuplogicalreplicationonsourcedbifneeded"),
                                     QStringLiteral("overwritedbsintarget"),
                                     QStringLiteral("migrationwindowstarttimeinutc"),
                                     QStringLiteral("startdatamigration"),
                                     QStringLiteral("triggercutover")};
    static const QSet<QString> k2024{QStringLiteral("sourcedbserverresourceid"),
                                     QStringLiteral("sourcedbserverfullyqualifieddomainname"),
                                     QStringLiteral("targetdbserverfullyqualifieddomainname"),
                                     QStringLiteral("secretparameters"),
                                     QStringLiteral("dbstomigrate"),
                                     QStringLiteral("setuplogicalreplicationonsourcedbifneeded"),
                                     QStringLiteral("overwritedbsintarget"),
                                     QStringLiteral("migrationwindowstarttimeinutc"),
                                     QStringLiteral("startdatamigration"),
                                     QStringLiteral("triggercutover"),
                                     QStringLiteral("dbstotriggercutoveron"),
                                     QStringLiteral("cancel"),
                                     QStringLiteral("dbstocancelmigrationon"),
                                     QStringLiteral("migrationmode"),
                                     QStringLiteral("migrateroles")};
    return v2021 ? k2021 : k2024;
}

/** Case-insensitive view of one JSON object, collecting the first type error. */
class Props
{
public:
    Props(const json &object, QString path, bool v2021)
        : m_object(object), m_path(std::move(path)), m_2021(v2021)
    {
    }

    const json *find(const char *key) const
    {
        const QString k = QString::fromLatin1(key);
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (sameText(QString::fromStdString(it.key()), k) && !it->is_null())
                return &*it;
        return nullptr;
    }
    bool has(const char *key) const { return find(key) != nullptr; }
    QString name(const char *key) const { return m_path + QLatin1Char('.') + QLatin1String(key); }

    QString string(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return {};
        if (!v->is_string()) {
            setError(QStringLiteral("'%1' must be a string.").arg(name(key)));
            return {};
        }
        return QString::fromStdString(v->get<std::string>());
    }

    /** 2021: JSON booleans (strings "true"/"false" tolerated, §1.10); 2024: the "True"/"False" string enums (case-insensitive). */
    std::optional<bool> flag(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return std::nullopt;
        if (v->is_boolean()) {
            if (m_2021)
                return v->get<bool>();
            setError(QStringLiteral("'%1' must be the string \"True\" or \"False\" in api-version %2.").arg(name(key), QLatin1String(kApi2024)));
            return std::nullopt;
        }
        if (v->is_string()) {
            const QString t = QString::fromStdString(v->get<std::string>());
            if (sameText(t, QStringLiteral("true")))
                return true;
            if (sameText(t, QStringLiteral("false")))
                return false;
        }
        setError(m_2021 ? QStringLiteral("'%1' must be a boolean.").arg(name(key))
                        : QStringLiteral("'%1' must be \"True\" or \"False\".").arg(name(key)));
        return std::nullopt;
    }

    std::optional<QStringList> list(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return std::nullopt;
        QStringList out;
        if (!v->is_array()) {
            setError(QStringLiteral("'%1' must be an array of strings.").arg(name(key)));
            return std::nullopt;
        }
        for (const auto &e : *v) {
            if (!e.is_string()) {
                setError(QStringLiteral("'%1' must be an array of strings.").arg(name(key)));
                return std::nullopt;
            }
            out << QString::fromStdString(e.get<std::string>());
        }
        return out;
    }

    /** An extendable enum: matched case-insensitively, returned in canonical spelling. */
    QString choice(const char *key, const QStringList &allowed)
    {
        const QString v = string(key);
        if (v.isEmpty())
            return {};
        for (const auto &a : allowed)
            if (sameText(a, v))
                return a;
        setError(QStringLiteral("'%1' has the invalid value '%2'; allowed: %3.").arg(name(key), v, allowed.join(QStringLiteral(", "))));
        return {};
    }

    QString dateTime(const char *key)
    {
        const QString v = string(key);
        if (v.isEmpty())
            return {};
        if (!QDateTime::fromString(v, Qt::ISODateWithMs).isValid() && !QDateTime::fromString(v, Qt::ISODate).isValid()) {
            setError(QStringLiteral("'%1' must be an ISO 8601 date-time (got '%2').").arg(name(key), v));
            return {};
        }
        return v;
    }

    QString unknownKey(const QSet<QString> &known) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!known.contains(QString::fromStdString(it.key()).toLower()))
                return QString::fromStdString(it.key());
        return {};
    }

    void setError(const QString &e)
    {
        if (m_error.isEmpty())
            m_error = e;
    }
    const QString &error() const { return m_error; }

private:
    const json &m_object;
    QString m_path;
    bool m_2021;
    QString m_error;
};

QString tf(bool b)
{
    return b ? QStringLiteral("True") : QStringLiteral("False");
}

QString dbListError(const QStringList &dbs, int max)
{
    if (dbs.isEmpty())
        return QStringLiteral("'properties.dbsToMigrate' must name at least one database.");
    if (dbs.size() > max)
        return QStringLiteral("'properties.dbsToMigrate' names %1 databases; at most %2 are allowed per migration.").arg(dbs.size()).arg(max);
    QSet<QString> seen;
    for (const auto &d : dbs) {
        if (d.trimmed().isEmpty() || d.size() > 63)
            return QStringLiteral("'properties.dbsToMigrate' contains an invalid database name '%1'.").arg(d);
        if (seen.contains(d))
            return QStringLiteral("'properties.dbsToMigrate' names '%1' twice.").arg(d);
        seen.insert(d);
    }
    return {};
}

bool isSubsetOf(const QStringList &part, const QStringList &all)
{
    for (const auto &p : part)
        if (!all.contains(p))
            return false;
    return true;
}

} // namespace

// ---------------------------------------------------------------- lookup

Migration *Emulator::findMigration(const ServerState &target, const QString &name)
{
    for (auto &m : m_migrations)
        if (sameText(m->targetId, target.spec.resourceId()) && sameText(m->name, name))
            return m.get();
    return nullptr;
}

Migration *Emulator::activeMigration(const ServerState &target)
{
    for (auto &m : m_migrations)
        if (sameText(m->targetId, target.spec.resourceId()) && m->isActive() && !m->deleted)
            return m.get();
    return nullptr;
}

// ---------------------------------------------------------------- routes

HttpResponse Emulator::handleMigrations(ArmCall &call, ServerState &target, const QStringList &rest)
{
    const QByteArray &method = call.request.method;
    if (sameText(rest[0], QStringLiteral("checkMigrationNameAvailability"))) {
        if (method != "POST" || rest.size() != 1)
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("checkMigrationNameAvailability supports POST only."));
        return checkMigrationName(call, target);
    }
    if (rest.size() == 1) {
        if (method != "GET")
            return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The migrations collection supports GET only."));
        QString filter = call.request.queryItem(QStringLiteral("migrationListFilter"));
        if (filter.isNull() || filter.isEmpty())
            filter = QStringLiteral("Active"); // the default (§1.2)
        if (!sameText(filter, QStringLiteral("Active")) && !sameText(filter, QStringLiteral("All")))
            return badRequest(QStringLiteral("InvalidParameterValue"),
                              QStringLiteral("The value '%1' of 'migrationListFilter' is invalid; allowed: Active, All.").arg(filter));
        const bool all = sameText(filter, QStringLiteral("All"));
        tick();
        json value = json::array();
        for (const auto &m : m_migrations)
            if (sameText(m->targetId, target.spec.resourceId()) && !m->deleted && (all || m->isActive()))
                value.push_back(migrationJson(*m, call.apiVersion, QStringLiteral("Default")));
        // Paging (listPageSize): a page, then nextLink with $skipToken (absolute URL, as ARM sends it).
        const int pageSize = m_config.listPageSize;
        if (pageSize <= 0)
            return HttpResponse::json(200, {{"value", value}});
        bool skipOk = false;
        const int skip = std::max(0, call.request.queryItem(QStringLiteral("$skipToken")).toInt(&skipOk));
        json page = json::array();
        for (size_t i = size_t(skip); i < value.size() && page.size() < size_t(pageSize); ++i)
            page.push_back(value[i]);
        json out = {{"value", page}};
        if (size_t(skip + pageSize) < value.size())
            out["nextLink"] = (m_baseUrl + QLatin1Char('/') + call.segs.join(QLatin1Char('/'))
                               + QStringLiteral("?api-version=%1&migrationListFilter=%2&$skipToken=%3").arg(call.apiVersion, filter).arg(skip + pageSize))
                                  .toStdString();
        return HttpResponse::json(200, out);
    }
    if (rest.size() != 2)
        return HttpResponse::armError(404, QStringLiteral("InvalidResourceType"), QStringLiteral("The resource path is not valid for migrations."));
    const QString name = rest[1];
    Migration *m = findMigration(target, name);
    if (m && m->deleted)
        m = method == "PUT" ? m : nullptr; // a deleted name stays taken for PUT
    if (method == "PUT")
        return createMigration(call, target, name);
    if (!m) {
        if (method == "DELETE")
            return HttpResponse::empty(204);
        return HttpResponse::armError(404, QStringLiteral("ResourceNotFound"),
                                      QStringLiteral("The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/%1/migrations/%2' under resource group '%3' was not "
                                                     "found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")
                                          .arg(target.spec.name, name, target.spec.resourceGroup));
    }
    if (method == "GET") {
        tick();
        QString level = QStringLiteral("Default");
        if (is2021(call.apiVersion) && call.request.hasQueryItem(QStringLiteral("level"))) {
            level = call.request.queryItem(QStringLiteral("level"));
            bool ok = false;
            for (const auto &l : {QStringLiteral("Default"), QStringLiteral("Summary"), QStringLiteral("Full")})
                if (sameText(l, level)) {
                    level = l;
                    ok = true;
                }
            if (!ok)
                return badRequest(QStringLiteral("InvalidParameterValue"),
                                  QStringLiteral("The value '%1' of 'level' is invalid; allowed: Default, Summary, Full.").arg(level));
        }
        return HttpResponse::json(200, migrationJson(*m, call.apiVersion, level));
    }
    if (method == "PATCH")
        return patchMigration(call, *m);
    if (method == "DELETE")
        return deleteMigration(call, *m);
    return HttpResponse::armError(405, QStringLiteral("MethodNotAllowed"),
                                  QStringLiteral("The HTTP method '%1' is not supported for a migration.").arg(QString::fromLatin1(method)));
}

HttpResponse Emulator::checkMigrationName(ArmCall &call, ServerState &target)
{
    json body = json::parse(call.request.body.constData(), call.request.body.constData() + call.request.body.size(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return badContent(QStringLiteral("the body must be a JSON object {\"name\", \"type\"}."));
    Props p(body, QStringLiteral("body"), true);
    const QString name = p.string("name");
    const QString type = p.string("type");
    if (!p.error().isEmpty())
        return badContent(p.error());
    if (name.isEmpty())
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'name' is required."));
    if (!sameText(type, QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers/migrations")))
        return badRequest(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("'type' must be 'Microsoft.DBforPostgreSQL/flexibleServers/migrations' (got '%1').").arg(type));
    json out = {{"name", s(name)}, {"type", s(type)}};
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$"));
    if (!pattern.match(name).hasMatch()) {
        out["nameAvailable"] = false;
        out["reason"] = "Invalid";
        out["message"] = s(QStringLiteral("The migration name '%1' is invalid: use letters, digits and '-', not starting with '-'.").arg(name));
    } else if (findMigration(target, name)) {
        out["nameAvailable"] = false;
        out["reason"] = "AlreadyExists";
        out["message"] = s(QStringLiteral("Migration with the name '%1' already exists for the server '%2'. Migration names cannot be reused.").arg(name, target.spec.name));
    } else {
        out["nameAvailable"] = true; // observed answers omit reason/message (§1.11.7)
    }
    Q_UNUSED(call);
    return HttpResponse::json(200, out);
}

HttpResponse Emulator::createMigration(ArmCall &call, ServerState &target, const QString &name)
{
    const bool v2021 = is2021(call.apiVersion);
    static const QRegularExpression namePattern(QStringLiteral("^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$"));
    if (!namePattern.match(name).hasMatch())
        return badRequest(QStringLiteral("InvalidResourceName"),
                          QStringLiteral("The resource name '%1' is invalid. A migration name has letters, digits and '-', and does not start with '-'.").arg(name));

    json body = json::parse(call.request.body.constData(), call.request.body.constData() + call.request.body.size(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return badContent(QStringLiteral("the body must be a JSON object."));
    Props top(body, QString(), v2021);
    const QString location = top.string("location");
    if (!top.error().isEmpty())
        return badContent(top.error());
    if (location.trimmed().isEmpty())
        return badRequest(QStringLiteral("LocationRequired"), QStringLiteral("The location property is required for this definition."));
    const json *propsJson = top.find("properties");
    if (!propsJson || !propsJson->is_object())
        return badContent(QStringLiteral("'properties' (an object) is required."));
    const QString topUnknown = top.unknownKey({QStringLiteral("location"), QStringLiteral("properties"), QStringLiteral("tags"), QStringLiteral("id"),
                                               QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("systemdata")});
    if (!topUnknown.isEmpty())
        return badContent(QStringLiteral("Could not find member '%1' on object of type 'MigrationResource'.").arg(topUnknown));

    Props p(*propsJson, QStringLiteral("properties"), v2021);
    if (const QString unknown = p.unknownKey(createKeys(v2021)); !unknown.isEmpty())
        return badContent(QStringLiteral("Could not find member '%1' on object of type 'MigrationResourceProperties' (api-version %2).").arg(unknown, call.apiVersion));

    // Idempotent PUT: the same body again answers 200 with the resource; anything else with that name is a conflict.
    const QByteArray fingerprint = QByteArray::fromStdString(body.dump());
    if (Migration *existing = findMigration(target, name)) {
        if (!existing->deleted && existing->createFingerprint == fingerprint) {
            tick();
            return HttpResponse::json(200, migrationJson(*existing, call.apiVersion, QStringLiteral("Default")));
        }
        return HttpResponse::armError(409, QStringLiteral("MigrationNameAlreadyExists"),
                                      QStringLiteral("A migration with the name '%1' already exists on the target server '%2'. Migration names cannot be "
                                                     "reused, also after a failed or canceled migration: create a new migration with a different name.")
                                          .arg(name, target.spec.name));
    }
    if (Migration *active = activeMigration(target))
        return HttpResponse::armError(409, QStringLiteral("ActiveMigrationAlreadyExists"),
                                      QStringLiteral("The target server '%1' already has an active migration '%2'. Only one active migration per target "
                                                     "server is allowed: wait for it to finish, or cancel it.")
                                          .arg(target.spec.name, active->name));

    auto m = std::make_unique<Migration>();
    m->name = name;
    m->targetId = target.spec.resourceId();
    m->id = m->targetId + QStringLiteral("/migrations/") + name;
    m->migrationId = newGuid();
    m->createdWith = call.apiVersion;
    m->location = location;
    m->createFingerprint = fingerprint;
    if (const json *tags = top.find("tags"); tags && tags->is_object())
        m->tags = *tags;

    m->sourceResourceId = p.string("sourceDbServerResourceId");
    m->sourceFqdn = p.string("sourceDbServerFullyQualifiedDomainName");
    m->targetFqdn = p.string("targetDbServerFullyQualifiedDomainName");
    const auto dbs = p.list("dbsToMigrate");
    m->setupLogicalReplication = p.flag("setupLogicalReplicationOnSourceDbIfNeeded").value_or(false);
    m->overwriteDbs = p.flag("overwriteDbsInTarget").value_or(false);
    m->startDataMigration = p.flag("startDataMigration").value_or(false);
    m->triggerCutover = p.flag("triggerCutover").value_or(false);
    m->windowStart = p.dateTime("migrationWindowStartTimeInUtc");
    m->mode = p.choice("migrationMode", {QStringLiteral("Online"), QStringLiteral("Offline")});
    if (v2021) {
        m->userAssignedIdentity = p.string("userAssignedIdentityResourceId");
        m->targetSubnetId = p.string("targetDbServerSubnetResourceId");
        if (const json *g = p.find("migrationResourceGroup")) {
            if (!g->is_object())
                p.setError(QStringLiteral("'properties.migrationResourceGroup' must be an object."));
            else
                m->migrationResourceGroup = *g;
        }
        if (m->mode.isEmpty())
            m->mode = QStringLiteral("Online"); // 2022 docs: online unless TriggerCutover is set (§6.3)
    } else {
        m->migrationInstanceResourceId = p.string("migrationInstanceResourceId");
        m->windowEnd = p.dateTime("migrationWindowEndTimeInUtc");
        m->migrateRoles = p.flag("migrateRoles").value_or(false);
        m->option = p.choice("migrationOption", {QStringLiteral("Validate"), QStringLiteral("Migrate"), QStringLiteral("ValidateAndMigrate")});
        m->sourceType = p.choice("sourceType", {QStringLiteral("OnPremises"), QStringLiteral("AWS"), QStringLiteral("GCP"), QStringLiteral("AzureVM"),
                                                QStringLiteral("PostgreSQLSingleServer"), QStringLiteral("AWS_RDS"), QStringLiteral("AWS_AURORA"),
                                                QStringLiteral("AWS_EC2"), QStringLiteral("GCP_CloudSQL"), QStringLiteral("GCP_AlloyDB"),
                                                QStringLiteral("GCP_Compute"), QStringLiteral("EDB")});
        m->sslMode = p.choice("sslMode", {QStringLiteral("Prefer"), QStringLiteral("Require"), QStringLiteral("VerifyCA"), QStringLiteral("VerifyFull")});
        if (m->mode.isEmpty())
            m->mode = QStringLiteral("Offline"); // what azure-cli sends when --migration-mode is not given
        if (m->option.isEmpty())
            m->option = QStringLiteral("ValidateAndMigrate");
        if (p.flag("cancel").value_or(false))
            p.setError(QStringLiteral("'properties.cancel' cannot be set when creating a migration."));
    }
    if (!p.error().isEmpty())
        return badContent(p.error());

    // secretParameters
    const json *secrets = p.find("secretParameters");
    if (!secrets || !secrets->is_object())
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'properties.secretParameters' is required."));
    Props sp(*secrets, QStringLiteral("properties.secretParameters"), v2021);
    const json *admin = sp.find("adminCredentials");
    if (!admin || !admin->is_object())
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'properties.secretParameters.adminCredentials' is required."));
    Props ap(*admin, QStringLiteral("properties.secretParameters.adminCredentials"), v2021);
    const QString sourcePassword = ap.string("sourceServerPassword");
    const QString targetPassword = ap.string("targetServerPassword");
    if (!ap.error().isEmpty())
        return badContent(ap.error());
    if (sourcePassword.isEmpty() || targetPassword.isEmpty())
        return badRequest(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("'properties.secretParameters.adminCredentials' needs both sourceServerPassword and targetServerPassword."));
    m->sourcePassword = Secret(sourcePassword);
    m->targetPassword = Secret(targetPassword);
    if (v2021) {
        const json *aad = sp.find("aadApp");
        if (!aad || !aad->is_object())
            return badRequest(QStringLiteral("InvalidParameterValue"),
                              QStringLiteral("'properties.secretParameters.aadApp' (clientId, tenantId, aadSecret) is required in api-version %1.").arg(call.apiVersion));
        Props aadp(*aad, QStringLiteral("properties.secretParameters.aadApp"), true);
        m->aadClientId = aadp.string("clientId");
        m->aadTenantId = aadp.string("tenantId");
        m->aadSecret = Secret(aadp.string("aadSecret"));
        if (!aadp.error().isEmpty())
            return badContent(aadp.error());
        if (m->aadClientId.isEmpty() || m->aadTenantId.isEmpty() || m->aadSecret.isEmpty())
            return badRequest(QStringLiteral("InvalidParameterValue"),
                              QStringLiteral("'properties.secretParameters.aadApp' needs clientId, tenantId and aadSecret."));
    } else {
        m->sourceUser = sp.string("sourceServerUsername");
        m->targetUser = sp.string("targetServerUsername");
        if (!sp.error().isEmpty())
            return badContent(sp.error());
    }

    if (m->sourceResourceId.isEmpty())
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'properties.sourceDbServerResourceId' is required."));
    ServerState *source = serverByResourceId(m->sourceResourceId);
    if (!source)
        return badRequest(QStringLiteral("InvalidParameterValue"),
                          QStringLiteral("The source server '%1' was not found. The emulator knows the servers of its configuration.").arg(m->sourceResourceId));
    if (source == &target)
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("The source and the target server are the same server."));
    if (!v2021) {
        if (m->sourceType.isEmpty())
            m->sourceType = source->spec.kind == ServerSpec::Kind::Single ? QStringLiteral("PostgreSQLSingleServer") : QStringLiteral("AzureVM");
        if (m->sslMode.isEmpty())
            m->sslMode = m->sourceType == QLatin1String("PostgreSQLSingleServer") ? QStringLiteral("VerifyFull") : QStringLiteral("Prefer");
    }
    if (!dbs)
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'properties.dbsToMigrate' is required."));
    if (const QString e = dbListError(*dbs, v2021 ? 8 : 50); !e.isEmpty())
        return badRequest(QStringLiteral("InvalidParameterValue"), e);
    m->dbs = *dbs;
    if (m->windowStart.isEmpty())
        m->windowStart = armTimestamp();

    m->phase = MigrationPhase::Prerequisites;
    m->phaseUntilMs = nowMs() + m_config.timing.prerequisitesMs;
    fm::logging::get("emulator")->info("migration {} created on {} ({} database(s), {}, api-version {})", m->name, target.spec.name, m->dbs.size(), m->mode,
                                       call.apiVersion);
    Migration &ref = *m;
    m_migrations.push_back(std::move(m));
    json out = migrationJson(ref, call.apiVersion, QStringLiteral("Default"));
    if (!v2021) // observed 2024: the 201 carries state InProgress without substate (§1.10)
        out["properties"]["currentStatus"] = {{"state", "InProgress"}};
    return HttpResponse::json(201, out);
}

HttpResponse Emulator::patchMigration(ArmCall &call, Migration &m)
{
    const bool v2021 = is2021(call.apiVersion);
    json body = json::parse(call.request.body.constData(), call.request.body.constData() + call.request.body.size(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return badContent(QStringLiteral("the body must be a JSON object."));
    Props top(body, QString(), v2021);
    if (const QString unknown = top.unknownKey({QStringLiteral("properties"), QStringLiteral("tags")}); !unknown.isEmpty())
        return badContent(QStringLiteral("Could not find member '%1' on object of type 'MigrationResourceForPatch'.").arg(unknown));
    const json *propsJson = top.find("properties");
    const json empty = json::object();
    if (propsJson && !propsJson->is_object())
        return badContent(QStringLiteral("'properties' must be an object."));
    Props p(propsJson ? *propsJson : empty, QStringLiteral("properties"), v2021);
    if (const QString unknown = p.unknownKey(patchKeys(v2021)); !unknown.isEmpty())
        return badContent(QStringLiteral("Could not find member '%1' on object of type 'MigrationResourcePropertiesForPatch' (api-version %2).")
                              .arg(unknown, call.apiVersion));

    const auto setup = p.flag("setupLogicalReplicationOnSourceDbIfNeeded");
    const auto overwrite = p.flag("overwriteDbsInTarget");
    const auto startNow = p.flag("startDataMigration");
    const auto cutover = p.flag("triggerCutover");
    std::optional<bool> cancel;
    std::optional<QStringList> cutoverDbs, cancelDbs;
    if (!v2021) {
        cancel = p.flag("cancel");
        cutoverDbs = p.list("dbsToTriggerCutoverOn");
        cancelDbs = p.list("dbsToCancelMigrationOn");
    }
    const auto dbs = p.list("dbsToMigrate");
    const QString windowStart = p.dateTime("migrationWindowStartTimeInUtc");
    const QString mode = v2021 ? QString() : p.choice("migrationMode", {QStringLiteral("Online"), QStringLiteral("Offline")});
    if (!p.error().isEmpty())
        return badContent(p.error());
    if (cutover.value_or(false))
        countAction(m.name, QStringLiteral("cutover"));
    if (cancel.value_or(false))
        countAction(m.name, QStringLiteral("cancel"));

    tick();
    if (!m.isActive())
        return badRequest(QStringLiteral("InvalidMigrationState"),
                          QStringLiteral("The migration '%1' has ended (%2) and cannot be updated. A failed or canceled migration cannot be restarted: "
                                         "create a new migration with a different name.")
                              .arg(m.name, m.state));
    const bool started = m.runner != nullptr;
    if ((dbs || mode.size() || !windowStart.isEmpty()) && started)
        return badRequest(QStringLiteral("InvalidMigrationState"),
                          QStringLiteral("The databases, mode and window of migration '%1' cannot change once data migration has started.").arg(m.name));
    if (dbs) {
        if (const QString e = dbListError(*dbs, v2021 ? 8 : 50); !e.isEmpty())
            return badRequest(QStringLiteral("InvalidParameterValue"), e);
    }
    // The direct engine switches all databases of a run together: a subset is refused (documented limitation).
    for (const auto &subset : {cutoverDbs, cancelDbs})
        if (subset && !subset->isEmpty()) {
            if (!isSubsetOf(*subset, m.dbs))
                return badRequest(QStringLiteral("InvalidParameterValue"),
                                  QStringLiteral("The databases %1 are not part of migration '%2' (%3).").arg(subset->join(QStringLiteral(", ")), m.name,
                                                                                                          m.dbs.join(QStringLiteral(", "))));
            if (subset->size() != m.dbs.size())
                return badRequest(QStringLiteral("InvalidParameterValue"),
                                  QStringLiteral("The emulator cuts over or cancels all databases of a migration together; list all of %1 or none.")
                                      .arg(m.dbs.join(QStringLiteral(", "))));
        }
    if (cutover.value_or(false) && cancel.value_or(false))
        return badRequest(QStringLiteral("InvalidParameterValue"), QStringLiteral("'triggerCutover' and 'cancel' cannot be set in the same request."));

    if (dbs)
        m.dbs = *dbs;
    if (!mode.isEmpty())
        m.mode = mode;
    if (!windowStart.isEmpty())
        m.windowStart = windowStart;
    if (const json *tags = top.find("tags"); tags && tags->is_object())
        m.tags = *tags;
    if (setup.value_or(false)) {
        m.setupLogicalReplication = true;
        if (m.phase == MigrationPhase::WaitingReplication) {
            m.phase = MigrationPhase::Prerequisites;
            m.phaseUntilMs = nowMs();
        }
    }
    if (overwrite.value_or(false)) {
        m.overwriteDbs = true;
        if (m.phase == MigrationPhase::WaitingOverwrite) {
            m.phase = MigrationPhase::Prerequisites;
            m.phaseUntilMs = nowMs();
        }
    }
    if (startNow.value_or(false))
        m.startDataMigration = true;
    if (cutover.value_or(false))
        m.triggerCutover = true;
    if (cancel.value_or(false)) {
        m.cancel = true;
        if (m.runner) {
            m.runner->cancel();
            m.phase = MigrationPhase::Canceling;
            for (auto &[n, d] : m.dbDetails)
                d.migrationState = QStringLiteral("Canceling");
        } else {
            finishMigration(m, QStringLiteral("Canceled"), QString());
        }
    }
    fm::logging::get("emulator")->info("migration {} updated (setup={}, overwrite={}, start={}, cutover={}, cancel={})", m.name, setup.value_or(false),
                                       overwrite.value_or(false), startNow.value_or(false), cutover.value_or(false), cancel.value_or(false));
    advance(m);
    return HttpResponse::json(200, migrationJson(m, call.apiVersion, QStringLiteral("Default")));
}

HttpResponse Emulator::deleteMigration(ArmCall &call, Migration &m)
{
    // DELETE stops all migration activity and leaves the target as it is (§1.12 step 6).
    countAction(m.name, QStringLiteral("delete"));
    tick();
    json out = migrationJson(m, call.apiVersion, QStringLiteral("Default"));
    if (m.isActive()) {
        m.cancel = true;
        if (m.runner) {
            m.runner->cancel();
            m.phase = MigrationPhase::Canceling;
        } else {
            finishMigration(m, QStringLiteral("Canceled"), QString());
        }
    }
    m.deleted = true;
    fm::logging::get("emulator")->info("migration {} deleted", m.name);
    return HttpResponse::json(200, out);
}

// ---------------------------------------------------------------- rendering

json Emulator::migrationJson(const Migration &m, const QString &apiVersion, const QString &level) const
{
    const bool v2021 = is2021(apiVersion);
    QString state = QStringLiteral("InProgress");
    QString sub;
    switch (m.phase) {
    case MigrationPhase::Prerequisites:
    case MigrationPhase::RestartingSource:
        sub = QStringLiteral("PerformingPreRequisiteSteps");
        break;
    case MigrationPhase::WaitingReplication:
        state = QStringLiteral("WaitingForUserAction");
        sub = QStringLiteral("WaitingForLogicalReplicationSetupRequestOnSourceDB");
        break;
    case MigrationPhase::WaitingOverwrite:
        state = QStringLiteral("WaitingForUserAction");
        sub = QStringLiteral("WaitingForTargetDBOverwriteConfirmation");
        break;
    case MigrationPhase::WaitingWindow:
        sub = QStringLiteral("WaitingForDataMigrationWindow");
        break;
    case MigrationPhase::MigratingData:
        sub = QStringLiteral("MigratingData");
        break;
    case MigrationPhase::WaitingCutover:
        state = QStringLiteral("WaitingForUserAction");
        sub = QStringLiteral("WaitingForCutoverTrigger");
        break;
    case MigrationPhase::Completing:
        sub = QStringLiteral("CompletingMigration");
        break;
    case MigrationPhase::Canceling:
        sub = v2021 ? QStringLiteral("CompletingMigration") : QStringLiteral("CancelingRequestedDBMigrations");
        break;
    case MigrationPhase::Done:
        state = m.state;
        sub = QStringLiteral("Completed");
        break;
    }

    json dbDetails = json::object();
    for (const auto &[name, d] : m.dbDetails) {
        json j = {{"databaseName", s(d.name)},
                  {"migrationState", s(d.migrationState)},
                  {"fullLoadQueuedTables", d.fullLoadQueuedTables},
                  {"fullLoadErroredTables", d.fullLoadErroredTables},
                  {"fullLoadLoadingTables", d.fullLoadLoadingTables},
                  {"fullLoadCompletedTables", d.fullLoadCompletedTables},
                  {"cdcUpdateCounter", d.cdcUpdateCounter},
                  {"cdcDeleteCounter", d.cdcDeleteCounter},
                  {"cdcInsertCounter", d.cdcInsertCounter},
                  {"appliedChanges", d.appliedChanges},
                  {"incomingChanges", d.incomingChanges},
                  {"latency", d.latency}};
        if (!d.migrationOperation.isEmpty())
            j["migrationOperation"] = s(d.migrationOperation);
        if (!d.startedOn.isEmpty())
            j["startedOn"] = s(d.startedOn);
        if (!d.endedOn.isEmpty())
            j["endedOn"] = s(d.endedOn);
        if (!d.message.isEmpty())
            j["message"] = s(d.message);
        dbDetails[s(name)] = j;
    }
    json subDetails = {{"currentSubState", s(sub)}};
    // 2024-08-01 has dbDetails ({} until databases start, §1.10); the 2021 spec has no per-database
    // shape, the emulator sends the 2023+ one there too (documented in docs/emulator.md).
    subDetails["dbDetails"] = dbDetails;
    if (!v2021 && !m.validationDetails.is_null())
        subDetails["validationDetails"] = m.validationDetails;
    json status = {{"state", s(state)}, {"error", s(m.error)}, {"currentSubStateDetails", subDetails}};

    const ServerState *source = const_cast<Emulator *>(this)->serverByResourceId(m.sourceResourceId);
    const ServerState *target = const_cast<Emulator *>(this)->serverByResourceId(m.targetId);
    auto metadata = [&](const ServerState *srv) -> json {
        if (!srv)
            return json::object();
        json sku = {{"name", s(srv->spec.skuName)}, {"tier", s(srv->spec.skuTier)}};
        return {{"location", s(srv->spec.location)}, {"version", s(srv->spec.version)}, {v2021 ? "storageMB" : "storageMb", srv->spec.storageMB}, {"sku", sku}};
    };
    json dbs = json::array();
    for (const auto &d : m.dbs)
        dbs.push_back(s(d));

    json props;
    props["migrationId"] = s(m.migrationId);
    if (v2021) {
        props["migrationName"] = s(m.name);
        props["migrationDetailsLevel"] = s(level);
        props["currentStatus"] = status;
        props["sourceDBServerMetadata"] = metadata(source);
        props["targetDBServerMetadata"] = metadata(target);
        props["sourceDBServerResourceId"] = s(m.sourceResourceId);
        if (!m.sourceFqdn.isEmpty())
            props["sourceDBServerFullyQualifiedDomainName"] = s(m.sourceFqdn);
        if (!m.targetFqdn.isEmpty())
            props["targetDBServerFullyQualifiedDomainName"] = s(m.targetFqdn);
        props["migrationMode"] = s(m.mode);
        // Secrets never come back (§1.10): adminCredentials {}, aadApp without aadSecret.
        props["secretParameters"] = {{"adminCredentials", json::object()}, {"aadApp", {{"clientId", s(m.aadClientId)}, {"tenantId", s(m.aadTenantId)}}}};
        if (!m.userAssignedIdentity.isEmpty())
            props["userAssignedIdentityResourceId"] = s(m.userAssignedIdentity);
        props["targetDBServerResourceId"] = s(m.targetId);
        if (!m.targetSubnetId.isEmpty())
            props["targetDBServerSubnetResourceId"] = s(m.targetSubnetId);
        props["dBsToMigrate"] = dbs;
        if (!m.migrationResourceGroup.is_null())
            props["migrationResourceGroup"] = m.migrationResourceGroup;
        props["setupLogicalReplicationOnSourceDBIfNeeded"] = m.setupLogicalReplication;
        props["overwriteDBsInTarget"] = m.overwriteDbs;
        props["migrationWindowStartTimeInUtc"] = s(m.windowStart);
        props["startDataMigration"] = m.startDataMigration;
        props["triggerCutover"] = m.triggerCutover;
    } else {
        props["currentStatus"] = status;
        props["migrationMode"] = s(m.mode);
        props["migrationOption"] = s(m.option);
        props["sourceType"] = s(m.sourceType);
        props["sslMode"] = s(m.sslMode);
        props["sourceDbServerMetadata"] = metadata(source);
        props["targetDbServerMetadata"] = metadata(target);
        props["sourceDbServerResourceId"] = s(m.sourceResourceId);
        if (!m.sourceFqdn.isEmpty())
            props["sourceDbServerFullyQualifiedDomainName"] = s(m.sourceFqdn);
        if (!m.targetFqdn.isEmpty())
            props["targetDbServerFullyQualifiedDomainName"] = s(m.targetFqdn);
        props["targetDbServerResourceId"] = s(m.targetId);
        if (!m.migrationInstanceResourceId.isEmpty())
            props["migrationInstanceResourceId"] = s(m.migrationInstanceResourceId);
        props["dbsToMigrate"] = dbs;
        props["setupLogicalReplicationOnSourceDbIfNeeded"] = s(tf(m.setupLogicalReplication));
        props["overwriteDbsInTarget"] = s(tf(m.overwriteDbs));
        props["migrationWindowStartTimeInUtc"] = s(m.windowStart);
        if (!m.windowEnd.isEmpty())
            props["migrationWindowEndTimeInUtc"] = s(m.windowEnd);
        props["startDataMigration"] = s(tf(m.startDataMigration));
        // Offline migrations report triggerCutover True at once: the service cuts over by itself (§1.10).
        props["triggerCutover"] = s(tf(m.triggerCutover || m.mode == QLatin1String("Offline")));
        props["migrateRoles"] = s(tf(m.migrateRoles));
        if (m.cancel)
            props["cancel"] = "True";
    }
    return {{"properties", props},
            {"location", s(m.location)},
            {"tags", m.tags},
            {"id", s(m.id)},
            {"name", s(m.name)},
            {"type", "Microsoft.DBforPostgreSQL/flexibleServers/migrations"}};
}

// ---------------------------------------------------------------- progress

void Emulator::finishMigration(Migration &m, const QString &state, const QString &error)
{
    m.phase = MigrationPhase::Done;
    m.state = state;
    m.error = error;
    const QString now = armTimestamp();
    if (m.windowEnd.isEmpty() || m.createdWith != QLatin1String(kApi2021))
        m.windowEnd = now;
    for (auto &[name, d] : m.dbDetails) {
        if (d.endedOn.isEmpty())
            d.endedOn = now;
        if (state == QLatin1String("Succeeded"))
            d.migrationState = QStringLiteral("Succeeded");
        else if (state == QLatin1String("Canceled"))
            d.migrationState = QStringLiteral("Canceled");
        else if (d.migrationState != QLatin1String("Succeeded"))
            d.migrationState = QStringLiteral("Failed");
    }
    if (m.runner) {
        m.runner->cleanup();
        m.runner.reset(); // the engine has finished: this joins its threads at once
    }
    m.cleanedUp = true;
    fm::logging::get("emulator")->info("migration {} ended: {}{}{}", m.name, state, error.isEmpty() ? "" : " - ", error);
}

void Emulator::startRunner(Migration &m)
{
    ServerState *source = serverByResourceId(m.sourceResourceId);
    ServerState *target = serverByResourceId(m.targetId);
    m.runner = m_runnerFactory(QStringLiteral("emu_") + m.migrationId.left(8));
    const QString now = armTimestamp();
    m.dbDetails.clear();
    for (const auto &d : m.dbs) {
        MigrationDbDetail det;
        det.name = d;
        det.startedOn = now;
        det.fullLoadQueuedTables = 0;
        det.migrationOperation = QStringLiteral("InitialLoad");
        m.dbDetails.emplace(d, det);
    }
    if (auto r = m.runner->start(source->spec.connectionParams(), target->spec.connectionParams(), m.dbs); !r) {
        finishMigration(m, QStringLiteral("Failed"), r.error().message);
        return;
    }
    m.phase = MigrationPhase::MigratingData;
}

void Emulator::advance(Migration &m)
{
    if (m.phase == MigrationPhase::Done)
        return;
    const qint64 now = nowMs();
    ServerState *source = serverByResourceId(m.sourceResourceId);
    ServerState *target = serverByResourceId(m.targetId);
    const bool validates = m.option == QLatin1String("Validate") || m.option == QLatin1String("ValidateAndMigrate");
    auto failPrereq = [&](const QString &error) {
        finishMigration(m, validates ? QStringLiteral("ValidationFailed") : QStringLiteral("Failed"), error);
    };

    if (m.phase == MigrationPhase::Prerequisites) {
        if (now < m.phaseUntilMs)
            return;
        // 1. The seed era acts with the customer's AAD app (§6.3): it must get a token and be Contributor on both servers.
        if (!m.aadClientId.isEmpty()) {
            const AadApp *app = m_config.findApp(m.aadTenantId, m.aadClientId);
            if (!m_config.findTenant(m.aadTenantId))
                return failPrereq(QStringLiteral("AADSTS90002: Tenant '%1' not found.").arg(m.aadTenantId));
            if (!app)
                return failPrereq(QStringLiteral("AADSTS700016: Application with identifier '%1' was not found in the directory '%2'.").arg(m.aadClientId, m.aadTenantId));
            if (!(app->secret == m.aadSecret))
                return failPrereq(QStringLiteral("AADSTS7000215: Invalid client secret provided for app '%1'.").arg(m.aadClientId));
            QStringList scopes{m.sourceResourceId, m.targetId};
            if (m.migrationResourceGroup.is_object())
                for (auto it = m.migrationResourceGroup.begin(); it != m.migrationResourceGroup.end(); ++it)
                    if (sameText(QString::fromStdString(it.key()), QStringLiteral("resourceId")) && it->is_string())
                        scopes << QString::fromStdString(it->get<std::string>());
            for (QString scope : scopes) {
                if (!scope.startsWith(QLatin1Char('/')))
                    scope.prepend(QLatin1Char('/'));
                if (!isAllowed(m_config, app->clientId, app->objectId, scope, QStringLiteral("Microsoft.DBforPostgreSQL/servers/write")))
                    return failPrereq(QStringLiteral("AuthorizationFailed: The AAD app '%1' does not have Contributor on '%2'. Grant it Contributor on the "
                                                     "source server, the target server and the migration resource group.")
                                          .arg(app->clientId, scope));
            }
        }
        // 2. Admin passwords (AuthenticationAndConnectivityValidation).
        const Secret &srcPw = source->spec.postgres.password;
        const Secret &tgtPw = target->spec.postgres.password;
        if (!srcPw.isEmpty() && !(srcPw == m.sourcePassword))
            return failPrereq(QStringLiteral("Authentication failed for the source server '%1': check sourceServerPassword.").arg(source->spec.name));
        if (!tgtPw.isEmpty() && !(tgtPw == m.targetPassword))
            return failPrereq(QStringLiteral("Authentication failed for the target server '%1': check targetServerPassword.").arg(target->spec.name));
        // 3. The databases exist on the source.
        auto src = pg::Connection::open(source->spec.connectionParams());
        if (!src)
            return failPrereq(QStringLiteral("Cannot connect to the source server '%1': %2").arg(source->spec.name, src.error().message));
        for (const auto &d : m.dbs) {
            auto r = src->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {d});
            if (!r || r->rows() == 0)
                return failPrereq(QStringLiteral("%1: The database '%1' does not exist on the source server '%2'.").arg(d, source->spec.name));
        }
        // 4. Online migrations need logical decoding on a Single Server source (§2, concepts-logical).
        if (m.mode == QLatin1String("Online") && source->spec.kind == ServerSpec::Kind::Single) {
            ServerParameter *rs = source->parameter(QStringLiteral("azure.replication_support"));
            if (rs && rs->runningValue != QLatin1String("logical")) {
                if (!m.setupLogicalReplication) {
                    m.phase = MigrationPhase::WaitingReplication;
                    return;
                }
                rs->value = QStringLiteral("logical");
                rs->source = QStringLiteral("user-override");
                source->restarting = true;
                m.phase = MigrationPhase::RestartingSource;
                m.phaseUntilMs = now + m_config.timing.restartMs;
                return;
            }
        }
        m.phase = MigrationPhase::RestartingSource;
        m.phaseUntilMs = now;
    }

    if (m.phase == MigrationPhase::RestartingSource) {
        if (now < m.phaseUntilMs)
            return;
        if (source->restarting) {
            for (auto &p : source->parameters)
                p.runningValue = p.value;
            source->restarting = false;
            ++source->restarts;
        }
        // 5. Databases that already exist on the target need the overwrite confirmation.
        auto tgt = pg::Connection::open(target->spec.connectionParams());
        if (!tgt)
            return failPrereq(QStringLiteral("Cannot connect to the target server '%1': %2").arg(target->spec.name, tgt.error().message));
        QStringList existing;
        for (const auto &d : m.dbs) {
            auto r = tgt->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {d});
            if (r && r->rows() > 0)
                existing << d;
        }
        if (!existing.isEmpty() && m.option != QLatin1String("Validate")) { // validation alone never touches the target
            if (!m.overwriteDbs) {
                m.phase = MigrationPhase::WaitingOverwrite;
                return;
            }
            for (const auto &d : existing)
                if (auto r = tgt->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(pg::quoteIdent(d))); !r)
                    return failPrereq(QStringLiteral("%1: cannot overwrite the database on the target: %2").arg(d, r.error().message));
        }
        if (validates) {
            const QString ts = armTimestamp();
            json serverItems = json::array();
            for (const auto &t : {"AuthenticationAndConnectivityValidation", "SourceVersionValidation", "ServerParametersValidation"})
                serverItems.push_back({{"type", t}, {"state", "Succeeded"}, {"messages", json::array()}});
            json dbItems = json::array();
            for (const auto &d : m.dbs) {
                json summary = json::array();
                for (const auto &t : {"SchemaValidation", "ExtensionsValidation", "CollationsValidation"})
                    summary.push_back({{"type", t}, {"state", "Succeeded"}, {"messages", json::array()}});
                dbItems.push_back({{"databaseName", s(d)}, {"startedOn", s(ts)}, {"endedOn", s(ts)}, {"summary", summary}});
            }
            m.validationDetails = {{"status", "Succeeded"},
                                   {"validationStartTimeInUtc", s(ts)},
                                   {"validationEndTimeInUtc", s(ts)},
                                   {"serverLevelValidationDetails", serverItems},
                                   {"dbLevelValidationDetails", dbItems}};
            if (m.option == QLatin1String("Validate"))
                return finishMigration(m, QStringLiteral("Succeeded"), QString());
        }
        m.phase = MigrationPhase::WaitingWindow;
    }

    if (m.phase == MigrationPhase::WaitingWindow) {
        const QDateTime start = QDateTime::fromString(m.windowStart, Qt::ISODateWithMs);
        if (start.isValid() && start > QDateTime::currentDateTimeUtc() && !m.startDataMigration)
            return;
        startRunner(m);
        if (m.phase != MigrationPhase::MigratingData)
            return;
    }

    if (!m.runner)
        return;
    const RunnerStatus st = m.runner->status();
    for (const auto &rd : st.databases) {
        auto it = m.dbDetails.find(rd.name);
        if (it == m.dbDetails.end())
            continue;
        MigrationDbDetail &d = it->second;
        d.fullLoadQueuedTables = rd.tablesQueued;
        d.fullLoadLoadingTables = rd.tablesLoading;
        d.fullLoadCompletedTables = rd.tablesCompleted;
        d.fullLoadErroredTables = rd.tablesErrored;
        d.cdcInsertCounter = rd.inserts;
        d.cdcUpdateCounter = rd.updates;
        d.cdcDeleteCounter = rd.deletes;
        d.appliedChanges = rd.inserts + rd.updates + rd.deletes;
        d.incomingChanges = std::max<qint64>(0, rd.lagBytes); // pending WAL bytes ("Pending Bytes" of the 2022 docs)
        d.latency = rd.latencySeconds > 0 ? qint64(rd.latencySeconds + 0.5) : 0;
        if (rd.phase == QLatin1String("streaming"))
            d.migrationOperation = QStringLiteral("ChangeDataCapture");
        else if (rd.phase == QLatin1String("cutover"))
            d.migrationOperation = QStringLiteral("Cutover");
        if (rd.phase == QLatin1String("failed")) {
            d.migrationState = QStringLiteral("Failed");
            d.message = rd.error;
        } else if (m.phase == MigrationPhase::Canceling) {
            d.migrationState = QStringLiteral("Canceling");
        } else if (m.phase == MigrationPhase::WaitingCutover) {
            d.migrationState = QStringLiteral("WaitingForCutoverTrigger");
        } else {
            d.migrationState = QStringLiteral("InProgress");
        }
    }

    if (st.finished) {
        if (m.phase == MigrationPhase::Canceling || st.state == QLatin1String("cancelled"))
            return finishMigration(m, QStringLiteral("Canceled"), QString());
        if (st.state == QLatin1String("done") && st.error.isEmpty())
            return finishMigration(m, QStringLiteral("Succeeded"), QString());
        QStringList errors;
        for (const auto &rd : st.databases)
            if (!rd.error.isEmpty())
                errors << QStringLiteral("%1: %2").arg(rd.name, rd.error);
        if (errors.isEmpty())
            errors << (st.error.isEmpty() ? QStringLiteral("The data migration failed.") : st.error);
        return finishMigration(m, QStringLiteral("Failed"), errors.join(QStringLiteral("; ")));
    }
    if (m.phase == MigrationPhase::Canceling || m.phase == MigrationPhase::Completing)
        return;
    if (st.readyForCutover) {
        const bool offline = m.mode == QLatin1String("Offline");
        if (offline || m.triggerCutover) {
            if (auto r = m.runner->cutover(); r) {
                m.phase = MigrationPhase::Completing;
                for (auto &[n, d] : m.dbDetails) {
                    d.migrationState = QStringLiteral("InProgress");
                    d.migrationOperation = QStringLiteral("Cutover");
                }
            } // refused: try again at the next tick
        } else if (m.phase == MigrationPhase::MigratingData) {
            m.phase = MigrationPhase::WaitingCutover;
            for (auto &[n, d] : m.dbDetails)
                d.migrationState = QStringLiteral("WaitingForCutoverTrigger");
        }
    }
}

} // namespace fm::emulator
