// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "wizard/migrationwizard.h"

#include "wizard/pages/aadapppage.h"
#include "wizard/pages/databasespage.h"
#include "wizard/pages/optionspage.h"
#include "wizard/pages/reviewpage.h"
#include "wizard/pages/serverpage.h"
#include "wizard/pages/startpage.h"
#include "wizard/viewmodels/aadapppagemodel.h"
#include "wizard/viewmodels/databasespagemodel.h"
#include "wizard/viewmodels/optionspagemodel.h"
#include "wizard/viewmodels/reviewpagemodel.h"
#include "wizard/viewmodels/serverpagemodel.h"
#include "wizard/viewmodels/startpagemodel.h"
#include "wizard/viewmodels/wizardmodel.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace fm::ui {

MigrationWizard::MigrationWizard(QNetworkAccessManager *nam, Starter starter, QWidget *parent)
    : QWizard(parent), m_model(new WizardModel(nam, this)), m_starter(std::move(starter))
{
    setWindowTitle(tr("New migration"));
    setObjectName(QStringLiteral("migrationWizard"));
    m_startModel = new StartPageModel(m_model, this);
    m_aadModel = new AadAppPageModel(m_model, this);
    m_sourceModel = new ServerPageModel(m_model, ServerSide::Source, this);
    m_targetModel = new ServerPageModel(m_model, ServerSide::Target, this);
    m_databasesModel = new DatabasesPageModel(m_model, this);
    m_optionsModel = new OptionsPageModel(m_model, this);
    m_reviewModel = new ReviewPageModel(m_model, this);

    m_startPage = new StartPage(m_startModel, this);
    m_aadPage = new AadAppPage(m_aadModel, this);
    m_sourcePage = new ServerPage(m_sourceModel, this);
    m_targetPage = new ServerPage(m_targetModel, this);
    m_databasesPage = new DatabasesPage(m_databasesModel, this);
    m_optionsPage = new OptionsPage(m_optionsModel, this);
    m_reviewPage = new ReviewPage(m_reviewModel, this);
    setPage(StartPageId, m_startPage);
    setPage(AadAppPageId, m_aadPage);
    setPage(SourcePageId, m_sourcePage);
    setPage(TargetPageId, m_targetPage);
    setPage(DatabasesPageId, m_databasesPage);
    setPage(OptionsPageId, m_optionsPage);
    setPage(ReviewPageId, m_reviewPage);
    m_startPage->setObjectName(QStringLiteral("start"));
    m_aadPage->setObjectName(QStringLiteral("aad-app"));
    m_sourcePage->setObjectName(QStringLiteral("source"));
    m_targetPage->setObjectName(QStringLiteral("target"));
    m_databasesPage->setObjectName(QStringLiteral("databases"));
    m_optionsPage->setObjectName(QStringLiteral("options"));
    m_reviewPage->setObjectName(QStringLiteral("review"));

    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveCustomButton1, true);
    setButtonText(QWizard::CustomButton1, tr("&Save draft…"));
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setButtonLayout({QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton});
    button(QWizard::CustomButton1)->setAccessibleName(tr("Save draft"));
    button(QWizard::BackButton)->setAccessibleName(tr("Back"));
    button(QWizard::NextButton)->setAccessibleName(tr("Next"));
    button(QWizard::FinishButton)->setAccessibleName(tr("Create the migration"));
    button(QWizard::CancelButton)->setAccessibleName(tr("Cancel"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            chooseDraftToSave();
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ReviewPageId && m_model->isAzureBackend() && m_aadModel->isVerified() && m_aadModel->hasUncheckedScopes())
            m_aadModel->recheckScopes();
        updatePermissions();
    });
    connect(m_aadModel, &AadAppPageModel::changed, this, &MigrationWizard::updatePermissions);
    resize(900, 680);
    // However the composition root opens the wizard, the demo's pre-fill applies (nothing when unset).
    prefillFromEnvironment();
}

MigrationWizard::~MigrationWizard()
{
    *m_alive = false;
}

int MigrationWizard::nextId() const
{
    // The direct backend needs no Azure identity: Start goes straight to the source.
    if (currentId() == StartPageId)
        return m_model->isAzureBackend() ? AadAppPageId : SourcePageId;
    return QWizard::nextId();
}

