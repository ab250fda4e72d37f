// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QString>
#include <QStringList>

namespace fm::arm {

/**
 * @brief A string enum from a service that may grow new values at any time.
 *
 * Every ARM/DMS enum is `modelAsString: true` (azure-api.md §1.9), so a value
 * we have never seen must be kept verbatim and never make parsing fail (Azure
 * SDK "extendable enums", STYLE.md 6). Comparison is case-insensitive because
 * the service matches enum values case-insensitively (§1.10: "offline" ->
 * "Offline"). `Tag` provides `static QStringList knownValues()`.
 */
template<typename Tag>
class ExtendableEnum
{
public:
    ExtendableEnum() = default;
    /** Keeps the spelling as received; canonical() gives the documented one. */
    explicit ExtendableEnum(QString value) : m_value(std::move(value)) {}

    const QString &toString() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }
    /** True when the value is one of the documented ones (any case). */
    bool isKnown() const { return !canonical().isEmpty(); }
    /** The documented spelling, or empty when unknown. */
    QString canonical() const
    {
        for (const QString &k : Tag::knownValues())
            if (k.compare(m_value, Qt::CaseInsensitive) == 0)
                return k;
        return {};
    }
    bool is(QLatin1String v) const { return m_value.compare(v, Qt::CaseInsensitive) == 0; }
    bool is(const QString &v) const { return m_value.compare(v, Qt::CaseInsensitive) == 0; }

    friend bool operator==(const ExtendableEnum &a, const ExtendableEnum &b) { return a.m_value.compare(b.m_value, Qt::CaseInsensitive) == 0; }
    friend bool operator==(const ExtendableEnum &a, QLatin1String b) { return a.is(b); }

    static QStringList knownValues() { return Tag::knownValues(); }

private:
    QString m_value;
};

} // namespace fm::arm
