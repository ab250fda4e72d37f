// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <functional>

class QStackedWidget;
class QTableView;
class QLabel;
class QPushButton;
class QSystemTrayIcon;
class QTimer;

namespace fm::migration {
class MigrationBackend;
class MigrationManager;
struct MigrationStatus;
}

namespace fm::dashboard {

class MigrationListModel;
class MigrationView;
class MigrationViewModel;

/**
 * @brief The dashboard (issue 7): the migrations list on the left, the
 * selected migration's view on the right, desktop notifications.
 *
 * It knows backends only through MigrationBackend; the composition root feeds
 * it from MigrationManager (addMigration on migrationAdded, removeMigration on
 * migrationRemoved) and gives each view-model what it may need (spec,
 * validation endpoints, remover).
 */
class DashboardWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardWidget(QWidget *parent = nullptr);
    ~DashboardWidget() override;

    /** Adds a migration followed through its backend directly (top of the list) and returns its view-model. */
    MigrationViewModel *addMigration(const QString &id, migration::MigrationBackend *backend, const QDateTime &createdUtc = {}, const QString &name = {});
    /**
     * Shows every migration of `manager` and follows it: added, removed,
     * status; Delete goes through MigrationManager::remove (the record is
     * forgotten too). Call before manager->reattachAll() or after: ids already
     * known are added at once.
     */
    void setManager(migration::MigrationManager *manager);
    /** Called for every view-model as it is added (the composition root gives it a resumer, endpoints...). */
    void setModelSetup(std::function<void(MigrationViewModel *)> setup) { m_setup = std::move(setup); }
    migration::MigrationManager *manager() const { return m_manager; }
    void removeMigration(const QString &id);
    void select(const QString &id);
    QString selectedId() const;

    MigrationViewModel *viewModel(const QString &id) const;
    MigrationView *view(const QString &id) const;
    MigrationListModel *listModel() const { return m_list; }
    QTableView *listView() const { return m_listView; }

    /**
     * The migrations list also has those ARM lists on the known target servers that this app did not
     * start (issue 7): MigrationManager::discover, then observeExisting for each one found, so they are
     * recorded (reattached after a restart) and polled like the others. Nothing happens while a refresh
     * runs or without a manager; the outcome is shown under the button and by discoveryFinished().
     */
    void refreshFromAzure();
    /** How often refreshFromAzure() runs by itself while the manager is signed in to Azure (0: never; default 2 min). */
    void setDiscoveryInterval(int ms);
    bool isDiscovering() const { return m_discovering; }
    QPushButton *refreshButton() const { return m_refresh; }
    /** What the last refresh found, in words. */
    QString discoveryText() const;

    /** Where desktop notifications go (default: a tray icon when there is a tray, else only the signal). */
    void setNotifier(std::function<void(const QString &title, const QString &text)> notifier) { m_notifier = std::move(notifier); }
    /** Every notification shown so far ("kind: title"), for tests. */
    QStringList notificationsShown() const { return m_shown; }

signals:
    void notified(const QString &kind, const QString &title, const QString &text);
    /** The user deleted a migration from its view; the composition root lets the manager forget it. */
    void migrationDeleted(const QString &id);
    /** A refresh from Azure ended: `added` migrations joined the list; `error` when none could be listed. */
    void discoveryFinished(int added, const QString &error);

private:
    /** `select`: show it at once (a migration found in Azure does not take the view from the one being watched). */
    MigrationViewModel *addModel(const QString &id, MigrationViewModel *model, const QDateTime &createdUtc, const QString &name, bool select = true);
    void showNotification(const QString &kind, const QString &title, const QString &text);
    void finishDiscovery(int added, int failed, const QString &error);

    MigrationListModel *m_list = nullptr;
    QTableView *m_listView = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QHash<QString, MigrationViewModel *> m_models;
    QHash<QString, MigrationView *> m_views;
    QSystemTrayIcon *m_tray = nullptr;
    migration::MigrationManager *m_manager = nullptr;
    std::function<void(const QString &, const QString &)> m_notifier;
    QStringList m_shown;
    std::function<void(MigrationViewModel *)> m_setup;
    QPushButton *m_refresh = nullptr;
    QLabel *m_discovery = nullptr;
    QTimer *m_discoveryTimer = nullptr;
    bool m_discovering = false;
};

} // namespace fm::dashboard
