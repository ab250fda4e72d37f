// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"

#include <QHash>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPointer>

class QDialog;
class QTabWidget;

namespace fm::ui {
class InspectViewModel;
class MigrationWizard;
}
namespace fm::migration {
class MigrationManager;
}
namespace fm::dashboard {
class AzureSignIn;
class DashboardWidget;
class MigrationViewModel;
}

namespace fm::app {

/**
 * @brief The main window: the dashboard of migrations (list + detail, issue 7),
 * "New migration…" opening the wizard with its Starter wired to
 * MigrationManager::create, the server inspection, and the log pane.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ui::InspectViewModel *inspect, migration::MigrationManager *manager, QWidget *parent = nullptr);
    ~MainWindow() override;

    dashboard::DashboardWidget *dashboard() const { return m_dashboard; }
    QTabWidget *tabs() const { return m_tabs; }
    /** Opens the wizard (non-modal); returns it for tests and screenshots. */
    ui::MigrationWizard *newMigration();
    void showDashboard();
    void showInspection();
    /** After reattachAll(): signs in to Azure without asking when it can (keychain or Azure CLI), so reattached service and dms migrations are polled. */
    void signInFromStore();
    /** "Sign in to Azure…": the dialog (non-modal); returns it for tests. */
    QDialog *signInToAzure();

private:
    void setUpModel(dashboard::MigrationViewModel *model);
    /** What validation connects with: the spec's endpoints and the passwords typed in this session (memory only). */
    void rememberEndpoints(const QStringList &ids, const migration::MigrationSpec &spec, const migration::StartCredentials &credentials);

    migration::MigrationManager *m_manager;
    QNetworkAccessManager m_nam;
    QTabWidget *m_tabs = nullptr;
    dashboard::DashboardWidget *m_dashboard = nullptr;
    QPointer<ui::MigrationWizard> m_wizard;
    dashboard::AzureSignIn *m_signIn = nullptr;
    QPointer<QDialog> m_signInDialog;
};

} // namespace fm::app
