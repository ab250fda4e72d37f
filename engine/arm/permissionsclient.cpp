// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/permissionsclient.h"

#include "engine/arm/jsonutil.h"

#include <QRegularExpression>

namespace fm::arm {

using nlohmann::json;
namespace ju = jsonutil;

namespace {
Permission parseOne(const json &p)
{
    return {ju::strings(p, "actions"), ju::strings(p, "notActions"), ju::strings(p, "dataActions"), ju::strings(p, "notDataActions")};
}
} // namespace

Expected<QList<Permission>> parsePermissions(const json &body)
{
    const json *items = body.is_array() ? &body : ju::find(body, "value");
    if (!items || !items->is_array())
        return fail(Error::make(ErrorCategory::Arm, QStringLiteral("UnexpectedResponse"), QStringLiteral("The permissions response has no 'value' array.")));
    QList<Permission> out;
    for (const auto &p : *items)
        if (p.is_object())
            out.append(parseOne(p));
    return out;
}

bool actionMatches(const QString &pattern, const QString &action)
{
    const QString re = QStringLiteral("^") + QRegularExpression::escape(pattern).replace(QLatin1String("\\*"), QLatin1String(".*")) + QStringLiteral("$");
    return QRegularExpression(re, QRegularExpression::CaseInsensitiveOption).match(action).hasMatch();
}

bool isActionAllowed(const QList<Permission> &permissions, const QString &action)
{
    for (const auto &p : permissions) {
        const bool granted = std::any_of(p.actions.begin(), p.actions.end(), [&](const QString &a) { return actionMatches(a, action); });
        const bool denied = std::any_of(p.notActions.begin(), p.notActions.end(), [&](const QString &a) { return actionMatches(a, action); });
        if (granted && !denied)
            return true;
    }
    return false;
}

QStringList contributorProbeActions(const ResourceId &scope)
{
    if (scope.isResourceGroup())
        return {QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read"), QStringLiteral("Microsoft.Resources/deployments/write"),
                QStringLiteral("Microsoft.DataMigration/services/write"), QStringLiteral("Microsoft.DataMigration/services/delete")};
    const QString type = scope.resourceType();
    QStringList actions{type + QStringLiteral("/read"), type + QStringLiteral("/write"), type + QStringLiteral("/delete")};
    if (scope.isType(QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers")))
        actions << type + QStringLiteral("/migrations/write") << type + QStringLiteral("/migrations/delete");
    return actions;
}

PermissionCheck checkActions(const QList<Permission> &permissions, const ResourceId &scope, const QStringList &actions)
{
    PermissionCheck c;
    c.scope = scope.toString();
    c.required = actions;
    for (const auto &a : actions)
        if (!isActionAllowed(permissions, a))
            c.missing << a;
    return c;
}

void PermissionsClient::listPermissions(const ResourceId &scope, QObject *context, Callback<QList<Permission>> done) const
{
    if (!scope.isValid())
        return failLater(context, std::move(done), Error::validation(QStringLiteral("InvalidResourceId"), QStringLiteral("No scope given for the permission check.")));
    listAll(url(scope, QStringLiteral("/providers/Microsoft.Authorization/permissions"), QLatin1String(kApiVersion)), context,
            [done = std::move(done)](Expected<QList<json>> items) {
                if (!items)
                    return done(fail(items.error()));
                QList<Permission> out;
                for (const auto &p : *items)
                    if (p.is_object())
                        out.append(parseOne(p));
                done(out);
            });
}

void PermissionsClient::checkContributor(const ResourceId &scope, QObject *context, Callback<PermissionCheck> done) const
{
    listPermissions(scope, context, [scope, done = std::move(done)](Expected<QList<Permission>> perms) {
        if (!perms)
            return done(fail(perms.error()));
        done(checkActions(*perms, scope, contributorProbeActions(scope)));
    });
}

} // namespace fm::arm
