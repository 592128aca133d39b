// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "calculation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace Pd {

namespace {

struct CalculationName
{
    std::string_view name;
    std::string_view title; // as the Perses legend heads its columns
    Calculation calculation;
};
constexpr std::array<CalculationName, 8> calculationNames = {{
    {"first", "First", Calculation::First},
    {"last", "Last", Calculation::Last},
    {"first-number", "First *", Calculation::FirstNumber},
    {"last-number", "Last *", Calculation::LastNumber},
    {"mean", "Avg", Calculation::Mean},
    {"sum", "Sum", Calculation::Sum},
    {"min", "Min", Calculation::Min},
    {"max", "Max", Calculation::Max},
}};

} // namespace

std::optional<Calculation> parseCalculation(std::string_view name)
{
    for (const CalculationName &entry : calculationNames) {
        if (entry.name == name)
            return entry.calculation;
    }
    return std::nullopt;
}

std::string_view calculationTitle(Calculation calculation)
{
    for (const CalculationName &entry : calculationNames) {
        if (entry.calculation == calculation)
            return entry.title;
    }
    return {};
}

std::optional<double> calculate(Calculation calculation, std::span<const double> values)
{
    if (values.empty())
        return std::nullopt;
    switch (calculation) {
    case Calculation::First:
        return values.front();
    case Calculation::Last:
        return values.back();
    case Calculation::FirstNumber:
        for (double v : values) {
            if (!std::isnan(v))
                return v;
        }
        return std::nullopt;
    case Calculation::LastNumber:
        for (auto it = values.rbegin(); it != values.rend(); ++it) {
            if (!std::isnan(*it))
                return *it;
        }
        return std::nullopt;
    default:
        break;
    }
    double total = 0;
    double low = INFINITY;
    double high = -INFINITY;
    std::size_t count = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        total += v;
        low = std::min(low, v);
        high = std::max(high, v);
        ++count;
    }
    if (count == 0)
        return std::nullopt;
    switch (calculation) {
    case Calculation::Mean:
        return total / double(count);
    case Calculation::Sum:
        return total;
    case Calculation::Min:
        return low;
    case Calculation::Max:
        return high;
    default:
        return std::nullopt;
    }
}

} // namespace Pd
