// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fm::ui {

class DatabasesPageModel;

/**
 * @brief Databases: the source's databases with size, tables, whether they
 * exist on the target and their pre-flight warnings. Tick up to eight for the
 * Azure backends: the ninth is refused with the model's message and the split
 * into numbered migrations is offered; databases that exist on the target need
 * the explicit overwrite confirmation.
 */
class DatabasesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DatabasesPage(DatabasesPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QTreeWidget *databaseTree() const { return m_tree; }
    QCheckBox *splitCheck() const { return m_split; }
    QCheckBox *overwriteCheck() const { return m_overwrite; }
    QLabel *messageLabel() const { return m_message; }
    /** Ticks or clears a database as a click would (tests). */
    bool setChecked(const QString &database, bool checked);

private:
    void rebuild();
    void update();
    void onItemChanged(QTreeWidgetItem *item, int column);

    DatabasesPageModel *m_model;
    QTreeWidget *m_tree;
    QLabel *m_message;
    QCheckBox *m_split;
    QLabel *m_plan;
    QCheckBox *m_overwrite;
    QLabel *m_reason;
    bool m_filling = false;
};

} // namespace fm::ui
