// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/pg/sqlcatalog.h"

#include <QFile>
#include <QHash>

#include <mutex>

namespace fm::pg {

Expected<QString> SqlCatalog::get(const QString &name)
{
    static std::mutex mutex;
    static QHash<QString, QString> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.constFind(name); it != cache.constEnd())
        return *it;
    QFile f(QStringLiteral(":/flexmigrate/sql/%1.sql").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::internal(QStringLiteral("SQL resource %1 is missing from the build.").arg(name)));
    const QString sql = QString::fromUtf8(f.readAll());
    cache.insert(name, sql);
    return sql;
}

} // namespace fm::pg
