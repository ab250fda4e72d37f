// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/dashboardwidget.h"

#include "app/dashboard/migrationlistmodel.h"
#include "app/dashboard/migrationview.h"
#include "app/dashboard/migrationviewmodel.h"
#include "engine/core/logging.h"
#include "engine/migration/migrationmanager.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPointer>
#include <QPushButton>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace fm::dashboard {

DashboardWidget::DashboardWidget(QWidget *parent) : QWidget(parent), m_list(new MigrationListModel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_refresh = new QPushButton(tr("Find migrations in Azure"), left);
    m_refresh->setToolTip(tr("Lists the migrations on the target servers this app knows and adds those it did not start."));
    m_refresh->setEnabled(false); // until there is a manager
    connect(m_refresh, &QPushButton::clicked, this, &DashboardWidget::refreshFromAzure);
    m_discovery = new QLabel(left);
    m_discovery->setWordWrap(true);
    m_discovery->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_discovery->hide();
    m_listView = new QTableView(left);
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->verticalHeader()->hide();
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setStretchLastSection(true);
    m_listView->setMinimumWidth(340);
    // Screen readers announce the list by name, and Tab leaves it (arrow keys move between rows).
    m_listView->setAccessibleName(tr("Migrations"));
    m_listView->setTabKeyNavigation(false);
    leftLayout->addWidget(m_refresh, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_discovery);
    leftLayout->addWidget(m_listView, 1);
    m_stack = new QStackedWidget(splitter);
    m_empty = new QLabel(tr("No migration yet. Use “New migration…” to start one."), m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_empty);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 870});
    layout->addWidget(splitter);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        auto *v = m_views.value(m_list->idAt(current.row()));
        m_stack->setCurrentWidget(v ? static_cast<QWidget *>(v) : m_empty);
    });

    // Polls ARM for migrations started elsewhere while signed in (the list itself is polled by the backends).
    m_discoveryTimer = new QTimer(this);
    m_discoveryTimer->setInterval(2 * 60 * 1000);
    connect(m_discoveryTimer, &QTimer::timeout, this, [this] {
        if (m_manager && m_manager->hasAzure())
            refreshFromAzure();
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_DriveNetIcon), this);
        m_tray->setToolTip(tr("FlexMigrate"));
        m_tray->show();
    }
}

DashboardWidget::~DashboardWidget() = default;

MigrationViewModel *DashboardWidget::addMigration(const QString &id, migration::MigrationBackend *backend, const QDateTime &createdUtc, const QString &name)
{
    auto *model = new MigrationViewModel(id, backend, this);
    // The list follows the backend too (the manager path feeds both from its one signal instead).
    if (backend)
        connect(backend, &migration::MigrationBackend::statusChanged, this, [this, id](const migration::MigrationStatus &s) { m_list->updateStatus(id, s); });
    return addModel(id, model, createdUtc, name);
}

void DashboardWidget::setManager(migration::MigrationManager *manager)
{
    m_manager = manager;
    auto add = [this](const QString &id) {
        if (m_models.contains(id))
            return;
        const auto record = m_manager->record(id);
        QPointer<migration::MigrationManager> mgr(m_manager);
        auto *model = new MigrationViewModel(id, [mgr, id]() -> migration::MigrationBackend * { return mgr ? mgr->backend(id) : nullptr; },
                                             m_manager->status(id), this);
        model->setRemover([mgr, id](migration::ActionCallback done) {
            if (mgr)
                mgr->remove(id, std::move(done));
        });
        if (record) {
            // The inputs for the report: the record keeps the spec without secrets or their references.
            auto spec = migration::MigrationSpec::fromDraft(record->extra.value(QStringLiteral("spec")).toObject());
            if (spec)
                model->setSpec(*spec);
        }
        const bool discovered = record && record->extra.value(QStringLiteral("discovered")).toBool();
        addModel(id, model, record ? record->createdUtc : QDateTime(), record ? record->name : QString(), !discovered || selectedId().isEmpty());
    };
    connect(manager, &migration::MigrationManager::migrationAdded, this, add);
    connect(manager, &migration::MigrationManager::migrationRemoved, this, &DashboardWidget::removeMigration);
    connect(manager, &migration::MigrationManager::statusChanged, this, [this](const QString &id, const migration::MigrationStatus &s) {
        if (auto *m = m_models.value(id))
            m->updateStatus(s);
        m_list->updateStatus(id, s);
    });
    // ids() is newest first; adding oldest first leaves the newest on top.
    const QStringList ids = manager->ids();
    for (auto it = ids.rbegin(); it != ids.rend(); ++it)
        add(*it);
    m_refresh->setEnabled(!m_discovering);
    if (m_discoveryTimer->interval() > 0)
        m_discoveryTimer->start();
}

