// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/aadapppage.h"

#include "engine/auth/secretstore.h"
#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/aadapppagemodel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

AadAppPage::AadAppPage(AadAppPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    setTitle(tr("AAD app"));
    setSubTitle(tr("The app registration FlexMigrate acts as. It needs the Contributor role on the source server, "
                   "the target server and the target's resource group."));

    m_tenant = new QLineEdit(this);
    m_tenant->setAccessibleName(tr("Tenant id"));
    m_tenant->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_tenantMessage = makeMessageLabel(this, tr("Tenant id problem"));
    m_client = new QLineEdit(this);
    m_client->setAccessibleName(tr("Client id"));
    m_client->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_clientMessage = makeMessageLabel(this, tr("Client id problem"));
    m_secret = new QLineEdit(this);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setPlaceholderText(tr("client secret (never shown, never saved in drafts)"));
    m_keychain = new QCheckBox(tr("Save the secret in the system &keychain after it is verified"), this);
    m_keychain->setAccessibleName(tr("Save the secret to the keychain"));
    if (!auth::SecretStore::isAvailable()) {
        m_keychain->setEnabled(false);
        m_keychain->setToolTip(tr("No system keychain is available on this machine."));
    }
    m_azureCli = new QCheckBox(tr("Use the signed-in &Azure CLI account instead of an app secret"), this);
    m_azureCli->setAccessibleName(tr("Use the Azure CLI account"));
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setAccessibleName(tr("Verify the AAD app"));
    m_status = makeMessageLabel(this, tr("Verification result"));
    m_scopes = new QTreeWidget(this);
    m_scopes->setAccessibleName(tr("Contributor role per scope"));
    m_scopes->setHeaderLabels({tr("Scope"), tr("Contributor")});
    m_scopes->setRootIsDecorated(false);
    m_scopes->setWordWrap(true);
    m_scopes->header()->setSectionResizeMode(1, QHeaderView::Stretch);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Tenant id:"), m_tenant, this), m_tenant);
    form->addRow(QString(), m_tenantMessage);
    form->addRow(buddyLabel(tr("&Client id:"), m_client, this), m_client);
    form->addRow(QString(), m_clientMessage);
    form->addRow(buddyLabel(tr("Client s&ecret:"), m_secret, this), m_secret);
    form->addRow(QString(), m_keychain);
    form->addRow(QString(), m_azureCli);
    auto *row = new QHBoxLayout;
    row->addWidget(m_verify);
    row->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(row);
    layout->addWidget(buddyLabel(tr("Contributor role per sc&ope:"), m_scopes, this));
    layout->addWidget(m_scopes, 1);

    setTabOrder(m_tenant, m_client);
    setTabOrder(m_client, m_secret);
    setTabOrder(m_secret, m_keychain);
    setTabOrder(m_keychain, m_azureCli);
    setTabOrder(m_azureCli, m_verify);
    setTabOrder(m_verify, m_scopes);

    connect(m_tenant, &QLineEdit::textEdited, model, &AadAppPageModel::setTenantId);
    connect(m_client, &QLineEdit::textEdited, model, &AadAppPageModel::setClientId);
    // The widget holds what is typed; the model only ever gets it as a Secret.
    connect(m_secret, &QLineEdit::textEdited, this, [this](const QString &t) { m_model->setSecret(Secret(t)); });
    connect(m_keychain, &QCheckBox::toggled, model, &AadAppPageModel::setSaveToKeychain);
    connect(m_azureCli, &QCheckBox::toggled, model, &AadAppPageModel::setUseAzureCli);
    connect(m_verify, &QPushButton::clicked, model, &AadAppPageModel::verify);
    connect(model, &AadAppPageModel::changed, this, &AadAppPage::update);
    connect(model, &AadAppPageModel::busyChanged, this, &AadAppPage::update);
    connect(model, &AadAppPageModel::errorTextChanged, this, &AadAppPage::update);
    update();
}

void AadAppPage::initializePage()
{
    // What the model holds (typed earlier or from a draft); the secret stays in its edit.
    setTextQuietly(m_tenant, m_model->tenantId());
    setTextQuietly(m_client, m_model->clientId());
    {
        const QSignalBlocker a(m_azureCli), b(m_keychain);
        m_azureCli->setChecked(m_model->useAzureCli());
        m_keychain->setChecked(m_model->saveToKeychain());
    }
    update();
}

void AadAppPage::update()
{
    // Field errors only once something was typed: an empty form is not an error yet.
    showMessage(m_tenantMessage, m_tenant->text().isEmpty() ? QString() : m_model->tenantIdError());
    showMessage(m_clientMessage, m_client->text().isEmpty() || m_model->useAzureCli() ? QString() : m_model->clientIdError());
    m_client->setEnabled(!m_model->useAzureCli());
    m_secret->setEnabled(!m_model->useAzureCli());
    m_keychain->setEnabled(!m_model->useAzureCli() && auth::SecretStore::isAvailable());
    m_verify->setEnabled(!m_model->isBusy());
    m_verify->setText(m_model->isBusy() ? tr("Verifying…") : tr("&Verify"));

    if (m_model->isBusy())
        showMessage(m_status, tr("Getting a token and checking the role assignments…"), false);
    else if (!m_model->errorText().isEmpty())
        showMessage(m_status, m_model->errorText());
    else if (m_model->isVerified())
        showMessage(m_status, tr("✓ Verified."), false);
    else
        showMessage(m_status, m_model->inputError().isEmpty() ? tr("Press Verify to check the app.") : QString(), false);

    m_scopes->clear();
    for (const auto &c : m_model->scopeChecks()) {
        QString result;
        if (c.checked && c.ok)
            result = tr("✓ Contributor");
        else if (c.checked)
            result = tr("✗ %1").arg(c.missingText);
        else
            result = c.missingText.isEmpty() ? tr("checking…") : c.missingText;
        auto *item = new QTreeWidgetItem(m_scopes, {c.label, result});
        item->setToolTip(0, c.scope);
        item->setToolTip(1, result);
        if (c.checked)
            item->setForeground(1, c.ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xb0, 0x00, 0x20));
    }
    m_scopes->resizeColumnToContents(0);
    emit completeChanged();
}

bool AadAppPage::isComplete() const
{
    return m_model->isComplete();
}

} // namespace fm::ui
