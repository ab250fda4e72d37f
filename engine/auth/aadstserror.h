// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/error.h"
#include "engine/http/request.h"

namespace fm::auth {

/** What the token request was about, so messages can name it. */
struct AadContext {
    QString tenantId;
    QString clientId;
    QString scope;
    QString authorityHost;
};

/**
 * @brief Turns an AAD v2 token error response (azure-api.md §5.1:
 * `{"error","error_description","error_codes":[...],"trace_id","correlation_id"}`)
 * into an Auth Error in plain words with a fix, keyed by the AADSTS code
 * (reference-aadsts-error-codes.md). code is "AADSTS<n>" when known, else the
 * OAuth error, else "HTTP<status>"; requestId/correlationId are AAD's trace
 * and correlation ids. Never includes the secret; malformed bodies never throw.
 */
Error aadErrorFromResponse(const http::Response &response, const AadContext &context);

/** The plain-words message and fix for one AADSTS number; false when unknown. */
bool describeAadsts(int code, const AadContext &context, QString &message, QString &fix);

} // namespace fm::auth
