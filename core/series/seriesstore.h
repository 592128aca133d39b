// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace Pd {

using Labels = std::vector<std::pair<std::string, std::string>>;

// One bucket of a native histogram sample (perses-api.md §8.3).
struct HistogramBucket
{
    int boundaryRule = 0; // 0 left open, 1 right open, 2 both open, 3 both closed
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

// One series of a query result, columnar: timestamps and values in two arrays, no object per
// point. NaN and ±Inf are stored as such; drawing decides what they mean.
struct Series
{
    Labels labels; // as returned, __name__ included
    std::vector<std::int64_t> timesMs;
    std::vector<double> values;
    // Native histograms, when the series has them; `values` then holds their sums (as the
    // Perses plugin plots them).
    std::vector<HistogramSample> histograms;

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
