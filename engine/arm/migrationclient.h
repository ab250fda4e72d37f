// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/armclient.h"
#include "engine/arm/migrationrequest.h"
#include "engine/arm/migrationresource.h"

namespace fm::arm {

/**
 * @brief `Microsoft.DBforPostgreSQL/flexibleServers/{target}/migrations` (azure-api.md §1.2),
 * for one api-version (chosen per profile or by --api-version).
 *
 * Create and update are synchronous (no LRO headers, §5.3); progress is read
 * by polling get(). Create bodies carry passwords and are sent with
 * sensitiveBody so the log policy never prints them.
 */
class MigrationClient : public ArmClient
{
public:
    MigrationClient(http::HttpClient *client, http::CloudProfile profile, MigrationApiVersion version);

    MigrationApiVersion version() const { return m_version; }
    QString apiVersion() const { return toString(m_version); }

    /** The migration's URL (no query) for a target Flexible Server id. */
    static ResourceId migrationId(const ResourceId &targetServer, const QString &migrationName);

    void create(const ResourceId &targetServer, const QString &migrationName, const CreateMigrationRequest &request, QObject *context,
                Callback<MigrationResource> done) const;
    /**
     * GET; `detailsLevel` (Default|Summary|Full) is sent as `level=` on the
     * seed-era api-version only (§1.2: observed on 2020-02-14-privatepreview);
     * 2024-08-01 always returns dbDetails.
     */
    void get(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<MigrationResource> done,
             const QString &detailsLevel = {}) const;
    /** GET …/migrations?migrationListFilter=Active|All, all pages. */
    void list(const ResourceId &targetServer, const MigrationListFilter &filter, QObject *context, Callback<QList<MigrationResource>> done) const;
    /** PATCH with buildUpdateBody(); no implicit GET. */
    void update(const ResourceId &targetServer, const QString &migrationName, const MigrationUpdate &update, QObject *context,
                Callback<MigrationResource> done) const;
    /**
     * What `az … migration update --cutover|--cancel` does (§1.11.5): GET first;
     * cutover of an Offline migration is refused (it cuts over by itself); on
     * 2024-08-01 without explicit databases, the databases are the migration's
     * dbsToMigrate. Other kinds go straight to update().
     */
    void updateLikeAzCli(const ResourceId &targetServer, const QString &migrationName, const MigrationUpdate &update, QObject *context,
                         Callback<MigrationResource> done) const;
    /** DELETE (= cancel in 2025 api-versions); 200 may carry the resource, 204 none. */
    void remove(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<std::optional<MigrationResource>> done) const;
    void checkNameAvailability(const ResourceId &targetServer, const QString &migrationName, QObject *context, Callback<NameAvailability> done) const;

private:
    std::optional<Error> checkTarget(const ResourceId &target, const QString &migrationName, bool needName) const;
    MigrationApiVersion m_version;
};

} // namespace fm::arm
