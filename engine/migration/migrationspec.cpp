// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/migration/migrationspec.h"

#include "engine/arm/resourceid.h"
#include "engine/auth/identifiers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace fm::migration {

namespace {

const QStringList kSystemDatabases = {QStringLiteral("azure_maintenance"), QStringLiteral("azure_sys"),
                                      QStringLiteral("template0"), QStringLiteral("template1")};
constexpr int kMaxAzureDatabases = 8;
constexpr const char *kSingleServerType = "Microsoft.DBforPostgreSQL/servers";
constexpr const char *kFlexibleServerType = "Microsoft.DBforPostgreSQL/flexibleServers";

bool isAzure(Backend b)
{
    return b != Backend::Direct;
}

void checkPasswordRef(QList<SpecProblem> &out, const QString &field, const QString &ref)
{
    if (ref.isEmpty() || ref.startsWith(QLatin1String("keychain:")) || ref.startsWith(QLatin1String("env:")))
        return;
    out << SpecProblem{field, QStringLiteral("InvalidSecretReference"),
                       QStringLiteral("%1 must name where the secret is kept (keychain:<key> or env:<VARIABLE>), never the secret itself.").arg(field)};
}

void checkEndpoint(QList<SpecProblem> &out, const MigrationSpec &spec, const ServerEndpoint &e, const QString &side)
{
    const QString f = side + QLatin1Char('.');
    if (isAzure(spec.backend)) {
        const QString type = QString::fromLatin1(side == QLatin1String("target") ? kFlexibleServerType : kSingleServerType);
        const QString what = side == QLatin1String("target") ? QStringLiteral("The target Flexible Server's resource id")
                                                              : QStringLiteral("The source Single Server's resource id");
        if (e.resourceId.trimmed().isEmpty()) {
            // The migration service also takes other sources by host (sourceType OnPremises etc., 2024-08-01).
            if (!(side == QLatin1String("source") && spec.backend == Backend::Service && !e.host.isEmpty()))
                out << SpecProblem{f + QStringLiteral("resourceId"), QStringLiteral("MissingResourceId"),
                                   QStringLiteral("%1 is required (/subscriptions/…/resourceGroups/…/providers/%2/<name>).").arg(what, type)};
        } else if (auto id = arm::ResourceId::parseOfType(e.resourceId.trimmed(), type, what); !id) {
            out << SpecProblem{f + QStringLiteral("resourceId"), id.error().code, id.error().message};
        }
    } else {
        if (e.host.trimmed().isEmpty())
            out << SpecProblem{f + QStringLiteral("host"), QStringLiteral("MissingHost"), QStringLiteral("The %1 server's host is required.").arg(side)};
        else if (e.host.contains(QLatin1Char(',')) || e.host.contains(QLatin1Char(' ')) || e.host.contains(QLatin1Char('/')))
            out << SpecProblem{f + QStringLiteral("host"), QStringLiteral("InvalidHost"),
                               QStringLiteral("The %1 host \"%2\" is not a single host name or address.").arg(side, e.host)};
    }
    if (e.port < 1 || e.port > 65535)
        out << SpecProblem{f + QStringLiteral("port"), QStringLiteral("InvalidPort"),
                           QStringLiteral("The %1 port %2 is not between 1 and 65535.").arg(side).arg(e.port)};
    if (e.user.trimmed().isEmpty())
        out << SpecProblem{f + QStringLiteral("user"), QStringLiteral("MissingUser"), QStringLiteral("The %1 admin user is required.").arg(side)};
    static const QStringList modes = {QString(), QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                      QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!modes.contains(e.sslMode))
        out << SpecProblem{f + QStringLiteral("sslMode"), QStringLiteral("InvalidSslMode"),
                           QStringLiteral("The %1 TLS mode \"%2\" is not one of disable, allow, prefer, require, verify-ca, verify-full.").arg(side, e.sslMode)};
    checkPasswordRef(out, f + QStringLiteral("passwordRef"), e.passwordRef);
}

QJsonObject endpointToJson(const ServerEndpoint &e)
{
    QJsonObject o;
    if (!e.resourceId.isEmpty())
        o[QStringLiteral("resourceId")] = e.resourceId;
    if (!e.host.isEmpty())
        o[QStringLiteral("host")] = e.host;
    o[QStringLiteral("port")] = e.port;
    o[QStringLiteral("user")] = e.user;
    if (!e.sslMode.isEmpty())
        o[QStringLiteral("sslMode")] = e.sslMode;
    if (!e.passwordRef.isEmpty())
        o[QStringLiteral("passwordRef")] = e.passwordRef;
    return o;
}

Expected<ServerEndpoint> endpointFromJson(const QJsonValue &v, const QString &side)
{
    if (!v.isUndefined() && !v.isObject())
        return fail(Error::validation(QStringLiteral("InvalidDraft"), QStringLiteral("The draft's \"%1\" is not an object.").arg(side)));
    const QJsonObject o = v.toObject();
    static const QStringList known = {QStringLiteral("resourceId"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
                                      QStringLiteral("sslMode"), QStringLiteral("passwordRef")};
    for (const QString &k : o.keys())
        if (!known.contains(k))
            return fail(Error::validation(QStringLiteral("InvalidDraft"), QStringLiteral("The draft's \"%1\" has an unknown key \"%2\".").arg(side, k)));
    ServerEndpoint e;
    e.resourceId = o.value(QStringLiteral("resourceId")).toString();
    e.host = o.value(QStringLiteral("host")).toString();
    e.port = o.value(QStringLiteral("port")).toInt(5432);
    e.user = o.value(QStringLiteral("user")).toString();
    e.sslMode = o.value(QStringLiteral("sslMode")).toString();
    e.passwordRef = o.value(QStringLiteral("passwordRef")).toString();
    return e;
}

} // namespace

QString backendName(Backend backend)
{
    switch (backend) {
    case Backend::Service: return QStringLiteral("service");
    case Backend::Dms: return QStringLiteral("dms");
    case Backend::Direct: return QStringLiteral("direct");
    }
    return QStringLiteral("service");
}

std::optional<Backend> backendFromName(const QString &name)
{
    for (Backend b : {Backend::Service, Backend::Dms, Backend::Direct})
        if (backendName(b) == name.trimmed().toLower())
            return b;
    return std::nullopt;
}

QList<SpecProblem> MigrationSpec::validate() const
{
    QList<SpecProblem> out;
    if (name.trimmed().isEmpty())
        out << SpecProblem{QStringLiteral("name"), QStringLiteral("MissingName"), QStringLiteral("Give the migration a name (letters, digits and '-').")};
    else if (auto e = arm::ResourceId::checkMigrationName(name))
        out << SpecProblem{QStringLiteral("name"), e->code, e->message};

    checkEndpoint(out, *this, source, QStringLiteral("source"));
    checkEndpoint(out, *this, target, QStringLiteral("target"));
    const bool sameAzure = !source.resourceId.isEmpty() && source.resourceId.compare(target.resourceId, Qt::CaseInsensitive) == 0;
    const bool sameHost = !source.host.isEmpty() && source.host.compare(target.host, Qt::CaseInsensitive) == 0 && source.port == target.port;
    if (sameAzure || sameHost)
        out << SpecProblem{QStringLiteral("target"), QStringLiteral("SameServer"), QStringLiteral("The source and the target are the same server.")};

    if (isAzure(backend) && !aadApp.useAzureCli) {
        if (auto t = auth::validateTenantId(aadApp.tenantId); !t)
            out << SpecProblem{QStringLiteral("aadApp.tenantId"), t.error().code, t.error().message};
        if (auto c = auth::validateClientId(aadApp.clientId); !c)
            out << SpecProblem{QStringLiteral("aadApp.clientId"), c.error().code, c.error().message};
    }
    checkPasswordRef(out, QStringLiteral("aadApp.secretRef"), aadApp.secretRef);

    if (databases.isEmpty())
        out << SpecProblem{QStringLiteral("databases"), QStringLiteral("NoDatabases"), QStringLiteral("Select at least one database.")};
    QStringList seen;
    for (const QString &db : databases) {
        if (db.isEmpty() || db.toUtf8().size() > 63)
            out << SpecProblem{QStringLiteral("databases"), QStringLiteral("InvalidDatabaseName"),
                               QStringLiteral("\"%1\" is not a database name (1 to 63 bytes).").arg(db.left(80))};
        else if (kSystemDatabases.contains(db))
            out << SpecProblem{QStringLiteral("databases"), QStringLiteral("SystemDatabase"),
                               QStringLiteral("\"%1\" is a system database; only user databases migrate.").arg(db)};
        else if (backend == Backend::Dms && db.contains(QLatin1Char(';')))
            out << SpecProblem{QStringLiteral("databases"), QStringLiteral("InvalidDatabaseName"),
                               QStringLiteral("Azure DMS cannot migrate \"%1\": database names may not contain ';'.").arg(db)};
        if (seen.contains(db))
            out << SpecProblem{QStringLiteral("databases"), QStringLiteral("DuplicateDatabase"), QStringLiteral("\"%1\" is selected twice.").arg(db)};
        seen << db;
    }
    if (isAzure(backend) && databases.size() > kMaxAzureDatabases)
        out << SpecProblem{QStringLiteral("databases"), QStringLiteral("TooManyDatabases"),
                           QStringLiteral("%1 databases are selected; an Azure migration takes at most %2. Split the selection into %3 migrations.")
                               .arg(databases.size())
                               .arg(kMaxAzureDatabases)
                               .arg((databases.size() + kMaxAzureDatabases - 1) / kMaxAzureDatabases)};

    if (backend == Backend::Dms) {
        if (dmsSubnetId.isEmpty())
            out << SpecProblem{QStringLiteral("dmsSubnetId"), QStringLiteral("MissingSubnet"),
                               QStringLiteral("Azure DMS needs the virtual network subnet it is deployed into (…/virtualNetworks/<vnet>/subnets/<subnet>).")};
        else if (auto s = arm::ResourceId::parseOfType(dmsSubnetId, QStringLiteral("Microsoft.Network/virtualNetworks/subnets"), QStringLiteral("The DMS subnet id")); !s)
            out << SpecProblem{QStringLiteral("dmsSubnetId"), s.error().code, s.error().message};
    }
    if (options.startTimeUtc.isValid() && options.startTimeUtc < QDateTime::currentDateTimeUtc().addSecs(-60))
        out << SpecProblem{QStringLiteral("options.startTimeUtc"), QStringLiteral("StartTimeInPast"),
                           QStringLiteral("The start time %1 is in the past; leave it empty to start now.").arg(options.startTimeUtc.toString(Qt::ISODate))};
    if (options.jobs < 1 || options.jobs > 32)
        out << SpecProblem{QStringLiteral("options.jobs"), QStringLiteral("InvalidJobs"), QStringLiteral("Copy jobs must be between 1 and 32, not %1.").arg(options.jobs)};
    return out;
}

Expected<void> MigrationSpec::check() const
{
    const auto problems = validate();
    if (problems.isEmpty())
        return {};
    Error e = Error::validation(problems.first().code, problems.first().message);
    QStringList all;
    for (const auto &p : problems)
        all << QStringLiteral("%1: %2").arg(p.field, p.message);
    e.details = all.join(QLatin1Char('\n'));
    return fail(e);
}

QList<MigrationSpec> MigrationSpec::split(int maxDatabases) const
{
    if (maxDatabases < 1 || databases.size() <= maxDatabases)
        return {*this};
    QList<MigrationSpec> out;
    const int parts = int((databases.size() + maxDatabases - 1) / maxDatabases);
    for (int i = 0; i < parts; ++i) {
        MigrationSpec part = *this;
        part.name = QStringLiteral("%1-%2").arg(name).arg(i + 1);
        part.databases = databases.mid(i * maxDatabases, maxDatabases);
        out << part;
    }
    return out;
}

QJsonObject MigrationSpec::toDraft() const
{
    QJsonObject o;
    o[QStringLiteral("formatVersion")] = 1;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("backend")] = backendName(backend);
    o[QStringLiteral("cloud")] = cloud;
    if (!location.isEmpty())
        o[QStringLiteral("location")] = location;
    o[QStringLiteral("source")] = endpointToJson(source);
    o[QStringLiteral("target")] = endpointToJson(target);
    QJsonObject aad;
    if (!aadApp.tenantId.isEmpty())
        aad[QStringLiteral("tenantId")] = aadApp.tenantId;
    if (!aadApp.clientId.isEmpty())
        aad[QStringLiteral("clientId")] = aadApp.clientId;
    if (!aadApp.secretRef.isEmpty())
        aad[QStringLiteral("secretRef")] = aadApp.secretRef;
    if (aadApp.useAzureCli)
        aad[QStringLiteral("useAzureCli")] = true;
    o[QStringLiteral("aadApp")] = aad;
    o[QStringLiteral("databases")] = QJsonArray::fromStringList(databases);
    QJsonObject opt;
    opt[QStringLiteral("overwriteTargetDatabases")] = options.overwriteTargetDatabases;
    opt[QStringLiteral("setupLogicalReplication")] = options.setupLogicalReplication;
    if (options.startTimeUtc.isValid())
        opt[QStringLiteral("startTimeUtc")] = options.startTimeUtc.toUTC().toString(Qt::ISODate);
    opt[QStringLiteral("cutover")] = options.cutover == CutoverMode::Manual ? QStringLiteral("manual") : QStringLiteral("automatic");
    opt[QStringLiteral("freezeWritesAtCutover")] = options.freezeWritesAtCutover;
    opt[QStringLiteral("jobs")] = options.jobs;
    o[QStringLiteral("options")] = opt;
    if (!dmsSubnetId.isEmpty())
        o[QStringLiteral("dmsSubnetId")] = dmsSubnetId;
    return o;
}

