// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
// The Prometheus response reader proper. This file is compiled once per simdjson kernel
// (see CMakeLists.txt): simdjson's on-demand API is chosen when compiling, so each build gets
// its own namespace and prometheusresponse.cpp picks one for the CPU at run time. Only
// kernel-namespaced simdjson code is used here, so the copies never mix.
#include "prometheusresponsekernel.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace Pd::PD_PARSER_KERNEL {

namespace {

using namespace simdjson;
using namespace simdjson::SIMDJSON_BUILTIN_IMPLEMENTATION;

constexpr const char *badResponse = "bad_response";

struct Reader
{
    PrometheusResponse &response;
    std::size_t expectedPoints = 0;
    // Points reserved so far may not exceed what the body could hold (a point takes at least
    // eight bytes of JSON), so many short series cannot make reservations explode.
    std::size_t reserveBudget = 0;

    bool fail(error_code code, std::string_view where)
    {
        response.ok = false;
        response.errorType = badResponse;
        response.error = "unreadable response from Prometheus (" + std::string(where) +
                         "): " + error_message(code);
        return false;
    }

    bool fail(std::string message)
    {
        response.ok = false;
        response.errorType = badResponse;
        response.error = std::move(message);
        return false;
    }

    // A sample value string, read from its raw bytes: no unescaping needed for numbers.
    bool readSampleValue(ondemand::value value, double &out)
    {
        // Numbers at simdjson's speed; NaN and infinities from the raw text.
        if (value.get_double_in_string().get(out) == SUCCESS)
            return true;
        ondemand::raw_json_string raw;
        if (auto error = value.get_raw_json_string().get(raw))
            return fail(error, "sample value");
        const char *begin = raw.raw();
        const char *end = static_cast<const char *>(std::memchr(begin, '"', 64));
        if (!end ||
            !PrometheusResponseParser::parseSampleValue(std::string_view(begin, end - begin), out))
            return fail("unreadable sample value in the response from Prometheus");
        return true;
    }

