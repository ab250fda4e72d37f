// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/startpage.h"

#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/startpagemodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

namespace {

QString backendNote(migration::Backend b)
{
    switch (b) {
    case migration::Backend::Service:
        return StartPage::tr("Azure's migration service moves the data in the cloud (the Single Server to Flexible Server path). "
                             "Needs an AAD app with Contributor on both servers.");
    case migration::Backend::Dms:
        return StartPage::tr("FlexMigrate orchestrates an Azure Database Migration Service instance; per-table progress from its task output.");
    case migration::Backend::Direct:
        return StartPage::tr("FlexMigrate moves the data itself from this workstation with logical replication: any PostgreSQL to any PostgreSQL. "
                             "No Azure account needed.");
    }
    return {};
}

} // namespace

StartPage::StartPage(StartPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    setTitle(tr("Start"));
    setSubTitle(tr("Choose who moves the data and which cloud the servers are in, or open a saved draft."));

    m_backend = new QComboBox(this);
    m_backend->setAccessibleName(tr("Backend"));
    for (auto b : StartPageModel::backends())
        m_backend->addItem(StartPageModel::backendLabel(b), int(b));
    m_backendNote = new QLabel(this);
    m_backendNote->setWordWrap(true);
    m_backendNote->setAccessibleName(tr("About the backend"));

    m_cloud = new QComboBox(this);
    m_cloud->setAccessibleName(tr("Cloud"));
    for (const auto &n : StartPageModel::cloudNames())
        m_cloud->addItem(n == QLatin1String("custom") ? tr("Custom endpoints (e.g. the local emulator)") : n, n);

    m_custom = new QGroupBox(tr("Custom cloud endpoints"), this);
    m_armEndpoint = new QLineEdit(m_custom);
    m_armEndpoint->setAccessibleName(tr("Resource Manager endpoint"));
    m_armEndpoint->setPlaceholderText(QStringLiteral("http://127.0.0.1:PORT"));
    m_authorityHost = new QLineEdit(m_custom);
    m_authorityHost->setAccessibleName(tr("Authority host"));
    m_authorityHost->setPlaceholderText(QStringLiteral("http://127.0.0.1:PORT"));
    m_audience = new QLineEdit(m_custom);
    m_audience->setAccessibleName(tr("Resource Manager audience"));
    m_audience->setPlaceholderText(QStringLiteral("https://management.azure.com/"));
    auto *customForm = new QFormLayout(m_custom);
    customForm->addRow(buddyLabel(tr("&Resource Manager endpoint:"), m_armEndpoint, m_custom), m_armEndpoint);
    customForm->addRow(buddyLabel(tr("A&uthority host:"), m_authorityHost, m_custom), m_authorityHost);
    customForm->addRow(buddyLabel(tr("Au&dience:"), m_audience, m_custom), m_audience);
    m_cloudMessage = makeMessageLabel(m_custom, tr("Cloud endpoint problem"));
    customForm->addRow(m_cloudMessage);

    m_openDraft = new QPushButton(tr("&Open a saved draft…"), this);
    m_openDraft->setAccessibleName(tr("Open a saved draft"));
    m_draftMessage = makeMessageLabel(this, tr("Draft message"));

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("Back&end:"), m_backend, this), m_backend);
    form->addRow(QString(), m_backendNote);
    form->addRow(buddyLabel(tr("C&loud:"), m_cloud, this), m_cloud);
    auto *draftRow = new QHBoxLayout;
    draftRow->addWidget(m_openDraft);
    draftRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_custom);
    layout->addStretch();
    layout->addLayout(draftRow);
    layout->addWidget(m_draftMessage);

    setTabOrder(m_backend, m_cloud);
    setTabOrder(m_cloud, m_armEndpoint);
    setTabOrder(m_armEndpoint, m_authorityHost);
    setTabOrder(m_authorityHost, m_audience);
    setTabOrder(m_audience, m_openDraft);

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setBackend(migration::Backend(m_backend->currentData().toInt()));
    });
    connect(m_cloud, &QComboBox::currentIndexChanged, this, [this] { m_model->setCloudName(m_cloud->currentData().toString()); });
    connect(m_armEndpoint, &QLineEdit::textEdited, model, &StartPageModel::setArmEndpoint);
    connect(m_authorityHost, &QLineEdit::textEdited, model, &StartPageModel::setAuthorityHost);
    connect(m_audience, &QLineEdit::textEdited, model, &StartPageModel::setAudience);
    connect(m_openDraft, &QPushButton::clicked, this, &StartPage::chooseDraft);
    connect(model, &StartPageModel::changed, this, &StartPage::update);
    connect(model, &StartPageModel::errorTextChanged, this, [this](const QString &t) { showMessage(m_draftMessage, t); });
    load();
}

void StartPage::initializePage()
{
    load();
}

void StartPage::load()
{
    {
        const QSignalBlocker a(m_backend), b(m_cloud);
        m_backend->setCurrentIndex(m_backend->findData(int(m_model->backend())));
        m_cloud->setCurrentIndex(m_cloud->findData(m_model->cloudName()));
    }
    setTextQuietly(m_armEndpoint, m_model->armEndpoint());
    setTextQuietly(m_authorityHost, m_model->authorityHost());
    setTextQuietly(m_audience, m_model->audience());
    update();
}

void StartPage::update()
{
    {
        const QSignalBlocker a(m_backend), b(m_cloud);
        m_backend->setCurrentIndex(m_backend->findData(int(m_model->backend())));
        m_cloud->setCurrentIndex(m_cloud->findData(m_model->cloudName()));
    }
    m_backendNote->setText(backendNote(m_model->backend()));
    // The cloud only matters to the Azure backends.
    const bool azure = m_model->backend() != migration::Backend::Direct;
    m_cloud->setEnabled(azure);
    m_custom->setVisible(azure && m_model->cloudName() == QLatin1String("custom"));
    showMessage(m_cloudMessage, m_model->cloudError());
    emit completeChanged();
}

bool StartPage::isComplete() const
{
    return m_model->backend() == migration::Backend::Direct || m_model->isComplete();
}

bool StartPage::openDraft(const QString &path)
{
    if (!m_model->openDraft(path))
        return false;
    load();
    showMessage(m_draftMessage, tr("Opened the draft %1. Passwords and secrets are never saved in drafts: enter them again.").arg(QFileInfo(path).fileName()),
                false);
    emit draftOpened(path);
    return true;
}

void StartPage::chooseDraft()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a saved draft"), QString(), tr("FlexMigrate drafts (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDraft(path);
}

} // namespace fm::ui
