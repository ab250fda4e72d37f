// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/emulatorconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace fm::emulator {

namespace {

using json = nlohmann::json;

Error configError(const QString &key, const QString &problem)
{
    return Error::validation(QStringLiteral("EmulatorConfigInvalid"), QStringLiteral("%1: %2").arg(key, problem),
                             QStringLiteral("Fix the emulator configuration file (see docs/emulator.md)."));
}

/**
 * Walks one JSON object and names every problem by its full key
 * ("servers[1].postgres.port"). Unknown keys are errors too: a typo in a test
 * configuration must not silently switch a feature off.
 */
class Reader
{
public:
    Reader(const json &object, QString path, std::optional<Error> *error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {
        if (!m_object.is_object())
            setError(m_path.isEmpty() ? QStringLiteral("(top level)") : m_path, QStringLiteral("must be a JSON object"));
    }

    QString key(const char *name) const { return m_path.isEmpty() ? QString::fromLatin1(name) : m_path + QLatin1Char('.') + QLatin1String(name); }
    bool ok() const { return !m_error->has_value(); }
    void setError(const QString &key, const QString &problem)
    {
        if (!m_error->has_value())
            *m_error = configError(key, problem);
    }

    const json *find(const char *name)
    {
        m_seen.insert(QString::fromLatin1(name));
        if (!m_object.is_object())
            return nullptr;
        auto it = m_object.find(name);
        return it == m_object.end() || it->is_null() ? nullptr : &*it;
    }

    QString string(const char *name, bool required, const QString &fallback = {})
    {
        const json *v = find(name);
        if (!v) {
            if (required)
                setError(key(name), QStringLiteral("is required"));
            return fallback;
        }
        if (!v->is_string()) {
            setError(key(name), QStringLiteral("must be a string"));
            return fallback;
        }
        const QString s = QString::fromStdString(v->get<std::string>());
        if (required && s.trimmed().isEmpty())
            setError(key(name), QStringLiteral("must not be empty"));
        return s;
    }

    qint64 integer(const char *name, qint64 fallback, qint64 min, qint64 max)
    {
        const json *v = find(name);
        if (!v)
            return fallback;
        if (!v->is_number_integer()) {
            setError(key(name), QStringLiteral("must be an integer"));
            return fallback;
        }
        const qint64 n = v->get<qint64>();
        if (n < min || n > max) {
            setError(key(name), QStringLiteral("must be between %1 and %2 (got %3)").arg(min).arg(max).arg(n));
            return fallback;
        }
        return n;
    }

    double rate(const char *name)
    {
        const json *v = find(name);
        if (!v)
            return 0;
        if (!v->is_number()) {
            setError(key(name), QStringLiteral("must be a number between 0 and 1"));
            return 0;
        }
        const double d = v->get<double>();
        if (d < 0 || d > 1)
            setError(key(name), QStringLiteral("must be a number between 0 and 1 (got %1)").arg(d));
        return d;
    }

    bool boolean(const char *name, bool fallback)
    {
        const json *v = find(name);
        if (!v)
            return fallback;
        if (!v->is_boolean()) {
            setError(key(name), QStringLiteral("must be true or false"));
            return fallback;
        }
        return v->get<bool>();
    }

    /** Calls f(element, "name[i]") for each element of an array. */
    template<typename F>
    void array(const char *name, bool required, F f)
    {
        const json *v = find(name);
        if (!v) {
            if (required)
                setError(key(name), QStringLiteral("is required"));
            return;
        }
        if (!v->is_array()) {
            setError(key(name), QStringLiteral("must be an array"));
            return;
        }
        for (size_t i = 0; i < v->size() && ok(); ++i)
            f((*v)[i], QStringLiteral("%1[%2]").arg(key(name)).arg(i));
    }

    QStringList stringList(const char *name, const QStringList &fallback)
    {
        const json *v = find(name);
        if (!v)
            return fallback;
        QStringList out;
        if (!v->is_array()) {
            setError(key(name), QStringLiteral("must be an array of strings"));
            return fallback;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string()) {
                setError(QStringLiteral("%1[%2]").arg(key(name)).arg(i), QStringLiteral("must be a string"));
                return fallback;
            }
            out << QString::fromStdString((*v)[i].get<std::string>());
        }
        return out;
    }

    /** Reports the first key that was never asked for. */
    void finish()
    {
        if (!ok() || !m_object.is_object())
            return;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            const QString k = QString::fromStdString(it.key());
            if (!m_seen.contains(k) && !k.startsWith(QLatin1Char('_')) && k != QLatin1String("$schema")
                && k != QLatin1String("comment")) {
                setError(m_path.isEmpty() ? k : m_path + QLatin1Char('.') + k, QStringLiteral("unknown key"));
                return;
            }
        }
    }

private:
    const json &m_object;
    QString m_path;
    std::optional<Error> *m_error;
    QSet<QString> m_seen;
};

