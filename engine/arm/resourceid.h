// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QList>
#include <QString>

namespace fm::arm {

/**
 * @brief An ARM resource id: /subscriptions/{guid}/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}...]].
 *
 * ARM compares ids case-insensitively and the service echoes provider
 * segments in either casing (`Microsoft.DBForPostgreSql` in spec examples,
 * `Microsoft.DBforPostgreSQL` in recordings, azure-api.md §1.2), so equality
 * ignores case. The 2021 CLI properties files used ids without the leading
 * slash and the service accepted them (§6.3), so parse() accepts both and
 * toString() always writes the leading slash.
 */
class ResourceId
{
public:
    struct Segment {
        QString type;
        QString name;
    };

    ResourceId() = default;

    /** Parses and validates; the error names the part that is wrong. `what` names the id in messages ("source server id"). */
    static Expected<ResourceId> parse(const QString &text, const QString &what = QStringLiteral("Resource id"));
    /** Parses and also requires the resource type (case-insensitive), e.g. "Microsoft.DBforPostgreSQL/servers". */
    static Expected<ResourceId> parseOfType(const QString &text, const QString &type, const QString &what);

    static ResourceId resourceGroupScope(const QString &subscriptionId, const QString &resourceGroup);
    static ResourceId make(const QString &subscriptionId, const QString &resourceGroup, const QString &providerNamespace, const QString &type,
                           const QString &name);

    bool isValid() const { return !m_subscriptionId.isEmpty(); }
    bool isResourceGroup() const { return !m_resourceGroup.isEmpty() && m_namespace.isEmpty(); }

    const QString &subscriptionId() const { return m_subscriptionId; }
    const QString &resourceGroup() const { return m_resourceGroup; }
    const QString &providerNamespace() const { return m_namespace; }
    const QList<Segment> &segments() const { return m_segments; }
    /** Name of the last segment (the resource group's name for a resource-group id). */
    QString name() const;
    /** "Microsoft.DBforPostgreSQL/flexibleServers/migrations"; empty for a resource group. */
    QString resourceType() const;
    bool isType(const QString &type) const { return resourceType().compare(type, Qt::CaseInsensitive) == 0; }

    ResourceId parent() const;
    ResourceId child(const QString &type, const QString &name) const;

    /** Canonical text with a leading slash; segment names as given. */
    QString toString() const;

    friend bool operator==(const ResourceId &a, const ResourceId &b) { return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0; }

    // Name rules; each returns an error naming what is wrong, or nothing.
    static std::optional<Error> checkSubscriptionId(const QString &id);
    /** 1-90 characters: letters, digits, '_', '-', '.', '(', ')'; not ending with '.' (spec pattern ^[-\w._()]+[^.]$). */
    static std::optional<Error> checkResourceGroupName(const QString &name);
    /** Single/Flexible Server: 3-63 characters, lowercase letters, digits and '-', not starting or ending with '-'. */
    static std::optional<Error> checkServerName(const QString &name, const QString &what = QStringLiteral("Server name"));
    /** Migration name: letters, digits and '-', starting with a letter or digit (docs 2022; the CLI's uuid4 names pass). */
    static std::optional<Error> checkMigrationName(const QString &name);
    /** A generic child name: not empty, no '/', '?', '#', '%' or control characters. */
    static std::optional<Error> checkName(const QString &name, const QString &what);

private:
    QString m_subscriptionId;
    QString m_resourceGroup;
    QString m_namespace;
    QList<Segment> m_segments;
};

} // namespace fm::arm
