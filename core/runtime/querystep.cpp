// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "querystep.h"

#include "duration.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace Pd {

namespace {

constexpr std::int64_t second = 1000;
constexpr std::int64_t minute = 60 * second;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;
constexpr std::int64_t week = 7 * day;
constexpr std::int64_t year = 365 * day;

struct StepRow
{
    std::int64_t below; // the raw step must be below this...
    std::int64_t step;  // ...to get this step
};

// perses/spec getSuggestedStepMs. Its 15m row shares the 12.5m bound of the 10m row and is
// never chosen, so it is left out.
constexpr std::array<StepRow, 29> stepTable = {{
    {15, 10},
    {35, 20},
    {75, 50},
    {150, 100},
    {350, 200},
    {750, 500},
    {1500, second},
    {3500, 2 * second},
    {7500, 5 * second},
    {12500, 10 * second},
    {17500, 15 * second},
    {25000, 20 * second},
    {45000, 30 * second},
    {90000, minute},
    {210000, 2 * minute},
    {450000, 5 * minute},
    {750000, 10 * minute},
    {1500000, 20 * minute},
    {2700000, 30 * minute},
    {5400000, hour},
    {9000000, 2 * hour},
    {16200000, 3 * hour},
    {32400000, 6 * hour},
    {day, 12 * hour},
    {week, day},
    {3 * week, week},
    {6 * week, 30 * day},
    {2 * year, year},
    {std::numeric_limits<std::int64_t>::max(), 15 * second},
}};

} // namespace

std::int64_t QueryStep::suggestedStepMs(std::int64_t rangeMs, int widthPx)
{
    if (widthPx <= 0 || rangeMs <= 0)
        return 0;
    const std::int64_t raw = rangeMs / widthPx;
    for (const StepRow &row : stepTable) {
        if (raw < row.below)
            return row.step;
    }
    return 15 * second;
}

QueryWindow QueryStep::compute(const StepRequest &request)
{
    QueryWindow window;
    double start = std::trunc(double(request.range.fromMs) / 1000.0);
    double end = std::trunc(double(request.range.toMs) / 1000.0);
    const double suggested =
        double(suggestedStepMs(request.range.durationMs(), request.widthPx)) / 1000.0;
    // Only a missing minStep falls back: an explicit 0s stays 0.
    double minStep = 60;
    if (request.minStepSeconds)
        minStep = std::floor(*request.minStepSeconds);
    else if (request.scrapeIntervalSeconds)
        minStep = std::trunc(*request.scrapeIntervalSeconds);
    double safeStep = (end - start) / 10000.0;
    if (safeStep > 1)
        safeStep = std::ceil(safeStep);
    double step = std::max({suggested, minStep, safeStep});
    if (step <= 0)
        step = 1; // a zero range and a zero minStep: Prometheus refuses step 0
    const double offset = double(request.timezoneOffsetSeconds);
    start = std::floor((start + offset) / step) * step - offset;
    end = std::floor((end + offset) / step) * step - offset;
    if (start == end)
        end = start + step;
    window.startSeconds = start;
    window.endSeconds = end;
    window.stepSeconds = step;
    window.minStepSeconds = minStep;
    return window;
}

std::string QueryStep::formatSeconds(double seconds)
{
    return formatDuration(static_cast<std::int64_t>(std::llround(seconds * 1000.0)));
}

std::string QueryStep::plainNumber(double value)
{
    char buffer[400]; // the longest double in fixed form has 309 digits before the point
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string QueryWindow::interval() const
{
    return QueryStep::formatSeconds(stepSeconds);
}

std::string QueryWindow::intervalMs() const
{
    return QueryStep::plainNumber(stepSeconds * 1000.0);
}

std::string QueryWindow::rateInterval() const
{
    return QueryStep::formatSeconds(std::max(stepSeconds + minStepSeconds, 4 * minStepSeconds));
}

} // namespace Pd
