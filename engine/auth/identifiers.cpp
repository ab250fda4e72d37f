// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/auth/identifiers.h"

#include <QRegularExpression>

namespace fm::auth {

namespace {

const QString kTenantHelp = QStringLiteral(
    "Give the Directory (tenant) ID shown in the Azure portal under Microsoft Entra ID > Overview, "
    "e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com.");
const QString kClientHelp = QStringLiteral(
    "Give the Application (client) ID shown in the Azure portal under App registrations > your app > Overview, "
    "e.g. 00000000-1111-2222-3333-444444444444.");

} // namespace

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return guid.match(text).hasMatch();
}

Expected<QString> validateTenantId(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return fail(Error::validation(QStringLiteral("MissingTenantId"), QStringLiteral("The tenant id is missing."), kTenantHelp));
    if (isGuid(t))
        return t.toLower();
    if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')) && isGuid(t.mid(1, t.size() - 2)))
        return t.mid(1, t.size() - 2).toLower();
    if (t.contains(QLatin1String("://")) || t.contains(QLatin1Char('/'))) {
        return fail(Error::validation(QStringLiteral("InvalidTenantId"),
                                      QStringLiteral("The tenant id \"%1\" looks like a URL; only the tenant id itself is wanted.").arg(t),
                                      kTenantHelp));
    }
    const QString lower = t.toLower();
    if (lower == QLatin1String("common") || lower == QLatin1String("organizations") || lower == QLatin1String("consumers")) {
        return fail(Error::validation(QStringLiteral("InvalidTenantId"),
                                      QStringLiteral("\"%1\" is not a tenant: an application signing in with its own secret "
                                                     "needs the one tenant it is registered in.").arg(t),
                                      kTenantHelp));
    }
    static const QRegularExpression hexish(QStringLiteral("^[0-9a-fA-F-]+$"));
    if (hexish.match(t).hasMatch()) {
        return fail(Error::validation(QStringLiteral("InvalidTenantId"),
                                      QStringLiteral("The tenant id \"%1\" is not a complete GUID (8-4-4-4-12 hexadecimal digits).").arg(t),
                                      kTenantHelp));
    }
    static const QRegularExpression domain(QStringLiteral(
        "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    if (domain.match(t).hasMatch())
        return lower;
    return fail(Error::validation(QStringLiteral("InvalidTenantId"),
                                  QStringLiteral("The tenant id \"%1\" is neither a GUID nor a domain name.").arg(t), kTenantHelp));
}

Expected<QString> validateClientId(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return fail(Error::validation(QStringLiteral("MissingClientId"), QStringLiteral("The client id is missing."), kClientHelp));
    if (isGuid(t))
        return t.toLower();
    if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')) && isGuid(t.mid(1, t.size() - 2)))
        return t.mid(1, t.size() - 2).toLower();
    // AAD secret values are ~40 characters with '~', '.', '_' (never a GUID); don't echo them.
    static const QRegularExpression secretLike(QStringLiteral("^[A-Za-z0-9~._-]{30,}$"));
    if (t.contains(QLatin1Char('~')) || (secretLike.match(t).hasMatch() && !t.contains(QLatin1Char('-')))) {
        return fail(Error::validation(QStringLiteral("InvalidClientId"),
                                      QStringLiteral("The client id looks like a client secret, not an application id."),
                                      kClientHelp + QStringLiteral(" Pass the secret through FLEXMIGRATE_CLIENT_SECRET or --client-secret-file instead.")));
    }
    // Long input may be a pasted secret: don't echo it.
    const QString shown = t.size() <= 40 ? QStringLiteral(" \"%1\"").arg(t) : QString();
    return fail(Error::validation(QStringLiteral("InvalidClientId"),
                                  QStringLiteral("The client id%1 is not a GUID (8-4-4-4-12 hexadecimal digits).").arg(shown),
                                  kClientHelp));
}

} // namespace fm::auth
