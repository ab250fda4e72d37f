// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/mainwindow.h"

#include "app/dashboard/azuresignin.h"
#include "app/dashboard/dashboardwidget.h"
#include "app/dashboard/migrationviewmodel.h"
#include "app/dashboard/signindialog.h"
#include "engine/migration/migrationmanager.h"
#include "wizard/migrationwizard.h"
#include "wizard/pages/inspectionview.h"
#include "wizard/viewmodels/inspectviewmodel.h"
#include "wizard/viewmodels/wizardmodel.h"
#include "wizard/widgets/logview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QToolBar>

namespace fm::app {

namespace {

pg::ConnectionParams endpointParams(const migration::ServerEndpoint &e, const Secret &password)
{
    pg::ConnectionParams p;
    p.host = e.host;
    p.port = e.port;
    p.user = e.user;
    p.sslmode = e.sslMode;
    p.password = password;
    return p;
}

} // namespace

MainWindow::MainWindow(ui::InspectViewModel *inspect, migration::MigrationManager *manager, QWidget *parent) : QMainWindow(parent), m_manager(manager)
{
    setWindowTitle(tr("FlexMigrate"));
    m_tabs = new QTabWidget(this);
    m_dashboard = new dashboard::DashboardWidget(m_tabs);
    m_dashboard->setModelSetup([this](dashboard::MigrationViewModel *m) { setUpModel(m); });
    if (m_manager)
        m_dashboard->setManager(m_manager);
    m_tabs->addTab(m_dashboard, tr("Migrations"));
    m_tabs->addTab(new ui::InspectionView(inspect, m_tabs), tr("Inspect servers"));
    setCentralWidget(m_tabs);

    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(new ui::LogView(logDock));
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {120}, Qt::Vertical);

    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New migration…"), this, [this] { newMigration(); });
    newAction->setShortcut(QKeySequence::New);
    newAction->setEnabled(m_manager != nullptr);
    // After a restart the listed service and dms migrations are polled once the app is signed in again.
    auto *signInAction = file->addAction(tr("Sign in to &Azure…"), this, [this] { signInToAzure(); });
    signInAction->setEnabled(m_manager != nullptr);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(tr("&Migrations"), this, &MainWindow::showDashboard);
    viewMenu->addAction(tr("&Inspect servers"), this, &MainWindow::showInspection);
    // Migrations started elsewhere on the known target servers (ARM list) join the dashboard (issue 7).
    auto *refresh = viewMenu->addAction(tr("&Find migrations in Azure"), m_dashboard, &dashboard::DashboardWidget::refreshFromAzure);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setEnabled(m_manager != nullptr);
    viewMenu->addAction(logDock->toggleViewAction());
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(newAction);

