// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/migrationview.h"

#include "app/dashboard/lagchart.h"
#include "app/dashboard/migrationreport.h"
#include "app/dashboard/migrationviewmodel.h"
#include "app/dashboard/tableprogressmodel.h"
#include "wizard/widgets/logview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fm::dashboard {

using S = migration::MigrationStatus;

namespace {

QString num(std::optional<qint64> v)
{
    return v ? QLocale().toString(*v) : QStringLiteral("—");
}

} // namespace

MigrationView::MigrationView(MigrationViewModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QVBoxLayout(this);

    // Header: name, state, counters, and the actions.
    auto *header = new QHBoxLayout;
    auto *headerText = new QVBoxLayout;
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_state = new QLabel(this);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counters = new QLabel(this);
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    headerText->addWidget(m_title);
    headerText->addWidget(m_state);
    headerText->addWidget(m_counters);
    headerText->addWidget(m_message);
    header->addLayout(headerText, 1);
    auto *buttons = new QGridLayout;
    m_cutover = new QPushButton(tr("Cutover…"), this);
    m_cutover->setObjectName(QStringLiteral("cutoverButton"));
    m_cancel = new QPushButton(tr("Cancel migration…"), this);
    m_delete = new QPushButton(tr("Delete…"), this);
    m_validate = new QPushButton(tr("Validate now"), this);
    m_checksums = new QCheckBox(tr("with checksums"), this);
    m_checksums->setChecked(true);
    m_export = new QPushButton(tr("Export report…"), this);
    buttons->addWidget(m_cutover, 0, 0);
    buttons->addWidget(m_cancel, 0, 1);
    buttons->addWidget(m_delete, 0, 2);
    buttons->addWidget(m_validate, 1, 0);
    buttons->addWidget(m_checksums, 1, 1);
    buttons->addWidget(m_export, 1, 2);
    m_resume = new QPushButton(tr("Resume…"), this);
    buttons->addWidget(m_resume, 2, 0);
    header->addLayout(buttons);
    layout->addLayout(header);

    // Per-database progress.
    m_databasesBox = new QGroupBox(tr("Databases"), this);
    m_databasesGrid = new QGridLayout(m_databasesBox);
    m_databasesGrid->setColumnStretch(1, 1);
    layout->addWidget(m_databasesBox);

    m_tabs = new QTabWidget(this);
    m_tableView = new QTableView(m_tabs);
    m_tableView->setModel(m_model->tableModel());
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->verticalHeader()->hide();
    m_tableView->setAccessibleName(tr("Tables of this migration"));
    m_tableView->setTabKeyNavigation(false);
    // Sized once per new set of tables, not per update: ResizeToContents would measure every row
    // on every status (a few per second) and stall the UI with thousands of tables.
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setWordWrap(false);
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 6);
    const int digit = m_tableView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const QList<int> widths = {12, 30, 11, 22, 11, 10, 10, 10};
    for (int c = 0; c < widths.size(); ++c)
        m_tableView->setColumnWidth(c, widths[c] * digit);
    m_tabs->addTab(m_tableView, tr("Tables"));
    m_chart = new LagChart(m_model, m_tabs);
    m_tabs->addTab(m_chart, tr("Lag and throughput"));
    m_timeline = new QListWidget(m_tabs);
    m_tabs->addTab(m_timeline, tr("Timeline"));
    auto *errorsPage = new QWidget(m_tabs);
    auto *errorsLayout = new QVBoxLayout(errorsPage);
    m_errors = new QTableWidget(0, 5, errorsPage);
    m_errors->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("Where"), tr("Error"), tr("Code"), tr("Request id")});
    m_errors->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_errors->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errors->verticalHeader()->hide();
    auto *copy = new QPushButton(tr("Copy error with code and request id"), errorsPage);
    connect(copy, &QPushButton::clicked, this, [this] {
        const int row = m_errors->currentRow() >= 0 ? m_errors->currentRow() : 0;
        const QString text = errorClipboardText(row);
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    errorsLayout->addWidget(m_errors);
    errorsLayout->addWidget(copy, 0, Qt::AlignLeft);
    m_tabs->addTab(errorsPage, tr("Errors"));
    // The post-cutover checklist (issue 12): shown once the migration succeeded.
    m_checklistPage = new QWidget(m_tabs);
    auto *checklistLayout = new QVBoxLayout(m_checklistPage);
    m_checklist = new QListWidget(m_checklistPage);
    m_checklist->setAccessibleName(tr("Post-cutover checklist"));
    m_checklist->setWordWrap(true);
    m_verifyChecklist = new QPushButton(tr("Verify checklist"), m_checklistPage);
    checklistLayout->addWidget(m_checklist);
    checklistLayout->addWidget(m_verifyChecklist, 0, Qt::AlignLeft);
    m_tabs->addTab(m_checklistPage, tr("Checklist"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_checklistPage), false);
    connect(m_verifyChecklist, &QPushButton::clicked, m_model, &MigrationViewModel::verifyChecklist);
    connect(m_checklist, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        // Only manual items are user-checkable (the AAD app deleted); the others are ticked by verification.
        if (!m_fillingChecklist && (item->flags() & Qt::ItemIsUserCheckable))
            m_model->confirmChecklistItem(carryover::ChecklistItem::Id(item->data(Qt::UserRole).toInt()), item->checkState() == Qt::Checked);
    });
    m_tabs->addTab(new ui::LogView(m_tabs), tr("Log"));
    layout->addWidget(m_tabs, 1);

    connect(m_cutover, &QPushButton::clicked, this, [this] { cutoverClicked(); });
    connect(m_cancel, &QPushButton::clicked, this, &MigrationView::cancelClicked);
    connect(m_delete, &QPushButton::clicked, this, &MigrationView::deleteClicked);
    connect(m_validate, &QPushButton::clicked, this, [this] { m_model->validate(m_checksums->isChecked()); });
    connect(m_export, &QPushButton::clicked, this, &MigrationView::exportClicked);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Resuming…"));
        m_model->resume();
    });

    connect(m_model, &MigrationViewModel::statusChanged, this, &MigrationView::refresh);
    connect(m_model, &MigrationViewModel::cutoverStateChanged, this, &MigrationView::refreshButtons);
    connect(m_model, &MigrationViewModel::timelineChanged, this, &MigrationView::refreshTimeline);
    connect(m_model, &MigrationViewModel::validationChanged, this, &MigrationView::refreshValidation);
    connect(m_model, &MigrationViewModel::checklistChanged, this, &MigrationView::refreshChecklist);
    connect(m_model, &MigrationViewModel::validationChanged, this, &MigrationView::refreshChecklist); // the endpoints enable Verify
    connect(m_model, &MigrationViewModel::actionFinished, this, [this](const QString &, bool, const QString &message) {
        m_message->setText(message);
        refreshButtons();
    });
    refresh();
    refreshTimeline();
    refreshChecklist();
}

