// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/secret.h"

#include "engine/core/redaction.h"

namespace fm {

struct Secret::Data {
    QString value;
    explicit Data(const QString &v) : value(v)
    {
        value.detach();
        Redactor::instance().addSecret(value);
    }
    ~Data()
    {
        Redactor::instance().removeSecret(value);
        // Overwrite our own copy before the allocation is released.
        volatile char16_t *p = reinterpret_cast<char16_t *>(value.data());
        for (qsizetype i = 0; i < value.size(); ++i)
            p[i] = u'\0';
    }
};

Secret::Secret(const QString &value)
{
    if (!value.isEmpty())
        m_data = std::make_shared<Data>(value);
}

bool Secret::isEmpty() const
{
    return !m_data || m_data->value.isEmpty();
}

QString Secret::reveal() const
{
    return m_data ? m_data->value : QString();
}

bool Secret::equals(const Secret &other) const
{
    const QString a = reveal();
    const QString b = other.reveal();
    if (a.size() != b.size())
        return false;
    ushort diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a.at(i).unicode() ^ b.at(i).unicode();
    return diff == 0;
}

} // namespace fm
