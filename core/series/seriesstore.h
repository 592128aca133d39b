// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <perses-desktop/querydata.h>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace Pd {

using Labels = std::vector<std::pair<std::string, std::string>>;

using HistogramBucket = PdPlugin::HistogramBucket;
using HistogramSample = PdPlugin::HistogramSample;

// One series of a query result, columnar: timestamps and values in two arrays, no object per
// point. NaN and ±Inf are stored as such; drawing decides what they mean. The members are
// those a query plugin returns (PdPlugin::TimeSeries), so a plugin's result moves in whole.
struct Series : PdPlugin::TimeSeries
{
    Series() = default;
    explicit Series(PdPlugin::TimeSeries &&data)
        : PdPlugin::TimeSeries(std::move(data))
    {}

    std::size_t size() const { return values.size(); }
    const std::string *label(std::string_view name) const;
    // __name__{a="1",b="2"}: labels sorted, values unescaped (perses-api.md §9.5).
    std::string key() const;
    // seriesNameFormat with {{label}} replaced, or key() without a format.
    std::string displayName(std::string_view seriesNameFormat) const;
};

// The result of one query: its series, and what Prometheus said about it.
class SeriesStore
{
public:
    enum class ResultType { Matrix, Vector, Scalar, String };

    std::vector<Series> &series() { return m_series; }
    const std::vector<Series> &series() const { return m_series; }
    ResultType resultType() const { return m_resultType; }
    void setResultType(ResultType type) { m_resultType = type; }
    std::size_t pointCount() const;
    // Heap bytes held by timestamps and values, capacity included.
    std::size_t pointBytes() const;
    // Trims growth slack once a result is complete.
    void shrinkToFit();

private:
    std::vector<Series> m_series;
    ResultType m_resultType = ResultType::Matrix;
};

} // namespace Pd
