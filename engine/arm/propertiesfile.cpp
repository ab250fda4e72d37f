// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/propertiesfile.h"

#include "engine/arm/jsonutil.h"
#include "engine/arm/resourceid.h"

#include <QFile>

namespace fm::arm {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

const QString kCode = QStringLiteral("InvalidPropertiesFile");

enum class Kind { String, Object, StringArray, Flag, DateTime, StringMap };

struct Key {
    const char *name; // canonical spelling, used in messages
    Kind kind;
    bool required = false;
};

const char *kindName(Kind k)
{
    switch (k) {
    case Kind::String:
    case Kind::DateTime:
        return "a string";
    case Kind::Object:
    case Kind::StringMap:
        return "an object";
    case Kind::StringArray:
        return "an array of strings";
    case Kind::Flag:
        return "true/false (or the strings \"true\"/\"false\")";
    }
    return "";
}

const char *typeName(const json &v)
{
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    default:
        return v.is_number() ? "a number" : "something else";
    }
}

/** Reads one object against its allowed keys: unknown, duplicate (by case), missing and mistyped keys are errors. */
class Reader
{
public:
    Reader(const json &object, QString path, std::initializer_list<Key> keys) : m_object(object), m_path(std::move(path)), m_keys(keys) {}

    std::optional<Error> check(const QString &origin) const
    {
        QStringList known;
        for (const auto &k : m_keys)
            known << QLatin1String(k.name);
        QMap<QString, QString> seen; // lower-case -> as written
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            const QString key = ju::toQString(it.key());
            const Key *spec = nullptr;
            for (const auto &k : m_keys)
                if (key.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
                    spec = &k;
            if (!spec)
                return Error::validation(kCode, QStringLiteral("%1: unknown key '%2' in %3.").arg(origin, key, where()),
                                         QStringLiteral("Known keys there: %1 (any letter case).").arg(known.join(QStringLiteral(", "))));
            if (seen.contains(key.toLower()))
                return Error::validation(kCode, QStringLiteral("%1: key '%2' appears twice in %3 (as '%4' and '%2'; keys ignore letter case).")
                                                    .arg(origin, key, where(), seen.value(key.toLower())));
            seen.insert(key.toLower(), key);
            const json &v = it.value();
            bool ok = true;
            switch (spec->kind) {
            case Kind::String:
            case Kind::DateTime:
                ok = v.is_string() || v.is_null();
                break;
            case Kind::Object:
                ok = v.is_object();
                break;
            case Kind::StringMap:
                ok = v.is_object();
                if (ok)
                    for (const auto &e : v)
                        ok = ok && e.is_string();
                break;
            case Kind::StringArray:
                ok = v.is_array();
                if (ok)
                    for (const auto &e : v)
                        ok = ok && e.is_string();
                break;
            case Kind::Flag:
                ok = ju::flagValue(v).has_value();
                break;
            }
            if (!ok)
                return Error::validation(kCode, QStringLiteral("%1: '%2' must be %3, but it is %4.")
                                                    .arg(origin, dotted(QLatin1String(spec->name)), QLatin1String(kindName(spec->kind)),
                                                         QLatin1String(typeName(v))));
            if (spec->kind == Kind::DateTime && v.is_string() && !ju::parseDateTime(ju::toQString(v.get<std::string>())).isValid())
                return Error::validation(kCode, QStringLiteral("%1: '%2' is not an ISO 8601 date-time (e.g. 2026-01-31T22:00:00Z).")
                                                    .arg(origin, dotted(QLatin1String(spec->name))));
        }
        for (const auto &k : m_keys) {
            const json *v = ju::find(m_object, k.name);
            const bool empty = !v || v->is_null() || (v->is_string() && v->get_ref<const std::string &>().empty())
                || (v->is_array() && v->empty());
            if (k.required && empty)
                return Error::validation(kCode, QStringLiteral("%1: required key '%2' is missing%3.")
                                                    .arg(origin, dotted(QLatin1String(k.name)), v ? QStringLiteral(" (it is empty)") : QString()));
        }
        return std::nullopt;
    }

