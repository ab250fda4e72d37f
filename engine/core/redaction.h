// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QString>

#include <mutex>
#include <string>
#include <unordered_map>

namespace fm {

/**
 * @brief Masks secrets in text that is about to be logged, shown or exported.
 *
 * Two layers: (1) every live Secret value is known here and replaced verbatim;
 * (2) patterns that carry credentials whatever their origin: `password=...`
 * in conninfo strings, `user:password@` in URIs, `client_secret=` in form
 * bodies, `Authorization: Bearer ...` and JWT-shaped tokens.
 */
class Redactor
{
public:
    static Redactor &instance();

    void addSecret(const QString &value);
    void removeSecret(const QString &value);

    QString redact(const QString &text) const;
    std::string redact(const std::string &text) const;

    static constexpr const char *mask = "***";

private:
    Redactor() = default;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, int> m_secrets; // utf-8 value -> reference count
};

/** Convenience: Redactor::instance().redact(text). */
QString redacted(const QString &text);

} // namespace fm
