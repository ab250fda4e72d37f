// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QString>

#include <iosfwd>
#include <memory>

class QDebug;

namespace fm {

/**
 * @brief A password, client secret or token.
 *
 * There is no way to print it: no QDebug or std::ostream operator, no fmt
 * formatter, no implicit conversion. The value is read only at the point of
 * use through reveal(). While any copy is alive its value is registered with
 * the log Redactor, so even a careless log line that got hold of the plain
 * text is masked. The storage is wiped when the last copy goes away.
 */
class Secret
{
public:
    Secret() = default;
    explicit Secret(const QString &value);

    bool isEmpty() const;
    /** The plain value, for the one place that needs it (libpq parameter, HTTP body). */
    QString reveal() const;
    /** Constant-time comparison, for tests and credential caches. */
    bool equals(const Secret &other) const;

    friend bool operator==(const Secret &a, const Secret &b) { return a.equals(b); }

private:
    struct Data;
    std::shared_ptr<Data> m_data;
};

// Printing a Secret is a compile error, not a leak.
QDebug operator<<(QDebug, const Secret &) = delete;
std::ostream &operator<<(std::ostream &, const Secret &) = delete;

} // namespace fm
