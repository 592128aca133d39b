// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "seriesstore.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Pd {

// A Prometheus API answer (perses-api.md §8.1): either data, or an error with its type.
// Warnings and infos come with either.
struct PrometheusResponse
{
    bool ok = false;
    std::string errorType; // Prometheus' errorType, or "bad_response" for unreadable bodies
    std::string error;
    std::vector<std::string> warnings;
    std::vector<std::string> infos;
    SeriesStore result;               // query and query_range
    std::vector<std::string> strings; // labels and label values
    // The string members of an object answer (/api/v1/status/buildinfo), in order.
    std::vector<std::pair<std::string, std::string>> fields;
    std::size_t bodyBytes = 0; // the answer's size as it came over the wire

    static PrometheusResponse failure(std::string type, std::string message)
    {
        PrometheusResponse response;
        response.errorType = std::move(type);
        response.error = std::move(message);
        return response;
    }
};

// Reads Prometheus JSON with simdjson's on-demand parser, straight into columnar series.
// Sample values are strings ("1.5", "NaN", "+Inf"); they are read in the C locale.
class PrometheusResponseParser
{
public:
    // Bytes that must be readable after the body (simdjson reads ahead). A body without them
    // is copied first.
    static constexpr std::size_t padding = 64;

    struct Options
    {
        std::size_t expectedPointsPerSeries = 0; // reserves series arrays up front
        bool bodyIsPadded = false;               // `padding` bytes follow the body
    };

    static PrometheusResponse parseQuery(std::string_view body, const Options &options);
    static PrometheusResponse parseQuery(std::string_view body);
    // /api/v1/labels and /api/v1/label/<name>/values: a list of strings; a status endpoint's
    // object (buildinfo) gives its string members as `fields`.
    static PrometheusResponse parseStrings(std::string_view body);
    // The simdjson kernel in use ("haswell", "fallback", ...).
    static const char *kernel();
    // A sample value as Prometheus writes it.
    static bool parseSampleValue(std::string_view text, double &value);
};

} // namespace Pd