const QRegularExpression &guidPattern()
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re;
}

bool sameText(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QString ServerSpec::typeName() const
{
    return kind == Kind::Single ? QStringLiteral("Microsoft.DBforPostgreSQL/servers") : QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers");
}

QString ServerSpec::resourceId() const
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/%3/%4").arg(subscriptionId, resourceGroup, typeName(), name);
}

pg::ConnectionParams ServerSpec::connectionParams(const QString &database) const
{
    pg::ConnectionParams p;
    p.host = postgres.host;
    p.port = postgres.port;
    p.user = postgres.user;
    p.password = postgres.password;
    p.dbname = database;
    p.sslmode = postgres.sslmode;
    p.applicationName = QStringLiteral("flexmigrate-azure-emulator");
    p.connectTimeoutSeconds = 10;
    p.kind = pg::ServerKind::Other; // a local server: plain user names, no Azure TLS rules
    return p;
}

Expected<EmulatorConfig> EmulatorConfig::fromJson(const nlohmann::json &root)
{
    EmulatorConfig c;
    std::optional<Error> error;
    Reader top(root, {}, &error);
    if (!top.ok())
        return fail(*error);

    c.tokenLifetimeSeconds = int(top.integer("tokenLifetimeSeconds", c.tokenLifetimeSeconds, 1, 86400));
    c.armAudiences = top.stringList("armAudiences", c.armAudiences);
    c.otherResources = top.stringList("otherResources", c.otherResources);
    c.pgBinDir = top.string("pgBinDir", false);
    c.workDir = top.string("workDir", false);

    QSet<QString> clientIds;
    top.array("tenants", true, [&](const json &t, const QString &path) {
        Reader r(t, path, &error);
        Tenant tenant;
        tenant.id = r.string("id", true);
        if (r.ok() && !guidPattern().match(tenant.id).hasMatch())
            r.setError(r.key("id"), QStringLiteral("must be a GUID (got \"%1\")").arg(tenant.id));
        tenant.domain = r.string("domain", false);
        r.array("apps", false, [&](const json &a, const QString &appPath) {
            Reader ar(a, appPath, &error);
            AadApp app;
            app.clientId = ar.string("clientId", true);
            if (ar.ok() && !guidPattern().match(app.clientId).hasMatch())
                ar.setError(ar.key("clientId"), QStringLiteral("must be a GUID (got \"%1\")").arg(app.clientId));
            if (ar.ok() && clientIds.contains(app.clientId.toLower()))
                ar.setError(ar.key("clientId"), QStringLiteral("is used by another app"));
            clientIds.insert(app.clientId.toLower());
            app.secret = Secret(ar.string("secret", true));
            app.objectId = ar.string("objectId", false);
            app.displayName = ar.string("displayName", false, app.clientId);
            app.secretExpired = ar.boolean("secretExpired", false);
            app.disabled = ar.boolean("disabled", false);
            ar.finish();
            if (app.objectId.isEmpty()) // stable per client id, so AuthorizationFailed texts are reproducible
                app.objectId = app.clientId.left(24) + QStringLiteral("0000") + app.clientId.right(8);
            tenant.apps.push_back(std::move(app));
        });
        r.finish();
        c.tenants.push_back(std::move(tenant));
    });

    top.array("subscriptions", true, [&](const json &s, const QString &path) {
        Reader r(s, path, &error);
        Subscription sub;
        sub.id = r.string("id", true);
        if (r.ok() && !guidPattern().match(sub.id).hasMatch())
            r.setError(r.key("id"), QStringLiteral("must be a GUID (got \"%1\")").arg(sub.id));
        sub.tenantId = r.string("tenantId", true);
        if (r.ok() && !c.findTenant(sub.tenantId))
            r.setError(r.key("tenantId"), QStringLiteral("names no tenant of \"tenants\" (got \"%1\")").arg(sub.tenantId));
        sub.displayName = r.string("displayName", false, QStringLiteral("Emulated subscription"));
        r.array("resourceGroups", false, [&](const json &g, const QString &gPath) {
            Reader gr(g, gPath, &error);
            ResourceGroup rg;
            rg.name = gr.string("name", true);
            rg.location = gr.string("location", false, QStringLiteral("westus"));
            gr.finish();
            sub.resourceGroups.push_back(std::move(rg));
        });
        r.finish();
        c.subscriptions.push_back(std::move(sub));
    });

    auto readServers = [&](const char *key, ServerSpec::Kind kind) {
        top.array(key, false, [&](const json &s, const QString &path) {
            Reader r(s, path, &error);
            ServerSpec srv;
            srv.kind = kind;
            srv.subscriptionId = r.string("subscriptionId", true);
            srv.resourceGroup = r.string("resourceGroup", true);
            srv.name = r.string("name", true);
            static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][-a-z0-9]{1,61}[a-z0-9]$"));
            if (r.ok() && !namePattern.match(srv.name).hasMatch())
                r.setError(r.key("name"), QStringLiteral("must be 3-63 characters: lower-case letters, digits and '-' (got \"%1\")").arg(srv.name));
            if (r.ok() && !c.findResourceGroup(srv.subscriptionId, srv.resourceGroup))
                r.setError(r.key("resourceGroup"), QStringLiteral("no resource group \"%1\" in subscription \"%2\"").arg(srv.resourceGroup, srv.subscriptionId));
            const ResourceGroup *rg = c.findResourceGroup(srv.subscriptionId, srv.resourceGroup);
            srv.location = r.string("location", false, rg ? rg->location : QStringLiteral("westus"));
            srv.version = r.string("version", false, kind == ServerSpec::Kind::Single ? QStringLiteral("11") : QStringLiteral("16"));
            srv.administratorLogin = r.string("administratorLogin", false, QStringLiteral("pgadmin"));
            srv.storageMB = int(r.integer("storageMB", kind == ServerSpec::Kind::Single ? 51200 : 32768, 1024, 16 * 1024 * 1024));
            if (const json *sku = r.find("sku")) {
                Reader sr(*sku, r.key("sku"), &error);
                srv.skuName = sr.string("name", true);
                srv.skuTier = sr.string("tier", true);
                sr.finish();
            } else {
                srv.skuName = kind == ServerSpec::Kind::Single ? QStringLiteral("GP_Gen5_2") : QStringLiteral("Standard_D2ds_v4");
                srv.skuTier = QStringLiteral("GeneralPurpose");
            }
            srv.replicationSupport = r.string("replicationSupport", false, QStringLiteral("replica")).toLower();
            if (r.ok() && kind == ServerSpec::Kind::Flexible && r.find("replicationSupport"))
                r.setError(r.key("replicationSupport"), QStringLiteral("only Single Servers have azure.replication_support"));
            if (r.ok() && !QStringList{QStringLiteral("off"), QStringLiteral("replica"), QStringLiteral("logical")}.contains(srv.replicationSupport))
                r.setError(r.key("replicationSupport"), QStringLiteral("must be off, replica or logical (got \"%1\")").arg(srv.replicationSupport));
            if (const json *pgj = r.find("postgres")) {
                Reader pr(*pgj, r.key("postgres"), &error);
                srv.postgres.host = pr.string("host", false, QStringLiteral("127.0.0.1"));
                srv.postgres.port = int(pr.integer("port", 5432, 1, 65535));
                srv.postgres.user = pr.string("user", true);
                srv.postgres.password = Secret(pr.string("password", false));
                srv.postgres.sslmode = pr.string("sslmode", false);
                pr.finish();
            } else {
                r.setError(r.key("postgres"), QStringLiteral("is required (the local PostgreSQL server behind this server: host, port, user, password)"));
            }
            r.finish();
            for (const auto &other : c.servers)
                if (r.ok() && other.kind == kind && sameText(other.subscriptionId, srv.subscriptionId)
                    && sameText(other.resourceGroup, srv.resourceGroup) && sameText(other.name, srv.name))
                    r.setError(r.key("name"), QStringLiteral("server \"%1\" is declared twice").arg(srv.name));
            c.servers.push_back(std::move(srv));
        });
    };
    readServers("singleServers", ServerSpec::Kind::Single);
    readServers("flexibleServers", ServerSpec::Kind::Flexible);

    top.array("roleAssignments", false, [&](const json &a, const QString &path) {
        Reader r(a, path, &error);
        RoleAssignment ra;
        ra.principal = r.string("principal", true);
        ra.role = r.string("role", false, QStringLiteral("Contributor"));
        ra.scope = r.string("scope", true);
        if (r.ok() && !QStringList{QStringLiteral("Owner"), QStringLiteral("Contributor"), QStringLiteral("Reader")}.contains(ra.role, Qt::CaseInsensitive))
            r.setError(r.key("role"), QStringLiteral("must be Owner, Contributor or Reader (got \"%1\")").arg(ra.role));
        if (r.ok() && !ra.scope.startsWith(QStringLiteral("/subscriptions/"), Qt::CaseInsensitive))
            r.setError(r.key("scope"), QStringLiteral("must start with /subscriptions/ (got \"%1\")").arg(ra.scope));
        r.finish();
        while (ra.scope.endsWith(QLatin1Char('/')))
            ra.scope.chop(1);
        c.roleAssignments.push_back(std::move(ra));
    });

    if (const json *f = top.find("faults")) {
        Reader r(*f, QStringLiteral("faults"), &error);
        auto &fc = c.faults;
        fc.throttleEveryNth = int(r.integer("throttleEveryNth", 0, 0, 1000000));
        fc.retryAfterSeconds = int(r.integer("retryAfterSeconds", 1, 0, 3600));
        fc.error500Rate = r.rate("error500Rate");
        fc.error503Rate = r.rate("error503Rate");
        fc.dropEveryNth = int(r.integer("dropEveryNth", 0, 0, 1000000));
        fc.dropRate = r.rate("dropRate");
        fc.dropAfterProcessing = r.boolean("dropAfterProcessing", true);
        fc.delayMs = int(r.integer("delayMs", 0, 0, 600000));
        fc.seed = quint32(r.integer("seed", 1, 0, 0xffffffffLL));
        fc.tokenEndpoint = r.boolean("tokenEndpoint", false);
        if (r.find("shortTokenLifetimeSeconds"))
            c.shortTokenLifetimeSeconds = int(r.integer("shortTokenLifetimeSeconds", 60, 1, 86400));
        if (r.ok() && fc.error500Rate + fc.error503Rate + fc.dropRate > 1)
            r.setError(QStringLiteral("faults"), QStringLiteral("error500Rate + error503Rate + dropRate must not exceed 1"));
        r.finish();
    }

    c.listPageSize = int(top.integer("listPageSize", 0, 0, 100000));

    if (const json *t = top.find("timing")) {
        Reader r(*t, QStringLiteral("timing"), &error);
        auto &tc = c.timing;
        tc.lroMs = int(r.integer("lroMs", tc.lroMs, 0, 3600000));
        tc.restartMs = int(r.integer("restartMs", tc.restartMs, 0, 3600000));
        tc.prerequisitesMs = int(r.integer("prerequisitesMs", tc.prerequisitesMs, 0, 3600000));
        tc.tickMs = int(r.integer("tickMs", tc.tickMs, 10, 60000));
        tc.retryAfterSeconds = int(r.integer("retryAfterSeconds", tc.retryAfterSeconds, 0, 3600));
        r.finish();
    }
    top.finish();

    if (!error) {
        for (size_t i = 0; i < c.roleAssignments.size(); ++i) {
            const auto &ra = c.roleAssignments[i];
            bool known = false;
            for (const auto &t : c.tenants)
                for (const auto &app : t.apps)
                    known = known || sameText(app.clientId, ra.principal) || sameText(app.objectId, ra.principal);
            if (!known) {
                error = configError(QStringLiteral("roleAssignments[%1].principal").arg(i),
                                    QStringLiteral("names no app of \"tenants\" (got \"%1\")").arg(ra.principal));
                break;
            }
        }
    }
    if (error)
        return fail(*error);
    return c;
}

