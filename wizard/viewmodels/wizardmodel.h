// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"
#include "engine/http/cloudprofile.h"
#include "engine/http/httpclient.h"
#include "engine/http/tokencredential.h"
#include "engine/migration/migrationspec.h"
#include "engine/pg/inspection.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace fm::ui {

/** What a credential is made from: the AAD page's inputs (the secret only as Secret). */
struct CredentialInputs {
    QString tenantId;
    QString clientId;
    Secret secret;
    bool useAzureCli = false;
};

/**
 * Makes the TokenCredential for ARM calls. The default builds a
 * ClientSecretCredential (or AzureCliCredential); tests pass their own so
 * nothing leaves the process.
 */
using CredentialFactory = std::function<Expected<std::shared_ptr<http::TokenCredential>>(QNetworkAccessManager *nam, const http::CloudProfile &profile,
                                                                                         const CredentialInputs &inputs)>;

/**
 * @brief The state every wizard page shares (STYLE rule 9, after Nextcloud's
 * account wizard controller, split into per-page view-models): the
 * MigrationSpec being built, the cloud profile, the network access manager and
 * the credential made from the AAD app's inputs, plus what the pages learned
 * (inspected servers) and the secrets that never go into the spec.
 *
 * No widgets; the page view-models (startpagemodel.h, ...) read and write it.
 */
class WizardModel : public QObject
{
    Q_OBJECT
public:
    /** nam must outlive the model. */
    explicit WizardModel(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~WizardModel() override;

    static CredentialFactory defaultCredentialFactory();
    void setCredentialFactory(CredentialFactory factory);
    /** Options of the ARM HttpClient (tests fix retry delays); resets the client. */
    void setHttpOptions(http::HttpClient::Options options);

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    migration::MigrationSpec &spec() { return m_spec; }
    const migration::MigrationSpec &spec() const { return m_spec; }
    /** Replaces the whole spec (an opened draft); emits specReplaced(). */
    void setSpec(const migration::MigrationSpec &spec);
    bool isAzureBackend() const { return m_spec.backend != migration::Backend::Direct; }

    const http::CloudProfile &profile() const { return m_profile; }
    void setProfile(const http::CloudProfile &profile);

    /** The AAD inputs; a change drops the credential and the HTTP client made from the old ones. */
    const CredentialInputs &credentialInputs() const { return m_credentialInputs; }
    void setCredentialInputs(const CredentialInputs &inputs);
    /** The credential for the current inputs and profile (made once by the factory). */
    Expected<std::shared_ptr<http::TokenCredential>> credential();
    /** An ARM HttpClient with that credential and the profile's scope; owned by the model. */
    Expected<http::HttpClient *> armHttpClient();

    // Secrets typed on the server pages: kept here, never in the spec.
    Secret sourcePassword;
    Secret targetPassword;

    const std::optional<pg::ServerInfo> &sourceInfo() const { return m_sourceInfo; }
    const std::optional<pg::ServerInfo> &targetInfo() const { return m_targetInfo; }
    void setSourceInfo(std::optional<pg::ServerInfo> info);
    void setTargetInfo(std::optional<pg::ServerInfo> info);
    /** Major version the source reported (ARM or libpq); 0 when unknown. Used by the target page. */
    int sourceMajorVersion() const { return m_sourceMajor; }
    void setSourceMajorVersion(int major);

signals:
    void specReplaced();
    void backendChanged();
    void profileChanged();
    void credentialChanged();
    void sourceChanged();
    void targetChanged();

private:
    QNetworkAccessManager *m_nam = nullptr;
    migration::MigrationSpec m_spec;
    http::CloudProfile m_profile = http::CloudProfile::azureCloud();
    CredentialFactory m_factory;
    http::HttpClient::Options m_httpOptions;
    CredentialInputs m_credentialInputs;
    std::shared_ptr<http::TokenCredential> m_credential;
    std::unique_ptr<http::HttpClient> m_http;
    std::optional<pg::ServerInfo> m_sourceInfo;
    std::optional<pg::ServerInfo> m_targetInfo;
    int m_sourceMajor = 0;
};

} // namespace fm::ui
