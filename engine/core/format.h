// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include <QString>

namespace fm {

/** "1.5 MB" (binary units, one decimal above bytes); "?" for a negative (unknown) size. */
QString formatBytes(qint64 bytes);

} // namespace fm