Expected<MigrationSpec> MigrationSpec::fromDraft(const QJsonObject &o)
{
    auto bad = [](const QString &msg) { return fail(Error::validation(QStringLiteral("InvalidDraft"), msg, QStringLiteral("Save the draft again from the wizard."))); };
    static const QStringList known = {QStringLiteral("formatVersion"), QStringLiteral("name"), QStringLiteral("backend"), QStringLiteral("cloud"),
                                      QStringLiteral("location"), QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("aadApp"),
                                      QStringLiteral("databases"), QStringLiteral("options"), QStringLiteral("dmsSubnetId")};
    for (const QString &k : o.keys())
        if (!known.contains(k))
            return bad(QStringLiteral("The draft has an unknown key \"%1\".").arg(k));
    if (o.value(QStringLiteral("formatVersion")).toInt() != 1)
        return bad(QStringLiteral("The draft's formatVersion is %1; this FlexMigrate reads version 1.").arg(o.value(QStringLiteral("formatVersion")).toVariant().toString()));
    MigrationSpec s;
    s.name = o.value(QStringLiteral("name")).toString();
    const auto backend = backendFromName(o.value(QStringLiteral("backend")).toString());
    if (!backend)
        return bad(QStringLiteral("The draft's backend \"%1\" is not service, dms or direct.").arg(o.value(QStringLiteral("backend")).toString()));
    s.backend = *backend;
    s.cloud = o.value(QStringLiteral("cloud")).toString(QStringLiteral("AzureCloud"));
    s.location = o.value(QStringLiteral("location")).toString();
    auto src = endpointFromJson(o.value(QStringLiteral("source")), QStringLiteral("source"));
    if (!src)
        return fail(src.error());
    auto tgt = endpointFromJson(o.value(QStringLiteral("target")), QStringLiteral("target"));
    if (!tgt)
        return fail(tgt.error());
    s.source = *src;
    s.target = *tgt;
    const QJsonObject aad = o.value(QStringLiteral("aadApp")).toObject();
    for (const QString &k : aad.keys())
        if (k != QLatin1String("tenantId") && k != QLatin1String("clientId") && k != QLatin1String("secretRef") && k != QLatin1String("useAzureCli"))
            return bad(QStringLiteral("The draft's aadApp has an unknown key \"%1\" (a draft never holds the secret itself).").arg(k));
    s.aadApp.tenantId = aad.value(QStringLiteral("tenantId")).toString();
    s.aadApp.clientId = aad.value(QStringLiteral("clientId")).toString();
    s.aadApp.secretRef = aad.value(QStringLiteral("secretRef")).toString();
    s.aadApp.useAzureCli = aad.value(QStringLiteral("useAzureCli")).toBool();
    const QJsonValue dbs = o.value(QStringLiteral("databases"));
    if (!dbs.isUndefined() && !dbs.isArray())
        return bad(QStringLiteral("The draft's databases is not a list."));
    for (const auto &v : dbs.toArray())
        s.databases << v.toString();
    const QJsonObject opt = o.value(QStringLiteral("options")).toObject();
    s.options.overwriteTargetDatabases = opt.value(QStringLiteral("overwriteTargetDatabases")).toBool();
    s.options.setupLogicalReplication = opt.value(QStringLiteral("setupLogicalReplication")).toBool();
    if (opt.contains(QStringLiteral("startTimeUtc"))) {
        s.options.startTimeUtc = QDateTime::fromString(opt.value(QStringLiteral("startTimeUtc")).toString(), Qt::ISODate);
        if (!s.options.startTimeUtc.isValid())
            return bad(QStringLiteral("The draft's startTimeUtc \"%1\" is not an ISO 8601 time.").arg(opt.value(QStringLiteral("startTimeUtc")).toString()));
    }
    const QString cutover = opt.value(QStringLiteral("cutover")).toString(QStringLiteral("manual"));
    if (cutover != QLatin1String("manual") && cutover != QLatin1String("automatic"))
        return bad(QStringLiteral("The draft's cutover \"%1\" is not manual or automatic.").arg(cutover));
    s.options.cutover = cutover == QLatin1String("manual") ? CutoverMode::Manual : CutoverMode::Automatic;
    s.options.freezeWritesAtCutover = opt.value(QStringLiteral("freezeWritesAtCutover")).toBool();
    s.options.jobs = opt.value(QStringLiteral("jobs")).toInt(2);
    s.dmsSubnetId = o.value(QStringLiteral("dmsSubnetId")).toString();
    return s;
}

