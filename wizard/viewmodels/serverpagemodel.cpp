// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/serverpagemodel.h"

#include "engine/arm/resourceid.h"
#include "engine/arm/serverclients.h"
#include "engine/core/job.h"
#include "wizard/viewmodels/inspectviewmodel.h"
#include "wizard/viewmodels/wizardmodel.h"

namespace fm::ui {

namespace {

QString typeFor(ServerSide side)
{
    return QString::fromLatin1(side == ServerSide::Source ? arm::SingleServerClient::kResourceType : arm::FlexibleServerClient::kResourceType);
}

int majorOf(const QString &version)
{
    // ARM gives "11", "16" or "9.6"; 9.x majors are two parts but compare below 10 anyway.
    bool ok = false;
    const int v = version.section(QLatin1Char('.'), 0, 0).toInt(&ok);
    return ok ? v : 0;
}

pg::BackendKind pgBackend(migration::Backend b)
{
    switch (b) {
    case migration::Backend::Service: return pg::BackendKind::Service;
    case migration::Backend::Dms: return pg::BackendKind::Dms;
    case migration::Backend::Direct: return pg::BackendKind::Direct;
    }
    return pg::BackendKind::Direct;
}

} // namespace

ServerPageModel::ServerPageModel(WizardModel *wizard, ServerSide side, QObject *parent) : QObject(parent), m_wizard(wizard), m_side(side)
{
    // Fill from the spec (an opened draft, or Back/Next): what was typed stays.
    auto load = [this] {
        // A copy: the setters below write the spec back as they go.
        const migration::ServerEndpoint e = m_side == ServerSide::Source ? m_wizard->spec().source : m_wizard->spec().target;
        if (!e.resourceId.isEmpty())
            setResourceId(e.resourceId);
        m_host = e.host;
        m_port = e.port;
        m_user = e.user;
        m_sslMode = e.sslMode;
        inputsChanged();
    };
    load();
    connect(wizard, &WizardModel::specReplaced, this, load);
    connect(wizard, &WizardModel::backendChanged, this, &ServerPageModel::inputsChanged);
    connect(wizard, &WizardModel::profileChanged, this, &ServerPageModel::inputsChanged);
    if (side == ServerSide::Target)
        connect(wizard, &WizardModel::sourceChanged, this, &ServerPageModel::changed);
}

ServerPageModel::~ServerPageModel() = default;

QString ServerPageModel::label() const
{
    return m_side == ServerSide::Source ? tr("source") : tr("target");
}

bool ServerPageModel::usesArm() const
{
    return m_wizard->isAzureBackend();
}

void ServerPageModel::setSubscriptionId(const QString &id)
{
    m_subscriptionId = id.trimmed();
    const auto e = arm::ResourceId::checkSubscriptionId(m_subscriptionId);
    m_subscriptionError = e ? e->message : QString();
    m_resourceIdError.clear();
    inputsChanged();
}

void ServerPageModel::setResourceGroup(const QString &name)
{
    m_resourceGroup = name.trimmed();
    const auto e = arm::ResourceId::checkResourceGroupName(m_resourceGroup);
    m_resourceGroupError = e ? e->message : QString();
    m_resourceIdError.clear();
    inputsChanged();
}

void ServerPageModel::setServerName(const QString &name)
{
    m_serverName = name.trimmed();
    const auto e = arm::ResourceId::checkServerName(m_serverName);
    m_serverNameError = e ? e->message : QString();
    m_resourceIdError.clear();
    inputsChanged();
}

bool ServerPageModel::setResourceId(const QString &text)
{
    const QString what = m_side == ServerSide::Source ? tr("The source Single Server's resource id") : tr("The target Flexible Server's resource id");
    auto id = arm::ResourceId::parseOfType(text.trimmed(), typeFor(m_side), what);
    if (!id) {
        m_resourceIdError = id.error().message;
        emit changed();
        return false;
    }
    setSubscriptionId(id->subscriptionId());
    setResourceGroup(id->resourceGroup());
    setServerName(id->name());
    m_resourceIdError.clear();
    emit changed();
    return true;
}

QString ServerPageModel::resourceId() const
{
    if (m_subscriptionId.isEmpty() || m_resourceGroup.isEmpty() || m_serverName.isEmpty() || !m_subscriptionError.isEmpty()
        || !m_resourceGroupError.isEmpty() || !m_serverNameError.isEmpty())
        return {};
    const QString type = typeFor(m_side);
    return arm::ResourceId::make(m_subscriptionId, m_resourceGroup, type.section(QLatin1Char('/'), 0, 0), type.section(QLatin1Char('/'), 1),
                                 m_serverName)
        .toString();
}

bool ServerPageModel::setConnectionUri(const QString &uri)
{
    const auto [withoutPassword, password] = InspectViewModel::splitPassword(uri.trimmed());
    auto p = pg::ConnectionParams::fromUri(withoutPassword);
    if (!p) {
        // Never echo the URI back: it may have carried a password.
        m_uriError = p.error().message;
        emit changed();
        return false;
    }
    m_uriError.clear();
    m_host = p->host;
    m_port = p->port;
    m_database = p->dbname.isEmpty() ? QStringLiteral("postgres") : p->dbname;
    m_user = p->user;
    m_sslMode = p->sslmode;
    m_sslModeError.clear();
    if (!password.isEmpty())
        m_password = Secret(password);
    inputsChanged();
    return true;
}

void ServerPageModel::setHost(const QString &host)
{
    m_host = host.trimmed();
    inputsChanged();
}

void ServerPageModel::setPort(int port)
{
    m_port = port;
    inputsChanged();
}

void ServerPageModel::setDatabase(const QString &database)
{
    m_database = database.trimmed();
    inputsChanged();
}

void ServerPageModel::setAdminUser(const QString &user)
{
    m_user = user.trimmed();
    inputsChanged();
}

void ServerPageModel::setPassword(const Secret &password)
{
    m_password = password;
    inputsChanged();
}

QStringList ServerPageModel::sslModes()
{
    return {QString(), QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"), QStringLiteral("require"),
            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

void ServerPageModel::setSslMode(const QString &mode)
{
    m_sslMode = mode.trimmed();
    m_sslModeError = sslModes().contains(m_sslMode)
                         ? QString()
                         : tr("The TLS mode \"%1\" is not one of disable, allow, prefer, require, verify-ca, verify-full.").arg(m_sslMode);
    inputsChanged();
}

QString ServerPageModel::inputError() const
{
    if (usesArm()) {
        if (!m_resourceIdError.isEmpty())
            return m_resourceIdError;
        if (m_subscriptionId.isEmpty())
            return tr("Enter the %1 server's subscription id.").arg(label());
        if (!m_subscriptionError.isEmpty())
            return m_subscriptionError;
        if (m_resourceGroup.isEmpty())
            return tr("Enter the %1 server's resource group.").arg(label());
        if (!m_resourceGroupError.isEmpty())
            return m_resourceGroupError;
        if (m_serverName.isEmpty())
            return tr("Enter the %1 server's name.").arg(label());
        if (!m_serverNameError.isEmpty())
            return m_serverNameError;
    } else {
        if (!m_uriError.isEmpty())
            return m_uriError;
        if (m_host.isEmpty())
            return tr("Enter the %1 server's host, or paste a connection URI.").arg(label());
    }
    if (m_port < 1 || m_port > 65535)
        return tr("The port %1 is not between 1 and 65535.").arg(m_port);
    if (m_user.isEmpty())
        return tr("Enter the %1 server's admin user.").arg(label());
    if (!m_sslModeError.isEmpty())
        return m_sslModeError;
    if (m_password.isEmpty())
        return tr("Enter the %1 admin user's password.").arg(label());
    return {};
}

void ServerPageModel::inputsChanged()
{
    cancel();
    m_tested = false;
    m_arm.reset();
    m_info.reset();
    m_report = {};
    setErrorText({});
    writeSpec();
    emit changed();
}

void ServerPageModel::writeSpec()
{
    auto &e = m_side == ServerSide::Source ? m_wizard->spec().source : m_wizard->spec().target;
    e.resourceId = usesArm() ? resourceId() : QString();
    e.host = m_host;
    e.port = m_port;
    e.user = m_user;
    e.sslMode = m_sslMode;
    (m_side == ServerSide::Source ? m_wizard->sourcePassword : m_wizard->targetPassword) = m_password;
}

void ServerPageModel::cancel()
{
    // Deleting the context drops ARM replies; destroying the job cancels libpq (PQcancel) and joins.
    m_run.reset();
    if (m_job) {
        // Not deleted here: cancel() may run inside the job's own finished() (a slot reacting to tested()).
        // Cancelling stops libpq (PQcancel); the job's destructor joins its thread later.
        m_job->disconnect(this);
        m_job->cancel();
        m_job.release()->deleteLater();
    }
    setBusy(false);
}

void ServerPageModel::testConnection()
{
    cancel();
    m_tested = false;
    m_arm.reset();
    m_info.reset();
    m_report = {};
    if (const QString e = inputError(); !e.isEmpty()) {
        setErrorText(e);
        emit tested(false);
        return;
    }
    setErrorText({});
    writeSpec();
    m_run = std::make_unique<QObject>();
    setBusy(true);
    if (usesArm())
        armLookup();
    else
        connectPg();
}

void ServerPageModel::armLookup()
{
    auto http = m_wizard->armHttpClient();
    if (!http)
        return finish(tr("The ARM lookup needs the AAD app: %1").arg(http.error().toDisplayString()));
    const auto id = *arm::ResourceId::parse(resourceId());
    auto emulatorEndpoint = [](const nlohmann::json &raw) {
        if (raw.is_object() && raw.contains("properties") && raw["properties"].is_object() && raw["properties"].contains("emulatorEndpoint")
            && raw["properties"]["emulatorEndpoint"].is_string())
            return QString::fromStdString(raw["properties"]["emulatorEndpoint"].get<std::string>());
        return QString();
    };
    if (m_side == ServerSide::Source) {
        auto client = std::make_shared<arm::SingleServerClient>(*http, m_wizard->profile());
        client->getServer(id, m_run.get(), [this, client, id, emulatorEndpoint](Expected<arm::SingleServer> s) {
            if (!s)
                return finish(tr("ARM lookup of the source server failed: %1").arg(s.error().toDisplayString()));
            ArmServerFacts f;
            f.name = s->name;
            f.version = s->version;
            f.location = s->location;
            f.fqdn = s->fullyQualifiedDomainName;
            f.skuTier = s->skuTier;
            f.state = s->userVisibleState.toString();
            f.logicalReplicationPossible = s->supportsLogicalReplication();
            // The emulator's endpoint is only honoured for a custom cloud: a real server's body never redirects libpq.
            if (m_wizard->profile().name == QLatin1String("custom"))
                f.emulatorEndpoint = emulatorEndpoint(s->raw);
            m_arm = f;
            client->getReplicationSupport(id, m_run.get(), [this, client](Expected<QString> r) {
                if (!r)
                    return finish(tr("Reading azure.replication_support of the source failed: %1").arg(r.error().toDisplayString()));
                m_arm->replicationSupport = *r;
                emit changed();
                connectPg();
            });
        });
    } else {
        auto client = std::make_shared<arm::FlexibleServerClient>(*http, m_wizard->profile());
        client->getServer(id, m_run.get(), [this, client, emulatorEndpoint](Expected<arm::FlexibleServer> s) {
            if (!s)
                return finish(tr("ARM lookup of the target server failed: %1").arg(s.error().toDisplayString()));
            ArmServerFacts f;
            f.name = s->name;
            f.version = s->version;
            f.location = s->location;
            f.fqdn = s->fullyQualifiedDomainName;
            f.skuTier = s->skuTier;
            f.state = s->state.toString();
            if (m_wizard->profile().name == QLatin1String("custom"))
                f.emulatorEndpoint = emulatorEndpoint(s->raw);
            m_arm = f;
            // The migration resource lives in the target's region.
            m_wizard->spec().location = f.location;
            emit changed();
            connectPg();
        });
    }
}

void ServerPageModel::connectPg()
{
    pg::ConnectionParams p;
    p.host = m_host;
    p.port = m_port;
    if (usesArm() && m_host.isEmpty() && m_arm) {
        p.host = m_arm->fqdn;
        if (!m_arm->emulatorEndpoint.isEmpty()) {
            p.host = m_arm->emulatorEndpoint.section(QLatin1Char(':'), 0, -2);
            p.port = m_arm->emulatorEndpoint.section(QLatin1Char(':'), -1).toInt();
        }
    }
    if (p.host.isEmpty())
        return finish(tr("ARM did not report the %1 server's host name.").arg(label()));
    p.dbname = m_database.isEmpty() ? QStringLiteral("postgres") : m_database;
    p.user = m_user;
    p.password = m_password;
    p.sslmode = m_sslMode;
    pg::InspectOptions o;
    // The target is only asked what it has (databases, version); the source in detail for pre-flight.
    o.details = m_side == ServerSide::Source;
    m_job = std::make_unique<ThreadJob<pg::ServerInfo>>([p, o](CancelToken &c) { return pg::inspectServer(p, o, &c); });
    connect(m_job.get(), &Job::finished, this, &ServerPageModel::onPgFinished);
    m_job->start();
}

void ServerPageModel::onPgFinished()
{
    if (m_job->error())
        return finish(tr("Connecting to the %1 server failed: %2").arg(label(), m_job->error()->toDisplayString()));
    m_info = m_job->result();
    pg::PreflightInput in;
    const pg::ServerInfo *source = m_side == ServerSide::Source ? &*m_info : (m_wizard->sourceInfo() ? &*m_wizard->sourceInfo() : nullptr);
    if (source) {
        in.source = source;
        in.target = m_side == ServerSide::Target ? &*m_info : (m_wizard->targetInfo() ? &*m_wizard->targetInfo() : nullptr);
        in.databases = m_wizard->spec().databases;
        in.backend = pgBackend(m_wizard->spec().backend);
        in.serviceSetsUpReplication = m_wizard->spec().options.setupLogicalReplication;
        m_report = pg::runPreflight(in);
    }
    if (m_side == ServerSide::Source) {
        m_wizard->setSourceInfo(m_info);
        m_wizard->setSourceMajorVersion(majorVersion());
    } else {
        m_wizard->setTargetInfo(m_info);
    }
    finish({});
}

void ServerPageModel::finish(const QString &error)
{
    // Keep the job until the next test: deleting it inside its own signal is unsafe.
    m_tested = error.isEmpty();
    setErrorText(error);
    setBusy(false);
    emit changed();
    emit tested(m_tested);
}

int ServerPageModel::majorVersion() const
{
    if (m_info && m_info->versionNum > 0)
        return m_info->majorVersion();
    if (m_arm)
        return majorOf(m_arm->version);
    return 0;
}

QString ServerPageModel::versionBlockReason() const
{
    if (m_side != ServerSide::Target)
        return {};
    const int source = m_wizard->sourceMajorVersion();
    const int target = majorVersion();
    if (source == 0 || target == 0 || target >= source)
        return {};
    return tr("The target runs PostgreSQL %1, older than the source's %2: a migration can only go to the same or a newer major version. "
              "Choose a target server with PostgreSQL %2 or later.")
        .arg(target)
        .arg(source);
}

bool ServerPageModel::isComplete() const
{
    return m_tested && !m_busy && m_errorText.isEmpty() && versionBlockReason().isEmpty();
}

void ServerPageModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void ServerPageModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

} // namespace fm::ui
