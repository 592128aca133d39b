// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "timerange.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Pd {

// What the Perses Prometheus plugin needs to choose a step (perses-api.md §9.3).
struct StepRequest
{
    TimeRange range;
    int widthPx = 0;                             // the panel's drawn width; 0 when unknown
    std::optional<double> minStepSeconds;        // the query's minStep, interpolated and parsed
    std::optional<double> scrapeIntervalSeconds; // the datasource's scrapeInterval
    std::int64_t timezoneOffsetSeconds = 0;      // as getTimezoneOffset(): positive west of UTC
};

// The aligned window and step a range query asks for.
struct QueryWindow
{
    double startSeconds = 0;
    double endSeconds = 0;
    double stepSeconds = 0;
    double minStepSeconds = 0;

    // Built-in variables of the Prometheus plugin (§9.4).
    std::string interval() const;     // $__interval, e.g. "1m30s"
    std::string intervalMs() const;   // $__interval_ms, e.g. "90000"
    std::string rateInterval() const; // $__rate_interval: max(step + minStep, 4 × minStep)
};

class QueryStep
{
public:
    // The "nice" step for a range drawn over `widthPx` pixels; 0 when the width is unknown.
    static std::int64_t suggestedStepMs(std::int64_t rangeMs, int widthPx);
    static QueryWindow compute(const StepRequest &request);
    // A step in seconds as a Perses duration string ("500ms", "1m", "1h30m").
    static std::string formatSeconds(double seconds);
    // A number as Prometheus parameters and `$__interval_ms` take it: plain, never in
    // exponent form ("1700000000", "0.5").
    static std::string plainNumber(double value);
};

} // namespace Pd
