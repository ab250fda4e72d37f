// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// QTest printers for carry-over enums (found by argument-dependent lookup).
#include "engine/carryover/carryoverplan.h"

#include <QByteArray>

namespace fm::carryover {
inline char *toString(const CarryOverItem::State &s)
{
    return qstrdup(stateName(s).toUtf8().constData());
}
inline char *toString(const CarryOverItem::Kind &k)
{
    return qstrdup(kindName(k).toUtf8().constData());
}
} // namespace fm::carryover
