// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/wizardmodel.h"

#include "engine/auth/azureclicredential.h"
#include "engine/auth/clientsecretcredential.h"

namespace fm::ui {

WizardModel::WizardModel(QNetworkAccessManager *nam, QObject *parent) : QObject(parent), m_nam(nam), m_factory(defaultCredentialFactory()) {}

WizardModel::~WizardModel() = default;

CredentialFactory WizardModel::defaultCredentialFactory()
{
    return [](QNetworkAccessManager *nam, const http::CloudProfile &profile,
              const CredentialInputs &in) -> Expected<std::shared_ptr<http::TokenCredential>> {
        if (in.useAzureCli) {
            auth::AzureCliOptions o;
            o.tenantId = in.tenantId;
            return std::shared_ptr<http::TokenCredential>(std::make_shared<auth::AzureCliCredential>(o));
        }
        auto c = auth::ClientSecretCredential::create(nam, profile, in.tenantId, in.clientId, in.secret);
        if (!c)
            return fail(c.error());
        return std::shared_ptr<http::TokenCredential>(*c);
    };
}

void WizardModel::setCredentialFactory(CredentialFactory factory)
{
    m_factory = std::move(factory);
    m_credential.reset();
    m_http.reset();
}

void WizardModel::setHttpOptions(http::HttpClient::Options options)
{
    m_httpOptions = std::move(options);
    m_http.reset();
}

void WizardModel::setSpec(const migration::MigrationSpec &spec)
{
    const bool backend = spec.backend != m_spec.backend;
    m_spec = spec;
    // A draft carries the AAD app's ids (never its secret).
    m_credentialInputs.tenantId = spec.aadApp.tenantId;
    m_credentialInputs.clientId = spec.aadApp.clientId;
    m_credentialInputs.useAzureCli = spec.aadApp.useAzureCli;
    m_credential.reset();
    m_http.reset();
    emit specReplaced();
    if (backend)
        emit backendChanged();
}

void WizardModel::setProfile(const http::CloudProfile &profile)
{
    if (profile.name == m_profile.name && profile.armEndpoint == m_profile.armEndpoint && profile.authorityHost == m_profile.authorityHost
        && profile.armAudience == m_profile.armAudience)
        return;
    m_profile = profile;
    m_spec.cloud = profile.name;
    // Tokens are per authority and audience: a new cloud needs a new credential.
    m_credential.reset();
    m_http.reset();
    emit profileChanged();
    emit credentialChanged();
}

void WizardModel::setCredentialInputs(const CredentialInputs &inputs)
{
    m_credentialInputs = inputs;
    m_spec.aadApp.tenantId = inputs.tenantId;
    m_spec.aadApp.clientId = inputs.clientId;
    m_spec.aadApp.useAzureCli = inputs.useAzureCli;
    m_credential.reset();
    m_http.reset();
    emit credentialChanged();
}

Expected<std::shared_ptr<http::TokenCredential>> WizardModel::credential()
{
    if (m_credential)
        return m_credential;
    if (!m_factory)
        return fail(Error::internal(QStringLiteral("No credential factory is set.")));
    auto c = m_factory(m_nam, m_profile, m_credentialInputs);
    if (!c)
        return fail(c.error());
    m_credential = *c;
    return m_credential;
}

Expected<http::HttpClient *> WizardModel::armHttpClient()
{
    if (m_http)
        return m_http.get();
    auto c = credential();
    if (!c)
        return fail(c.error());
    auto o = m_httpOptions;
    o.scopes = {m_profile.scope()};
    m_http = std::make_unique<http::HttpClient>(m_nam, *c, o);
    return m_http.get();
}

void WizardModel::setSourceInfo(std::optional<pg::ServerInfo> info)
{
    m_sourceInfo = std::move(info);
    emit sourceChanged();
}

void WizardModel::setTargetInfo(std::optional<pg::ServerInfo> info)
{
    m_targetInfo = std::move(info);
    emit targetChanged();
}

void WizardModel::setSourceMajorVersion(int major)
{
    if (m_sourceMajor == major)
        return;
    m_sourceMajor = major;
    emit sourceChanged();
}

} // namespace fm::ui
