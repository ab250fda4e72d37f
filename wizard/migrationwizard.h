// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/migration/migrationbackend.h"
#include "engine/migration/migrationspec.h"

#include <QStringList>
#include <QWizard>

#include <functional>

class QNetworkAccessManager;

namespace fm::ui {

class WizardModel;
class StartPageModel;
class AadAppPageModel;
class ServerPageModel;
class DatabasesPageModel;
class OptionsPageModel;
class ReviewPageModel;
class StartPage;
class AadAppPage;
class ServerPage;
class DatabasesPage;
class OptionsPage;
class ReviewPage;

/**
 * @brief The migration wizard (issue 6): Start → AAD app → Source → Target →
 * Databases → Options → Review. The direct backend skips the AAD app page.
 * Pages are thin views over the view-models in wizard/viewmodels, which share
 * one WizardModel.
 *
 * The wizard never knows who runs migrations: the composition root injects a
 * Starter (app: MigrationManager::create). "Create" (the Finish button) calls
 * it with the spec and the secrets typed on the pages; on success the wizard
 * emits migrationsCreated(ids) and closes, on failure the review page says why
 * and stays open.
 *
 * "Save draft…" (a wizard button on every page) writes the spec without any
 * secret; the start page opens one.
 */
class MigrationWizard : public QWizard
{
    Q_OBJECT
public:
    using Starter = std::function<void(const migration::MigrationSpec &spec, migration::StartCredentials credentials,
                                       std::function<void(Expected<QStringList>)> done)>;

    enum PageId { StartPageId, AadAppPageId, SourcePageId, TargetPageId, DatabasesPageId, OptionsPageId, ReviewPageId };

    /** `nam` must outlive the wizard. */
    MigrationWizard(QNetworkAccessManager *nam, Starter starter, QWidget *parent = nullptr);
    ~MigrationWizard() override;

    int nextId() const override;
    void accept() override;

    /**
     * Pre-fills from FLEXMIGRATE_WIZARD_* environment variables (scripts/demo.sh:
     * the emulator profile, a draft, the AAD app and the server passwords) so a
     * newcomer only clicks through. Unset variables change nothing. The
     * constructor calls it, so it applies however the app opens the wizard.
     * Variables: _BACKEND (service|dms|direct), _ARM_ENDPOINT, _AUTHORITY_HOST,
     * _AUDIENCE (custom cloud), _DRAFT (path), _TENANT_ID, _CLIENT_ID,
     * _CLIENT_SECRET, _SOURCE_PASSWORD, _TARGET_PASSWORD.
     */
    void prefillFromEnvironment();

    /** Writes the current spec as a draft (no secrets: passwords are references, MigrationSpec::toDraft). */
    Expected<void> saveDraft(const QString &path) const;

    WizardModel *model() const { return m_model; }
    StartPage *startPage() const { return m_startPage; }
    AadAppPage *aadAppPage() const { return m_aadPage; }
    ServerPage *sourcePage() const { return m_sourcePage; }
    ServerPage *targetPage() const { return m_targetPage; }
    DatabasesPage *databasesPage() const { return m_databasesPage; }
    OptionsPage *optionsPage() const { return m_optionsPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }

signals:
    /** Create succeeded: the ids of the local migration records (a split selection gives several). */
    void migrationsCreated(const QStringList &ids);

private:
    void chooseDraftToSave();
    /** The AAD page verified before the servers were entered: the review page shows the per-scope check done now. */
    void updatePermissions();

    WizardModel *m_model;
    StartPageModel *m_startModel;
    AadAppPageModel *m_aadModel;
    ServerPageModel *m_sourceModel;
    ServerPageModel *m_targetModel;
    DatabasesPageModel *m_databasesModel;
    OptionsPageModel *m_optionsModel;
    ReviewPageModel *m_reviewModel;
    StartPage *m_startPage;
    AadAppPage *m_aadPage;
    ServerPage *m_sourcePage;
    ServerPage *m_targetPage;
    DatabasesPage *m_databasesPage;
    OptionsPage *m_optionsPage;
    ReviewPage *m_reviewPage;
    Starter m_starter;
    bool m_creating = false;
    /** Replies of a Create whose wizard was closed are dropped. */
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace fm::ui
