// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/databasespage.h"

#include "engine/core/format.h"
#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/databasespagemodel.h"

#include <QCheckBox>
#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

namespace {
enum Column { Name, Size, Tables, OnTarget, Warnings };
}

DatabasesPage::DatabasesPage(DatabasesPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    setTitle(tr("Databases"));

    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Source databases"));
    m_tree->setHeaderLabels({tr("Database"), tr("Size"), tr("Tables"), tr("On target"), tr("Warnings")});
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(Warnings, QHeaderView::Stretch);
    auto *label = buddyLabel(tr("Se&lect the databases to migrate:"), m_tree, this);
    m_message = makeMessageLabel(this, tr("Selection message"));
    m_split = new QCheckBox(this);
    m_split->setAccessibleName(tr("Split into numbered migrations"));
    m_plan = new QLabel(this);
    m_plan->setWordWrap(true);
    m_plan->setAccessibleName(tr("Split plan"));
    m_overwrite = new QCheckBox(this);
    m_overwrite->setAccessibleName(tr("Confirm overwriting databases on the target"));
    m_reason = makeMessageLabel(this, tr("What is still missing"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_split);
    layout->addWidget(m_plan);
    layout->addWidget(m_overwrite);
    layout->addWidget(m_reason);
    setTabOrder(m_tree, m_split);
    setTabOrder(m_split, m_overwrite);

    connect(m_tree, &QTreeWidget::itemChanged, this, &DatabasesPage::onItemChanged);
    connect(m_split, &QCheckBox::toggled, model, &DatabasesPageModel::acceptSplit);
    connect(m_overwrite, &QCheckBox::toggled, model, &DatabasesPageModel::confirmOverwrite);
    connect(model, &DatabasesPageModel::changed, this, &DatabasesPage::rebuild);
    connect(model, &DatabasesPageModel::errorTextChanged, this, &DatabasesPage::update);
    rebuild();
}

void DatabasesPage::initializePage()
{
    m_model->refresh();
}

void DatabasesPage::rebuild()
{
    m_filling = true;
    const auto &rows = m_model->rows();
    // Same databases as shown: update the items in place. Never delete them here, since this also
    // runs from inside QTreeWidget::itemChanged (a refused ninth tick), where the item must survive.
    bool same = m_tree->topLevelItemCount() == rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = m_tree->topLevelItem(i)->text(Name) == rows[i].name;
    if (!same) {
        m_tree->clear();
        for (const auto &r : rows) {
            auto *item = new QTreeWidgetItem(m_tree, {r.name});
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
            item->setTextAlignment(Tables, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    for (int i = 0; i < rows.size(); ++i) {
        const auto &r = rows[i];
        auto *item = m_tree->topLevelItem(i);
        item->setText(Size, r.sizeBytes >= 0 ? formatBytes(r.sizeBytes) : QString());
        item->setText(Tables, QString::number(r.tables));
        item->setText(OnTarget, r.existsOnTarget ? tr("exists — would be overwritten") : QString());
        item->setText(Warnings, r.warnings.join(QLatin1Char('\n')));
        item->setToolTip(Warnings, r.warnings.join(QLatin1Char('\n')));
        item->setForeground(OnTarget, r.existsOnTarget ? QColor(0xe6, 0x51, 0x00) : m_tree->palette().text().color());
        item->setForeground(Warnings, r.warnings.isEmpty() ? m_tree->palette().text().color() : QColor(0xe6, 0x51, 0x00));
        const Qt::CheckState state = r.selected ? Qt::Checked : Qt::Unchecked;
        if (item->checkState(Name) != state || !item->data(Name, Qt::CheckStateRole).isValid())
            item->setCheckState(Name, state);
    }
    // Texts change in place too (the target's databases arrive after the source's).
    for (int c = Name; c < Warnings; ++c)
        m_tree->resizeColumnToContents(c);
    m_filling = false;
    update();
}

void DatabasesPage::update()
{
    const int max = m_model->maxDatabases();
    setSubTitle(max > 0 ? tr("An Azure migration takes up to %1 databases. Size, tables and pre-flight warnings come from the source.").arg(max)
                        : tr("Size, tables and pre-flight warnings come from the source."));
    showMessage(m_message, m_model->errorText());
    {
        const QSignalBlocker a(m_split), b(m_overwrite);
        m_split->setVisible(m_model->offerSplit() || m_model->splitAccepted());
        m_split->setText(tr("S&plit the selection into several numbered migrations, run one after another (at most %1 databases each)").arg(max));
        m_split->setChecked(m_model->splitAccepted());
        const QStringList existing = m_model->overwriteNeeded();
        m_overwrite->setVisible(!existing.isEmpty());
        m_overwrite->setText(tr("&Overwrite these databases on the target (their current contents are dropped): %1").arg(existing.join(QStringLiteral(", "))));
        m_overwrite->setChecked(m_model->overwriteConfirmed());
    }
    QStringList plan;
    const auto parts = m_model->splitPlan();
    if (m_model->splitAccepted() && parts.size() > 1)
        for (const auto &p : parts)
            plan << tr("%1: %2").arg(p.name, p.databases.join(QStringLiteral(", ")));
    m_plan->setText(plan.join(QLatin1Char('\n')));
    m_plan->setVisible(!plan.isEmpty());
    // The reason Next is disabled, once there is something to choose from.
    showMessage(m_reason, m_model->incompleteReason(), !m_model->rows().isEmpty());
    emit completeChanged();
}

void DatabasesPage::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling || column != Name)
        return;
    // A refused tick (the ninth) is undone in place: the model did not take it.
    if (!m_model->setSelected(item->text(Name), item->checkState(Name) == Qt::Checked))
        rebuild();
}

bool DatabasesPage::setChecked(const QString &database, bool checked)
{
    const auto items = m_tree->findItems(database, Qt::MatchExactly, Name);
    if (items.isEmpty())
        return false;
    items.first()->setCheckState(Name, checked ? Qt::Checked : Qt::Unchecked);
    return items.first()->checkState(Name) == (checked ? Qt::Checked : Qt::Unchecked) && m_model->selected().contains(database) == checked;
}

bool DatabasesPage::isComplete() const
{
    return m_model->isComplete();
}

} // namespace fm::ui
