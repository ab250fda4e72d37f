// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fm::ui {

class ReviewPageModel;

/**
 * @brief Review: exactly the plan that will run (ReviewPageModel::reviewText:
 * summary, properties file with secret placeholders, the equivalent az command
 * line), export of the properties file, copy of the command, and the problems
 * that still block "Create". The wizard's Create button (Finish) starts it.
 */
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(ReviewPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    /** While the migration is being created: the page is locked and says so. */
    void setCreating(bool creating);
    /** Create failed: the reason inline, the page usable again. */
    void showCreateError(const QString &message);
    /** The Contributor check per scope (Azure backends), as the wizard reports it; empty hides it. */
    void setPermissions(const QString &text, bool problem);
    /** Writes the properties file (what the Export button does after its dialog); false with the message shown. */
    bool exportTo(const QString &path);

    QPlainTextEdit *planView() const { return m_plan; }
    QComboBox *formatCombo() const { return m_format; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *copyCommandButton() const { return m_copy; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *permissionsLabel() const { return m_permissions; }

private:
    void update();
    void chooseExport();

    ReviewPageModel *m_model;
    QPlainTextEdit *m_plan;
    QComboBox *m_format;
    QPushButton *m_export;
    QPushButton *m_copy;
    QLabel *m_status;
    QLabel *m_permissions;
    bool m_creating = false;
};

} // namespace fm::ui
