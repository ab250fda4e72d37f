// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/dashboardwidget.h"

#include "app/dashboard/migrationlistmodel.h"
#include "app/dashboard/migrationview.h"
#include "app/dashboard/migrationviewmodel.h"
#include "engine/migration/migrationmanager.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPointer>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>

namespace fm::dashboard {

DashboardWidget::DashboardWidget(QWidget *parent) : QWidget(parent), m_list(new MigrationListModel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_listView = new QTableView(splitter);
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
    m_stack = new QStackedWidget(splitter);
    m_empty = new QLabel(tr("No migration yet. Use “New migration…” to start one."), m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_empty);
    splitter->addWidget(m_listView);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 870});
    layout->addWidget(splitter);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        auto *v = m_views.value(m_list->idAt(current.row()));
        m_stack->setCurrentWidget(v ? static_cast<QWidget *>(v) : m_empty);
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
        addModel(id, model, record ? record->createdUtc : QDateTime(), record ? record->name : QString());
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
}

MigrationViewModel *DashboardWidget::addModel(const QString &id, MigrationViewModel *model, const QDateTime &createdUtc, const QString &name)
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
