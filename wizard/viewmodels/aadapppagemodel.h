// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/secret.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace fm::ui {

class WizardModel;

/** One scope of the Contributor check: what was checked and, when not ok, the exact missing assignment. */
struct ScopeCheck {
    QString label;   ///< "Source server", "Target server", "Resource group"
    QString scope;   ///< the ARM id; empty when not known yet
    bool checked = false;
    bool ok = false;
    /** Not ok: "Assign the Contributor role ... (missing: a, b)" or why it was not checked. */
    QString missingText;
};

/**
 * @brief AAD app page: tenant id, client id, secret (or the signed-in Azure
 * CLI), optional "save to keychain". verify() gets a token and checks
 * Contributor on the source server, the target server and the target's
 * resource group (seed: "grant Contributor on source, target and resource
 * group"). Complete only after a successful verify of the current inputs;
 * editing any input resets it.
 *
 * The secret is an fm::Secret: it is never put in errorText(), results or logs.
 */
class AadAppPageModel : public QObject
{
    Q_OBJECT
public:
    explicit AadAppPageModel(WizardModel *wizard, QObject *parent = nullptr);
    ~AadAppPageModel() override;

    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &text);
    /** Empty when valid (validated as typed, identifiers.h messages). */
    QString tenantIdError() const { return m_tenantIdError; }
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &text);
    QString clientIdError() const { return m_clientIdError; }
    void setSecret(const Secret &secret);
    bool hasSecret() const { return !m_secret.isEmpty(); }
    QString secretError() const;
    bool useAzureCli() const { return m_useAzureCli; }
    void setUseAzureCli(bool use);
    /** Store the secret in the system keychain after a successful verify (only when asked). */
    bool saveToKeychain() const { return m_saveToKeychain; }
    void setSaveToKeychain(bool save);

    /** The first input problem, empty when verify() may run. */
    QString inputError() const;

    void verify();
    /**
     * After a successful verify, checks Contributor again on the scopes known
     * now (the server pages come after this page, so a first verify may have
     * left them "Not checked"). Same token, same credential; does nothing
     * unless verified and idle.
     */
    void recheckScopes();
    /** Scopes a verify could not check yet because the servers were not entered. */
    bool hasUncheckedScopes() const;
    void cancel();

    bool isBusy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    bool isVerified() const { return m_verified; }
    const QList<ScopeCheck> &scopeChecks() const { return m_checks; }
    bool isComplete() const { return m_verified && !m_busy; }

signals:
    void changed();
    void busyChanged(bool busy);
    void errorTextChanged(const QString &text);
    void verified(bool ok);

private:
    void inputsChanged();
    void buildChecks();
    void checkNext(int index);
    void finish(const QString &error);
    void setBusy(bool busy);
    void setErrorText(const QString &text);

    WizardModel *m_wizard;
    QString m_tenantId;
    QString m_tenantIdError;
    QString m_clientId;
    QString m_clientIdError;
    Secret m_secret;
    bool m_useAzureCli = false;
    bool m_saveToKeychain = false;
    bool m_busy = false;
    bool m_verified = false;
    bool m_rechecking = false;
    QString m_errorText;
    QList<ScopeCheck> m_checks;
    /** Replies of a superseded verify() are dropped: their context is deleted. */
    std::unique_ptr<QObject> m_run;
};

} // namespace fm::ui
