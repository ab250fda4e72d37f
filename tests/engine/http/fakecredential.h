// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/tokencredential.h"

#include <QMetaObject>
#include <QObject>

namespace fm::test {

/** A TokenCredential with a fixed answer; counts how often it was asked. */
class FakeCredential final : public http::TokenCredential
{
public:
    explicit FakeCredential(QString token = QStringLiteral("fake-access-token")) : m_token(std::move(token)) {}

    void getToken(const QStringList &scopes, QObject *context, std::function<void(Expected<http::AccessToken>)> done) override
    {
        ++calls;
        lastScopes = scopes;
        Expected<http::AccessToken> answer = error ? Expected<http::AccessToken>(fail(*error))
                                                   : Expected<http::AccessToken>(http::AccessToken{Secret(m_token), QDateTime::currentDateTimeUtc().addSecs(3600)});
        QMetaObject::invokeMethod(context, [done = std::move(done), answer] { done(answer); }, Qt::QueuedConnection);
    }

    int calls = 0;
    QStringList lastScopes;
    std::optional<Error> error;

private:
    QString m_token;
};

} // namespace fm::test