Expected<EmulatorConfig> EmulatorConfig::fromText(const QByteArray &text)
{
    json j = json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (j.is_discarded()) {
        // Find the place for the message without letting an exception out (house rule).
        try {
            (void)json::parse(text.constData(), text.constData() + text.size());
        } catch (const json::parse_error &e) {
            return fail(configError(QStringLiteral("(file)"), QStringLiteral("not valid JSON: %1").arg(QString::fromUtf8(e.what()))));
        }
        return fail(configError(QStringLiteral("(file)"), QStringLiteral("not valid JSON")));
    }
    return fromJson(j);
}

Expected<EmulatorConfig> EmulatorConfig::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::make(ErrorCategory::Io, QStringLiteral("EmulatorConfigUnreadable"),
                                QStringLiteral("Cannot read the emulator configuration %1: %2").arg(path, f.errorString())));
    return fromText(f.readAll());
}

const Tenant *EmulatorConfig::findTenant(const QString &idOrDomain) const
{
    for (const auto &t : tenants)
        if (sameText(t.id, idOrDomain) || (!t.domain.isEmpty() && sameText(t.domain, idOrDomain)))
            return &t;
    return nullptr;
}

const Subscription *EmulatorConfig::findSubscription(const QString &id) const
{
    for (const auto &s : subscriptions)
        if (sameText(s.id, id))
            return &s;
    return nullptr;
}

const ResourceGroup *EmulatorConfig::findResourceGroup(const QString &subscriptionId, const QString &name) const
{
    const Subscription *s = findSubscription(subscriptionId);
    if (!s)
        return nullptr;
    for (const auto &g : s->resourceGroups)
        if (sameText(g.name, name))
            return &g;
    return nullptr;
}

const AadApp *EmulatorConfig::findApp(const QString &tenantId, const QString &clientId) const
{
    const Tenant *t = findTenant(tenantId);
    if (!t)
        return nullptr;
    for (const auto &a : t->apps)
        if (sameText(a.clientId, clientId))
            return &a;
    return nullptr;
}

} // namespace fm::emulator
