// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/resourceid.h"

#include <QRegularExpression>

namespace fm::arm {

namespace {
Error bad(const QString &message, const QString &fix = {})
{
    return Error::validation(QStringLiteral("InvalidResourceId"), message, fix);
}

const QString kShape = QStringLiteral("/subscriptions/{subscription-guid}/resourceGroups/{group}/providers/{Namespace}/{type}/{name}");
} // namespace

std::optional<Error> ResourceId::checkSubscriptionId(const QString &id)
{
    static const QRegularExpression guid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (id.isEmpty())
        return Error::validation(QStringLiteral("InvalidSubscriptionId"), QStringLiteral("The subscription id is empty."),
                                 QStringLiteral("Pass the subscription GUID, e.g. 00000000-0000-0000-0000-000000000000."));
    if (!guid.match(id).hasMatch())
        return Error::validation(QStringLiteral("InvalidSubscriptionId"), QStringLiteral("The subscription id '%1' is not a GUID.").arg(id),
                                 QStringLiteral("Use the subscription's id (a GUID such as 00000000-0000-0000-0000-000000000000), not its display name."));
    return std::nullopt;
}

std::optional<Error> ResourceId::checkResourceGroupName(const QString &name)
{
    const QString code = QStringLiteral("InvalidResourceGroupName");
    if (name.isEmpty())
        return Error::validation(code, QStringLiteral("The resource group name is empty."));
    if (name.size() > 90)
        return Error::validation(code, QStringLiteral("The resource group name '%1' is %2 characters long; at most 90 are allowed.").arg(name).arg(name.size()));
    for (QChar c : name)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') || c == QLatin1Char(')')))
            return Error::validation(code, QStringLiteral("The resource group name '%1' contains '%2'; only letters, digits, '_', '-', '.', '(' and ')' are allowed.").arg(name, c));
    if (name.endsWith(QLatin1Char('.')))
        return Error::validation(code, QStringLiteral("The resource group name '%1' ends with '.', which Azure does not allow.").arg(name));
    return std::nullopt;
}

std::optional<Error> ResourceId::checkServerName(const QString &name, const QString &what)
{
    const QString code = QStringLiteral("InvalidServerName");
    if (name.isEmpty())
        return Error::validation(code, QStringLiteral("%1 is empty.").arg(what));
    if (name.size() < 3 || name.size() > 63)
        return Error::validation(code, QStringLiteral("%1 '%2' has %3 characters; Azure PostgreSQL server names have 3 to 63.").arg(what, name).arg(name.size()));
    for (QChar c : name) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
        if (!ok) {
            // Suggest the lowercase name only when lowering changes it: some uppercase letters
            // have no lowercase form (U+03D2), and asking again about the same name recursed
            // forever (found by fuzz_resourceid; the input is kept as a seed).
            const QString lower = name.toLower();
            return Error::validation(code,
                                     QStringLiteral("%1 '%2' contains '%3'; only lowercase letters, digits and '-' are allowed.").arg(what, name, QString(c)),
                                     c.isUpper() && lower != name && !checkServerName(lower, what) ? QStringLiteral("Server names are lowercase: use '%1'.").arg(lower)
                                                                                                   : QString());
        }
    }
    if (name.startsWith(QLatin1Char('-')) || name.endsWith(QLatin1Char('-')))
        return Error::validation(code, QStringLiteral("%1 '%2' starts or ends with '-', which Azure does not allow.").arg(what, name));
    return std::nullopt;
}

std::optional<Error> ResourceId::checkMigrationName(const QString &name)
{
    const QString code = QStringLiteral("InvalidMigrationName");
    if (name.isEmpty())
        return Error::validation(code, QStringLiteral("The migration name is empty."));
    if (name.size() > 128)
        return Error::validation(code, QStringLiteral("The migration name is %1 characters long; use at most 128.").arg(name.size()));
    for (QChar c : name) {
        const bool ok = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('-');
        if (!ok)
            return Error::validation(code, QStringLiteral("The migration name '%1' contains '%2'; only letters, digits and '-' are allowed.").arg(name, QString(c)));
    }
    if (name.startsWith(QLatin1Char('-')))
        return Error::validation(code, QStringLiteral("The migration name '%1' starts with '-'; it must start with a letter or digit.").arg(name));
    return std::nullopt;
}

