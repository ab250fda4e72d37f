// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"
#include "engine/core/secret.h"

#include <QString>

#include <functional>

class QObject;

namespace fm::auth {

/**
 * @brief The AAD client secret in the system keychain (QtKeychain: Secret
 * Service/KWallet, macOS Keychain, Windows Credential Manager), under service
 * "FlexMigrate". DESIGN.md: stored only there, and only when the user asks -
 * nothing here runs on its own. No insecure plain-file fallback.
 *
 * Every call is asynchronous and calls done exactly once on context's thread
 * (nothing when context is gone first).
 */
class SecretStore
{
public:
    static constexpr const char *serviceName = "FlexMigrate";

    explicit SecretStore(QString service = QString::fromLatin1(serviceName));

    /** The entry name of an AAD application's secret: "aad/<tenant>/<client>". */
    static QString aadSecretKey(const QString &tenantId, const QString &clientId);
    /** False when FlexMigrate was built without QtKeychain. */
    static bool isAvailable();

    void store(const QString &key, const Secret &secret, QObject *context, std::function<void(Expected<void>)> done) const;
    /** Error code "SecretNotFound" when there is no such entry. */
    void read(const QString &key, QObject *context, std::function<void(Expected<Secret>)> done) const;
    void remove(const QString &key, QObject *context, std::function<void(Expected<void>)> done) const;

private:
    QString m_service;
};

} // namespace fm::auth
