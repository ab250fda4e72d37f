// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared between the emulator's translation units; not part of its interface.

#include <QString>
#include <QStringList>

namespace fm::emulator {

inline constexpr const char *kApi2021 = "2021-06-15-privatepreview";
inline constexpr const char *kApi2024 = "2024-08-01";

bool sameText(const QString &a, const QString &b);
const QStringList &singleServerApiVersions();
const QStringList &flexibleServerApiVersions();
const QStringList &migrationApiVersions();

} // namespace fm::emulator
