// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/pages/serverpage.h"

#include "wizard/pages/pagehelpers.h"
#include "wizard/viewmodels/serverpagemodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fm::ui {

using namespace pages;

ServerPage::ServerPage(ServerPageModel *model, QWidget *parent) : QWizardPage(parent), m_model(model)
{
    const bool source = model->side() == ServerSide::Source;
    const QString side = source ? tr("Source") : tr("Target");
    setTitle(source ? tr("Source server") : tr("Target server"));

    // Azure: the three parts of the resource id, or the whole id pasted.
    m_azure = new QGroupBox(source ? tr("Azure Database for PostgreSQL Single Server") : tr("Azure Database for PostgreSQL Flexible Server"), this);
    m_resourceId = new QLineEdit(m_azure);
    m_resourceId->setAccessibleName(tr("%1 resource id").arg(side));
    m_resourceId->setPlaceholderText(source ? QStringLiteral("/subscriptions/…/resourceGroups/…/providers/Microsoft.DBforPostgreSQL/servers/…")
                                            : QStringLiteral("/subscriptions/…/resourceGroups/…/providers/Microsoft.DBforPostgreSQL/flexibleServers/…"));
    m_resourceIdMessage = makeMessageLabel(m_azure, tr("%1 resource id problem").arg(side));
    m_subscription = new QLineEdit(m_azure);
    m_subscription->setAccessibleName(tr("%1 subscription id").arg(side));
    m_subscriptionMessage = makeMessageLabel(m_azure, tr("%1 subscription id problem").arg(side));
    m_resourceGroup = new QLineEdit(m_azure);
    m_resourceGroup->setAccessibleName(tr("%1 resource group").arg(side));
    m_resourceGroupMessage = makeMessageLabel(m_azure, tr("%1 resource group problem").arg(side));
    m_serverName = new QLineEdit(m_azure);
    m_serverName->setAccessibleName(tr("%1 server name").arg(side));
    m_serverNameMessage = makeMessageLabel(m_azure, tr("%1 server name problem").arg(side));
    auto *azureForm = new QFormLayout(m_azure);
    azureForm->addRow(buddyLabel(tr("Paste a &resource id:"), m_resourceId, m_azure), m_resourceId);
    azureForm->addRow(QString(), m_resourceIdMessage);
    azureForm->addRow(buddyLabel(tr("Subscr&iption id:"), m_subscription, m_azure), m_subscription);
    azureForm->addRow(QString(), m_subscriptionMessage);
    azureForm->addRow(buddyLabel(tr("Resource &group:"), m_resourceGroup, m_azure), m_resourceGroup);
    azureForm->addRow(QString(), m_resourceGroupMessage);
    azureForm->addRow(buddyLabel(tr("Server na&me:"), m_serverName, m_azure), m_serverName);
    azureForm->addRow(QString(), m_serverNameMessage);

    // Direct: any PostgreSQL by URI or fields.
    m_direct = new QGroupBox(tr("Any PostgreSQL server"), this);
    m_uri = new QLineEdit(m_direct);
    m_uri->setAccessibleName(tr("%1 connection URI").arg(side));
    m_uri->setPlaceholderText(QStringLiteral("postgresql://admin@host:5432/postgres?sslmode=require"));
    m_uriMessage = makeMessageLabel(m_direct, tr("%1 connection URI problem").arg(side));
    m_host = new QLineEdit(m_direct);
    m_host->setAccessibleName(tr("%1 host").arg(side));
    m_port = new QSpinBox(m_direct);
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("%1 port").arg(side));
    m_database = new QLineEdit(m_direct);
    m_database->setAccessibleName(tr("%1 maintenance database").arg(side));
    auto *directForm = new QFormLayout(m_direct);
    directForm->addRow(buddyLabel(tr("Connection &URI:"), m_uri, m_direct), m_uri);
    directForm->addRow(QString(), m_uriMessage);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(buddyLabel(tr("&Port:"), m_port, m_direct));
    hostRow->addWidget(m_port);
    directForm->addRow(buddyLabel(tr("&Host:"), m_host, m_direct), hostRow);
    directForm->addRow(buddyLabel(tr("&Database:"), m_database, m_direct), m_database);

    m_user = new QLineEdit(this);
    m_user->setAccessibleName(tr("%1 admin user").arg(side));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("%1 admin password").arg(side));
    m_password->setPlaceholderText(tr("never saved in drafts or exports"));
    m_sslMode = new QComboBox(this);
    m_sslMode->setAccessibleName(tr("%1 TLS mode").arg(side));
    for (const auto &m : ServerPageModel::sslModes())
        m_sslMode->addItem(m.isEmpty() ? tr("default (verify-full for Azure hosts)") : m, m);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setAccessibleName(tr("Test the %1 connection").arg(side.toLower()));
    m_status = makeMessageLabel(this, tr("%1 connection result").arg(side));
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAccessibleName(tr("%1 server facts").arg(side));
    m_block = makeMessageLabel(this, tr("Why the target cannot be used"));
    m_checks = new QTreeWidget(this);
    m_checks->setAccessibleName(tr("%1 pre-flight checks").arg(side));
    m_checks->setHeaderLabels({tr("Result"), tr("Check"), tr("Database"), tr("Detail")});
    m_checks->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_checks->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("Admin us&er:"), m_user, this), m_user);
    form->addRow(buddyLabel(tr("Pass&word:"), m_password, this), m_password);
    form->addRow(buddyLabel(tr("T&LS mode:"), m_sslMode, this), m_sslMode);
    auto *checksLabel = buddyLabel(tr("Pre-flight chec&ks:"), m_checks, this);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_azure);
    layout->addWidget(m_direct);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_facts);
    layout->addWidget(m_block);
    layout->addWidget(checksLabel);
    layout->addWidget(m_checks, 1);

    setTabOrder(m_resourceId, m_subscription);
    setTabOrder(m_subscription, m_resourceGroup);
    setTabOrder(m_resourceGroup, m_serverName);
    setTabOrder(m_serverName, m_uri);
    setTabOrder(m_uri, m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_database);
    setTabOrder(m_database, m_user);
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_sslMode);
    setTabOrder(m_sslMode, m_test);
    setTabOrder(m_test, m_checks);

    connect(m_resourceId, &QLineEdit::textEdited, this, [this](const QString &t) {
        if (t.trimmed().isEmpty())
            return;
        if (m_model->setResourceId(t))
            load();
        else
            update();
    });
    connect(m_subscription, &QLineEdit::textEdited, model, &ServerPageModel::setSubscriptionId);
    connect(m_resourceGroup, &QLineEdit::textEdited, model, &ServerPageModel::setResourceGroup);
    connect(m_serverName, &QLineEdit::textEdited, model, &ServerPageModel::setServerName);
    connect(m_uri, &QLineEdit::textEdited, this, [this](const QString &t) {
        if (t.trimmed().isEmpty())
            return;
        const bool hadPassword = m_model->hasPassword();
        if (m_model->setConnectionUri(t)) {
            load();
            // A password in the URI moved to the model: say so rather than showing it.
            if (!hadPassword && m_model->hasPassword() && m_password->text().isEmpty())
                m_password->setPlaceholderText(tr("taken from the URI"));
        }
        update();
    });
    connect(m_host, &QLineEdit::textEdited, model, &ServerPageModel::setHost);
    connect(m_port, &QSpinBox::valueChanged, model, &ServerPageModel::setPort);
    connect(m_database, &QLineEdit::textEdited, model, &ServerPageModel::setDatabase);
    connect(m_user, &QLineEdit::textEdited, model, &ServerPageModel::setAdminUser);
    connect(m_password, &QLineEdit::textEdited, this, [this](const QString &t) { m_model->setPassword(Secret(t)); });
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, [this] { m_model->setSslMode(m_sslMode->currentData().toString()); });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (m_model->isBusy())
            m_model->cancel();
        else
            m_model->testConnection();
    });
    connect(model, &ServerPageModel::changed, this, &ServerPage::update);
    connect(model, &ServerPageModel::busyChanged, this, &ServerPage::update);
    connect(model, &ServerPageModel::errorTextChanged, this, &ServerPage::update);
    connect(model, &ServerPageModel::tested, this, &ServerPage::showResults);
    load();
}