    QString dotted(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    QString where() const { return m_path.isEmpty() ? QStringLiteral("the top level") : QStringLiteral("'%1'").arg(m_path); }

private:
    const json &m_object;
    QString m_path;
    QList<Key> m_keys;
};

const json &objectOr(const json &o, std::string_view key)
{
    static const json empty = json::object();
    const json *v = ju::find(o, key);
    return v && v->is_object() ? *v : empty;
}

} // namespace

QString toString(PropertiesFile::Format format)
{
    return format == PropertiesFile::Format::Old ? QStringLiteral("old (2021-2022, with AADApp)") : QStringLiteral("new (2023+)");
}

Expected<PropertiesFile> PropertiesFile::read(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return fail(Error::validation(QStringLiteral("PropertiesFileNotFound"), QStringLiteral("The properties file '%1' does not exist.").arg(path)));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("PropertiesFileUnreadable"),
                                QStringLiteral("The properties file '%1' cannot be read: %2").arg(path, f.errorString())));
    return parse(f.readAll(), QStringLiteral("Properties file '%1'").arg(path));
}

Expected<PropertiesFile> PropertiesFile::parse(const QByteArray &text, const QString &origin)
{
    auto doc = ju::parse(text, origin);
    if (!doc)
        return fail(doc.error());
    const json &root = *doc;
    if (!root.is_object())
        return fail(Error::validation(kCode, QStringLiteral("%1 must contain a JSON object with a \"properties\" object.").arg(origin)));

    Reader top(root, {}, {{"properties", Kind::Object, true}, {"location", Kind::String}, {"tags", Kind::StringMap}});
    if (auto e = top.check(origin))
        return fail(*e);
    const json &p = objectOr(root, "properties");
    Reader props(p, QStringLiteral("properties"),
                 {{"SourceDbServerResourceId", Kind::String, true},
                  {"SourceDbServerFullyQualifiedDomainName", Kind::String},
                  {"TargetDbServerFullyQualifiedDomainName", Kind::String},
                  {"SecretParameters", Kind::Object, true},
                  {"MigrationResourceGroup", Kind::Object},
                  {"TargetDbServerSubnetResourceId", Kind::String},
                  {"UserAssignedIdentityResourceId", Kind::String},
                  {"DbsToMigrate", Kind::StringArray, true},
                  {"SetupLogicalReplicationOnSourceDbIfNeeded", Kind::Flag},
                  {"OverwriteDbsInTarget", Kind::Flag},
                  {"StartDataMigration", Kind::Flag},
                  {"TriggerCutover", Kind::Flag},
                  {"MigrateRoles", Kind::Flag},
                  {"MigrationMode", Kind::String},
                  {"MigrationOption", Kind::String},
                  {"SourceType", Kind::String},
                  {"SslMode", Kind::String},
                  {"MigrationRuntimeResourceId", Kind::String},
                  {"MigrationInstanceResourceId", Kind::String},
                  {"MigrationWindowStartTimeInUtc", Kind::DateTime},
                  {"MigrationWindowEndTimeInUtc", Kind::DateTime}});
    if (auto e = props.check(origin))
        return fail(*e);
    const json &sp = objectOr(p, "SecretParameters");
    Reader secrets(sp, QStringLiteral("properties.SecretParameters"),
                   {{"AdminCredentials", Kind::Object, true}, {"AADApp", Kind::Object}, {"SourceServerUsername", Kind::String}, {"TargetServerUsername", Kind::String}});
    if (auto e = secrets.check(origin))
        return fail(*e);
    const json &admin = objectOr(sp, "AdminCredentials");
    Reader adminReader(admin, QStringLiteral("properties.SecretParameters.AdminCredentials"),
                       {{"SourceServerPassword", Kind::String, true}, {"TargetServerPassword", Kind::String, true}});
    if (auto e = adminReader.check(origin))
        return fail(*e);
    const json *aad = ju::find(sp, "AADApp");
    if (aad) {
        Reader aadReader(*aad, QStringLiteral("properties.SecretParameters.AADApp"),
                         {{"ClientId", Kind::String, true}, {"TenantId", Kind::String, true}, {"AadSecret", Kind::String, true}});
        if (auto e = aadReader.check(origin))
            return fail(*e);
    }
    const json *mrg = ju::find(p, "MigrationResourceGroup");
    if (mrg) {
        // "Location" appears in the 2021 CLI test file (migrationVNet.json); accepted and not sent.
        Reader mrgReader(*mrg, QStringLiteral("properties.MigrationResourceGroup"),
                         {{"ResourceId", Kind::String}, {"SubnetResourceId", Kind::String}, {"Location", Kind::String}});
        if (auto e = mrgReader.check(origin))
            return fail(*e);
    }
    const json *runtime = ju::find(p, "MigrationRuntimeResourceId");
    const json *instance = ju::find(p, "MigrationInstanceResourceId");
    if (runtime && instance)
        return fail(Error::validation(kCode, QStringLiteral("%1: give either MigrationRuntimeResourceId or MigrationInstanceResourceId, not both.").arg(origin)));

    PropertiesFile out;
    const bool old = aad || mrg || ju::find(p, "UserAssignedIdentityResourceId") || ju::find(p, "TargetDbServerSubnetResourceId");
    out.format = old ? Format::Old : Format::New;
    CreateMigrationRequest &r = out.request;
    r.location = ju::string(root, "location");
    if (const json *tags = ju::find(root, "tags"))
        for (auto it = tags->begin(); it != tags->end(); ++it)
            r.tags.insert(ju::toQString(it.key()), ju::toQString(it->get<std::string>()));
    r.sourceDbServerResourceId = ju::string(p, "SourceDbServerResourceId").trimmed();
    // An ARM id is validated here so the user hears about a typo before any HTTP call;
    // `host:port@user` sources (2024-08-01, §1.5) are left to the service.
    if (r.sourceDbServerResourceId.contains(QLatin1String("subscriptions/"), Qt::CaseInsensitive) || old) {
        auto id = ResourceId::parse(r.sourceDbServerResourceId, QStringLiteral("properties.SourceDbServerResourceId"));
        if (!id)
            return fail(id.error());
        if (id->isResourceGroup())
            return fail(Error::validation(kCode, QStringLiteral("%1: properties.SourceDbServerResourceId names a resource group, not a server.").arg(origin)));
        r.sourceDbServerResourceId = id->toString();
    }
    r.sourceDbServerFullyQualifiedDomainName = ju::string(p, "SourceDbServerFullyQualifiedDomainName");
    r.targetDbServerFullyQualifiedDomainName = ju::string(p, "TargetDbServerFullyQualifiedDomainName");
    r.targetDbServerSubnetResourceId = ju::string(p, "TargetDbServerSubnetResourceId");
    r.userAssignedIdentityResourceId = ju::string(p, "UserAssignedIdentityResourceId");
    r.sourceServerPassword = Secret(ju::string(admin, "SourceServerPassword"));
    r.targetServerPassword = Secret(ju::string(admin, "TargetServerPassword"));
    r.sourceServerUsername = ju::string(sp, "SourceServerUsername");
    r.targetServerUsername = ju::string(sp, "TargetServerUsername");
    if (aad) {
        r.aadClientId = ju::string(*aad, "ClientId");
        r.aadTenantId = ju::string(*aad, "TenantId");
        r.aadSecret = Secret(ju::string(*aad, "AadSecret"));
    }
    if (mrg) {
        r.migrationResourceGroupId = ju::string(*mrg, "ResourceId");
        r.migrationSubnetResourceId = ju::string(*mrg, "SubnetResourceId");
        if (!r.migrationResourceGroupId.isEmpty()) {
            auto id = ResourceId::parse(r.migrationResourceGroupId, QStringLiteral("properties.MigrationResourceGroup.ResourceId"));
            if (!id)
                return fail(id.error());
            if (!id->isResourceGroup())
                return fail(Error::validation(kCode, QStringLiteral("%1: properties.MigrationResourceGroup.ResourceId must name a resource group, not a %2.")
                                                         .arg(origin, id->resourceType())));
            r.migrationResourceGroupId = id->toString();
        }
    }
    r.dbsToMigrate = ju::strings(p, "DbsToMigrate");
    for (const auto &db : r.dbsToMigrate) {
        if (db.trimmed().isEmpty())
            return fail(Error::validation(kCode, QStringLiteral("%1: properties.DbsToMigrate contains an empty name.").arg(origin)));
        if (db.contains(QLatin1Char(';')))
            return fail(Error::validation(kCode, QStringLiteral("%1: database name '%2' contains ';', which the migration service does not support.").arg(origin, db)));
        if (r.dbsToMigrate.count(db) > 1)
            return fail(Error::validation(kCode, QStringLiteral("%1: database '%2' is listed twice in properties.DbsToMigrate.").arg(origin, db)));
    }
    r.setupLogicalReplicationOnSourceDbIfNeeded = ju::flag(p, "SetupLogicalReplicationOnSourceDbIfNeeded");
    r.overwriteDbsInTarget = ju::flag(p, "OverwriteDbsInTarget");
    r.startDataMigration = ju::flag(p, "StartDataMigration");
    r.triggerCutover = ju::flag(p, "TriggerCutover");
    r.migrateRoles = ju::flag(p, "MigrateRoles");
    r.mode = MigrationMode(ju::string(p, "MigrationMode"));
    r.option = MigrationOption(ju::string(p, "MigrationOption"));
    r.sourceType = SourceType(ju::string(p, "SourceType"));
    r.sslMode = SslMode(ju::string(p, "SslMode"));
    // The user's own file: an unknown enum value here is a typo, unlike in a service response.
    for (auto [value, known, key] : {std::tuple{r.mode.toString(), r.mode.isKnown(), "MigrationMode"},
                                     std::tuple{r.option.toString(), r.option.isKnown(), "MigrationOption"},
                                     std::tuple{r.sourceType.toString(), r.sourceType.isKnown(), "SourceType"},
                                     std::tuple{r.sslMode.toString(), r.sslMode.isKnown(), "SslMode"}}) {
        if (!value.isEmpty() && !known) {
            QStringList allowed = QString::fromLatin1(key) == QLatin1String("MigrationMode") ? MigrationMode::knownValues()
                : QString::fromLatin1(key) == QLatin1String("MigrationOption")               ? MigrationOption::knownValues()
                : QString::fromLatin1(key) == QLatin1String("SourceType")                    ? SourceType::knownValues()
                                                                                            : SslMode::knownValues();
            return fail(Error::validation(kCode, QStringLiteral("%1: properties.%2 '%3' is not one of %4.").arg(origin, QLatin1String(key), value, allowed.join(QStringLiteral(", ")))));
        }
    }
    r.migrationInstanceResourceId = runtime ? ju::string(p, "MigrationRuntimeResourceId") : ju::string(p, "MigrationInstanceResourceId");
    r.windowStart = ju::dateTime(p, "MigrationWindowStartTimeInUtc");
    r.windowEnd = ju::dateTime(p, "MigrationWindowEndTimeInUtc");
    return out;
}

