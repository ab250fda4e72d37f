// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

#include "engine/core/error.h"

#include <expected>

namespace fm {

/** @brief Engine APIs return values or an Error, never throw across a boundary. */
template<typename T>
using Expected = std::expected<T, Error>;

/** Shorthand for returning an error from a function that returns Expected<T>. */
inline std::unexpected<Error> fail(Error e)
{
    return std::unexpected<Error>(std::move(e));
}

} // namespace fm
