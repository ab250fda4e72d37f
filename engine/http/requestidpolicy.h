// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/http/httppolicy.h"

namespace fm::http {

/** "FlexMigrate/<version>" */
QByteArray defaultUserAgent();

/**
 * @brief Sets x-ms-client-request-id (a new GUID unless the caller set one),
 * x-ms-return-client-request-id and User-Agent (azure-api.md §5.4). Runs
 * before the retry policy, so every attempt of one call carries the same id.
 */
class RequestIdPolicy final : public HttpPolicy
{
public:
    explicit RequestIdPolicy(QByteArray userAgent = {});
    void send(Request request, PipelineCall &call, const NextPolicy &next, ResponseCallback done) override;

private:
    QByteArray m_userAgent;
};

} // namespace fm::http