std::optional<Error> ResourceId::checkName(const QString &name, const QString &what)
{
    if (name.isEmpty())
        return bad(QStringLiteral("%1 is empty.").arg(what));
    for (QChar c : name)
        if (c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#') || c == QLatin1Char('%') || c == QLatin1Char('\\'))
            return bad(QStringLiteral("%1 '%2' contains a character that is not allowed in a resource name ('%3').").arg(what, name, c.unicode() < 0x20 ? QStringLiteral("control") : QString(c)));
    return std::nullopt;
}

Expected<ResourceId> ResourceId::parse(const QString &input, const QString &what)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(bad(QStringLiteral("%1 is empty.").arg(what), QStringLiteral("Expected %1.").arg(kShape)));
    QString body = text;
    if (body.startsWith(QLatin1Char('/')))
        body.remove(0, 1);
    if (body.endsWith(QLatin1Char('/')))
        body.chop(1);
    const QStringList parts = body.split(QLatin1Char('/'));
    for (int i = 0; i < parts.size(); ++i)
        if (parts.at(i).isEmpty())
            return fail(bad(QStringLiteral("%1 '%2' has an empty segment (two slashes in a row).").arg(what, text)));

    if (parts.at(0).compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) != 0)
        return fail(bad(QStringLiteral("%1 '%2' must start with /subscriptions/, not '%3'.").arg(what, text, parts.at(0)), QStringLiteral("Expected %1.").arg(kShape)));
    if (parts.size() < 2)
        return fail(bad(QStringLiteral("%1 '%2' has no subscription id after /subscriptions/.").arg(what, text)));
    ResourceId id;
    if (auto e = checkSubscriptionId(parts.at(1))) {
        e->message = QStringLiteral("%1 '%2': %3").arg(what, text, e->message);
        return fail(*e);
    }
    id.m_subscriptionId = parts.at(1);
    if (parts.size() == 2)
        return fail(bad(QStringLiteral("%1 '%2' names only a subscription; a resource group is needed (/resourceGroups/{group}).").arg(what, text)));
    if (parts.at(2).compare(QLatin1String("resourceGroups"), Qt::CaseInsensitive) != 0)
        return fail(bad(QStringLiteral("%1 '%2': expected 'resourceGroups' after the subscription id, found '%3'.").arg(what, text, parts.at(2))));
    if (parts.size() < 4)
        return fail(bad(QStringLiteral("%1 '%2' has no resource group name after /resourceGroups/.").arg(what, text)));
    if (auto e = checkResourceGroupName(parts.at(3))) {
        e->message = QStringLiteral("%1 '%2': %3").arg(what, text, e->message);
        return fail(*e);
    }
    id.m_resourceGroup = parts.at(3);
    if (parts.size() == 4)
        return id;
    if (parts.at(4).compare(QLatin1String("providers"), Qt::CaseInsensitive) != 0)
        return fail(bad(QStringLiteral("%1 '%2': expected 'providers' after the resource group, found '%3'.").arg(what, text, parts.at(4))));
    if (parts.size() < 6)
        return fail(bad(QStringLiteral("%1 '%2' has no provider namespace after /providers/.").arg(what, text)));
    static const QRegularExpression ns(QStringLiteral("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)+$"));
    if (!ns.match(parts.at(5)).hasMatch())
        return fail(bad(QStringLiteral("%1 '%2': '%3' is not a provider namespace (expected Company.Service, e.g. Microsoft.DBforPostgreSQL).").arg(what, text, parts.at(5))));
    id.m_namespace = parts.at(5);
    const QStringList rest = parts.mid(6);
    if (rest.isEmpty())
        return fail(bad(QStringLiteral("%1 '%2' ends at the provider namespace; a resource type and name are missing.").arg(what, text)));
    for (int i = 0; i < rest.size(); i += 2) {
        if (rest.at(i).compare(QLatin1String("providers"), Qt::CaseInsensitive) == 0)
            return fail(bad(QStringLiteral("%1 '%2' is an extension resource id (a second /providers/); that is not supported here.").arg(what, text)));
        if (i + 1 >= rest.size())
            return fail(bad(QStringLiteral("%1 '%2': the resource type '%3' has no name after it.").arg(what, text, rest.at(i))));
        if (auto e = checkName(rest.at(i + 1), QStringLiteral("The %1 name").arg(rest.at(i)))) {
            e->message = QStringLiteral("%1 '%2': %3").arg(what, text, e->message);
            return fail(*e);
        }
        id.m_segments.append({rest.at(i), rest.at(i + 1)});
    }
    return id;
}

Expected<ResourceId> ResourceId::parseOfType(const QString &text, const QString &type, const QString &what)
{
    auto id = parse(text, what);
    if (!id)
        return id;
    if (!id->isType(type))
        return fail(bad(QStringLiteral("%1 '%2' is a %3, but a %4 is needed.")
                            .arg(what, text, id->resourceType().isEmpty() ? QStringLiteral("resource group") : id->resourceType(), type)));
    return id;
}

ResourceId ResourceId::resourceGroupScope(const QString &subscriptionId, const QString &resourceGroup)
{
    ResourceId id;
    id.m_subscriptionId = subscriptionId;
    id.m_resourceGroup = resourceGroup;
    return id;
}

ResourceId ResourceId::make(const QString &subscriptionId, const QString &resourceGroup, const QString &providerNamespace, const QString &type,
                            const QString &name)
{
    ResourceId id = resourceGroupScope(subscriptionId, resourceGroup);
    id.m_namespace = providerNamespace;
    id.m_segments.append({type, name});
    return id;
}

QString ResourceId::name() const
{
    return m_segments.isEmpty() ? m_resourceGroup : m_segments.last().name;
}

QString ResourceId::resourceType() const
{
    if (m_namespace.isEmpty())
        return {};
    QString t = m_namespace;
    for (const auto &s : m_segments)
        t += QLatin1Char('/') + s.type;
    return t;
}

ResourceId ResourceId::parent() const
{
    ResourceId p = *this;
    if (!p.m_segments.isEmpty())
        p.m_segments.removeLast();
    if (p.m_segments.isEmpty())
        p.m_namespace.clear();
    return p;
}

ResourceId ResourceId::child(const QString &type, const QString &name) const
{
    ResourceId c = *this;
    c.m_segments.append({type, name});
    return c;
}

QString ResourceId::toString() const
{
    if (!isValid())
        return {};
    QString s = QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(m_subscriptionId, m_resourceGroup);
    if (!m_namespace.isEmpty()) {
        s += QStringLiteral("/providers/") + m_namespace;
        for (const auto &seg : m_segments)
            s += QLatin1Char('/') + seg.type + QLatin1Char('/') + seg.name;
    }
    return s;
}

} // namespace fm::arm
