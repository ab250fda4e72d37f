// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "emulator/emulatorconfig.h"

#include <nlohmann/json.hpp>

namespace fm::emulator {

/** One built-in role's permission set, as Microsoft.Authorization/permissions returns it. */
struct RolePermissions {
    QStringList actions;
    QStringList notActions;
};

RolePermissions builtInRole(const QString &role);

/** True when `scope` equals `assignmentScope` or lies under it (case-insensitive, whole segments). */
bool scopeCovers(const QString &assignmentScope, const QString &scope);

// Wildcard match of ARM actions ("*", "*/read", "Microsoft.Authorization/*/Write"), case-insensitive.
bool actionMatches(const QString &pattern, const QString &action);

/** The permissions of a principal at a scope, one entry per covering assignment (the ARM list shape). */
nlohmann::json permissionsAt(const EmulatorConfig &config, const QString &clientId, const QString &objectId, const QString &scope);

/** Does any assignment covering `scope` allow `action` (and none of its notActions deny it)? */
bool isAllowed(const EmulatorConfig &config, const QString &clientId, const QString &objectId, const QString &scope, const QString &action);

} // namespace fm::emulator
