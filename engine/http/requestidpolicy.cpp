// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/http/requestidpolicy.h"

#include <QUuid>

#ifndef FLEXMIGRATE_VERSION
#define FLEXMIGRATE_VERSION "0.0.0"
#endif

namespace fm::http {

QByteArray defaultUserAgent()
{
    return QByteArrayLiteral("FlexMigrate/" FLEXMIGRATE_VERSION);
}

RequestIdPolicy::RequestIdPolicy(QByteArray userAgent)
    : m_userAgent(userAgent.isEmpty() ? defaultUserAgent() : std::move(userAgent))
{
}

void RequestIdPolicy::send(Request request, PipelineCall &, const NextPolicy &next, ResponseCallback done)
{
    if (!request.hasHeader("x-ms-client-request-id"))
        request.setHeader("x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setHeader("x-ms-return-client-request-id", "true");
    request.setHeader("User-Agent", m_userAgent);
    next(std::move(request), std::move(done));
}

} // namespace fm::http
