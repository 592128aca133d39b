// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timerange.h"

#include "duration.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>

namespace Pd {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool readDigits(std::string_view text, std::size_t &i, std::size_t count, int &value)
{
    if (i + count > text.size())
        return false;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + i + count, value);
    if (ec != std::errc() || end != text.data() + i + count)
        return false;
    i += count;
    return true;
}

bool expect(std::string_view text, std::size_t &i, char c)
{
    if (i >= text.size() || (text[i] != c && !(c == 'T' && (text[i] == 't' || text[i] == ' '))))
        return false;
    ++i;
    return true;
}

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    std::size_t i = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, i, 4, year) || !expect(text, i, '-') || !readDigits(text, i, 2, month) ||
        !expect(text, i, '-') || !readDigits(text, i, 2, day) || !expect(text, i, 'T') ||
        !readDigits(text, i, 2, hour) || !expect(text, i, ':') || !readDigits(text, i, 2, minute) ||
        !expect(text, i, ':') || !readDigits(text, i, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::int64_t millis = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::int64_t scale = 100;
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            millis += (text[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
        if (i == start)
            return std::nullopt;
    }
    std::int64_t offsetSeconds = 0;
    if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
        ++i;
    } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        const int sign = text[i] == '-' ? -1 : 1;
        ++i;
        int oh = 0, om = 0;
        if (!readDigits(text, i, 2, oh) || !expect(text, i, ':') || !readDigits(text, i, 2, om))
            return std::nullopt;
        offsetSeconds = sign * (oh * 3600 + om * 60);
    } else {
        return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    const std::int64_t days =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000 + millis;
}

std::optional<std::int64_t> parseEpochSeconds(std::string_view text)
{
    double seconds = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds) ||
        std::abs(seconds) > 1e13)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(seconds * 1000.0));
}

} // namespace

TimeRange TimeRange::last(std::int64_t durationMs, std::int64_t nowMs)
{
    return TimeRange{nowMs - durationMs, nowMs};
}

TimePointParse parseTimePoint(std::string_view text, std::int64_t nowMs)
{
    TimePointParse result;
    if (text == "now") {
        result.ms = nowMs;
        return result;
    }
    if (text.starts_with("now-") || text.starts_with("now+")) {
        const DurationParse offset = parseDuration(text.substr(4));
        if (!offset.isValid()) {
            result.error = "invalid time \"" + std::string(text) + "\": " + offset.error;
            return result;
        }
        result.ms = text[3] == '-' ? nowMs - *offset.milliseconds : nowMs + *offset.milliseconds;
        return result;
    }
    if (auto epoch = parseEpochSeconds(text)) {
        result.ms = epoch;
        return result;
    }
    if (auto rfc = parseRfc3339(text)) {
        result.ms = rfc;
        return result;
    }
    result.error = "invalid time \"" + std::string(text) +
                   "\": expected Unix seconds, RFC 3339, now or now-<duration>";
    return result;
}

std::string formatRfc3339(std::int64_t ms)
{
    std::int64_t seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const std::int64_t millis = ms - seconds * 1000;
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t rest = seconds - days * 86400;
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    char buffer[96];
    if (millis != 0)
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                      static_cast<long long>(year), month, day, static_cast<long long>(rest / 3600),
                      static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60),
                      static_cast<long long>(millis));
    else
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                      static_cast<long long>(year), month, day, static_cast<long long>(rest / 3600),
                      static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
    return buffer;
}

std::int64_t currentTimeMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t localTimezoneOffsetSeconds(std::int64_t atMs)
{
    const std::time_t seconds = static_cast<std::time_t>(atMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return -static_cast<std::int64_t>(local.tm_gmtoff);
}

} // namespace Pd
