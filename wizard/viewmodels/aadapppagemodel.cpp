// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/viewmodels/aadapppagemodel.h"

#include "engine/arm/permissionsclient.h"
#include "engine/auth/identifiers.h"
#include "engine/auth/secretstore.h"
#include "engine/core/logging.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <utility>

namespace fm::ui {

AadAppPageModel::AadAppPageModel(WizardModel *wizard, QObject *parent) : QObject(parent), m_wizard(wizard)
{
    const auto &in = wizard->credentialInputs();
    m_tenantId = in.tenantId;
    m_clientId = in.clientId;
    m_secret = in.secret;
    m_useAzureCli = in.useAzureCli;
    // A different server or cloud makes an earlier verify meaningless.
    connect(wizard, &WizardModel::profileChanged, this, &AadAppPageModel::inputsChanged);
    connect(wizard, &WizardModel::specReplaced, this, [this] {
        const auto &in = m_wizard->credentialInputs();
        m_tenantId = in.tenantId;
        m_clientId = in.clientId;
        m_useAzureCli = in.useAzureCli;
        inputsChanged();
    });
}

AadAppPageModel::~AadAppPageModel() = default;

void AadAppPageModel::setTenantId(const QString &text)
{
    m_tenantId = text;
    auto v = auth::validateTenantId(text);
    m_tenantIdError = v ? QString() : v.error().message;
    inputsChanged();
}

void AadAppPageModel::setClientId(const QString &text)
{
    m_clientId = text;
    auto v = auth::validateClientId(text);
    m_clientIdError = v ? QString() : v.error().message;
    inputsChanged();
}

void AadAppPageModel::setSecret(const Secret &secret)
{
    m_secret = secret;
    inputsChanged();
}

QString AadAppPageModel::secretError() const
{
    if (m_useAzureCli || !m_secret.isEmpty())
        return {};
    return tr("Enter the client secret of the app registration (Certificates & secrets), or use the signed-in Azure CLI.");
}

void AadAppPageModel::setUseAzureCli(bool use)
{
    m_useAzureCli = use;
    inputsChanged();
}

void AadAppPageModel::setSaveToKeychain(bool save)
{
    m_saveToKeychain = save;
    emit changed();
}

QString AadAppPageModel::inputError() const
{
    if (m_useAzureCli)
        return {}; // az brings its own tenant unless one is given; a given one must still be valid
    if (auto v = auth::validateTenantId(m_tenantId); !v)
        return v.error().message;
    if (auto v = auth::validateClientId(m_clientId); !v)
        return v.error().message;
    return secretError();
}

void AadAppPageModel::inputsChanged()
{
    m_rechecking = false;
    // Editing an input invalidates the last verify and aborts a running one.
    m_run.reset();
    m_verified = false;
    m_checks.clear();
    setBusy(false);
    setErrorText({});
    emit changed();
}

void AadAppPageModel::cancel()
{
    m_run.reset();
    setBusy(false);
}

void AadAppPageModel::verify()
{
    m_run.reset();
    m_verified = false;
    m_checks.clear();
    if (const QString e = inputError(); !e.isEmpty()) {
        setErrorText(e);
        emit verified(false);
        return;
    }
    if (m_useAzureCli && !m_tenantId.trimmed().isEmpty())
        if (auto v = auth::validateTenantId(m_tenantId); !v) {
            setErrorText(v.error().message);
            emit verified(false);
            return;
        }
    CredentialInputs in;
    in.tenantId = m_useAzureCli ? m_tenantId.trimmed() : *auth::validateTenantId(m_tenantId);
    in.clientId = m_useAzureCli ? QString() : *auth::validateClientId(m_clientId);
    in.secret = m_useAzureCli ? Secret() : m_secret;
    in.useAzureCli = m_useAzureCli;
    m_wizard->setCredentialInputs(in);

    buildChecks();

    auto credential = m_wizard->credential();
    if (!credential) {
        setErrorText(credential.error().toDisplayString());
        emit verified(false);
        return;
    }
    m_run = std::make_unique<QObject>();
    setErrorText({});
    setBusy(true);
    (*credential)->getToken({m_wizard->profile().scope()}, m_run.get(), [this](Expected<http::AccessToken> token) {
        if (!token)
            return finish(tr("No token: %1").arg(token.error().toDisplayString()));
        checkNext(0);
    });
}

void AadAppPageModel::buildChecks()
{
    m_checks.clear();
    const auto &spec = m_wizard->spec();
    auto addScope = [this](const QString &label, const QString &id, const QString &notYet) {
        ScopeCheck c;
        c.label = label;
        if (auto r = arm::ResourceId::parse(id.trimmed()); !id.trimmed().isEmpty() && r)
            c.scope = r->toString();
        else
            c.missingText = notYet;
        m_checks << c;
    };
    addScope(tr("Source server"), spec.source.resourceId, tr("Not checked: the source server is not entered yet."));
    addScope(tr("Target server"), spec.target.resourceId, tr("Not checked: the target server is not entered yet."));
    QString rg;
    if (auto t = arm::ResourceId::parse(spec.target.resourceId.trimmed()); !spec.target.resourceId.isEmpty() && t)
        rg = arm::ResourceId::resourceGroupScope(t->subscriptionId(), t->resourceGroup()).toString();
    addScope(tr("Resource group"), rg, tr("Not checked: the target server is not entered yet."));
    // A source in another resource group: that group is checked too (DMS and the replication set-up act there).
    if (auto src = arm::ResourceId::parse(spec.source.resourceId.trimmed()); !spec.source.resourceId.isEmpty() && src && !rg.isEmpty()) {
        const QString srcRg = arm::ResourceId::resourceGroupScope(src->subscriptionId(), src->resourceGroup()).toString();
        if (srcRg.compare(rg, Qt::CaseInsensitive) != 0)
            addScope(tr("Source resource group"), srcRg, QString());
    }
}

bool AadAppPageModel::hasUncheckedScopes() const
{
    for (const auto &c : m_checks)
        if (!c.checked)
            return true;
    return false;
}

void AadAppPageModel::recheckScopes()
{
    if (!m_verified || m_busy)
        return;
    m_run = std::make_unique<QObject>();
    m_rechecking = true;
    buildChecks();
    setErrorText({});
    setBusy(true);
    emit changed();
    checkNext(0);
}

void AadAppPageModel::checkNext(int index)
{
    while (index < m_checks.size() && m_checks[index].scope.isEmpty())
        ++index;
    if (index >= m_checks.size()) {
        QStringList failed;
        for (const auto &c : m_checks)
            if (c.checked && !c.ok)
                failed << c.label;
        // Scopes not entered yet stay "Not checked"; the server pages check their own scope again on "Test connection".
        return finish(failed.isEmpty() ? QString() : tr("Contributor is missing on: %1.").arg(failed.join(QStringLiteral(", "))));
    }
    auto http = m_wizard->armHttpClient();
    if (!http)
        return finish(http.error().toDisplayString());
    const auto scope = *arm::ResourceId::parse(m_checks[index].scope);
    arm::PermissionsClient client(*http, m_wizard->profile());
    client.checkContributor(scope, m_run.get(), [this, index](Expected<arm::PermissionCheck> r) {
        auto &c = m_checks[index];
        c.checked = true;
        if (!r) {
            c.ok = false;
            c.missingText = tr("Could not read the permissions: %1").arg(r.error().toDisplayString());
        } else {
            c.ok = r->ok();
            if (!c.ok) {
                const QString who = m_useAzureCli ? tr("the signed-in Azure CLI account") : tr("the app %1").arg(m_clientId.trimmed());
                c.missingText = tr("Assign the Contributor role on %1 to %2 (missing: %3).").arg(c.scope, who, r->missing.join(QStringLiteral(", ")));
            }
        }
        emit changed();
        checkNext(index + 1);
    });
}

void AadAppPageModel::finish(const QString &error)
{
    m_verified = error.isEmpty();
    setErrorText(error);
    const bool recheck = std::exchange(m_rechecking, false);
    if (m_verified && !recheck && m_saveToKeychain && !m_useAzureCli && auth::SecretStore::isAvailable()) {
        // Only when asked (DESIGN.md); the draft then refers to it by key.
        const QString key = auth::SecretStore::aadSecretKey(m_wizard->credentialInputs().tenantId, m_wizard->credentialInputs().clientId);
        auth::SecretStore().store(key, m_secret, this, [this, key](Expected<void> r) {
            if (r)
                m_wizard->spec().aadApp.secretRef = QStringLiteral("keychain:") + key;
            else
                setErrorText(tr("Verified, but the secret could not be saved to the keychain: %1").arg(r.error().message));
            emit changed();
        });
    }
    setBusy(false);
    emit changed();
    emit verified(m_verified);
}

void AadAppPageModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void AadAppPageModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged(text);
}

} // namespace fm::ui
