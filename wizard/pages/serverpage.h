// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace fm::ui {

class ServerPageModel;

/**
 * @brief Source or target server. Azure backends: subscription, resource
 * group and server name, or a pasted resource id (parsed, the bad part named);
 * the direct backend: a connection URI or host/port/database for any
 * PostgreSQL. Admin user, masked password, TLS mode. "Test connection" runs
 * the ARM lookup and a libpq inspection off the UI thread (ServerPageModel)
 * and shows version, location, replication support and the pre-flight checks
 * inline. A target older than the source blocks Next with the reason.
 */
class ServerPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ServerPage(ServerPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    ServerPageModel *model() const { return m_model; }
    QLineEdit *resourceIdEdit() const { return m_resourceId; }
    QLineEdit *subscriptionEdit() const { return m_subscription; }
    QLineEdit *resourceGroupEdit() const { return m_resourceGroup; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QLineEdit *uriEdit() const { return m_uri; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *sslModeCombo() const { return m_sslMode; }
    QPushButton *testButton() const { return m_test; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *factsLabel() const { return m_facts; }
    QTreeWidget *checkTree() const { return m_checks; }

private:
    void load();
    void update();
    void showResults();

    ServerPageModel *m_model;
    QGroupBox *m_azure;
    QLineEdit *m_resourceId;
    QLabel *m_resourceIdMessage;
    QLineEdit *m_subscription;
    QLabel *m_subscriptionMessage;
    QLineEdit *m_resourceGroup;
    QLabel *m_resourceGroupMessage;
    QLineEdit *m_serverName;
    QLabel *m_serverNameMessage;
    QGroupBox *m_direct;
    QLineEdit *m_uri;
    QLabel *m_uriMessage;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QPushButton *m_test;
    QLabel *m_status;
    QLabel *m_facts;
    QLabel *m_block;
    QTreeWidget *m_checks;
};

} // namespace fm::ui
