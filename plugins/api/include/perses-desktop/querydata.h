// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What a query plugin returns (the data interfaces, see dataApiVersion). Standard library
// only and columnar: the host moves these vectors into its own result without copying a
// point, and the numbers never turn into one object per sample.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace PdPlugin {

// One bucket of a native histogram sample (Prometheus' boundary rules: 0 left open,
// 1 right open, 2 both open, 3 both closed).
struct HistogramBucket
{
    int boundaryRule = 0;
    double lower = 0;
    double upper = 0;
    double count = 0;
};

struct HistogramSample
{
    std::int64_t timeMs = 0;
    double count = 0;
    double sum = 0;
    std::vector<HistogramBucket> buckets;
};

// One series: labels (UTF-8, `__name__` included when the datasource has one), then its
// samples' times and values. NaN is a missing sample.
//
// Times are either listed in `timesMs`, one per value, or implicit: a series whose samples
// lie on a regular step (most range queries) leaves `timesMs` empty and sets `stepMs` > 0,
// and sample i is at startMs + i × stepMs. That halves the memory a point takes. Read times
// with timeAt(), which knows both forms.
struct TimeSeries
{
    std::vector<std::pair<std::string, std::string>> labels;
    std::vector<std::int64_t> timesMs;
    std::vector<double> values;
    // Native histograms, when the series has them; `values` then holds their sums.
    std::vector<HistogramSample> histograms;
    std::int64_t startMs = 0;
    std::int64_t stepMs = 0; // > 0 with an empty `timesMs`: implicit times

    bool hasImplicitTimes() const { return timesMs.empty() && stepMs > 0; }
    std::int64_t timeAt(std::size_t i) const
    {
        return hasImplicitTimes() ? startMs + static_cast<std::int64_t>(i) * stepMs : timesMs[i];
    }
};

// One column of a table result. A text column fills `text`; number and time columns fill
// `numbers` (times in milliseconds since the epoch, NaN for an empty cell).
struct TableColumn
{
    enum class Type { Text, Number, Time };
    std::string name;
    Type type = Type::Text;
    std::vector<std::string> text;
    std::vector<double> numbers;

    std::size_t size() const { return type == Type::Text ? text.size() : numbers.size(); }
};

struct TableData
{
    std::vector<TableColumn> columns;

    std::size_t rowCount() const { return columns.empty() ? 0 : columns.front().size(); }
    const TableColumn *column(const std::string &name) const
    {
        for (const TableColumn &c : columns) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    }
};

// The result of one query. The kind of data is named, so a later version can add frames
// (logs, traces) that older hosts recognise as unknown instead of misreading.
struct QueryData
{
    enum class Kind { TimeSeries, Table };
    Kind kind = Kind::TimeSeries;
    // Empty on success; else a short type ("network", "timeout", "http", "bad_data",
    // "unsupported", or the datasource's own) and the message a panel shows.
    std::string errorType;
    std::string error;
    std::vector<std::string> warnings;
    std::vector<std::string> infos;
    std::vector<TimeSeries> series; // Kind::TimeSeries
    TableData table;                // Kind::Table
    std::size_t bodyBytes = 0;      // what came over the wire, for the query inspector

    bool ok() const { return error.empty() && errorType.empty(); }
    static QueryData failure(std::string type, std::string message)
    {
        QueryData data;
        data.errorType = std::move(type);
        data.error = std::move(message);
        return data;
    }
};

} // namespace PdPlugin
