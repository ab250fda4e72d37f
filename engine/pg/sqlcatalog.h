// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QString>

namespace fm::pg {

/**
 * @brief SQL kept in resource files named by purpose (resources/sql/<area>/<name>.sql),
 * as pgcopydb keeps its catalog queries: reviewable as SQL, testable one by one.
 */
class SqlCatalog
{
public:
    /** e.g. get("inspect/server") reads :/flexmigrate/sql/inspect/server.sql (cached). */
    static Expected<QString> get(const QString &name);
};

} // namespace fm::pg
