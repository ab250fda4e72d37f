// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationmanager.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fm::dashboard {

class AzureSignIn;

/**
 * @brief "Sign in to Azure…": the view of AzureSignIn for the migrations listed
 * after a restart. Starts from the newest record's cloud and app; the secret is
 * typed (never shown again, never stored unless "Save in the keychain" is
 * ticked). Stays open with the reason when the sign-in fails; closes when it
 * worked.
 */
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(AzureSignIn *signIn, QWidget *parent = nullptr);

    QLineEdit *tenantEdit() const { return m_tenant; }
    QLineEdit *clientEdit() const { return m_client; }
    QLineEdit *secretEdit() const { return m_secret; }
    QCheckBox *azureCliBox() const { return m_cli; }
    QCheckBox *saveBox() const { return m_save; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    /** What the Sign in button does: checks the inputs, then signs in (the dialog closes when it worked). */
    void submit();

private:
    void updateEnabled();
    void showError(const QString &text);

    AzureSignIn *m_signIn;
    migration::AzureAccount m_account;
    QLineEdit *m_tenant = nullptr;
    QLineEdit *m_client = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_cli = nullptr;
    QCheckBox *m_save = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fm::dashboard