QByteArray PropertiesFile::write(const CreateMigrationRequest &r, Format format)
{
    const bool old = format == Format::Old;
    // Old files use the spellings of the 2022 docs (§6.3); new ones those of migrationPublic.json (§6.4).
    auto k = [old](const char *oldKey, const char *newKey) { return std::string(old ? oldKey : newKey); };
    auto flag = [](bool v) { return json(v ? "true" : "false"); };
    json p = json::object();
    p[k("SourceDBServerResourceId", "sourceDbServerResourceId")] = ju::toStd(r.sourceDbServerResourceId);
    if (!r.sourceDbServerFullyQualifiedDomainName.isEmpty())
        p[k("SourceDBServerFullyQualifiedDomainName", "sourceDbServerFullyQualifiedDomainName")] = ju::toStd(r.sourceDbServerFullyQualifiedDomainName);
    if (!r.targetDbServerFullyQualifiedDomainName.isEmpty())
        p[k("TargetDBServerFullyQualifiedDomainName", "targetDbServerFullyQualifiedDomainName")] = ju::toStd(r.targetDbServerFullyQualifiedDomainName);
    json sp = json::object();
    sp[k("AdminCredentials", "adminCredentials")] = {{k("SourceServerPassword", "sourceServerPassword"), ju::toStd(r.sourceServerPassword.reveal())},
                                                    {k("TargetServerPassword", "targetServerPassword"), ju::toStd(r.targetServerPassword.reveal())}};
    if (old && r.hasAadApp())
        sp["AADApp"] = {{"ClientId", ju::toStd(r.aadClientId)}, {"TenantId", ju::toStd(r.aadTenantId)}, {"AadSecret", ju::toStd(r.aadSecret.reveal())}};
    if (!r.sourceServerUsername.isEmpty())
        sp[k("SourceServerUsername", "sourceServerUsername")] = ju::toStd(r.sourceServerUsername);
    if (!r.targetServerUsername.isEmpty())
        sp[k("TargetServerUsername", "targetServerUsername")] = ju::toStd(r.targetServerUsername);
    p[k("SecretParameters", "secretParameters")] = sp;
    if (!r.migrationResourceGroupId.isEmpty() || !r.migrationSubnetResourceId.isEmpty()) {
        json g = json::object();
        if (!r.migrationResourceGroupId.isEmpty())
            g["ResourceId"] = ju::toStd(r.migrationResourceGroupId);
        if (!r.migrationSubnetResourceId.isEmpty())
            g["SubnetResourceId"] = ju::toStd(r.migrationSubnetResourceId);
        p["MigrationResourceGroup"] = g;
    }
    if (!r.targetDbServerSubnetResourceId.isEmpty())
        p[k("TargetDBServerSubnetResourceId", "targetDbServerSubnetResourceId")] = ju::toStd(r.targetDbServerSubnetResourceId);
    if (!r.userAssignedIdentityResourceId.isEmpty())
        p[k("UserAssignedIdentityResourceId", "userAssignedIdentityResourceId")] = ju::toStd(r.userAssignedIdentityResourceId);
    p[k("DBsToMigrate", "dbsToMigrate")] = ju::toJson(r.dbsToMigrate);
    if (r.setupLogicalReplicationOnSourceDbIfNeeded)
        p[k("SetupLogicalReplicationOnSourceDBIfNeeded", "setupLogicalReplicationOnSourceDbIfNeeded")] = flag(*r.setupLogicalReplicationOnSourceDbIfNeeded);
    if (r.overwriteDbsInTarget)
        p[k("OverwriteDBsInTarget", "overwriteDbsInTarget")] = flag(*r.overwriteDbsInTarget);
    if (r.startDataMigration)
        p[k("StartDataMigration", "startDataMigration")] = flag(*r.startDataMigration);
    if (r.triggerCutover)
        p[k("TriggerCutover", "triggerCutover")] = flag(*r.triggerCutover);
    if (r.migrateRoles)
        p[k("MigrateRoles", "migrateRoles")] = flag(*r.migrateRoles);
    if (!r.mode.isEmpty())
        p[k("MigrationMode", "migrationMode")] = ju::toStd(r.mode.toString());
    if (!r.option.isEmpty())
        p[k("MigrationOption", "migrationOption")] = ju::toStd(r.option.toString());
    if (!r.sourceType.isEmpty())
        p[k("SourceType", "sourceType")] = ju::toStd(r.sourceType.toString());
    if (!r.sslMode.isEmpty())
        p[k("SslMode", "sslMode")] = ju::toStd(r.sslMode.toString());
    if (!r.migrationInstanceResourceId.isEmpty())
        p[k("MigrationRuntimeResourceId", "migrationRuntimeResourceId")] = ju::toStd(r.migrationInstanceResourceId);
    if (r.windowStart.isValid())
        p[k("MigrationWindowStartTimeInUtc", "migrationWindowStartTimeInUtc")] = ju::toStd(ju::formatDateTime(r.windowStart));
    if (r.windowEnd.isValid())
        p[k("MigrationWindowEndTimeInUtc", "migrationWindowEndTimeInUtc")] = ju::toStd(ju::formatDateTime(r.windowEnd));
    json root = {{"properties", p}};
    if (!r.location.isEmpty())
        root["location"] = ju::toStd(r.location);
    if (!r.tags.isEmpty()) {
        json t = json::object();
        for (auto it = r.tags.begin(); it != r.tags.end(); ++it)
            t[ju::toStd(it.key())] = ju::toStd(it.value());
        root["tags"] = t;
    }
    const std::string s = root.dump(2);
    return QByteArray(s.data(), qsizetype(s.size())) + '\n';
}

} // namespace fm::arm
