// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/expected.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

/**
 * Lenient readers for ARM/DMS JSON. Response shapes differ between
 * api-versions only in key casing (`dBsToMigrate` vs `dbsToMigrate`,
 * `storageMB` vs `storageMb`) and in booleans vs "True"/"False" strings
 * (azure-api.md §10), so every lookup is case-insensitive and every typed read
 * accepts both spellings. Nothing here throws (STYLE.md 8).
 */
namespace fm::arm::jsonutil {

using nlohmann::json;

/** Parses text; a syntax error becomes a Validation error naming line and column. */
Expected<json> parse(const QByteArray &text, const QString &what);

/** The member `key` of `object` (exact match first, then case-insensitive); null when absent or `object` is no object. */
const json *find(const json &object, std::string_view key);
/** Like find(), but the first of several alternative names. */
const json *findAny(const json &object, std::initializer_list<std::string_view> keys);

QString toQString(const std::string &s);
std::string toStd(const QString &s);

/** String member, empty when absent/null; numbers and booleans are converted to text. */
QString string(const json &object, std::string_view key);
/** Integer member (number or numeric string). */
std::optional<qint64> integer(const json &object, std::string_view key);
/** Boolean member: true/false, or the strings "True"/"False" in any case (2023+ string enums). */
std::optional<bool> flag(const json &object, std::string_view key);
/** Interprets a single value as a flag (see flag()). */
std::optional<bool> flagValue(const json &value);
QStringList strings(const json &object, std::string_view key);
/** ISO 8601 date-time with any number of fractional digits ("2025-03-15T18:30:22.123456Z"), invalid when absent. */
QDateTime dateTime(const json &object, std::string_view key);
QDateTime parseDateTime(const QString &text);
/** ISO 8601 UTC text with milliseconds, as ARM writes it. */
QString formatDateTime(const QDateTime &dt);

json toJson(const QStringList &list);
/** The "True"/"False" string enums of api-versions 2023-03-01-preview and later. */
inline json trueFalse(bool v) { return v ? "True" : "False"; }

} // namespace fm::arm::jsonutil
