// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsnumberformat.h"

#include "jsonwriter.h"
#include "node.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace Pd::JsNumber {

// JavaScript's Math.round: the nearest integer, halves towards +infinity.
double jsRound(double value)
{
    const double floor = std::floor(value);
    return value - floor >= 0.5 ? floor + 1 : floor;
}

// Number.prototype.toString, as Perses prints raw timestamps and numbro non-finite values.
std::string jsNumberText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value < 0 ? "-Infinity" : "Infinity";
    // A number node without source text is written the way JavaScript prints it.
    return JsonWriter::numberText(Node::number(value, std::string()));
}

namespace {

constexpr int intlDefaultMaxFraction = 3; // Intl's maximumFractionDigits for plain numbers

// ---------------------------------------------------------------------------------------------
// Intl.NumberFormat('en-US')

// value = 0.<digits> x 10^point. ICU rounds this decimal form of the shortest round-trip text,
// not the binary value, so 1.005 rounded to two places is 1.01.
struct DecimalDigits
{
    std::string digits; // no leading or trailing zeros; empty for zero
    int point = 0;
};

DecimalDigits decimalDigits(double magnitude)
{
    DecimalDigits d;
    if (magnitude == 0)
        return d;
    char buffer[40];
    const char *end =
        std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific).ptr;
    const std::string_view text(buffer, end);
    const std::size_t e = text.find('e');
    std::ranges::copy_if(text.substr(0, e), std::back_inserter(d.digits),
                         [](char c) { return c != '.'; });
    std::string_view exponent = text.substr(e + 1);
    if (exponent.front() == '+')
        exponent.remove_prefix(1); // from_chars takes '-' but not '+'
    std::from_chars(exponent.data(), exponent.data() + exponent.size(), d.point);
    d.point += 1;
    d.digits.erase(d.digits.find_last_not_of('0') + 1);
    return d;
}

double toDouble(const DecimalDigits &d)
{
    if (d.digits.empty())
        return 0;
    const std::string text = "0." + d.digits + 'e' + std::to_string(d.point);
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// Keeps the first `count` digits, rounding half away from zero (ICU's halfExpand).
void keepDigits(DecimalDigits &d, int count)
{
    if (count >= static_cast<int>(d.digits.size()))
        return;
    const bool up = count >= 0 && d.digits[count] >= '5';
    d.digits.resize(std::max(count, 0));
    if (up) {
        auto it = d.digits.rbegin();
        for (; it != d.digits.rend() && *it == '9'; ++it)
            *it = '0';
        if (it == d.digits.rend()) {
            d.digits.insert(d.digits.begin(), '1');
            ++d.point;
        } else {
            ++*it;
        }
    }
    d.digits.erase(d.digits.find_last_not_of('0') + 1);
    if (d.digits.empty())
        d.point = 0;
}

std::string groupThousands(std::string integer)
{
    for (int i = static_cast<int>(integer.size()) - 3; i > 0; i -= 3)
        integer.insert(static_cast<std::size_t>(i), 1, ',');
    return integer;
}

std::string renderDigits(const DecimalDigits &d, int minFraction)
{
    const int size = static_cast<int>(d.digits.size());
    std::string integer = "0";
    std::string fraction;
    if (d.point <= 0) {
        fraction = std::string(static_cast<std::size_t>(-d.point), '0') + d.digits;
    } else if (d.point >= size) {
        integer = d.digits + std::string(static_cast<std::size_t>(d.point - size), '0');
    } else {
        integer = d.digits.substr(0, static_cast<std::size_t>(d.point));
        fraction = d.digits.substr(static_cast<std::size_t>(d.point));
    }
    if (static_cast<int>(fraction.size()) < minFraction)
        fraction.resize(static_cast<std::size_t>(minFraction), '0');
    return groupThousands(integer) + (fraction.empty() ? "" : "." + fraction);
}

void applyRounding(DecimalDigits &d, const NumberStyle &style)
{
    if (style.significantDigits)
        keepDigits(d, *style.significantDigits);
    else
        keepDigits(d, d.point + style.fractionDigits.value_or(intlDefaultMaxFraction));
}

// The power of ten en's short compact patterns divide by: K from 10^3 up to T from 10^12.
int compactPower(int magnitude)
{
    return magnitude < 3 ? 0 : std::min(magnitude / 3, 4) * 3;
}

// Rounds in the compact unit. When rounding carries into the next one (999,999 -> 1000K),
// ICU moves the rounded value to that unit and rounds again ("1M").
int roundCompact(DecimalDigits &d, const NumberStyle &style)
{
    const int magnitude = d.point - 1;
    int power = compactPower(magnitude);
    d.point -= power;
    applyRounding(d, style);
    const int carried = compactPower(magnitude + 1);
    if (!d.digits.empty() && d.point - 1 + power > magnitude && carried != power) {
        d.point -= carried - power;
        power = carried;
        applyRounding(d, style);
    }
    return power;
}

} // namespace

NumberText formatNumber(double value, const NumberStyle &style)
{
    if (std::isnan(value))
        return {false, "NaN"};
    if (std::isinf(value))
        return {value < 0, "∞"};
    // The sign stays on values that round to zero, as Intl prints "-0".
    NumberText out{std::signbit(value), {}};
    DecimalDigits d = decimalDigits(std::fabs(value));
    if (d.digits.empty()) {
        out.text = renderDigits(d, style.fractionDigits.value_or(0));
        return out;
    }
    d.point += style.scale;
    static constexpr std::array<const char *, 5> compactSuffixes{"", "K", "M", "B", "T"};
    int power = 0;
    if (style.compact)
        power = roundCompact(d, style);
    else
        applyRounding(d, style);
    out.text = renderDigits(d, style.fractionDigits.value_or(0)) + compactSuffixes[power / 3];
    return out;
}

std::string withSign(const NumberText &number, std::string_view prefix, std::string_view suffix)
{
    std::string out = number.negative ? "-" : "";
    out.append(prefix).append(number.text).append(suffix);
    return out;
}

// CLDR en plural category "one": the integer 1 with no visible fraction digits.
bool isOne(const NumberText &number)
{
    return number.text == "1";
}

// numbro's toFixed: the number's shortest text shifted by `digits` places, rounded with
// Math.round, printed with exactly `digits` fraction digits. From 1e21, where JavaScript
// writes an exponent, the shortest digits are padded with zeros instead.
std::string numbroFixed(double value, int digits)
{
    DecimalDigits d = decimalDigits(std::fabs(value));
    if (std::fabs(value) >= 1e21) {
        const std::string integer =
            (value < 0 ? "-" : "") + d.digits + std::string(d.point - d.digits.size(), '0');
        return digits > 0 ? integer + "." + std::string(static_cast<std::size_t>(digits), '0')
                          : integer;
    }
    d.point += digits;
    const double rounded = jsRound(std::copysign(toDouble(d), value));
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, rounded / std::pow(10.0, digits));
    return buffer;
}

} // namespace Pd::JsNumber
