// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

// Numbers printed the way the Perses UI's JavaScript prints them: Intl.NumberFormat('en-US')
// (ICU's decimal rounding, grouping, compact K/M/B/T), Number#toString, Math.round and
// numbro's toFixed. The unit formatter builds on these.
namespace Pd::JsNumber {

// The Intl options Perses passes. Grouping is always on ("1,234", compact "1,000T").
struct NumberStyle
{
    std::optional<int> fractionDigits;    // minimum = maximum fraction digits
    std::optional<int> significantDigits; // maximum significant digits; takes precedence
    bool compact = false;                 // notation 'compact': K, M, B, T
    int scale = 0;                        // power of ten applied first (2: percent style)
};

struct NumberText
{
    bool negative = false;
    std::string text; // without the sign
};

NumberText formatNumber(double value, const NumberStyle &style);
std::string withSign(const NumberText &number, std::string_view prefix, std::string_view suffix);
// CLDR en plural category "one": the integer 1 with no visible fraction digits.
bool isOne(const NumberText &number);
// JavaScript's Math.round: the nearest integer, halves towards +infinity.
double jsRound(double value);
// Number.prototype.toString.
std::string jsNumberText(double value);
// numbro's toFixed (see the definition).
std::string numbroFixed(double value, int digits);

} // namespace Pd::JsNumber