Expected<void> MigrationSpec::saveDraft(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("DraftNotWritable"), QStringLiteral("Cannot write the draft to %1: %2").arg(path, f.errorString())));
    f.write(QJsonDocument(toDraft()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("DraftNotWritable"), QStringLiteral("Cannot write the draft to %1: %2").arg(path, f.errorString())));
    return {};
}

Expected<MigrationSpec> MigrationSpec::loadDraft(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("DraftNotReadable"), QStringLiteral("Cannot open the draft %1: %2").arg(path, f.errorString())));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::validation(QStringLiteral("InvalidDraft"),
                                      QStringLiteral("%1 is not a FlexMigrate draft (JSON error at offset %2: %3).").arg(path).arg(pe.offset).arg(pe.errorString())));
    return fromDraft(doc.object());
}

QByteArray MigrationSpec::toPropertiesFile(arm::PropertiesFile::Format format) const
{
    arm::CreateMigrationRequest r;
    r.location = location;
    r.sourceDbServerResourceId = source.resourceId.isEmpty()
                                     ? QStringLiteral("%1:%2@%3").arg(source.host).arg(source.port).arg(source.user) // other source types (2024-08-01)
                                     : source.resourceId;
    r.sourceServerPassword = Secret(QString::fromLatin1(kSourcePasswordPlaceholder));
    r.targetServerPassword = Secret(QString::fromLatin1(kTargetPasswordPlaceholder));
    r.dbsToMigrate = databases;
    r.setupLogicalReplicationOnSourceDbIfNeeded = options.setupLogicalReplication;
    r.overwriteDbsInTarget = options.overwriteTargetDatabases;
    r.mode = arm::MigrationMode(QStringLiteral("Online"));
    if (options.startTimeUtc.isValid())
        r.windowStart = options.startTimeUtc.toUTC();
    if (format == arm::PropertiesFile::Format::Old) {
        r.aadTenantId = aadApp.tenantId;
        r.aadClientId = aadApp.clientId;
        r.aadSecret = Secret(QString::fromLatin1(kAadSecretPlaceholder));
    } else {
        r.sourceServerUsername = source.user;
        r.targetServerUsername = target.user;
        r.sourceType = arm::SourceType(source.resourceId.isEmpty() ? QStringLiteral("OnPremises") : QStringLiteral("PostgreSQLSingleServer"));
    }
    return arm::PropertiesFile::write(r, format);
}