bool MigrationView::confirm(const QString &title, const QString &text)
{
    if (m_confirm)
        return m_confirm(title, text);
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void MigrationView::cutoverClicked(const QStringList &databases)
{
    // Disabled first: a double click lands on a disabled button and sends nothing more (issue 7).
    if (!m_model->canCutover(databases))
        return;
    m_cutover->setEnabled(false);
    for (auto &row : m_databaseRows)
        if (row.cutover)
            row.cutover->setEnabled(false);
    if (!confirm(tr("Cutover"), m_model->cutoverConfirmationText(databases))) {
        refreshButtons();
        return;
    }
    m_model->requestCutover(databases);
    m_message->setText(tr("Cutover requested…"));
    refreshButtons();
}

void MigrationView::cancelClicked()
{
    if (!m_model->canCancel() || !confirm(tr("Cancel migration"), m_model->cancelConfirmationText()))
        return;
    m_cancel->setEnabled(false);
    m_message->setText(tr("Cancelling…"));
    m_model->cancel();
}

void MigrationView::deleteClicked()
{
    if (!confirm(tr("Delete migration"), m_model->removeConfirmationText()))
        return;
    m_delete->setEnabled(false);
    m_message->setText(tr("Deleting…"));
    m_model->remove();
}

void MigrationView::exportClicked()
{
    const QString suggested = m_model->title() + QStringLiteral("-report.html");
    const QString path = m_askFile ? m_askFile(suggested)
                                   : QFileDialog::getSaveFileName(this, tr("Export report"), suggested, tr("HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto result = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? MigrationReport::savePdf(*m_model, path)
                                                                                     : MigrationReport::saveHtml(*m_model, path);
    m_message->setText(result ? tr("Report saved to %1").arg(path) : result.error().toDisplayString());
}

void MigrationView::refresh()
{
    const S s = m_model->status();
    m_title->setText(m_model->title() + QStringLiteral("  (") + (s.backend.isEmpty() ? tr("backend") : s.backend) + QLatin1Char(')'));
    m_state->setText(stateText());
    m_counters->setText(countersText());
    refreshDatabases();
    refreshButtons();
    refreshErrors();
}

QString MigrationView::stateText() const
{
    const S s = m_model->status();
    QString t = tr("State: %1").arg(s.state == S::State::Unknown && !s.rawState.isEmpty() ? s.rawState : toString(s.state));
    if (s.subState != S::SubState::None)
        t += QStringLiteral(" / ") + (s.subState == S::SubState::Unknown && !s.rawSubState.isEmpty() ? s.rawSubState : toString(s.subState));
    if (!s.requiredAction.isEmpty())
        t += tr(" — waiting for: %1").arg(s.requiredAction);
    if (s.startedOn.isValid())
        t += tr(" — started %1 UTC").arg(s.startedOn.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return t;
}

QString MigrationView::countersText() const
{
    const S s = m_model->status();
    const auto &c = s.totals;
    QString t = tr("Copied %1 rows, %2. Changes: %3 inserts, %4 updates, %5 deletes, %6 applied, %7 pending.")
                    .arg(num(c.fullLoadRows), c.fullLoadBytes ? MigrationViewModel::formatBytes(*c.fullLoadBytes) : QStringLiteral("—"), num(c.cdcInserts),
                         num(c.cdcUpdates), num(c.cdcDeletes), num(c.appliedChanges), num(c.incomingChanges));
    t += tr(" Lag: %1 / %2.")
             .arg(s.lag.seconds ? MigrationViewModel::formatDuration(*s.lag.seconds) : QStringLiteral("—"),
                  s.lag.bytes ? MigrationViewModel::formatBytes(*s.lag.bytes) : QStringLiteral("—"));
    return t;
}

QString MigrationView::messageText() const
{
    return m_message->text();
}

void MigrationView::refreshDatabases()
{
    const S s = m_model->status();
    bool same = s.databases.size() == m_databaseRows.size();
    for (int i = 0; same && i < s.databases.size(); ++i)
        same = s.databases[i].name == m_databaseRows[i].name;
    if (!same) {
        for (auto &r : m_databaseRows) {
            delete r.label;
            delete r.bar;
            delete r.details;
            delete r.cutover;
        }
        m_databaseRows.clear();
        int row = 0;
        for (const auto &d : s.databases) {
            DatabaseRow r;
            r.name = d.name;
            r.label = new QLabel(d.name, m_databasesBox);
            r.bar = new QProgressBar(m_databasesBox);
            r.bar->setRange(0, 1000);
            r.bar->setObjectName(QStringLiteral("progress-") + d.name);
            r.details = new QLabel(m_databasesBox);
            r.details->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_databasesGrid->addWidget(r.label, row, 0);
            m_databasesGrid->addWidget(r.bar, row, 1);
            m_databasesGrid->addWidget(r.details, row + 1, 0, 1, 3);
            if (m_model->supportsPerDatabaseCutover()) {
                r.cutover = new QPushButton(tr("Cut over this database…"), m_databasesBox);
                // Every row's button reads the same; a screen reader says which database it cuts over.
                r.cutover->setAccessibleName(tr("Cut over database %1…").arg(d.name));
                const QString name = d.name;
                connect(r.cutover, &QPushButton::clicked, this, [this, name] { cutoverClicked({name}); });
                m_databasesGrid->addWidget(r.cutover, row, 2);
            }
            m_databaseRows.append(r);
            row += 2;
        }
    }
    for (int i = 0; i < s.databases.size(); ++i) {
        const auto &d = s.databases[i];
        auto &r = m_databaseRows[i];
        const bool copyDone = d.tablesQueued.value_or(0) == 0 && d.tablesLoading.value_or(0) == 0 && d.tablesCompleted.value_or(0) > 0;
        const double fraction = MigrationViewModel::copyFraction(d);
        r.bar->setValue(int(fraction * 1000));
        r.bar->setFormat(QStringLiteral("%1 — %2%").arg(d.rawState.isEmpty() ? toString(d.state) : d.rawState).arg(fraction * 100, 0, 'f', 1));
        const auto rate = m_model->databaseRate(d.name);
        QString eta;
        QString speed = tr("%1 rows/s").arg(QLocale().toString(rate.rowsPerSecond, 'f', 0));
        if (rate.etaSeconds && *rate.etaSeconds > 0)
            eta = tr(", ETA %1").arg(MigrationViewModel::formatDuration(*rate.etaSeconds));
        if (copyDone || fraction >= 1) {
            speed = tr("copy done");
            eta.clear();
        }
        r.details->setText(tr("tables %1 queued, %2 copying, %3 done, %4 errored · %5 rows, %6 · %7%8 · lag %9 / %10 · changes %11")
                               .arg(num(d.tablesQueued), num(d.tablesLoading), num(d.tablesCompleted), num(d.tablesErrored), num(d.counters.fullLoadRows),
                                    d.counters.fullLoadBytes ? MigrationViewModel::formatBytes(*d.counters.fullLoadBytes) : QStringLiteral("—"),
                                    speed, eta,
                                    d.lag.seconds ? MigrationViewModel::formatDuration(*d.lag.seconds) : QStringLiteral("—"))
                               .arg(d.lag.bytes ? MigrationViewModel::formatBytes(*d.lag.bytes) : QStringLiteral("—"), num(d.counters.appliedChanges)));
        if (!d.message.isEmpty())
            r.details->setText(r.details->text() + QStringLiteral("\n") + d.message);
    }
    m_databasesBox->setVisible(!s.databases.isEmpty());
}

QPushButton *MigrationView::databaseCutoverButton(const QString &database) const
{
    for (const auto &r : m_databaseRows)
        if (r.name == database)
            return r.cutover;
    return nullptr;
}

QProgressBar *MigrationView::progressBar(const QString &database) const
{
    for (const auto &r : m_databaseRows)
        if (r.name == database)
            return r.bar;
    return nullptr;
}

QString MigrationView::databaseDetails(const QString &database) const
{
    for (const auto &r : m_databaseRows)
        if (r.name == database)
            return r.details->text();
    return {};
}

void MigrationView::refreshButtons()
{
    const bool can = m_model->canCutover();
    m_cutover->setEnabled(can);
    m_cutover->setToolTip(can ? tr("Every database is ready; the lag is under the limit.") : m_model->cutoverBlocker());
    for (auto &r : m_databaseRows)
        if (r.cutover)
            r.cutover->setEnabled(m_model->canCutover({r.name}));
    m_cancel->setEnabled(m_model->canCancel());
    m_resume->setVisible(m_model->canResume());
    // After a restart a direct run needs its passwords again; an Azure one needs the sign-in (MainWindow wires both).
    m_resume->setText(m_model->isAzure() ? tr("Sign in to Azure…") : tr("Resume…"));
    m_resume->setToolTip(m_model->isAzure() ? tr("Service and DMS migrations are followed through Azure once the app is signed in again.")
                                            : tr("A direct migration continues from its journal after a restart; it needs the passwords again."));
    m_validate->setEnabled(m_model->canValidate());
    m_validate->setToolTip(m_model->canValidate() ? QString() : tr("Validation needs both servers' connections (available for migrations started in this session)."));
    const S s = m_model->status();
    if (m_message->text().isEmpty() || m_message->text().startsWith(tr("Cutover blocked")))
        m_message->setText(can || s.isTerminal() ? QString() : tr("Cutover blocked: %1").arg(m_model->cutoverBlocker()));
}

void MigrationView::refreshTimeline()
{
    const auto &entries = m_model->timeline();
    while (m_timeline->count() > entries.size())
        delete m_timeline->takeItem(m_timeline->count() - 1);
    for (int i = m_timeline->count(); i < entries.size(); ++i)
        m_timeline->addItem(entries[i].time.toUTC().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + entries[i].text);
}

void MigrationView::refreshErrors()
{
    const auto errors = m_model->status().errors;
    if (errors.size() == m_errorsShown)
        return;
    m_errorsShown = int(errors.size());
    m_errors->setRowCount(int(errors.size()));
    for (int i = 0; i < errors.size(); ++i) {
        const auto &e = errors[i];
        QStringList where;
        if (!e.database.isEmpty())
            where << e.database;
        if (!e.table.isEmpty())
            where << e.table;
        const QStringList cells = {e.time.isValid() ? e.time.toUTC().toString(QStringLiteral("HH:mm:ss")) : QString(), where.join(QLatin1Char('/')), e.message,
                                   e.code, e.requestId};
        for (int c = 0; c < cells.size(); ++c)
            m_errors->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    const int tab = m_tabs->indexOf(m_errors->parentWidget());
    m_tabs->setTabText(tab, errors.isEmpty() ? tr("Errors") : tr("Errors (%1)").arg(errors.size()));
}

QString MigrationView::errorClipboardText(int row) const
{
    const auto errors = m_model->status().errors;
    if (row < 0 || row >= errors.size())
        return {};
    return MigrationViewModel::errorText(errors[row]);
}

void MigrationView::refreshValidation()
{
    refreshButtons();
    if (m_model->isValidating())
        m_message->setText(tr("Validating…"));
    else if (!m_model->validationError().isEmpty())
        m_message->setText(tr("Validation failed: %1").arg(m_model->validationError()));
    else if (m_model->validatedAt().isValid()) {
        int tables = 0, differing = 0;
        for (const auto &d : m_model->validation()) {
            tables += int(d.tables.size());
            differing += d.differingTables();
        }
        m_message->setText(differing == 0 ? tr("Validation: all %1 tables equal.").arg(tables)
                                          : tr("Validation: %1 of %2 tables differ (red in the Tables tab).").arg(differing).arg(tables));
        m_tabs->setCurrentWidget(m_tableView);
    }
}

} // namespace fm::dashboard

namespace fm::dashboard {

bool MigrationView::isChecklistShown() const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(m_checklistPage));
}

void MigrationView::refreshChecklist()
{
    const auto &list = m_model->checklist();
    const int tab = m_tabs->indexOf(m_checklistPage);
    m_tabs->setTabVisible(tab, list.has_value());
    m_verifyChecklist->setEnabled(m_model->canVerifyChecklist());
    m_verifyChecklist->setToolTip(m_model->canVerifyChecklist() || m_model->isVerifyingChecklist()
                                      ? QString()
                                      : tr("Verifying needs both servers' connections (available for migrations started in this session)."));
    if (!list)
        return;
    m_fillingChecklist = true;
    m_checklist->clear();
    for (const auto &i : list->items()) {
        // The engine's words (like its errors, not translated), with what the last check found.
        auto *item = new QListWidgetItem(i.result.isEmpty() ? i.title : i.title + QStringLiteral(" — ") + i.result, m_checklist);
        item->setToolTip(i.detail);
        item->setData(Qt::UserRole, int(i.id));
        item->setData(Qt::UserRole + 1, i.key);
        item->setFlags(i.manual ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(i.verified ? Qt::Checked : Qt::Unchecked);
    }
    m_fillingChecklist = false;
    m_tabs->setTabText(tab, tr("Checklist (%1/%2)").arg(list->verifiedCount()).arg(list->items().size()));
    if (m_model->isVerifyingChecklist())
        m_message->setText(tr("Verifying the checklist…"));
    else if (m_checklistWasVerifying)
        m_message->setText(m_model->checklistError().isEmpty()
                               ? tr("Checklist: %1 of %2 items verified.").arg(list->verifiedCount()).arg(list->items().size())
                               : tr("Checklist check failed: %1").arg(m_model->checklistError()));
    m_checklistWasVerifying = m_model->isVerifyingChecklist();
}

} // namespace fm::dashboard
