// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/dashboard/signindialog.h"

#include "app/dashboard/azuresignin.h"
#include "engine/auth/identifiers.h"
#include "engine/auth/secretstore.h"
#include "wizard/pages/pagehelpers.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace fm::dashboard {

using namespace ui::pages;

SignInDialog::SignInDialog(AzureSignIn *signIn, QWidget *parent) : QDialog(parent), m_signIn(signIn)
{
    setWindowTitle(tr("Sign in to Azure"));
    if (auto a = signIn->suggestedAccount())
        m_account = *a;
    else
        m_account.profile = http::CloudProfile::azureCloud();

    auto *intro = new QLabel(tr("The service and DMS migrations in the list are followed through Azure Resource Manager. "
                                "Sign in as the app (or Azure CLI login) they were started with."),
                             this);
    intro->setWordWrap(true);
    auto *cloud = new QLabel(m_account.profile.name == QLatin1String("custom") ? tr("custom, ARM at %1").arg(m_account.profile.armEndpoint.toString())
                                                                          : m_account.profile.name,
                         this);
    cloud->setAccessibleName(tr("Cloud"));
    cloud->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tenant = new QLineEdit(m_account.tenantId, this);
    m_tenant->setAccessibleName(tr("Tenant id"));
    m_tenant->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_client = new QLineEdit(m_account.clientId, this);
    m_client->setAccessibleName(tr("Client id"));
    m_client->setPlaceholderText(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    m_secret = new QLineEdit(this);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setPlaceholderText(tr("client secret (kept in memory only unless saved below)"));
    m_cli = new QCheckBox(tr("Use the signed-in &Azure CLI account instead of an app secret"), this);
    m_cli->setAccessibleName(tr("Use the Azure CLI account"));
    m_cli->setChecked(m_account.useAzureCli);
    m_save = new QCheckBox(tr("Save the secret in the system &keychain once the sign-in worked"), this);
    m_save->setAccessibleName(tr("Save the secret to the keychain"));
    if (!auth::SecretStore::isAvailable())
        m_save->setToolTip(tr("No system keychain is available on this machine."));
    m_error = makeMessageLabel(this, tr("Sign-in problem"));
    m_busy = new QLabel(tr("Signing in…"), this);
    m_busy->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));

    auto *form = new QFormLayout;
    form->addRow(tr("Cloud:"), cloud);
    form->addRow(buddyLabel(tr("&Tenant id:"), m_tenant, this), m_tenant);
    form->addRow(buddyLabel(tr("&Client id:"), m_client, this), m_client);
    form->addRow(buddyLabel(tr("Client s&ecret:"), m_secret, this), m_secret);
    form->addRow(QString(), m_cli);
    form->addRow(QString(), m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);

    setMinimumWidth(560);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cli, &QCheckBox::toggled, this, &SignInDialog::updateEnabled);
    connect(signIn, &AzureSignIn::busyChanged, this, &SignInDialog::updateEnabled);
    if (m_account.useAzureCli || m_tenant->text().isEmpty())
        m_tenant->setFocus();
    else
        m_secret->setFocus();
    updateEnabled();
}

void SignInDialog::updateEnabled()
{
    const bool busy = m_signIn->isBusy();
    const bool cli = m_cli->isChecked();
    m_client->setEnabled(!busy && !cli);
    m_secret->setEnabled(!busy && !cli);
    m_save->setEnabled(!busy && !cli && auth::SecretStore::isAvailable());
    m_tenant->setEnabled(!busy);
    m_cli->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_busy->setVisible(busy);
}

void SignInDialog::showError(const QString &text)
{
    showMessage(m_error, text);
    // A wrapped message needs more height than the dialog had: grow with it rather than squeeze the form.
    adjustSize();
}

void SignInDialog::submit()
{
    migration::AzureAccount account = m_account;
    account.useAzureCli = m_cli->isChecked();
    // The Azure CLI may use its own default tenant: an empty tenant is fine there.
    if (!account.useAzureCli || !m_tenant->text().trimmed().isEmpty()) {
        auto tenant = auth::validateTenantId(m_tenant->text());
        if (!tenant)
            return showError(tenant.error().toDisplayString());
        account.tenantId = *tenant;
    } else {
        account.tenantId.clear();
    }
    if (!account.useAzureCli) {
        auto client = auth::validateClientId(m_client->text());
        if (!client)
            return showError(client.error().toDisplayString());
        account.clientId = *client;
    }
    showError({});
    QPointer<SignInDialog> self(this);
    // The widget holds what is typed; the sign-in only ever gets it as a Secret.
    m_signIn->signIn(account, Secret(m_secret->text()), m_save->isChecked(), [self](Expected<void> r) {
        if (!self)
            return;
        if (!r)
            return self->showError(r.error().toDisplayString());
        self->m_secret->clear();
        self->accept();
    });
}

} // namespace fm::dashboard
