// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Pd {

class Node;

// A panel's `#format` (spec §10.1): the unit a number stands for and how to print it.
struct UnitFormat
{
    std::string unit; // empty: decimal
    std::optional<int> decimalPlaces;
    std::optional<bool> shortValues; // unset means true, as in Perses
};

// Reads a `#format` object; fields of the wrong type are ignored. decimalPlaces is floored and
// kept within 0..20, the range Intl.NumberFormat accepts.
UnitFormat parseUnitFormat(const Node &format);

// The text the Perses UI shows for `value` in `format` (@perses-dev/core model/units, en-US).
// Numbers follow Intl.NumberFormat: at most 3 significant digits unless decimalPlaces fixes
// the fraction, "1,234" grouping, compact K/M/B/T when values are shortened. bytes/bits above
// one kilo-unit follow numbro ("1.5 KiB", "1.23 KB"). Date units read `value` as Unix seconds
// below 1e10 and milliseconds above; `*-us` is America/New_York, `*-local` the process's zone;
// relative-time compares against `nowMs` (0: the current time). Unknown units print as decimal.
std::string formatValue(double value, const UnitFormat &format, std::int64_t nowMs = 0);

// percent, percent-decimal and their shorthand "%": the units GaugeChart scales to 100.
bool isPercentUnit(std::string_view unit);

} // namespace Pd
