// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace fm::ui {

class AadAppPageModel;

/**
 * @brief AAD app: tenant id, client id (GUID-checked as typed), the secret
 * (masked; optional save to the system keychain) or the signed-in Azure CLI;
 * "Verify" gets a token and checks Contributor per scope, showing a tick or
 * the exact missing assignment. Next only after a verify of these inputs.
 */
class AadAppPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AadAppPage(AadAppPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QLineEdit *tenantEdit() const { return m_tenant; }
    QLineEdit *clientEdit() const { return m_client; }
    QLineEdit *secretEdit() const { return m_secret; }
    QCheckBox *azureCliCheck() const { return m_azureCli; }
    QCheckBox *keychainCheck() const { return m_keychain; }
    QPushButton *verifyButton() const { return m_verify; }
    QTreeWidget *scopeTree() const { return m_scopes; }
    QLabel *statusLabel() const { return m_status; }

private:
    void update();

    AadAppPageModel *m_model;
    QLineEdit *m_tenant;
    QLabel *m_tenantMessage;
    QLineEdit *m_client;
    QLabel *m_clientMessage;
    QLineEdit *m_secret;
    QCheckBox *m_keychain;
    QCheckBox *m_azureCli;
    QPushButton *m_verify;
    QLabel *m_status;
    QTreeWidget *m_scopes;
};

} // namespace fm::ui