Expected<MigrationSpec> MigrationSpec::fromPropertiesFile(const arm::PropertiesFile &file, const QString &targetResourceId)
{
    const arm::CreateMigrationRequest &r = file.request;
    MigrationSpec s;
    s.backend = Backend::Service;
    s.location = r.location;
    s.databases = r.dbsToMigrate;
    s.options.setupLogicalReplication = r.setupLogicalReplicationOnSourceDbIfNeeded.value_or(false);
    s.options.overwriteTargetDatabases = r.overwriteDbsInTarget.value_or(false);
    if (r.windowStart.isValid())
        s.options.startTimeUtc = r.windowStart;
    s.aadApp.tenantId = r.aadTenantId;
    s.aadApp.clientId = r.aadClientId;
    s.source.user = r.sourceServerUsername;
    s.target.user = r.targetServerUsername;
    s.target.resourceId = targetResourceId;
    if (r.sourceDbServerResourceId.startsWith(QLatin1Char('/'))) {
        s.source.resourceId = r.sourceDbServerResourceId;
    } else {
        // "host:port@user" (other source types).
        const QString hostPort = r.sourceDbServerResourceId.section(QLatin1Char('@'), 0, 0);
        s.source.host = hostPort.section(QLatin1Char(':'), 0, 0);
        s.source.port = hostPort.section(QLatin1Char(':'), 1, 1).toInt();
        if (s.source.user.isEmpty())
            s.source.user = r.sourceDbServerResourceId.section(QLatin1Char('@'), 1);
    }
    // The migration name is not in the file: az takes it from --migration-name.
    return s;
}

QString MigrationSpec::azCreateCommand(const QString &propertiesPath) const
{
    const auto tid = arm::ResourceId::parse(target.resourceId);
    const QString sub = tid ? tid->subscriptionId() : QStringLiteral("<subscription-id>");
    const QString rg = tid ? tid->resourceGroup() : QStringLiteral("<resource-group>");
    const QString server = tid ? tid->name() : QStringLiteral("<target-server>");
    auto quote = [](const QString &v) {
        if (!v.isEmpty() && v.contains(QRegularExpression(QStringLiteral("^[A-Za-z0-9_./:@-]+$"))))
            return v;
        QString q = v;
        q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    };
    return QStringLiteral("az postgres flexible-server migration create --subscription %1 --resource-group %2 --name %3 --migration-name %4 --properties %5 --migration-mode online")
        .arg(quote(sub), quote(rg), quote(server), quote(name), quote(propertiesPath));
}

} // namespace fm::migration