    statusBar()->showMessage(m_manager && !m_manager->ids().isEmpty() ? tr("%n migration(s).", nullptr, int(m_manager->ids().size()))
                                                                       : tr("Start with “New migration…”, or inspect servers first."));
    connect(inspect, &ui::InspectViewModel::inspected, this, [this] {
        statusBar()->showMessage(tr("Inspected at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    });
    connect(m_dashboard, &dashboard::DashboardWidget::notified, this, [this](const QString &, const QString &title, const QString &) {
        statusBar()->showMessage(title);
    });
    if (m_manager) {
        m_signIn = new dashboard::AzureSignIn(m_manager, &m_nam, this);
        connect(m_signIn, &dashboard::AzureSignIn::signInNeeded, this, [this](const QString &reason) { statusBar()->showMessage(reason); });
        connect(m_signIn, &dashboard::AzureSignIn::secretNotSaved, this, [this](const QString &message) { statusBar()->showMessage(message); });
        connect(m_signIn, &dashboard::AzureSignIn::signedIn, this, [this](const QString &who) {
            statusBar()->showMessage(tr("Signed in to Azure as %1.").arg(who));
            // Signed in now: what else runs on the known targets joins the list.
            m_dashboard->refreshFromAzure();
        });
    }
    resize(1280, 860);
}

MainWindow::~MainWindow() = default;

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::showInspection()
{
    m_tabs->setCurrentIndex(1);
}

void MainWindow::signInFromStore()
{
    if (m_signIn)
        m_signIn->signInFromStore();
}

QDialog *MainWindow::signInToAzure()
{
    if (!m_signIn)
        return nullptr;
    if (m_signInDialog) {
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return m_signInDialog;
    }
    auto *dialog = new dashboard::SignInDialog(m_signIn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signInDialog = dialog;
    dialog->show();
    return dialog;
}

ui::MigrationWizard *MainWindow::newMigration()
{
    if (!m_manager)
        return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    QPointer<MainWindow> self(this);
    // The Starter (contract of wizard/migrationwizard.h): the wizard never knows the manager.
    auto wizardRef = std::make_shared<QPointer<ui::MigrationWizard>>();
    auto starter = [self, wizardRef](const migration::MigrationSpec &spec, migration::StartCredentials credentials, std::function<void(Expected<QStringList>)> done) {
        if (!self)
            return done(fail(Error::cancelled()));
        const QPointer<ui::MigrationWizard> w = *wizardRef;
        if (spec.backend != migration::Backend::Direct && w) {
            // The Azure backends reach ARM as the wizard's credential, on the wizard's cloud.
            auto credential = w->model()->credential();
            if (!credential)
                return done(fail(credential.error()));
            self->m_manager->setAzure(w->model()->profile(), *credential);
        }
        self->m_manager->create(spec, credentials, [self, spec, credentials, done](Expected<QStringList> ids) {
            if (self && ids) {
                self->rememberEndpoints(*ids, spec, credentials);
                // Signed in now: the target is known, so what else runs there (started elsewhere) is listed too.
                if (spec.backend != migration::Backend::Direct)
                    self->m_dashboard->refreshFromAzure();
            }
            done(ids);
        });
    };
    auto *real = new ui::MigrationWizard(&m_nam, starter, this);
    m_wizard = real;
    *wizardRef = real;
    real->setAttribute(Qt::WA_DeleteOnClose);
    connect(real, &ui::MigrationWizard::migrationsCreated, this, [this](const QStringList &ids) {
        showDashboard();
        if (!ids.isEmpty())
            m_dashboard->select(ids.first());
        statusBar()->showMessage(tr("Created %n migration(s).", nullptr, int(ids.size())));
    });
    real->show();
    return real;
}

void MainWindow::rememberEndpoints(const QStringList &ids, const migration::MigrationSpec &spec, const migration::StartCredentials &credentials)
{
    for (const QString &id : ids) {
        if (auto *m = m_dashboard->viewModel(id)) {
            m->setSpec(spec);
            m->setValidationEndpoints(endpointParams(spec.source, credentials.sourcePassword), endpointParams(spec.target, credentials.targetPassword));
        }
    }
}

void MainWindow::setUpModel(dashboard::MigrationViewModel *model)
{
    if (!m_manager)
        return;
    const QString id = model->id();
    QPointer<MainWindow> self(this);
    if (model->isAzure()) {
        // An Azure migration listed after a restart is followed once the app is signed in again.
        model->setResumer([self](migration::ActionCallback done) {
            QDialog *dialog = self ? self->signInToAzure() : nullptr;
            if (!dialog)
                return done(fail(Error::cancelled()));
            connect(dialog, &QDialog::finished, self, [done](int result) {
                done(result == QDialog::Accepted ? Expected<void>() : Expected<void>(fail(Error::cancelled())));
            });
        });
        return;
    }
    // After a restart a direct run continues from its journal once the passwords are typed again
    // (they are never stored); they also serve validation for the rest of the session.
    model->setResumer([self, id](migration::ActionCallback done) {
        if (!self)
            return;
        auto record = self->m_manager->record(id);
        if (!record)
            return done(fail(record.error()));
        auto spec = migration::MigrationSpec::fromDraft(record->extra.value(QStringLiteral("spec")).toObject());
        bool ok = false;
        const QString source = QInputDialog::getText(self, tr("Resume %1").arg(record->name), tr("Source password (user %1):").arg(spec ? spec->source.user : QString()),
                                                     QLineEdit::Password, {}, &ok);
        if (!ok)
            return done(fail(Error::cancelled()));
        const QString target = QInputDialog::getText(self, tr("Resume %1").arg(record->name), tr("Target password (user %1):").arg(spec ? spec->target.user : QString()),
                                                     QLineEdit::Password, {}, &ok);
        if (!ok)
            return done(fail(Error::cancelled()));
        migration::StartCredentials credentials;
        credentials.sourcePassword = Secret(source);
        credentials.targetPassword = Secret(target);
        if (spec)
            self->rememberEndpoints({id}, *spec, credentials);
        self->m_manager->resume(id, credentials, std::move(done));
    });
}

} // namespace fm::app
