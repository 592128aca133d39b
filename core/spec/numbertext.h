// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Pd {

// The value of a decimal number already checked against the JSON or YAML grammar, read as
// Go's strconv.ParseFloat reads it (and so the Perses server): a value too small for a
// double is zero with its sign; one too large has no value.
std::optional<double> readDecimal(std::string_view text);
// A sample value as Prometheus writes it: the shortest text that reads back the same,
// NaN, +Inf and -Inf.
std::string sampleText(double value);

} // namespace Pd
