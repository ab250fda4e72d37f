// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/http/cloudprofile.h"
#include "engine/http/httpclient.h"
#include "engine/http/tokencredential.h"

#include <QProcessEnvironment>

#include <memory>

class QCommandLineParser;
class QNetworkAccessManager;

namespace fm::cli {

/** The environment variable that carries the AAD client secret. */
inline constexpr const char *kClientSecretEnv = "FLEXMIGRATE_CLIENT_SECRET";

/** @brief Where to talk to Azure and as whom, from the shared Azure options. */
struct AzureConnection {
    http::CloudProfile profile;
    std::shared_ptr<http::TokenCredential> credential;
    QString tenantId;      ///< validated; may be empty with --use-azure-cli
    QString clientId;      ///< validated; empty with --use-azure-cli
    bool usesAzureCli = false;

    /** HttpClient options with the profile's scope set. */
    http::HttpClient::Options httpOptions() const;
};

/**
 * @brief Adds the options every Azure command shares:
 * --cloud AzureCloud|AzureChinaCloud|AzureUSGovernment|custom, --arm-endpoint,
 * --authority-host, --arm-audience, --tenant-id, --client-id,
 * --client-secret-file FILE, --use-azure-cli. The secret itself comes from
 * FLEXMIGRATE_CLIENT_SECRET or the file - never from an argument: a hidden
 * --client-secret exists only to refuse it with an explanation.
 */
void addAzureOptions(QCommandLineParser &parser);

/** The cloud profile from --cloud and the endpoint options (validated). */
Expected<http::CloudProfile> cloudProfileFromOptions(const QCommandLineParser &parser);

/**
 * @brief The profile and a credential from the parsed options; every bad input
 * is a specific Validation error and nothing is sent. nam must outlive the
 * credential. env is the process environment (tests pass their own).
 */
Expected<AzureConnection> azureConnectionFromOptions(const QCommandLineParser &parser, QNetworkAccessManager *nam,
                                                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace fm::cli
