// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QListWidget;
class QListWidgetItem;
class QTabWidget;
class QTimer;
class QGridLayout;
class QCheckBox;

namespace fm::dashboard {

class MigrationViewModel;
class LagChart;

/**
 * @brief The per-migration view (issue 7): state, per-database progress bars,
 * CDC counters and lag, the per-table view, lag/throughput charts, the state
 * timeline, errors (copyable code and request id), the log pane, and the
 * Cutover / Cancel / Delete / Validate / Export actions with confirmations.
 *
 * A thin view over MigrationViewModel: every decision (gating, texts) is the
 * model's. Confirmations go through a Confirm function so tests answer them
 * without a modal dialog.
 */
class MigrationView : public QWidget
{
    Q_OBJECT
public:
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    /** Asks for a file name to save the report to (empty: cancelled). */
    using AskFile = std::function<QString(const QString &suggested)>;

    explicit MigrationView(MigrationViewModel *model, QWidget *parent = nullptr);

    MigrationViewModel *model() const { return m_model; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setAskFile(AskFile ask) { m_askFile = std::move(ask); }

    // For tests and screenshots.
    QPushButton *cutoverButton() const { return m_cutover; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *validateButton() const { return m_validate; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *resumeButton() const { return m_resume; }
    QTableView *tableView() const { return m_tableView; }
    QTabWidget *tabs() const { return m_tabs; }
    /** The "Cut over this database…" button of one database (nullptr when unknown or the backend switches all at once). */
    QPushButton *databaseCutoverButton(const QString &database) const;
    /** The progress bar of one database (nullptr when unknown). */
    QProgressBar *progressBar(const QString &database) const;
    QString databaseDetails(const QString &database) const;
    QString countersText() const;
    QString stateText() const;
    QString messageText() const;
    QListWidget *timelineList() const { return m_timeline; }
    QTableWidget *errorsTable() const { return m_errors; }
    /** The post-cutover checklist (a tab shown once the migration succeeded) and its Verify button. */
    QListWidget *checklistList() const { return m_checklist; }
    QPushButton *verifyChecklistButton() const { return m_verifyChecklist; }
    bool isChecklistShown() const;
    /** The text the error's copy action puts on the clipboard. */
    QString errorClipboardText(int row) const;

    /** The three actions as the buttons run them (with confirmation). */
    void cutoverClicked(const QStringList &databases = {});
    void cancelClicked();
    void deleteClicked();
    void exportClicked();

private:
    void refresh();
    void refreshDatabases();
    void refreshButtons();
    void refreshTimeline();
    void refreshErrors();
    void refreshValidation();
    void refreshChecklist();
    bool confirm(const QString &title, const QString &text);

    MigrationViewModel *m_model;
    Confirm m_confirm;
    AskFile m_askFile;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_counters = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_cutover = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_validate = nullptr;
    QCheckBox *m_checksums = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_resume = nullptr;
    QWidget *m_databasesBox = nullptr;
    QGridLayout *m_databasesGrid = nullptr;
    struct DatabaseRow {
        QString name;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *details = nullptr;
        QPushButton *cutover = nullptr;
    };
    QList<DatabaseRow> m_databaseRows;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_tableView = nullptr;
    LagChart *m_chart = nullptr;
    QListWidget *m_timeline = nullptr;
    QTableWidget *m_errors = nullptr;
    int m_errorsShown = -1;
    QWidget *m_checklistPage = nullptr;
    QListWidget *m_checklist = nullptr;
    QPushButton *m_verifyChecklist = nullptr;
    bool m_fillingChecklist = false;
    bool m_checklistWasVerifying = false;
};

} // namespace fm::dashboard
