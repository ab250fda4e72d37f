// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/inspectionview.h"
#include "engine/core/format.h"

#include "wizard/viewmodels/inspectviewmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fm::ui {

namespace {

QString serverLine(const pg::ServerInfo &s)
{
    return QStringLiteral("%1 — PostgreSQL %2, wal_level=%3, slots %4/%5, WAL senders %6/%7")
        .arg(s.displayName, s.version, s.walLevel)
        .arg(s.slotsUsed)
        .arg(s.maxReplicationSlots)
        .arg(s.walSendersUsed)
        .arg(s.maxWalSenders);
}
} // namespace

InspectionView::InspectionView(InspectViewModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    // A password typed into a URI moves to its own masked field, so the URI can be shown in clear.
    const auto [sourceUri, sourcePassword] = InspectViewModel::splitPassword(model->sourceUri());
    const auto [targetUri, targetPassword] = InspectViewModel::splitPassword(model->targetUri());
    m_source = new QLineEdit(sourceUri, this);
    m_source->setPlaceholderText(tr("postgresql://admin@source-host:5432/postgres?sslmode=require"));
    m_source->setAccessibleName(tr("Source connection URI"));
    m_sourcePassword = new QLineEdit(sourcePassword, this);
    m_sourcePassword->setEchoMode(QLineEdit::Password);
    m_sourcePassword->setPlaceholderText(tr("password"));
    m_sourcePassword->setAccessibleName(tr("Source password"));
    m_target = new QLineEdit(targetUri, this);
    m_target->setPlaceholderText(tr("postgresql://admin@target-host:5432/postgres?sslmode=require (optional)"));
    m_target->setAccessibleName(tr("Target connection URI"));
    m_targetPassword = new QLineEdit(targetPassword, this);
    m_targetPassword->setEchoMode(QLineEdit::Password);
    m_targetPassword->setPlaceholderText(tr("password"));
    m_targetPassword->setAccessibleName(tr("Target password"));
    model->setSourceUri(sourceUri);
    model->setSourcePassword(sourcePassword);
    model->setTargetUri(targetUri);
    model->setTargetPassword(targetPassword);
    m_backend = new QComboBox(this);
    m_backend->setAccessibleName(tr("Backend"));
    m_backend->addItem(tr("Direct from this workstation"), int(pg::BackendKind::Direct));
    m_backend->addItem(tr("Azure migration service"), int(pg::BackendKind::Service));
    m_backend->addItem(tr("Azure DMS"), int(pg::BackendKind::Dms));
    m_inspect = new QPushButton(tr("&Inspect"), this);
    m_inspect->setAccessibleName(tr("Inspect servers"));
    m_inspect->setDefault(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_servers = new QLabel(this);
    m_servers->setWordWrap(true);
    m_servers->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto pair = [this](QLineEdit *uri, QLineEdit *password) {
        auto *row = new QHBoxLayout;
        row->addWidget(uri, 4);
        row->addWidget(password, 1);
        return row;
    };
    auto *form = new QFormLayout;
    auto *sourceLabel = new QLabel(tr("&Source:"), this);
    sourceLabel->setBuddy(m_source);
    form->addRow(sourceLabel, pair(m_source, m_sourcePassword));
    auto *targetLabel = new QLabel(tr("&Target:"), this);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, pair(m_target, m_targetPassword));
    auto *row = new QHBoxLayout;
    row->addWidget(m_backend);
    row->addStretch();
    row->addWidget(m_inspect);
    auto *backendLabel = new QLabel(tr("&Backend:"), this);
    backendLabel->setBuddy(m_backend);
    form->addRow(backendLabel, row);

    m_databases = new QTreeWidget(this);
    m_databases->setAccessibleName(tr("Source databases"));
    m_databases->setHeaderLabels({tr("Database"), tr("Size"), tr("Tables"), tr("Rows (est.)"), tr("Notes")});
    m_databases->setRootIsDecorated(false);
    m_checks = new QTreeWidget(this);
    m_checks->setAccessibleName(tr("Pre-flight checks"));
    m_checks->setHeaderLabels({tr("Result"), tr("Check"), tr("Database"), tr("Detail")});
    m_checks->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_checks->setWordWrap(true);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_databases);
    split->addWidget(m_checks);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_servers);
    layout->addWidget(split, 1);

    connect(m_source, &QLineEdit::textChanged, model, &InspectViewModel::setSourceUri);
    connect(m_target, &QLineEdit::textChanged, model, &InspectViewModel::setTargetUri);
    connect(m_sourcePassword, &QLineEdit::textChanged, model, &InspectViewModel::setSourcePassword);
    connect(m_targetPassword, &QLineEdit::textChanged, model, &InspectViewModel::setTargetPassword);
    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setBackend(pg::BackendKind(m_backend->currentData().toInt()));
    });
    connect(m_inspect, &QPushButton::clicked, model, &InspectViewModel::inspect);
    connect(model, &InspectViewModel::busyChanged, this, [this](bool busy) {
        m_inspect->setEnabled(!busy);
        if (busy)
            m_status->setText(tr("Inspecting…"));
    });
    connect(model, &InspectViewModel::inspected, this, &InspectionView::showResults);
    connect(model, &InspectViewModel::reportChanged, this, &InspectionView::showReport);
    connect(m_databases, &QTreeWidget::itemChanged, this, &InspectionView::onDatabaseItemChanged);
}

