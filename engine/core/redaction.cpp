// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/redaction.h"

#include <QRegularExpression>

namespace fm {

namespace {
// Values shorter than this are not masked verbatim: masking "a" everywhere
// would make logs unreadable, and such values are not real secrets.
constexpr size_t kMinSecretLength = 4;

const std::vector<std::pair<QRegularExpression, QString>> &patterns()
{
    static const std::vector<std::pair<QRegularExpression, QString>> p = {
        // conninfo / form bodies: password=..., client_secret=..., and quoted values
        {QRegularExpression(QStringLiteral(R"RE((\b(?:password|passwd|pwd|client_secret|secret|access_token|refresh_token|client_assertion|sig)\s*[=:]\s*)('[^']*'|"[^"]*"|[^\s&,;"'}]+))RE"),
                            QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("\\1***")},
        // JSON: "password": "...", "clientSecret": "..."
        {QRegularExpression(QStringLiteral(R"RE(("(?:[A-Za-z]*[Pp]assword|[A-Za-z]*[Ss]ecret|access_token|refresh_token|accessToken|token)"\s*:\s*)"(?:[^"\\]|\\.)*")RE")),
         QStringLiteral("\\1\"***\"")},
        // URIs: scheme://user:password@host
        {QRegularExpression(QStringLiteral(R"RE(([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\s]*:)[^@\s/]*@)RE")), QStringLiteral("\\1***@")},
        // HTTP Authorization header and bearer tokens
        {QRegularExpression(QStringLiteral(R"RE((\bBearer\s+)[A-Za-z0-9\-._~+/]+=*)RE"), QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("\\1***")},
        // Bare JWTs (three base64url segments starting with eyJ)
        {QRegularExpression(QStringLiteral(R"RE(\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)RE")), QStringLiteral("***")},
    };
    return p;
}
} // namespace

Redactor &Redactor::instance()
{
    static Redactor r;
    return r;
}

void Redactor::addSecret(const QString &value)
{
    const std::string v = value.toStdString();
    if (v.size() < kMinSecretLength)
        return;
    std::lock_guard lock(m_mutex);
    ++m_secrets[v];
}

void Redactor::removeSecret(const QString &value)
{
    const std::string v = value.toStdString();
    if (v.size() < kMinSecretLength)
        return;
    std::lock_guard lock(m_mutex);
    auto it = m_secrets.find(v);
    if (it != m_secrets.end() && --it->second <= 0)
        m_secrets.erase(it);
}

std::string Redactor::redact(const std::string &text) const
{
    std::string out = text;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[secret, count] : m_secrets) {
            (void)count;
            for (size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos)) {
                out.replace(pos, secret.size(), mask);
                pos += std::char_traits<char>::length(mask);
            }
        }
    }
    // Cheap pre-check keeps the regex work off the hot path for ordinary lines.
    static const char *triggers[] = {"=", ":", "Bearer", "bearer", "eyJ"};
    bool maybe = false;
    for (const char *t : triggers)
        maybe = maybe || out.find(t) != std::string::npos;
    if (!maybe)
        return out;
    QString q = QString::fromStdString(out);
    for (const auto &[re, repl] : patterns())
        q.replace(re, repl);
    return q.toStdString();
}

QString Redactor::redact(const QString &text) const
{
    return QString::fromStdString(redact(text.toStdString()));
}

QString redacted(const QString &text)
{
    return Redactor::instance().redact(text);
}

} // namespace fm
