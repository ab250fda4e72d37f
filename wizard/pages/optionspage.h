// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace fm::ui {

class OptionsPageModel;

/**
 * @brief Options: migration name (validated as typed; for the service backend
 * its availability on the target is asked shortly after typing stops), set up
 * logical replication on the source (the note says it restarts the server),
 * overwrite target databases, start now or at a time (UTC), cutover mode and,
 * for the direct backend, copy jobs.
 */
class OptionsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit OptionsPage(OptionsPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *replicationCheck() const { return m_replication; }
    QCheckBox *overwriteCheck() const { return m_overwrite; }
    QRadioButton *startNowRadio() const { return m_startNow; }
    QRadioButton *startAtRadio() const { return m_startAt; }
    QDateTimeEdit *startTimeEdit() const { return m_startTime; }
    QComboBox *cutoverCombo() const { return m_cutover; }
    QSpinBox *jobsSpin() const { return m_jobs; }
    QLineEdit *dmsSubnetEdit() const { return m_dmsSubnet; }
    QLabel *nameMessage() const { return m_nameMessage; }

private:
    void load();
    void update();
    void applyStart();

    OptionsPageModel *m_model;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QTimer *m_nameCheck;
    QCheckBox *m_replication;
    QLabel *m_replicationNote;
    QCheckBox *m_overwrite;
    QRadioButton *m_startNow;
    QRadioButton *m_startAt;
    QDateTimeEdit *m_startTime;
    QLabel *m_startMessage;
    QComboBox *m_cutover;
    QLabel *m_jobsLabel;
    QSpinBox *m_jobs;
    QLabel *m_jobsMessage;
    QLabel *m_dmsSubnetLabel;
    QLineEdit *m_dmsSubnet;
    QLabel *m_dmsSubnetMessage;
};

} // namespace fm::ui
