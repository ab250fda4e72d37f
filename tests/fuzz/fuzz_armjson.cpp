// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: every ARM response parser (engine/arm migrationresource, servertypes,
// engine/http armerror) on one JSON document. Property: no crash, no exception
// (STYLE.md 8: JSON parsing is wrapped at the boundary, so a throw here is a bug),
// no sanitizer report. Seeds: tests/data/arm.

#include "engine/arm/migrationresource.h"
#include "engine/arm/servertypes.h"
#include "engine/http/armerror.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace fm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::json(data, size);
    if (!body)
        return 0;
    if (auto m = arm::parseMigration(*body)) {
        // Touch what the UI and mappers read, so lazily computed fields run too.
        (void)m->displayName();
        for (auto it = m->currentStatus.dbDetails.cbegin(); it != m->currentStatus.dbDetails.cend(); ++it)
            (void)it->migrationState;
    }
    (void)arm::parseMigrationList(*body);
    (void)arm::parseNameAvailability(*body);
    (void)arm::parseSingleServer(*body);
    (void)arm::parseFlexibleServer(*body);
    (void)arm::parseConfiguration(*body);
    (void)arm::parseFirewallRule(*body);
    (void)arm::parseDatabase(*body);
    Error error = Error::internal(QStringLiteral("fuzz"));
    (void)http::readArmErrorObject(*body, error);
    if (body->is_object() && body->contains("error"))
        (void)http::readArmErrorObject((*body)["error"], error);
    return 0;
}
