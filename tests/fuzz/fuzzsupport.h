// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#pragma once

// Shared by the libFuzzer targets (issue 10). Each target defines
// LLVMFuzzerTestOneInput; with clang -fsanitize=fuzzer libFuzzer drives it, with
// g++ replaymain.cpp runs it over the seed corpus as an ordinary ctest test, so
// the seeds (and any crash input added to corpus/) stay regression tests.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace fm::fuzz {

/** JSON from raw bytes without exceptions (invalid input is simply not interesting). */
inline std::optional<nlohmann::json> json(const uint8_t *data, size_t size)
{
    auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return std::nullopt;
    return j;
}

/** A violated property: print why and abort so libFuzzer keeps the input as a crash. */
[[noreturn]] inline void failed(const char *what)
{
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

} // namespace fm::fuzz
