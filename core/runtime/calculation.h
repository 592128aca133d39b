// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace Pd {

// The reductions of spec §10.2 that Stat, Gauge, Bar, Pie charts and legends apply to a series.
// A NaN value is a missing sample: `first`/`last` return it (a null), the `-number` variants
// skip it, `mean` and `sum` ignore it and have no value when no sample is a number.
enum class Calculation { First, Last, FirstNumber, LastNumber, Mean, Sum, Min, Max };

std::optional<Calculation> parseCalculation(std::string_view name); // "last-number", ...
std::string_view calculationTitle(Calculation calculation);         // "Last *", "Avg", ...
std::optional<double> calculate(Calculation calculation, std::span<const double> values);

} // namespace Pd
