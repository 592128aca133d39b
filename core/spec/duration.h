// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Pd {

// Perses DurationString (spec §8.1): units y w d h m s ms, each at most once, in decreasing
// order, integer amounts ("1h30m", "7d"); "0" is accepted. Errors use the server's wording.
struct DurationParse
{
    std::optional<std::int64_t> milliseconds;
    std::string error;

    bool isValid() const { return milliseconds.has_value(); }
};

DurationParse parseDuration(std::string_view text);
// Largest units first, zero units left out: 5400000 -> "1h30m", 0 -> "0s".
std::string formatDuration(std::int64_t milliseconds);

} // namespace Pd
