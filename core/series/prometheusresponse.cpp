// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusresponse.h"

#include "prometheusresponsekernel.h"

#include <simdjson.h>

#include <charconv>
#include <limits>

namespace Pd {

namespace {

// AVX2 kernels where the CPU has them, the portable one elsewhere.
bool cpuHasHaswellKernel()
{
#if defined(__x86_64__) && defined(PD_HAVE_HASWELL_KERNEL)
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") &&
                            __builtin_cpu_supports("pclmul");
    return has;
#else
    return false;
#endif
}

PrometheusResponse parseEnvelope(std::string_view body,
                                 const PrometheusResponseParser::Options &options, bool strings)
{
    static_assert(PrometheusResponseParser::padding >= simdjson::SIMDJSON_PADDING);
    // Proxies and load balancers answer with HTML pages: say so rather than "bad JSON".
    if (const auto first = body.find_first_not_of(" \t\r\n");
        first != std::string_view::npos && body[first] == '<') {
        PrometheusResponse response;
        response.errorType = "bad_response";
        response.error = "the answer is an HTML page, not a Prometheus API response";
        return response;
    }
    simdjson::padded_string copy;
    std::string_view padded = body;
    if (!options.bodyIsPadded) {
        copy = simdjson::padded_string(body);
        padded = std::string_view(copy.data(), copy.size());
    }
#if defined(PD_HAVE_HASWELL_KERNEL)
    PrometheusResponse response =
        cpuHasHaswellKernel()
            ? haswell::parseEnvelope(padded, options.expectedPointsPerSeries, strings)
            : generic::parseEnvelope(padded, options.expectedPointsPerSeries, strings);
#else
    PrometheusResponse response =
        generic::parseEnvelope(padded, options.expectedPointsPerSeries, strings);
#endif
    if (response.ok)
        response.result.shrinkToFit();
    else
        response.result.series().clear();
    return response;
}

} // namespace

const char *PrometheusResponseParser::kernel()
{
#if defined(PD_HAVE_HASWELL_KERNEL)
    if (cpuHasHaswellKernel())
        return haswell::kernelName();
#endif
    return generic::kernelName();
}

bool PrometheusResponseParser::parseSampleValue(std::string_view text, double &value)
{
    if (text == "NaN") {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "+Inf" || text == "Inf") {
        value = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == "-Inf") {
        value = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

PrometheusResponse PrometheusResponseParser::parseQuery(std::string_view body,
                                                        const Options &options)
{
    return parseEnvelope(body, options, false);
}

PrometheusResponse PrometheusResponseParser::parseQuery(std::string_view body)
{
    return parseEnvelope(body, Options{}, false);
}

PrometheusResponse PrometheusResponseParser::parseStrings(std::string_view body)
{
    return parseEnvelope(body, Options{}, true);
}

} // namespace Pd
