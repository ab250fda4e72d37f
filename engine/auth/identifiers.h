// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QString>

namespace fm::auth {

/** True for the 8-4-4-4-12 hex form, without braces. */
bool isGuid(const QString &text);

/**
 * @brief The AAD tenant: a GUID or a domain name (contoso.onmicrosoft.com).
 * Returns it trimmed (GUIDs lower-cased); a Validation error says exactly what is
 * wrong (empty, a URL pasted, common/organizations, bad characters).
 */
Expected<QString> validateTenantId(const QString &text);

/** The application (client) id: a GUID. A pasted secret or object id gets its own message. */
Expected<QString> validateClientId(const QString &text);

} // namespace fm::auth
