// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/migration/migrationmanager.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace fm::dashboard {

/**
 * @brief Signs the app in to Azure again after a restart, so the service and
 * dms migrations it lists are polled without creating a new one (issue 7:
 * "reattaches after the app restarts and keeps polling"). A view-model: no
 * widgets; SignInDialog is its view.
 *
 * At startup, signInFromStore() takes the newest account of the Azure records
 * (MigrationManager::azureAccounts()) and signs in without asking when it can:
 * with the Azure CLI login, or with the client secret the user saved in the
 * system keychain in the wizard. Otherwise it says what is needed
 * (signInNeeded). signIn() gets a token first, so a wrong secret is an error
 * here and the manager keeps what it had.
 *
 * The secret is held only by the credential (memory); it is saved in the
 * keychain only when the caller asks.
 */
class AzureSignIn : public QObject
{
    Q_OBJECT
public:
    /** Reads a saved secret: auth::SecretStore::read by default; code "SecretNotFound" when there is none. */
    using SecretReader = std::function<void(const QString &key, QObject *context, std::function<void(Expected<Secret>)> done)>;
    /** Saves a secret when the user asks: auth::SecretStore::store by default. */
    using SecretWriter = std::function<void(const QString &key, const Secret &secret, QObject *context, std::function<void(Expected<void>)> done)>;

    AzureSignIn(migration::MigrationManager *manager, QNetworkAccessManager *nam, QObject *parent = nullptr);

    /** Tests pass their own so nothing touches the user's keychain. */
    void setSecretStore(SecretReader reader, SecretWriter writer);

    /** Signs in as the newest account whose migrations wait, when that needs no typing; nothing when none waits. */
    void signInFromStore();

    /**
     * Signs in as `account` (its cloud and app; `secret` unless it uses the Azure CLI): a token is
     * fetched first, then the manager gets the credential and observes what waited. `saveSecret`
     * keeps the secret in the keychain once it worked. done is called once, queued or later.
     */
    void signIn(const migration::AzureAccount &account, const Secret &secret, bool saveSecret, std::function<void(Expected<void>)> done);

    bool isBusy() const { return m_busy; }
    /** The account the dialog starts from: the one signed in, else the newest of the store. */
    std::optional<migration::AzureAccount> suggestedAccount() const;
    /** "app 0000… in tenant contoso… (AzureCloud)" or "the Azure CLI login (…)": who, never a secret. */
    static QString describe(const migration::AzureAccount &account);

signals:
    void busyChanged(bool busy);
    /** Signed in; the manager observes the migrations that waited. */
    void signedIn(const QString &who);
    /** Migrations wait and the app cannot sign in by itself; `reason` says why and what to do. */
    void signInNeeded(const QString &reason);
    /** The user asked to save the secret and the keychain refused (the sign-in stands). */
    void secretNotSaved(const QString &message);

private:
    void setBusy(bool busy);

    QPointer<migration::MigrationManager> m_manager;
    QNetworkAccessManager *m_nam;
    SecretReader m_read;
    SecretWriter m_write;
    std::optional<migration::AzureAccount> m_account;
    bool m_busy = false;
};

} // namespace fm::dashboard