void ServerPage::initializePage()
{
    load();
}

void ServerPage::load()
{
    // The model holds what was typed (Back keeps it) or what a draft brought; the password stays in its edit.
    setTextQuietly(m_subscription, m_model->subscriptionId());
    setTextQuietly(m_resourceGroup, m_model->resourceGroup());
    setTextQuietly(m_serverName, m_model->serverName());
    setTextQuietly(m_host, m_model->host());
    setTextQuietly(m_database, m_model->database());
    setTextQuietly(m_user, m_model->adminUser());
    {
        const QSignalBlocker a(m_port), b(m_sslMode);
        m_port->setValue(m_model->port());
        const int i = m_sslMode->findData(m_model->sslMode());
        m_sslMode->setCurrentIndex(i < 0 ? 0 : i);
    }
    update();
}

void ServerPage::update()
{
    const bool arm = m_model->usesArm();
    const bool source = m_model->side() == ServerSide::Source;
    setSubTitle(arm ? (source ? tr("The Single Server to migrate from. Name it by subscription, resource group and name, or paste its resource id.")
                              : tr("The Flexible Server to migrate to: same or newer PostgreSQL major version."))
                    : (source ? tr("The PostgreSQL server to migrate from: a connection URI or host and port.")
                              : tr("The PostgreSQL server to migrate to: a connection URI or host and port.")));
    m_azure->setVisible(arm);
    m_direct->setVisible(!arm);
    showMessage(m_resourceIdMessage, m_model->resourceIdError());
    showMessage(m_subscriptionMessage, m_model->subscriptionIdError());
    showMessage(m_resourceGroupMessage, m_model->resourceGroupError());
    showMessage(m_serverNameMessage, m_model->serverNameError());
    showMessage(m_uriMessage, m_model->connectionUriError());

    m_test->setText(m_model->isBusy() ? tr("Cancel tes&t") : tr("&Test connection"));
    if (m_model->isBusy())
        showMessage(m_status, arm ? tr("Looking the server up in Azure, then connecting…") : tr("Connecting…"), false);
    else if (!m_model->errorText().isEmpty())
        showMessage(m_status, m_model->errorText());
    else if (m_model->isTested())
        showMessage(m_status, tr("✓ Connected."), false);
    else
        showMessage(m_status, m_model->inputError(), false);
    showMessage(m_block, m_model->versionBlockReason());
    if (!m_model->isTested() && !m_model->isBusy()) {
        m_facts->clear();
        m_facts->setVisible(false);
        m_checks->clear();
    }
    emit completeChanged();
}

void ServerPage::showResults()
{
    QStringList lines;
    if (const auto &a = m_model->armFacts()) {
        lines << tr("Azure: %1 — PostgreSQL %2 in %3, tier %4, state %5").arg(a->name, a->version, a->location, a->skuTier, a->state);
        if (m_model->side() == ServerSide::Source)
            lines << tr("Replication support (azure.replication_support): %1%2")
                         .arg(a->replicationSupport.isEmpty() ? tr("unknown") : a->replicationSupport,
                              a->logicalReplicationPossible ? QString() : tr(" — the Basic tier cannot do logical replication"));
    }
    if (const auto &i = m_model->serverInfo()) {
        lines << tr("Connected: %1 — PostgreSQL %2, wal_level=%3, replication slots %4/%5, %6 databases")
                     .arg(i->displayName, i->version, i->walLevel)
                     .arg(i->slotsUsed)
                     .arg(i->maxReplicationSlots)
                     .arg(i->databases.size());
    }
    m_facts->setText(lines.join(QLatin1Char('\n')));
    m_facts->setVisible(!lines.isEmpty());
    fillPreflight(m_checks, m_model->preflight());
    update();
}

bool ServerPage::isComplete() const
{
    return m_model->isComplete();
}

} // namespace fm::ui