    // Eight ASCII digits in a little-endian word: every byte 0x30..0x39.
    static bool areEightDigits(std::uint64_t bytes)
    {
        const std::uint64_t high = bytes & 0xF0F0F0F0F0F0F0F0ULL;
        const std::uint64_t carried = ((bytes + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL);
        return (high | (carried >> 4)) == 0x3333333333333333ULL;
    }

    // Their value, combining pairs, then quads, then the two halves (three multiplications
    // in place of eight dependent steps).
    static std::int64_t eightDigitsValue(std::uint64_t bytes)
    {
        bytes &= 0x0F0F0F0F0F0F0F0FULL;
        bytes = (bytes * 10 + (bytes >> 8)) & 0x00FF00FF00FF00FFULL;
        bytes = (bytes * 100 + (bytes >> 16)) & 0x0000FFFF0000FFFFULL;
        return static_cast<std::int64_t>((bytes * 10000 + (bytes >> 32)) & 0xFFFFFFFFULL);
    }

    // Prometheus writes sample times as seconds with at most three decimals (1700000000.5).
    // Those are read as whole milliseconds, exactly and without a float conversion; any other
    // form takes the general number path.
    static bool readWholeMilliseconds(std::string_view token, std::int64_t &out)
    {
        const char *p = token.data();
        const char *const end = p + token.size();
        std::int64_t ms = 0;
        int digits = 0;
        // Today's times have ten digits: the first eight are read at once. The body's padding
        // makes the eight-byte load safe at its very end.
        if (std::uint64_t eight = 0; token.size() >= 8) {
            std::memcpy(&eight, p, sizeof eight);
            if (areEightDigits(eight)) {
                ms = eightDigitsValue(eight);
                p += 8;
                digits = 8;
            }
        }
        // Thirteen digits at most are read (no overflow): past twelve, the year is beyond
        // 33,000 and the float path says what the number is.
        for (; p < end && digits < 13 && static_cast<unsigned char>(*p - '0') < 10; ++p, ++digits)
            ms = ms * 10 + (*p - '0');
        if (digits == 0 || digits > 12)
            return false;
        int decimals = 0;
        if (p < end && *p == '.') {
            for (++p; p < end && static_cast<unsigned char>(*p - '0') < 10; ++p, ++decimals) {
                if (decimals == 3)
                    return false;
                ms = ms * 10 + (*p - '0');
            }
            if (decimals == 0)
                return false;
        }
        if (p < end && *p != ',' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\t' &&
            *p != '\r')
            return false;
        for (; decimals < 3; ++decimals)
            ms *= 10;
        out = ms;
        return true;
    }

    bool readTimestamp(ondemand::value value, std::int64_t &out)
    {
        return readWholeMilliseconds(value.raw_json_token(), out) || readAnyTimestamp(value, out);
    }

    [[gnu::noinline]] bool readAnyTimestamp(ondemand::value value, std::int64_t &out)
    {
        double seconds = 0;
        if (auto error = value.get_double().get(seconds))
            return fail(error, "sample time");
        // Rounded by hand: llround is a library call on the hottest path.
        const double ms = seconds * 1000.0;
        if (!(std::abs(ms) < 9.0e18)) // also false for NaN
            return fail("a sample time is out of range");
        out = static_cast<std::int64_t>(ms + (ms >= 0 ? 0.5 : -0.5));
        return true;
    }

    // [ts, "v"], read positionally: this runs once per sample.
    bool readSample(ondemand::array pair, std::int64_t &time, double &value)
    {
        auto it = pair.begin();
        auto end = pair.end();
        if (it == end)
            return fail("a sample is not a [time, value] pair");
        ondemand::value item;
        if (auto error = (*it).get(item))
            return fail(error, "sample");
        if (!readTimestamp(item, time))
            return false;
        ++it;
        if (it == end)
            return fail("a sample is not a [time, value] pair");
        if (auto error = (*it).get(item))
            return fail(error, "sample");
        if (!readSampleValue(item, value))
            return false;
        ++it;
        if (it != end)
            return fail("a sample is not a [time, value] pair");
        return true;
    }

    // Times stay implicit (TimeSeries::stepMs) while the samples keep the step between the
    // first two, as a range query's do. At the first sample off that grid the times so far
    // are written out, and the series goes on with a list of times.
    bool readValues(ondemand::array values, Series &series)
    {
        if (const std::size_t reserve = std::min(expectedPoints, reserveBudget); reserve > 0) {
            series.values.reserve(reserve);
            reserveBudget -= reserve;
        }
        std::int64_t start = 0;
        std::int64_t step = 0;
        std::int64_t next = 0; // where the next sample lies on the grid
        // The last time from which the grid goes on without overflow (largest time - step).
        std::int64_t lastWithNext = std::numeric_limits<std::int64_t>::min();
        bool listed = false;
        for (auto element : values) {
            ondemand::array pair;
            if (auto error = element.get_array().get(pair))
                return fail(error, "values");
            std::int64_t time = 0;
            double value = 0;
            if (!readSample(pair, time, value))
                return false;
            if (!listed) {
                const std::size_t index = series.values.size();
                bool onGrid = true;
                if (index == 0) {
                    start = time;
                } else if (index == 1) {
                    onGrid = time > start && difference(time, start, step);
                    lastWithNext = std::numeric_limits<std::int64_t>::max() - step;
                } else {
                    onGrid = time == next;
                }
                // Past lastWithNext the grid ends: no sample lies at the smallest time.
                next =
                    time <= lastWithNext ? time + step : std::numeric_limits<std::int64_t>::min();
                if (!onGrid) {
                    listTimes(series, start, step);
                    listed = true;
                }
            }
            if (listed)
                series.timesMs.push_back(time);
            series.values.push_back(value);
        }
        if (!listed && step > 0) {
            series.startMs = start;
            series.stepMs = step;
        } else if (!listed && !series.values.empty()) {
            series.timesMs.push_back(start);
        }
        return true;
    }

    // a + b and a - b when they fit: times come from outside, and a step between two far
    // apart ones must not overflow.
    static bool sum(std::int64_t a, std::int64_t b, std::int64_t &out)
    {
        constexpr auto most = std::numeric_limits<std::int64_t>::max();
        constexpr auto least = std::numeric_limits<std::int64_t>::min();
        if ((b > 0 && a > most - b) || (b < 0 && a < least - b))
            return false;
        out = a + b;
        return true;
    }

    static bool difference(std::int64_t a, std::int64_t b, std::int64_t &out)
    {
        return b != std::numeric_limits<std::int64_t>::min() && sum(a, -b, out);
    }

    static void listTimes(Series &series, std::int64_t start, std::int64_t step)
    {
        series.timesMs.reserve(series.values.capacity());
        for (std::size_t i = 0; i < series.values.size(); ++i)
            series.timesMs.push_back(start + static_cast<std::int64_t>(i) * step);
    }

    bool readBuckets(ondemand::array buckets, HistogramSample &sample)
    {
        for (auto element : buckets) {
            ondemand::array bucket;
            if (auto error = element.get_array().get(bucket))
                return fail(error, "histogram bucket");
            HistogramBucket out;
            std::size_t index = 0;
            for (auto part : bucket) {
                ondemand::value item;
                if (auto error = part.get(item))
                    return fail(error, "histogram bucket");
                if (index == 0) {
                    int64_t rule = 0;
                    if (auto error = item.get_int64().get(rule))
                        return fail(error, "histogram boundary rule");
                    out.boundaryRule = static_cast<int>(rule);
                } else {
                    double *target = index == 1 ? &out.lower : index == 2 ? &out.upper : &out.count;
                    if (index <= 3 && !readSampleValue(item, *target))
                        return false;
                }
                ++index;
            }
            sample.buckets.push_back(out);
        }
        return true;
    }

    // <histogram> = {"count": "n", "sum": "s", "buckets": [...]}
    bool readHistogram(ondemand::object histogram, HistogramSample &sample)
    {
        for (auto field : histogram) {
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "histogram");
            ondemand::value value = field.value();
            if (key == "count") {
                if (!readSampleValue(value, sample.count))
                    return false;
            } else if (key == "sum") {
                if (!readSampleValue(value, sample.sum))
                    return false;
            } else if (key == "buckets") {
                ondemand::array buckets;
                if (auto error = value.get_array().get(buckets))
                    return fail(error, "histogram buckets");
                if (!readBuckets(buckets, sample))
                    return false;
            }
        }
        return true;
    }

