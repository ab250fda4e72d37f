// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/auth/cachingcredential.h"

#include <QStringList>

namespace fm::auth {

struct AzureCliOptions {
    CredentialOptions cache;
    /** The az executable; empty: look "az" up on PATH. */
    QString program;
    /** Optional --tenant. */
    QString tenantId;
    int timeoutMs = 60000;
};

/**
 * @brief Tokens from the signed-in Azure CLI: runs
 * `az account get-access-token --resource <audience> --output json [--tenant T]`
 * asynchronously with QProcess (never blocks the event loop). A clear error
 * when az is not on PATH or not signed in. stdout carries the token and is
 * never logged.
 */
class AzureCliCredential final : public CachingCredential
{
public:
    using Options = AzureCliOptions;

    explicit AzureCliCredential(Options options = {});

    /** Full path of az on PATH, empty when absent. */
    static QString findAzureCli();
    /** The arguments for scope (tests assert them). */
    QStringList arguments(const QString &scope) const;

protected:
    void fetchToken(const QStringList &scopes, FetchDone done) override;

private:
    Options m_options;
};

/** Parses `az account get-access-token` JSON (accessToken; expires_on epoch, else expiresOn local time). */
Expected<http::AccessToken> parseAzureCliToken(const QByteArray &json);

} // namespace fm::auth
