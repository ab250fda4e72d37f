// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/armclient.h"

namespace fm::arm {

/** One entry of `Microsoft.Authorization/permissions` (a role's actions minus its notActions). */
struct Permission {
    QStringList actions, notActions, dataActions, notDataActions;
};

Expected<QList<Permission>> parsePermissions(const nlohmann::json &body);

/** ARM action wildcard match, case-insensitive: an asterisk matches any run of characters (e.g. "Microsoft.DBforPostgreSQL/&lowast;", "&lowast;/read"). */
bool actionMatches(const QString &pattern, const QString &action);
/** Granted when one entry lists a matching action and no matching notAction (ARM evaluates each role assignment on its own). */
bool isActionAllowed(const QList<Permission> &permissions, const QString &action);

/** Outcome of checking the caller's rights on one scope. */
struct PermissionCheck {
    QString scope;
    QStringList required;
    QStringList missing;
    bool ok() const { return missing.isEmpty(); }
};

/**
 * @brief The actions that stand for "Contributor on this scope" for the
 * migration: read, write and delete of the resource's own type (and, on the
 * target Flexible Server, of its migrations; on a resource group, of the DMS
 * services deployed there). Contributor is `*` minus
 * Microsoft.Authorization writes/deletes, so these hold for Contributor and Owner
 * and fail for Reader (seed: grant Contributor on source, target and resource group).
 */
QStringList contributorProbeActions(const ResourceId &scope);
PermissionCheck checkActions(const QList<Permission> &permissions, const ResourceId &scope, const QStringList &actions);

class PermissionsClient : public ArmClient
{
public:
    static constexpr const char *kApiVersion = "2022-04-01";
    using ArmClient::ArmClient;

    /** GET {scope}/providers/Microsoft.Authorization/permissions (all pages). */
    void listPermissions(const ResourceId &scope, QObject *context, Callback<QList<Permission>> done) const;
    /** listPermissions + checkActions(contributorProbeActions(scope)). */
    void checkContributor(const ResourceId &scope, QObject *context, Callback<PermissionCheck> done) const;
};

} // namespace fm::arm
