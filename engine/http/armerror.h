// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/error.h"
#include "engine/http/request.h"

#include <nlohmann/json_fwd.hpp>

namespace fm::http {

/** 408, 429 and 5xx: a retry may help (azure-api.md §5.5). */
bool isRetryableStatus(int status);

/**
 * @brief Turns a response with status >= 400 into an Error.
 *
 * An ARM/DMS error envelope `{"error":{"code","message","target","details":[...]}}`
 * (azure-api.md §5.4, §4.7) gives category Arm with its code and message, and
 * the nested details (recursively) joined into `details`. Anything else is
 * category Http with a message naming the status. Always sets httpStatus,
 * requestId, correlationId and retryable. Malformed bodies never throw.
 */
Error errorFromResponse(const Response &response);

/**
 * @brief Reads one ARM error object ({"code","message","details"}) into an Error
 * of the given category; used for LRO status bodies too. Returns false when
 * the object has no code and no message.
 */
bool readArmErrorObject(const nlohmann::json &object, Error &error);

} // namespace fm::http