void InspectionView::showResults()
{
    m_filling = true;
    m_databases->clear();
    QStringList lines;
    if (m_model->source())
        lines << tr("Source: %1").arg(serverLine(*m_model->source()));
    if (m_model->target())
        lines << tr("Target: %1").arg(serverLine(*m_model->target()));
    m_servers->setText(lines.join(QLatin1Char('\n')));
    if (m_model->source()) {
        QStringList selected = m_model->selectedDatabases();
        if (selected.isEmpty())
            selected = pg::defaultSelection(*m_model->source()); // what the report checks
        for (const auto &d : m_model->source()->databases) {
            QStringList notes;
            int noRi = 0;
            for (const auto &t : d.tables)
                noRi += (t.relkind != QLatin1Char('p') && !t.isUnlogged() && !t.hasUsableReplicaIdentity()) ? 1 : 0;
            if (noRi)
                notes << tr("%1 without primary key").arg(noRi);
            if (d.largeObjects)
                notes << tr("%1 large objects").arg(d.largeObjects);
            if (!d.materializedViews.isEmpty())
                notes << tr("%1 materialized views").arg(d.materializedViews.size());
            auto *item = new QTreeWidgetItem(m_databases, {d.name, formatBytes(d.sizeBytes), QString::number(d.tableCount()),
                                                            QString::number(d.estimatedRows()), notes.join(QStringLiteral("; "))});
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, selected.contains(d.name) ? Qt::Checked : Qt::Unchecked);
        }
        for (int c = 0; c < 4; ++c)
            m_databases->resizeColumnToContents(c);
    }
    m_filling = false;
    m_status->setText(m_model->errorText().isEmpty() ? QString() : m_model->errorText());
    m_status->setStyleSheet(m_model->errorText().isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    showReport();
}

void InspectionView::showReport()
{
    m_checks->clear();
    const auto &r = m_model->report();
    // Errors first, then warnings, info and passes; report order within each.
    QList<pg::CheckResult> ordered = r.checks;
    std::stable_sort(ordered.begin(), ordered.end(), [](const pg::CheckResult &a, const pg::CheckResult &b) { return int(a.severity) > int(b.severity); });
    for (const auto &c : ordered) {
        QString tag;
        QColor color;
        switch (c.severity) {
        case pg::Severity::Passed: tag = tr("✓ passed"); color = QColor(0x2e, 0x7d, 0x32); break;
        case pg::Severity::Info: tag = tr("ℹ info"); color = QColor(0x15, 0x65, 0xc0); break;
        case pg::Severity::Warning: tag = tr("⚠ warning"); color = QColor(0xe6, 0x51, 0x00); break;
        case pg::Severity::Error: tag = tr("✗ error"); color = QColor(0xb0, 0x00, 0x20); break;
        }
        auto *item = new QTreeWidgetItem(m_checks, {tag, c.title, c.database, c.detail});
        item->setForeground(0, color);
        item->setToolTip(1, c.id);
        if (!c.fix.isEmpty())
            new QTreeWidgetItem(item, {QString(), tr("Fix"), QString(), c.fix});
        for (const auto &sql : c.fixSql)
            new QTreeWidgetItem(item, {QString(), tr("SQL"), QString(), sql});
        if (c.severity == pg::Severity::Error || c.severity == pg::Severity::Warning)
            item->setExpanded(true);
    }
    m_checks->resizeColumnToContents(0);
    m_checks->resizeColumnToContents(1);
    if (m_model->source() && m_model->errorText().isEmpty())
        m_status->setText(r.canRun() ? tr("Pre-flight: %1 warning(s), no errors — the migration can run.").arg(r.count(pg::Severity::Warning))
                                     : tr("Pre-flight: %1 error(s) — fix them before migrating.").arg(r.count(pg::Severity::Error)));
}

void InspectionView::onDatabaseItemChanged()
{
    if (m_filling)
        return;
    QStringList selected;
    for (int i = 0; i < m_databases->topLevelItemCount(); ++i)
        if (m_databases->topLevelItem(i)->checkState(0) == Qt::Checked)
            selected << m_databases->topLevelItem(i)->text(0);
    m_model->setSelectedDatabases(selected);
}

} // namespace fm::ui
