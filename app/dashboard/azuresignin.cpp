// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/azuresignin.h"

#include "engine/auth/secretstore.h"
#include "engine/core/logging.h"

#include <QMetaObject>

namespace fm::dashboard {

namespace {
auto log() { return fm::logging::get("app.signin"); }
} // namespace

AzureSignIn::AzureSignIn(migration::MigrationManager *manager, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_manager(manager), m_nam(nam)
{
    m_read = [](const QString &key, QObject *context, std::function<void(Expected<Secret>)> done) {
        if (auth::SecretStore::isAvailable()) {
            auth::SecretStore().read(key, context, std::move(done));
            return;
        }
        QMetaObject::invokeMethod(context, [done] {
            done(fail(Error::validation(QStringLiteral("KeychainUnavailable"), tr("This build of FlexMigrate has no keychain support."))));
        }, Qt::QueuedConnection);
    };
    m_write = [](const QString &key, const Secret &secret, QObject *context, std::function<void(Expected<void>)> done) {
        auth::SecretStore().store(key, secret, context, std::move(done));
    };
}

void AzureSignIn::setSecretStore(SecretReader reader, SecretWriter writer)
{
    m_read = std::move(reader);
    m_write = std::move(writer);
}

std::optional<migration::AzureAccount> AzureSignIn::suggestedAccount() const
{
    if (m_account)
        return m_account;
    if (!m_manager)
        return std::nullopt;
    const auto accounts = m_manager->azureAccounts();
    if (accounts.isEmpty())
        return std::nullopt;
    return accounts.first();
}

QString AzureSignIn::describe(const migration::AzureAccount &a)
{
    if (a.useAzureCli)
        return tr("the Azure CLI login (%1)").arg(a.profile.name);
    if (a.clientId.isEmpty())
        return tr("an AAD application not named in the records (%1)").arg(a.profile.name);
    return tr("app %1 in tenant %2 (%3)").arg(a.clientId, a.tenantId, a.profile.name);
}

void AzureSignIn::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void AzureSignIn::signInFromStore()
{
    if (!m_manager || m_manager->hasAzure() || m_busy)
        return;
    const auto accounts = m_manager->azureAccounts();
    auto it = std::find_if(accounts.begin(), accounts.end(), [](const migration::AzureAccount &a) { return a.waiting > 0; });
    if (it == accounts.end())
        return; // nothing waits: the sign-in comes with the next Azure migration
    const migration::AzureAccount account = *it;
    m_account = account;
    auto needed = [this, account](const QString &why) {
        emit signInNeeded(tr("%n Azure migration(s) wait for a sign-in as %1: %2 Use File ▸ Sign in to Azure… to follow them.", nullptr, account.waiting)
                              .arg(describe(account), why));
    };
    auto neededOnFailure = [needed](Expected<void> r) {
        if (!r)
            needed(r.error().toDisplayString());
    };
    if (account.useAzureCli) {
        signIn(account, {}, false, neededOnFailure);
        return;
    }
    if (account.clientId.isEmpty()) {
        needed(tr("the records do not name the AAD application."));
        return;
    }
    setBusy(true);
    const QString key = auth::SecretStore::aadSecretKey(account.tenantId, account.clientId);
    m_read(key, this, [this, account, needed, neededOnFailure](Expected<Secret> secret) {
        setBusy(false);
        if (!secret) {
            // The keychain's own words go to the log; the status line stays short.
            log()->info("no saved secret for the sign-in at startup: {}: {}", secret.error().code.toStdString(), secret.error().message.toStdString());
            needed(secret.error().code == QLatin1String("SecretNotFound") ? tr("its client secret is not saved in the system keychain.")
                                                                          : tr("the system keychain could not be read (see the log)."));
            return;
        }
        signIn(account, *secret, false, neededOnFailure);
    });
}

void AzureSignIn::signIn(const migration::AzureAccount &account, const Secret &secret, bool saveSecret, std::function<void(Expected<void>)> done)
{
    auto finish = [this, done](Expected<void> r) {
        setBusy(false);
        done(std::move(r));
    };
    auto failLater = [this, finish](Error e) {
        setBusy(true);
        QMetaObject::invokeMethod(this, [finish, e] { finish(fail(e)); }, Qt::QueuedConnection);
    };
    if (!m_manager)
        return failLater(Error::internal(QStringLiteral("No migration manager.")));
    if (m_busy)
        return failLater(Error::validation(QStringLiteral("SignInRunning"), tr("A sign-in is already running."), tr("Wait for it to finish.")));
    if (!account.useAzureCli && secret.isEmpty())
        return failLater(Error::validation(QStringLiteral("MissingSecret"), tr("The client secret is empty."),
                                           tr("Paste the secret's value (not its id) from the app registration's “Certificates & secrets”.")));
    ui::CredentialInputs inputs;
    inputs.tenantId = account.tenantId;
    inputs.clientId = account.clientId;
    inputs.secret = secret;
    inputs.useAzureCli = account.useAzureCli;
    // The wizard's factory: a ClientSecretCredential, or the Azure CLI's.
    auto credential = ui::WizardModel::defaultCredentialFactory()(m_nam, account.profile, inputs);
    if (!credential)
        return failLater(credential.error());
    setBusy(true);
    std::shared_ptr<http::TokenCredential> c = *credential;
    // A token first: a wrong secret or tenant is this call's error, and the manager keeps what it had.
    c->getToken({account.profile.scope()}, this, [this, account, c, secret, saveSecret, finish](Expected<http::AccessToken> token) {
        if (!token)
            return finish(fail(token.error()));
        if (!m_manager)
            return finish(fail(Error::cancelled()));
        m_account = account;
        m_manager->setAzure(account.profile, c);
        log()->info("signed in to Azure as {}", describe(account).toStdString());
        emit signedIn(describe(account));
        if (!saveSecret || account.useAzureCli)
            return finish({});
        const QString key = auth::SecretStore::aadSecretKey(account.tenantId, account.clientId);
        m_write(key, secret, this, [this, finish](Expected<void> saved) {
            // Signed in either way: a keychain that refused is said, the sign-in stands.
            if (!saved)
                emit secretNotSaved(tr("Signed in, but the secret was not saved in the system keychain: %1").arg(saved.error().message));
            finish({});
        });
    });
}

} // namespace fm::dashboard
