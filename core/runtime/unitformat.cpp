// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "unitformat.h"

#include "jsnumberformat.h"
#include "node.h"
#include "timerange.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>

// The behaviour mirrors @perses-dev/core src/model/units/*.ts. Those files hand numbers to
// Intl.NumberFormat('en-US') (ICU) and, for shortened bytes and bits, to numbro; the helpers
// below reproduce the parts of both that Perses uses.

namespace Pd {

namespace {

using namespace JsNumber;

constexpr int maxSignificantDigits = 3;  // constants.ts MAX_SIGNIFICANT_DIGITS
constexpr int defaultNumbroMantissa = 2; // bytes.ts / bits.ts DEFAULT_NUMBRO_MANTISSA
constexpr double maxDateMs = 8.64e15;    // the range of a JavaScript Date

template <typename T, std::size_t N>
const T *findByName(const std::array<T, N> &table, std::string_view name)
{
    const auto it = std::ranges::find(table, name, &T::name);
    return it == table.end() ? nullptr : &*it;
}

// ---------------------------------------------------------------------------------------------
// Unit groups (decimal.ts, percent.ts, time.ts, currency.ts, temperature.ts, bytes.ts, bits.ts,
// throughput.ts)

bool shortensValues(const UnitFormat &format)
{
    return format.shortValues.value_or(true);
}

// Every Perses formatter: decimalPlaces fixes the fraction digits; otherwise
// MAX_SIGNIFICANT_DIGITS applies when `significant`, else Intl's default of 0..3 fraction digits.
NumberStyle precision(const UnitFormat &format, bool significant)
{
    NumberStyle style;
    if (format.decimalPlaces)
        style.fractionDigits = format.decimalPlaces;
    else if (significant)
        style.significantDigits = maxSignificantDigits;
    return style;
}

// decimal.ts and the counting units of throughput.ts: compact unless shortValues is false.
NumberStyle decimalStyle(const UnitFormat &format)
{
    NumberStyle style = precision(format, shortensValues(format));
    style.compact = shortensValues(format);
    return style;
}

std::string formatPercent(double value, const UnitFormat &format)
{
    // Only "percent" is divided: the "%" shorthand is formatted as a 0-1 ratio, as percent.ts does.
    if (format.unit == "percent")
        value /= 100;
    NumberStyle style = precision(format, true);
    style.scale = 2; // Intl's percent style multiplies by 100 in decimal
    return withSign(formatNumber(value, style), "", "%");
}

struct TimeUnit
{
    std::string_view name;
    double seconds; // months and years are 30 and 365 days
    std::string_view one;
    std::string_view other;
};

// Largest first. Intl's narrow unit display, except for months and years which are long.
constexpr std::array<TimeUnit, 10> timeUnits{{
    {"years", 31536000, " year", " years"},
    {"months", 2592000, " month", " months"},
    {"weeks", 604800, "w", "w"},
    {"days", 86400, "d", "d"},
    {"hours", 3600, "h", "h"},
    {"minutes", 60, "m", "m"},
    {"seconds", 1, "s", "s"},
    {"milliseconds", 0.001, "ms", "ms"},
    {"microseconds", 0.000001, "μs", "μs"},
    {"nanoseconds", 0.000000001, "ns", "ns"},
}};

std::string formatTime(double value, const TimeUnit &unit, const UnitFormat &format)
{
    if (value == 0)
        return "0s";
    // The first unit in which the value is at least 1; a value that never is (a negative one)
    // ends in nanoseconds.
    const double seconds = value * unit.seconds;
    const TimeUnit *chosen = &timeUnits.back();
    for (const TimeUnit &candidate : timeUnits) {
        if (seconds / candidate.seconds >= 1) {
            chosen = &candidate;
            break;
        }
    }
    const NumberText number = formatNumber(seconds / chosen->seconds, precision(format, true));
    return withSign(number, "", isOne(number) ? chosen->one : chosen->other);
}

struct Currency
{
    std::string_view name;
    std::string_view symbol; // Intl en-US, currencyDisplay 'symbol'
};

constexpr std::array<Currency, 15> currencies{{{"aud", "A$"},
                                               {"cad", "CA$"},
                                               {"chf", "CHF"},
                                               {"cny", "CN¥"},
                                               {"eur", "€"},
                                               {"gbp", "£"},
                                               {"hkd", "HK$"},
                                               {"inr", "₹"},
                                               {"jpy", "¥"},
                                               {"krw", "₩"},
                                               {"nok", "NOK"},
                                               {"nzd", "NZ$"},
                                               {"sek", "SEK"},
                                               {"sgd", "SGD"},
                                               {"usd", "$"}}};

bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string formatCurrency(double value, const Currency &currency, const UnitFormat &format)
{
    const NumberText number = formatNumber(value, precision(format, true));
    // ICU's currency spacing: a symbol ending in a letter is set off from a digit by a
    // no-break space ("CHF 1.23"), not from "NaN" or "∞".
    const bool spaced = isAsciiLetter(currency.symbol.back()) && number.text.front() >= '0' &&
                        number.text.front() <= '9';
    return withSign(number, std::string(currency.symbol) + (spaced ? "\u00A0" : ""), "");
}

std::string formatTemperature(double value, bool celsius, const UnitFormat &format)
{
    // Intl's short unit, "°C" under en-GB and "°F" under en-US, both without a space.
    return withSign(formatNumber(value, precision(format, true)), "", celsius ? "°C" : "°F");
}

struct DataUnit
{
    std::string_view name;
    bool binary; // IEC: steps of 1024 (KiB); SI: steps of 1000 (KB)
    bool bits;
};

constexpr std::array<DataUnit, 4> dataUnits{{
    {"bytes", true, false},
    {"decbytes", false, false},
    {"bits", true, true},
    {"decbits", false, true},
}};

double stepOf(const DataUnit &unit)
{
    return unit.binary ? 1024 : 1000;
}

// numbro's byte output as bytes.ts and bits.ts configure it: the value in the largest unit not
// above it (the last one past it), a mantissa of 2 trimmed digits unless decimalPlaces is set,
// no grouping, a space, the suffix.
std::string numbroDataSize(double value, const DataUnit &unit, std::optional<int> decimalPlaces)
{
    using Suffixes = std::array<std::string_view, 9>;
    static constexpr Suffixes decimalBytes{"B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    static constexpr Suffixes binaryBytes{"B",   "KiB", "MiB", "GiB", "TiB",
                                          "PiB", "EiB", "ZiB", "YiB"};
    // bits.ts rewrites numbro's byte suffixes up to exa only.
    static constexpr Suffixes decimalBits{"B", "Kb", "Mb", "Gb", "Tb", "Pb", "Eb", "ZB", "YB"};
    static constexpr Suffixes binaryBits{"B",   "Kib", "Mib", "Gib", "Tib",
                                         "Pib", "Eib", "ZiB", "YiB"};
    const Suffixes &suffixes = unit.bits ? (unit.binary ? binaryBits : decimalBits)
                                         : (unit.binary ? binaryBytes : decimalBytes);
    const double step = stepOf(unit);
    std::size_t power = 0;
    if (std::fabs(value) >= step) {
        power = 1;
        while (power + 1 < suffixes.size() && std::fabs(value) >= std::pow(step, power + 1))
            ++power;
        value /= std::pow(step, static_cast<double>(power));
    }
    std::string number = std::isfinite(value)
                             ? numbroFixed(value, decimalPlaces.value_or(defaultNumbroMantissa))
                             : jsNumberText(value);
    if (!decimalPlaces && number.find('.') != std::string::npos) {
        number.erase(number.find_last_not_of('0') + 1);
        if (number.back() == '.')
            number.pop_back();
    }
    return number + " " + std::string(suffixes[power]);
}

std::string formatDataSize(double value, const DataUnit &unit, const UnitFormat &format)
{
    const bool shorten = shortensValues(format);
    if (shorten && !(std::fabs(value) < stepOf(unit))) // NaN goes to numbro too
        return numbroDataSize(value, unit, format.decimalPlaces);
    const NumberText number = formatNumber(value, precision(format, shorten));
    if (unit.bits)
        return withSign(number, "", " bits");
    return withSign(number, "", isOne(number) ? " byte" : " bytes"); // Intl's long 'byte'
}

constexpr std::array<std::string_view, 10> countingRates{
    "counts/sec", "events/sec",  "messages/sec", "ops/sec",  "packets/sec",
    "reads/sec",  "records/sec", "requests/sec", "rows/sec", "writes/sec",
};

// throughput.ts: data rates are byte or bit sizes over "sec" below one kilo-unit and over "s"
// from there ("500 bytes/sec", "1.5 KiB/s"); counting rates are decimals with the unit spelled.
std::optional<std::string> formatThroughput(double value, std::string_view unit,
                                            const UnitFormat &format)
{
    if (unit.ends_with("/sec")) {
        if (const DataUnit *data = findByName(dataUnits, unit.substr(0, unit.size() - 4)))
            return formatDataSize(value, *data, format) +
                   (std::fabs(value) < stepOf(*data) ? "/sec" : "/s");
    }
    if (std::ranges::find(countingRates, unit) == countingRates.end())
        return std::nullopt;
    return withSign(formatNumber(value, decimalStyle(format)), "", " " + std::string(unit));
}

// ---------------------------------------------------------------------------------------------
// Dates (date.ts)

constexpr std::array<std::string_view, 12> dateUnits{
    "datetime-iso", "datetime-us",   "datetime-local", "date-iso",
    "date-us",      "date-local",    "time-local",     "time-iso",
    "time-us",      "relative-time", "unix-timestamp", "unix-timestamp-ms",
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

struct DateFields
{
    std::tm tm{};
    int millisecond = 0;
};

// gmtime_r and localtime_r cover the whole range of a JavaScript Date (±275,760 years).
DateFields dateFields(std::int64_t ms, bool local, std::int64_t offsetMs = 0)
{
    DateFields out;
    const std::int64_t shifted = ms + offsetMs;
    const auto seconds = static_cast<std::time_t>(floorDiv(shifted, 1000));
    out.millisecond = static_cast<int>(shifted - floorDiv(shifted, 1000) * 1000);
    if (local)
        localtime_r(&seconds, &out.tm);
    else
        gmtime_r(&seconds, &out.tm);
    return out;
}

std::int64_t fullYear(const std::tm &tm)
{
    return std::int64_t{tm.tm_year} + 1900;
}

// The day of the week, 0 for Sunday (Sakamoto's method).
int weekday(std::int64_t year, int month, int day)
{
    static constexpr std::array<int, 12> offsets{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3)
        --year;
    return static_cast<int>((year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) %
                            7);
}

// The day of the month of a rule's Sunday: the first to fourth, or with week 5 the last.
int ruleSunday(std::int64_t year, int month, int week)
{
    if (week == 5) {
        const int last = month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        return last - weekday(year, month, last);
    }
    return 1 + (7 - weekday(year, month, 1)) % 7 + 7 * (week - 1);
}

struct DaylightRule
{
    std::int64_t fromYear;
    int startMonth, startWeek, endMonth, endWeek;
};

// US daylight saving time since 1967, newest first; from 2:00 on the start Sunday to 2:00
// daylight time on the end one. (The 1974-75 emergency starts are not modelled.)
constexpr std::array<DaylightRule, 3> usDaylightRules{{
    {2007, 3, 2, 11, 1},
    {1987, 4, 1, 10, 5},
    {1967, 4, 5, 10, 5},
}};

// `standard` is Eastern Standard Time; daylight time ends at 1:00 of it.
bool isEasternDaylightTime(const std::tm &standard)
{
    const std::int64_t year = fullYear(standard);
    const auto at = [](int month, int day, int hour) { return (month * 32 + day) * 24 + hour; };
    const int now = at(standard.tm_mon + 1, standard.tm_mday, standard.tm_hour);
    for (const DaylightRule &rule : usDaylightRules) {
        if (year >= rule.fromYear)
            return now >=
                       at(rule.startMonth, ruleSunday(year, rule.startMonth, rule.startWeek), 2) &&
                   now < at(rule.endMonth, ruleSunday(year, rule.endMonth, rule.endWeek), 1);
    }
    return false;
}

// America/New_York, which the "-us" units always use: UTC-5, or UTC-4 in daylight time.
DateFields easternFields(std::int64_t ms)
{
    constexpr std::int64_t hourMs = 3600 * 1000;
    const DateFields standard = dateFields(ms, false, -5 * hourMs);
    return isEasternDaylightTime(standard.tm) ? dateFields(ms, false, -4 * hourMs) : standard;
}

// date.ts valueToDate: Unix seconds below 1e10 (and down to -1e10), milliseconds beyond, plus
// second counts that land in year 9999; then JavaScript's Date range and truncation.
std::optional<std::int64_t> dateMs(double value)
{
    double ms = value < 1e10 ? value * 1000 : value;
    if (value < 0)
        ms = std::fabs(value) > 1e10 ? value : value * 1000;
    else if (value >= 2.5e11 && value <= 2.6e11 &&
             fullYear(dateFields(static_cast<std::int64_t>(value * 1000), false).tm) >= 9999)
        ms = value * 1000;
    if (!(std::fabs(ms) <= maxDateMs))
        return std::nullopt;
    return static_cast<std::int64_t>(std::trunc(ms));
}

std::string printed(const char *pattern, auto... values)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    return buffer;
}

// Date.prototype.toISOString: six-digit signed years outside 0..9999.
std::string isoDateTime(const DateFields &f)
{
    const std::int64_t year = fullYear(f.tm);
    const std::string yearText =
        year >= 0 && year <= 9999
            ? printed("%04lld", static_cast<long long>(year))
            : printed("%c%06lld", year < 0 ? '-' : '+', static_cast<long long>(std::abs(year)));
    return yearText + printed("-%02d-%02dT%02d:%02d:%02d.%03dZ", f.tm.tm_mon + 1, f.tm.tm_mday,
                              f.tm.tm_hour, f.tm.tm_min, f.tm.tm_sec, f.millisecond);
}

// Intl en-US with 2-digit month and day and a numeric year: "01/31/2024" (era years before 1).
std::string usDate(const DateFields &f)
{
    const std::int64_t year = fullYear(f.tm);
    return printed("%02d/%02d/%lld", f.tm.tm_mon + 1, f.tm.tm_mday,
                   static_cast<long long>(year > 0 ? year : 1 - year));
}

// hour12: false as browsers give it today (hourCycle h23, "00:05:00").
std::string clock24(const DateFields &f)
{
    return printed("%02d:%02d:%02d", f.tm.tm_hour, f.tm.tm_min, f.tm.tm_sec);
}

// hour12: true; browsers put a plain space before the day period.
std::string clock12(const DateFields &f)
{
    const int hour = f.tm.tm_hour % 12 == 0 ? 12 : f.tm.tm_hour % 12;
    return printed("%02d:%02d:%02d %s", hour, f.tm.tm_min, f.tm.tm_sec,
                   f.tm.tm_hour < 12 ? "AM" : "PM");
}

struct RelativeUnit
{
    std::string_view name;
    double ms;
    std::string_view last, next, current; // Intl.RelativeTimeFormat numeric 'auto' phrases
};

constexpr std::array<RelativeUnit, 7> relativeUnits{{
    {"year", 31536000000.0, "last year", "next year", "this year"},
    {"month", 2592000000.0, "last month", "next month", "this month"},
    {"week", 604800000.0, "last week", "next week", "this week"},
    {"day", 86400000.0, "yesterday", "tomorrow", "today"},
    {"hour", 3600000.0, {}, {}, "this hour"},
    {"minute", 60000.0, {}, {}, "this minute"},
    {"second", 1000.0, {}, {}, "now"},
}};

std::string relativePhrase(const RelativeUnit &unit, double count)
{
    if (count == -1 && !unit.last.empty())
        return std::string(unit.last);
    if (count == 1 && !unit.next.empty())
        return std::string(unit.next);
    const NumberText number = formatNumber(std::fabs(count), {});
    const std::string amount =
        number.text + " " + std::string(unit.name) + (isOne(number) ? "" : "s");
    return count < 0 ? amount + " ago" : "in " + amount;
}

// The largest unit in which the rounded difference is at least 1; "now" below a second and
// for a value that is no date.
std::string relativeTime(std::optional<std::int64_t> ms, std::int64_t nowMs)
{
    if (ms) {
        const auto difference = static_cast<double>(*ms - nowMs);
        for (const RelativeUnit &unit : relativeUnits) {
            const double count = jsRound(difference / unit.ms);
            if (std::fabs(count) >= 1)
                return relativePhrase(unit, count);
        }
    }
    return std::string(relativeUnits.back().current);
}

std::string formatDate(double value, std::string_view unit, std::int64_t nowMs)
{
    if (unit == "unix-timestamp")
        return jsNumberText(value > 1e12 ? std::floor(value / 1000) : value);
    if (unit == "unix-timestamp-ms")
        return jsNumberText(std::floor(value < 1e11 ? value * 1000 : value));
    const std::optional<std::int64_t> ms = dateMs(value);
    if (unit == "relative-time")
        return relativeTime(ms, nowMs != 0 ? nowMs : currentTimeMs());
    if (!ms)
        return "Invalid Date";                                    // Perses throws a RangeError here
    const std::string_view kind = unit.substr(0, unit.find('-')); // datetime, date, time
    const std::string_view zone = unit.substr(unit.rfind('-') + 1); // iso, us, local
    if (zone == "iso") {
        const std::string iso = isoDateTime(dateFields(*ms, false));
        const std::size_t t = iso.find('T');
        return kind == "datetime" ? iso : kind == "date" ? iso.substr(0, t) : iso.substr(t + 1, 12);
    }
    const DateFields fields = zone == "us" ? easternFields(*ms) : dateFields(*ms, true);
    const std::string clock = zone == "us" ? clock12(fields) : clock24(fields);
    if (kind == "date")
        return usDate(fields);
    return kind == "time" ? clock : usDate(fields) + ", " + clock;
}

int limitDecimalPlaces(double places)
{
    return static_cast<int>(std::clamp(std::floor(places), 0.0, 20.0));
}

} // namespace

UnitFormat parseUnitFormat(const Node &format)
{
    UnitFormat out;
    out.unit = format.stringAt("unit");
    if (const Node *places = format.find("decimalPlaces");
        places && places->isNumber() && !std::isnan(places->toNumber()))
        out.decimalPlaces = limitDecimalPlaces(places->toNumber());
    if (const Node *shortValues = format.find("shortValues"); shortValues && shortValues->isBool())
        out.shortValues = shortValues->toBool();
    return out;
}

bool isPercentUnit(std::string_view unit)
{
    return unit == "percent" || unit == "percent-decimal" || unit == "%";
}

std::string formatValue(double value, const UnitFormat &format, std::int64_t nowMs)
{
    UnitFormat f = format;
    if (f.decimalPlaces)
        f.decimalPlaces = limitDecimalPlaces(*f.decimalPlaces);
    const std::string_view unit = f.unit;
    if (isPercentUnit(unit))
        return formatPercent(value, f);
    if (const TimeUnit *time = findByName(timeUnits, unit))
        return formatTime(value, *time, f);
    if (const Currency *currency = findByName(currencies, unit))
        return formatCurrency(value, *currency, f);
    if (unit == "celsius" || unit == "fahrenheit")
        return formatTemperature(value, unit == "celsius", f);
    if (const DataUnit *data = findByName(dataUnits, unit))
        return formatDataSize(value, *data, f);
    if (std::optional<std::string> rate = formatThroughput(value, unit, f))
        return *rate;
    if (std::ranges::find(dateUnits, unit) != dateUnits.end())
        return formatDate(value, unit, nowMs);
    // decimal, no unit, and units this version does not know (Perses would throw)
    return withSign(formatNumber(value, decimalStyle(f)), "", "");
}

} // namespace Pd
