// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "emulator/rbac.h"

#include <QRegularExpression>

namespace fm::emulator {

RolePermissions builtInRole(const QString &role)
{
    // The built-in role definitions (Azure RBAC "Contributor", "Owner", "Reader").
    if (role.compare(QLatin1String("Owner"), Qt::CaseInsensitive) == 0)
        return {{QStringLiteral("*")}, {}};
    if (role.compare(QLatin1String("Reader"), Qt::CaseInsensitive) == 0)
        return {{QStringLiteral("*/read")}, {}};
    return {{QStringLiteral("*")},
            {QStringLiteral("Microsoft.Authorization/*/Delete"), QStringLiteral("Microsoft.Authorization/*/Write"),
             QStringLiteral("Microsoft.Authorization/elevateAccess/Action"), QStringLiteral("Microsoft.Blueprint/blueprintAssignments/write"),
             QStringLiteral("Microsoft.Blueprint/blueprintAssignments/delete"), QStringLiteral("Microsoft.Compute/galleries/share/action"),
             QStringLiteral("Microsoft.Purview/consents/write"), QStringLiteral("Microsoft.Purview/consents/delete")}};
}

bool scopeCovers(const QString &assignmentScope, const QString &scope)
{
    QString a = assignmentScope;
    while (a.endsWith(QLatin1Char('/')))
        a.chop(1);
    if (scope.compare(a, Qt::CaseInsensitive) == 0)
        return true;
    return scope.startsWith(a + QLatin1Char('/'), Qt::CaseInsensitive);
}

bool actionMatches(const QString &pattern, const QString &action)
{
    const QString re = QLatin1Char('^') + QRegularExpression::escape(pattern).replace(QStringLiteral("\\*"), QStringLiteral(".*")) + QLatin1Char('$');
    return QRegularExpression(re, QRegularExpression::CaseInsensitiveOption).match(action).hasMatch();
}

namespace {
bool isPrincipal(const RoleAssignment &ra, const QString &clientId, const QString &objectId)
{
    return ra.principal.compare(clientId, Qt::CaseInsensitive) == 0 || (!objectId.isEmpty() && ra.principal.compare(objectId, Qt::CaseInsensitive) == 0);
}
} // namespace

nlohmann::json permissionsAt(const EmulatorConfig &config, const QString &clientId, const QString &objectId, const QString &scope)
{
    nlohmann::json value = nlohmann::json::array();
    for (const auto &ra : config.roleAssignments) {
        if (!isPrincipal(ra, clientId, objectId) || !scopeCovers(ra.scope, scope))
            continue;
        const RolePermissions p = builtInRole(ra.role);
        nlohmann::json actions = nlohmann::json::array(), notActions = nlohmann::json::array();
        for (const auto &a : p.actions)
            actions.push_back(a.toStdString());
        for (const auto &a : p.notActions)
            notActions.push_back(a.toStdString());
        value.push_back({{"actions", actions}, {"notActions", notActions}, {"dataActions", nlohmann::json::array()}, {"notDataActions", nlohmann::json::array()}});
    }
    return value;
}

bool isAllowed(const EmulatorConfig &config, const QString &clientId, const QString &objectId, const QString &scope, const QString &action)
{
    for (const auto &ra : config.roleAssignments) {
        if (!isPrincipal(ra, clientId, objectId) || !scopeCovers(ra.scope, scope))
            continue;
        const RolePermissions p = builtInRole(ra.role);
        bool allowed = false;
        for (const auto &a : p.actions)
            allowed = allowed || actionMatches(a, action);
        for (const auto &n : p.notActions)
            allowed = allowed && !actionMatches(n, action);
        if (allowed)
            return true;
    }
    return false;
}

} // namespace fm::emulator
