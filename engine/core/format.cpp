// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/core/format.h"

namespace fm {

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    static const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(v, 0, 'f', u ? 1 : 0).arg(QLatin1String(units[u]));
}

} // namespace fm
