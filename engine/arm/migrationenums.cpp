// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "engine/arm/migrationenums.h"

namespace fm::arm {

QString toString(MigrationApiVersion v)
{
    switch (v) {
    case MigrationApiVersion::PrivatePreview20210615:
        return QStringLiteral("2021-06-15-privatepreview");
    case MigrationApiVersion::Stable20240801:
        return QStringLiteral("2024-08-01");
    }
    return {};
}

Expected<MigrationApiVersion> parseMigrationApiVersion(const QString &text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("2021-06-15-privatepreview"), Qt::CaseInsensitive) == 0)
        return MigrationApiVersion::PrivatePreview20210615;
    if (t.compare(QLatin1String("2024-08-01"), Qt::CaseInsensitive) == 0)
        return MigrationApiVersion::Stable20240801;
    return fail(Error::validation(QStringLiteral("UnsupportedApiVersion"),
                                  QStringLiteral("api-version '%1' is not supported for migrations.").arg(t),
                                  QStringLiteral("Use 2021-06-15-privatepreview (AAD app, seed era) or 2024-08-01 (current).")));
}

int maxDatabases(MigrationApiVersion v)
{
    return v == MigrationApiVersion::PrivatePreview20210615 ? 8 : 50;
}

bool isTerminal(const MigrationState &state)
{
    return state.is(QLatin1String("Succeeded")) || state.is(QLatin1String("Failed")) || state.is(QLatin1String("Canceled"))
        || state.is(QLatin1String("ValidationFailed"));
}

} // namespace fm::arm