void DashboardWidget::setDiscoveryInterval(int ms)
{
    m_discoveryTimer->stop();
    m_discoveryTimer->setInterval(std::max(0, ms));
    if (ms > 0 && m_manager)
        m_discoveryTimer->start();
}

QString DashboardWidget::discoveryText() const
{
    return m_discovery->text();
}

void DashboardWidget::refreshFromAzure()
{
    if (!m_manager || m_discovering)
        return;
    m_discovering = true;
    m_refresh->setEnabled(false);
    m_discovery->setText(tr("Looking for migrations in Azure…"));
    m_discovery->show();
    QPointer<DashboardWidget> self(this);
    QPointer<migration::MigrationManager> mgr(m_manager);
    m_manager->discover([self, mgr](Expected<QList<migration::DiscoveredMigration>> found) {
        if (!self)
            return;
        if (!found)
            return self->finishDiscovery(0, 0, found.error().toDisplayString());
        if (!mgr || found->isEmpty())
            return self->finishDiscovery(0, 0, {});
        struct Count {
            qsizetype left = 0;
            int added = 0;
            int failed = 0;
        };
        auto count = std::make_shared<Count>();
        count->left = found->size();
        for (const auto &d : std::as_const(*found)) {
            // Observed like a reattached migration: recorded (no spec, no secret) and polled by a service backend.
            mgr->observeExisting(d.targetResourceId, d.name, [self, count](Expected<QStringList> ids) {
                if (ids)
                    ++count->added;
                else if (ids.error().code != QLatin1String("AlreadyKnown")) { // found twice by overlapping refreshes
                    ++count->failed;
                    fm::logging::get("app.dashboard")->warn("cannot observe a migration found in Azure: {}", ids.error().message);
                }
                if (--count->left == 0 && self)
                    self->finishDiscovery(count->added, count->failed, {});
            });
        }
    });
}

void DashboardWidget::finishDiscovery(int added, int failed, const QString &error)
{
    m_discovering = false;
    m_refresh->setEnabled(m_manager != nullptr);
    QString text;
    if (!error.isEmpty())
        text = tr("Could not list the migrations in Azure: %1").arg(error);
    else if (added > 0)
        text = tr("Found %n migration(s) in Azure that this app did not start.", nullptr, added);
    else
        text = tr("No other migration in Azure on the known target servers.");
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%n could not be observed (see the log).", nullptr, failed);
    m_discovery->setText(text);
    m_discovery->show();
    emit discoveryFinished(added, error);
}

MigrationViewModel *DashboardWidget::addModel(const QString &id, MigrationViewModel *model, const QDateTime &createdUtc, const QString &name, bool selectIt)
{
    removeMigration(id);
    if (m_setup)
        m_setup(model);
    auto *view = new MigrationView(model, m_stack);
    m_models.insert(id, model);
    m_views.insert(id, view);
    m_stack->addWidget(view);
    m_list->addMigration(id, model->status(), createdUtc, name);
    connect(model, &MigrationViewModel::notify, this, &DashboardWidget::showNotification);
    connect(model, &MigrationViewModel::removed, this, [this, id] {
        emit migrationDeleted(id);
        removeMigration(id);
    });
    if (selectIt)
        select(id);
    return model;
}

void DashboardWidget::removeMigration(const QString &id)
{
    m_list->removeMigration(id);
    if (auto *v = m_views.take(id)) {
        m_stack->removeWidget(v);
        v->deleteLater();
    }
    if (auto *m = m_models.take(id))
        m->deleteLater();
    if (m_stack->currentWidget() == m_empty || m_views.isEmpty())
        m_stack->setCurrentWidget(m_empty);
}

void DashboardWidget::select(const QString &id)
{
    const int row = m_list->rowOf(id);
    if (row < 0)
        return;
    m_listView->selectRow(row);
    m_listView->setCurrentIndex(m_list->index(row, 0));
    if (auto *v = m_views.value(id))
        m_stack->setCurrentWidget(v);
}

QString DashboardWidget::selectedId() const
{
    return m_list->idAt(m_listView->currentIndex().row());
}

MigrationViewModel *DashboardWidget::viewModel(const QString &id) const
{
    return m_models.value(id);
}

MigrationView *DashboardWidget::view(const QString &id) const
{
    return m_views.value(id);
}

void DashboardWidget::showNotification(const QString &kind, const QString &title, const QString &text)
{
    m_shown << kind + QStringLiteral(": ") + title;
    if (m_notifier)
        m_notifier(title, text);
    else if (m_tray)
        m_tray->showMessage(title, text, kind == QLatin1String("failed") ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information, 10000);
    emit notified(kind, title, text);
}

} // namespace fm::dashboard
