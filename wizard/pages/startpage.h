// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace fm::ui {

class StartPageModel;

/**
 * @brief Start: backend (service recommended, DMS, direct), cloud profile
 * (known clouds or custom endpoints such as the emulator) and "Open a saved
 * draft". A thin view over StartPageModel (issue 6).
 */
class StartPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit StartPage(StartPageModel *model, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    /** Opens `path` as a draft (what the file dialog calls); false with the message shown inline. */
    bool openDraft(const QString &path);

    QComboBox *backendCombo() const { return m_backend; }
    QComboBox *cloudCombo() const { return m_cloud; }
    QLineEdit *armEndpointEdit() const { return m_armEndpoint; }
    QLineEdit *authorityHostEdit() const { return m_authorityHost; }
    QLineEdit *audienceEdit() const { return m_audience; }
    QPushButton *openDraftButton() const { return m_openDraft; }
    QLabel *draftMessage() const { return m_draftMessage; }

signals:
    /** A draft was opened: the other pages reload what it holds. */
    void draftOpened(const QString &path);

private:
    void load();
    void update();
    void chooseDraft();

    StartPageModel *m_model;
    QComboBox *m_backend;
    QLabel *m_backendNote;
    QComboBox *m_cloud;
    QWidget *m_custom;
    QLineEdit *m_armEndpoint;
    QLineEdit *m_authorityHost;
    QLineEdit *m_audience;
    QLabel *m_cloudMessage;
    QPushButton *m_openDraft;
    QLabel *m_draftMessage;
};

} // namespace fm::ui