void MigrationWizard::accept()
{
    if (m_creating)
        return;
    if (!m_reviewModel->isComplete()) {
        m_reviewPage->showCreateError(m_reviewModel->problems().join(QLatin1Char(' ')));
        return;
    }
    if (!m_starter) {
        m_reviewPage->showCreateError(tr("This window cannot start migrations (no backend is connected)."));
        return;
    }
    m_creating = true;
    m_reviewPage->setCreating(true);
    button(QWizard::BackButton)->setEnabled(false);
    migration::StartCredentials credentials;
    credentials.sourcePassword = m_model->sourcePassword;
    credentials.targetPassword = m_model->targetPassword;
    credentials.aadSecret = m_model->credentialInputs().secret;
    std::weak_ptr<bool> alive = m_alive;
    m_starter(m_model->spec(), std::move(credentials), [this, alive](Expected<QStringList> ids) {
        if (alive.expired())
            return;
        m_creating = false;
        button(QWizard::BackButton)->setEnabled(true);
        if (!ids) {
            m_reviewPage->showCreateError(ids.error().toDisplayString());
            return;
        }
        m_reviewPage->setCreating(false);
        emit migrationsCreated(*ids);
        QWizard::accept();
    });
}

Expected<void> MigrationWizard::saveDraft(const QString &path) const
{
    return m_model->spec().saveDraft(path);
}

void MigrationWizard::chooseDraftToSave()
{
    const QString name = m_model->spec().name.isEmpty() ? QStringLiteral("migration") : m_model->spec().name;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the draft"), name + QStringLiteral(".draft.json"),
                                                      tr("FlexMigrate drafts (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto r = saveDraft(path); !r)
        QMessageBox::warning(this, tr("Save draft"), r.error().toDisplayString());
}

void MigrationWizard::updatePermissions()
{
    if (!m_model->isAzureBackend() || m_aadModel->scopeChecks().isEmpty()) {
        m_reviewPage->setPermissions({}, false);
        return;
    }
    QStringList lines;
    bool problem = false;
    for (const auto &c : m_aadModel->scopeChecks()) {
        if (c.checked && c.ok) {
            lines << tr("✓ Contributor on %1").arg(c.label.toLower());
        } else if (c.checked) {
            lines << tr("✗ %1: %2").arg(c.label, c.missingText);
            problem = true;
        } else {
            lines << (m_aadModel->isBusy() ? tr("… %1: checking").arg(c.label) : tr("? %1: %2").arg(c.label, c.missingText));
        }
    }
    m_reviewPage->setPermissions(lines.join(QStringLiteral("   ")), problem);
}

void MigrationWizard::prefillFromEnvironment()
{
    auto env = [](const char *name) { return qEnvironmentVariable((QByteArrayLiteral("FLEXMIGRATE_WIZARD_") + name).constData()); };
    if (const QString b = env("BACKEND"); !b.isEmpty())
        if (auto backend = migration::backendFromName(b))
            m_startModel->setBackend(*backend);
    if (const QString arm = env("ARM_ENDPOINT"); !arm.isEmpty()) {
        m_startModel->setCloudName(QStringLiteral("custom"));
        m_startModel->setArmEndpoint(arm);
        const QString authority = env("AUTHORITY_HOST");
        m_startModel->setAuthorityHost(authority.isEmpty() ? arm : authority);
        const QString audience = env("AUDIENCE");
        m_startModel->setAudience(audience.isEmpty() ? QStringLiteral("https://management.azure.com/") : audience);
    }
    if (const QString draft = env("DRAFT"); !draft.isEmpty())
        m_startPage->openDraft(draft);
    if (const QString tenant = env("TENANT_ID"); !tenant.isEmpty())
        m_aadModel->setTenantId(tenant);
    if (const QString client = env("CLIENT_ID"); !client.isEmpty())
        m_aadModel->setClientId(client);
    // Secrets: put where typing would put them (the masked edits), and into the models as Secret.
    if (const QString secret = env("CLIENT_SECRET"); !secret.isEmpty()) {
        m_aadPage->secretEdit()->setText(secret);
        m_aadModel->setSecret(Secret(secret));
    }
    if (const QString pw = env("SOURCE_PASSWORD"); !pw.isEmpty()) {
        m_sourcePage->passwordEdit()->setText(pw);
        m_sourceModel->setPassword(Secret(pw));
    }
    if (const QString pw = env("TARGET_PASSWORD"); !pw.isEmpty()) {
        m_targetPage->passwordEdit()->setText(pw);
        m_targetModel->setPassword(Secret(pw));
    }
    m_startPage->initializePage();
}

} // namespace fm::ui
