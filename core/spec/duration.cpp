// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "duration.h"

#include <array>
#include <limits>

namespace Pd {

namespace {

struct Unit
{
    std::string_view name;
    std::int64_t milliseconds;
};

constexpr std::int64_t second = 1000;
constexpr std::array<Unit, 7> units = {{{"y", 365 * 24 * 3600 * second},
                                        {"w", 7 * 24 * 3600 * second},
                                        {"d", 24 * 3600 * second},
                                        {"h", 3600 * second},
                                        {"m", 60 * second},
                                        {"s", second},
                                        {"ms", 1}}};

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

} // namespace

DurationParse parseDuration(std::string_view text)
{
    DurationParse result;
    if (text == "0") {
        result.milliseconds = 0;
        return result;
    }
    if (text.empty()) {
        result.error = "empty duration string";
        return result;
    }
    std::int64_t total = 0;
    std::size_t nextUnit = 0; // units must come in decreasing order, each once
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9') {
            result.error = "not a valid duration string: " + quoted(text);
            return result;
        }
        std::int64_t amount = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (amount > (std::numeric_limits<std::int64_t>::max() - 9) / 10) {
                result.error = "duration out of range";
                return result;
            }
            amount = amount * 10 + (text[i++] - '0');
        }
        std::size_t unitEnd = i;
        while (unitEnd < text.size() && (text[unitEnd] < '0' || text[unitEnd] > '9'))
            ++unitEnd;
        const std::string_view unitName = text.substr(i, unitEnd - i);
        std::size_t found = units.size();
        for (std::size_t u = 0; u < units.size(); ++u) {
            if (units[u].name == unitName)
                found = u;
        }
        if (found == units.size()) {
            result.error = unitName.empty() ? "not a valid duration string: " + quoted(text)
                                            : "unknown unit " + quoted(unitName) + " in duration " +
                                                  quoted(text);
            return result;
        }
        if (found < nextUnit) {
            result.error = "not a valid duration string: " + quoted(text);
            return result;
        }
        nextUnit = found + 1;
        if (amount > std::numeric_limits<std::int64_t>::max() / units[found].milliseconds ||
            total > std::numeric_limits<std::int64_t>::max() - amount * units[found].milliseconds) {
            result.error = "duration out of range";
            return result;
        }
        total += amount * units[found].milliseconds;
        i = unitEnd;
    }
    // The server holds durations in nanoseconds (Go's time.Duration): about 292 years.
    if (total > std::numeric_limits<std::int64_t>::max() / 1'000'000) {
        result.error = "duration out of range";
        return result;
    }
    result.milliseconds = total;
    return result;
}

std::string formatDuration(std::int64_t milliseconds)
{
    if (milliseconds <= 0)
        return "0s";
    std::string out;
    for (const Unit &unit : units) {
        const std::int64_t amount = milliseconds / unit.milliseconds;
        if (amount > 0) {
            out += std::to_string(amount);
            out += unit.name;
            milliseconds -= amount * unit.milliseconds;
        }
    }
    return out;
}

} // namespace Pd
