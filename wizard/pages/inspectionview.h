// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace fm::ui {

class InspectViewModel;

/**
 * @brief Source/target URIs, an Inspect button, the source's databases (tick to
 * select) and the pre-flight checks with their fixes. A thin view over
 * InspectViewModel; the wizard's "Test connection" reuses the same view-model.
 */
class InspectionView : public QWidget
{
    Q_OBJECT
public:
    explicit InspectionView(InspectViewModel *model, QWidget *parent = nullptr);

    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *targetEdit() const { return m_target; }
    QPushButton *inspectButton() const { return m_inspect; }
    QTreeWidget *databaseTree() const { return m_databases; }
    QTreeWidget *checkTree() const { return m_checks; }

private:
    void showResults();
    void showReport();
    void onDatabaseItemChanged();

    InspectViewModel *m_model;
    QLineEdit *m_source;
    QLineEdit *m_target;
    QLineEdit *m_sourcePassword;
    QLineEdit *m_targetPassword;
    QComboBox *m_backend;
    QPushButton *m_inspect;
    QLabel *m_status;
    QLabel *m_servers;
    QTreeWidget *m_databases;
    QTreeWidget *m_checks;
    bool m_filling = false;
};

} // namespace fm::ui