    // [ts, <histogram>]
    bool readHistogramSample(ondemand::array pair, HistogramSample &sample)
    {
        std::size_t index = 0;
        for (auto element : pair) {
            ondemand::value item;
            if (auto error = element.get(item))
                return fail(error, "histogram sample");
            if (index == 0 && !readTimestamp(item, sample.timeMs))
                return false;
            if (index == 1) {
                ondemand::object histogram;
                if (auto error = item.get_object().get(histogram))
                    return fail(error, "histogram");
                if (!readHistogram(histogram, sample))
                    return false;
            }
            ++index;
        }
        return index == 2 || fail("a histogram sample is not a [time, histogram] pair");
    }

    bool readHistograms(ondemand::array histograms, Series &series)
    {
        for (auto element : histograms) {
            ondemand::array pair;
            if (auto error = element.get_array().get(pair))
                return fail(error, "histograms");
            HistogramSample sample;
            if (!readHistogramSample(pair, sample))
                return false;
            series.histograms.push_back(std::move(sample));
        }
        return true;
    }

    bool readLabels(ondemand::object metric, Series &series)
    {
        for (auto field : metric) {
            std::string_view key;
            std::string_view value;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "labels");
            if (auto error = field.value().get_string().get(value))
                return fail(error, "label value");
            series.labels.emplace_back(std::string(key), std::string(value));
        }
        return true;
    }

