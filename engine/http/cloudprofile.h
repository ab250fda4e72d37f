// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace fm::http {

/**
 * @brief Where ARM and AAD live for one cloud (azure-api.md §5.2, from
 * azure-cli `cloud.py`). The same client code runs against the local emulator
 * through a custom profile.
 */
struct CloudProfile {
    QString name;         ///< "AzureCloud", "AzureChinaCloud", "AzureUSGovernment" or "custom"
    QUrl armEndpoint;     ///< e.g. https://management.azure.com (no trailing slash)
    QUrl authorityHost;   ///< e.g. https://login.microsoftonline.com
    QString armAudience;  ///< token audience (resource), e.g. https://management.core.windows.net/

    /**
     * The client-credentials scope: audience + "/.default". A trailing slash of
     * the audience is dropped first, so https://management.core.windows.net/
     * gives https://management.core.windows.net/.default rather than the
     * double-slash form azure-api.md §5.2 warns about.
     */
    QString scope() const;
    /** The audience without "/.default", as `az account get-access-token --resource` wants it. */
    QString resource() const;

    /** armEndpoint + path (path starts with "/"), with query items api-version etc. added by the caller. */
    QUrl armUrl(const QString &path) const;

    static CloudProfile azureCloud();
    static CloudProfile azureChinaCloud();
    static CloudProfile azureUSGovernment();
    /** For the emulator or sovereign clouds not listed; validated by validate(). */
    static CloudProfile custom(const QUrl &armEndpoint, const QUrl &authorityHost, const QString &audience);

    /** Case-insensitive: AzureCloud, AzureChinaCloud, AzureUSGovernment (also "public", "china", "usgov"). */
    static Expected<CloudProfile> byName(const QString &name);
    static QStringList knownNames();

    /**
     * What a migration record keeps to sign in again after a restart (no secret in it): the name,
     * and for a custom cloud its endpoints too (a named cloud is looked up by name again).
     */
    QJsonObject toJson() const;
    /** Reads toJson()'s object back; a custom cloud is validated (an edited record is not trusted). */
    static Expected<CloudProfile> fromJson(const QJsonObject &o);

    /** Checks the URLs are absolute http(s) URLs without query/fragment and the audience is set. */
    Expected<void> validate() const;
};

/** True for 127.0.0.0/8, ::1 and "localhost": the only hosts that may get a bearer token over plain http. */
bool isLoopbackHost(const QString &host);

} // namespace fm::http
