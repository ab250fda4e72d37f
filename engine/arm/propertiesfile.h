// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/arm/migrationrequest.h"

namespace fm::arm {

/**
 * @brief The `az postgres flexible-server migration create --properties FILE` file, both formats (azure-api.md §6.3, §6.4).
 *
 * Old (2021-2022): PascalCase keys, `SecretParameters.AADApp`,
 * `MigrationResourceGroup`, "true" strings. New (2023+): camelCase keys,
 * `sourceServerUsername`/`targetServerUsername`, `location` at the top.
 * Keys are matched case-insensitively as the CLI's
 * get_case_insensitive_key_value does. Unknown keys, missing required keys and
 * wrong types are errors that name the key path; values of secrets never
 * appear in an error.
 */
class PropertiesFile
{
public:
    enum class Format { Old, New };

    Format format = Format::New;
    CreateMigrationRequest request;

    static Expected<PropertiesFile> parse(const QByteArray &text, const QString &origin = QStringLiteral("The properties file"));
    static Expected<PropertiesFile> read(const QString &path);

    /** Text in the given format (contains the passwords: for a file the user asked for, never for a log). */
    static QByteArray write(const CreateMigrationRequest &request, Format format);

    /** Old files carry the AAD app and need 2021-06-15-privatepreview; new ones 2024-08-01. */
    MigrationApiVersion defaultApiVersion() const
    {
        return format == Format::Old ? MigrationApiVersion::PrivatePreview20210615 : MigrationApiVersion::Stable20240801;
    }
};

QString toString(PropertiesFile::Format format);

} // namespace fm::arm