    // One element of a vector or matrix result.
    bool readSeries(ondemand::object element, Series &series)
    {
        for (auto field : element) {
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "series");
            ondemand::value value = field.value();
            if (key == "metric") {
                ondemand::object metric;
                if (auto error = value.get_object().get(metric))
                    return fail(error, "metric");
                if (!readLabels(metric, series))
                    return false;
            } else if (key == "values" || key == "value") {
                ondemand::array array;
                if (auto error = value.get_array().get(array))
                    return fail(error, "values");
                if (key == "values") {
                    if (!readValues(array, series))
                        return false;
                } else {
                    std::int64_t time = 0;
                    double sample = 0;
                    if (!readSample(array, time, sample))
                        return false;
                    series.timesMs.push_back(time);
                    series.values.push_back(sample);
                }
            } else if (key == "histograms") {
                ondemand::array array;
                if (auto error = value.get_array().get(array))
                    return fail(error, "histograms");
                if (!readHistograms(array, series))
                    return false;
            } else if (key == "histogram") {
                ondemand::array pair;
                if (auto error = value.get_array().get(pair))
                    return fail(error, "histogram");
                HistogramSample sample;
                if (!readHistogramSample(pair, sample))
                    return false;
                series.histograms.push_back(std::move(sample));
            }
        }
        // With histograms the plugin plots their sums and drops float samples (§9.6).
        if (!series.histograms.empty()) {
            series.timesMs.clear();
            series.stepMs = 0;
            series.values.clear();
            for (const HistogramSample &sample : series.histograms) {
                series.timesMs.push_back(sample.timeMs);
                series.values.push_back(sample.sum);
            }
        }
        return true;
    }

    bool readResult(ondemand::value result)
    {
        ondemand::json_type type;
        if (auto error = result.type().get(type))
            return fail(error, "result");
        SeriesStore &store = response.result;
        if (type != ondemand::json_type::array)
            return fail("the result is not a list");
        ondemand::array array;
        if (auto error = result.get_array().get(array))
            return fail(error, "result");
        // Either series objects (vector, matrix) or one [time, value] pair (scalar, string).
        std::size_t index = 0;
        bool sawSeries = false;
        Series scalar;
        for (auto element : array) {
            ondemand::value item;
            if (auto error = element.get(item))
                return fail(error, "result");
            ondemand::json_type itemType;
            if (auto error = item.type().get(itemType))
                return fail(error, "result");
            if (itemType == ondemand::json_type::object) {
                if (index > 0 && !sawSeries)
                    return fail("the result mixes series and a scalar");
                sawSeries = true;
                ondemand::object object;
                if (auto error = item.get_object().get(object))
                    return fail(error, "result");
                Series &series = store.series().emplace_back();
                if (!readSeries(object, series))
                    return false;
                if (!series.hasImplicitTimes() && series.timesMs.size() != series.values.size())
                    return fail("a series has a different number of times and values");
            } else if (sawSeries || index > 1) {
                return fail("the result mixes series and a scalar");
            } else if (index == 0) {
                if (!readTimestamp(item, scalar.timesMs.emplace_back()))
                    return false;
            } else {
                double value = 0;
                std::string_view text;
                if (store.resultType() == SeriesStore::ResultType::String) {
                    if (auto error = item.get_string().get(text))
                        return fail(error, "string result");
                    scalar.labels.emplace_back("value", std::string(text));
                    value = std::numeric_limits<double>::quiet_NaN();
                } else if (!readSampleValue(item, value)) {
                    return false;
                }
                scalar.values.push_back(value);
            }
            ++index;
        }
        if (!sawSeries && index > 0) {
            if (index != 2)
                return fail("a scalar result is not a [time, value] pair");
            store.series().push_back(std::move(scalar));
        }
        return true;
    }

    bool readResultType(ondemand::value value)
    {
        std::string_view type;
        if (auto error = value.get_string().get(type))
            return fail(error, "resultType");
        SeriesStore &store = response.result;
        if (type == "matrix")
            store.setResultType(SeriesStore::ResultType::Matrix);
        else if (type == "vector")
            store.setResultType(SeriesStore::ResultType::Vector);
        else if (type == "scalar")
            store.setResultType(SeriesStore::ResultType::Scalar);
        else if (type == "string")
            store.setResultType(SeriesStore::ResultType::String);
        else
            return fail("unknown resultType \"" + std::string(type) + "\"");
        return true;
    }

    // A status object: its string members; numbers, lists and objects are not kept.
    bool readFields(ondemand::value data)
    {
        ondemand::object object;
        if (auto error = data.get_object().get(object))
            return fail(error, "data");
        for (auto field : object) {
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "data");
            std::string name(key);
            std::string_view text;
            if (field.value().get_string().get(text) == simdjson::SUCCESS)
                response.fields.emplace_back(std::move(name), std::string(text));
        }
        return true;
    }

    bool readData(ondemand::value data, bool strings)
    {
        if (strings) {
            ondemand::json_type type;
            if (auto error = data.type().get(type))
                return fail(error, "data");
            if (type == ondemand::json_type::object)
                return readFields(data);
            ondemand::array array;
            if (auto error = data.get_array().get(array))
                return fail(error, "data");
            for (auto element : array) {
                std::string_view text;
                if (auto error = element.get_string().get(text))
                    return fail(error, "data");
                response.strings.emplace_back(text);
            }
            return true;
        }
        ondemand::object object;
        if (auto error = data.get_object().get(object))
            return fail(error, "data");
        for (auto field : object) {
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "data");
            if (key == "resultType") {
                if (!readResultType(field.value()))
                    return false;
            } else if (key == "result") {
                if (!readResult(field.value()))
                    return false;
            }
        }
        return true;
    }

    bool readMessages(ondemand::value value, std::vector<std::string> &out)
    {
        ondemand::array array;
        if (auto error = value.get_array().get(array))
            return fail(error, "warnings");
        for (auto element : array) {
            std::string_view text;
            if (auto error = element.get_string().get(text))
                return fail(error, "warnings");
            out.emplace_back(text);
        }
        return true;
    }

    bool readEnvelope(padded_string_view json, bool strings)
    {
        // One parser per thread, reused: its buffers are sized for the largest answer seen,
        // and allocating them again for every answer costs more than the parse itself.
        static thread_local ondemand::parser parser;
        ondemand::document document;
        if (auto error = parser.iterate(json).get(document))
            return fail(error, "document");
        ondemand::object root;
        if (const error_code error = document.get_object().get(root); error != SUCCESS)
            return error == INCORRECT_TYPE ? fail("the response is not a JSON object")
                                           : fail(error, "document");
        std::string status;
        bool sawData = false;
        for (auto field : root) {
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error, "envelope");
            ondemand::value value = field.value();
            if (key == "status") {
                std::string_view text;
                if (auto error = value.get_string().get(text))
                    return fail(error, "status");
                status = text;
            } else if (key == "data") {
                ondemand::json_type type;
                if (auto error = value.type().get(type))
                    return fail(error, "data");
                if (type != ondemand::json_type::null) {
                    sawData = true;
                    if (!readData(value, strings))
                        return false;
                }
            } else if (key == "errorType" || key == "error") {
                std::string_view text;
                if (auto error = value.get_string().get(text))
                    return fail(error, key);
                (key == "error" ? response.error : response.errorType) = text;
            } else if (key == "warnings") {
                if (!readMessages(value, response.warnings))
                    return false;
            } else if (key == "infos") {
                if (!readMessages(value, response.infos))
                    return false;
            }
        }
        if (status == "success" && sawData) {
            response.ok = true;
            return true;
        }
        if (status == "error") {
            if (response.error.empty())
                response.error = "Prometheus reported an error without a message";
            return false;
        }
        return fail(status.empty() ? "the response has no status: not a Prometheus API answer"
                                   : "the response has status \"" + status + "\" and no data");
    }
};

} // namespace

PrometheusResponse parseEnvelope(std::string_view paddedBody, std::size_t expectedPointsPerSeries,
                                 bool strings)
{
    PrometheusResponse response;
    Reader reader{response, expectedPointsPerSeries, paddedBody.size() / 8};
    reader.readEnvelope(
        simdjson::padded_string_view(paddedBody.data(), paddedBody.size(),
                                     paddedBody.size() + simdjson::SIMDJSON_PADDING),
        strings);
    return response;
}

#define PD_STRINGIFY2(x) #x
#define PD_STRINGIFY(x) PD_STRINGIFY2(x)

const char *kernelName()
{
    return PD_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION);
}

} // namespace Pd::PD_PARSER_KERNEL
