// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "m4decimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Pd {

namespace {

// Indices into the input of what one column keeps.
struct Column
{
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t min = 0;
    std::size_t max = 0;
    std::size_t gap = std::numeric_limits<std::size_t>::max();
    bool hasValue = false;
};

void flush(const Column &column, std::span<const std::int64_t> times,
           std::span<const double> values, std::vector<M4Decimator::Point> &out)
{
    std::size_t picks[5];
    int count = 0;
    if (column.hasValue) {
        picks[count++] = column.first;
        picks[count++] = column.min;
        picks[count++] = column.max;
        picks[count++] = column.last;
    }
    if (column.gap != std::numeric_limits<std::size_t>::max())
        picks[count++] = column.gap;
    std::sort(picks, picks + count);
    std::size_t previous = std::numeric_limits<std::size_t>::max();
    for (int i = 0; i < count; ++i) {
        if (picks[i] == previous)
            continue;
        previous = picks[i];
        out.push_back(M4Decimator::Point{times[picks[i]], values[picks[i]]});
    }
}

} // namespace

std::vector<M4Decimator::Point> M4Decimator::decimate(std::span<const std::int64_t> timesMs,
                                                      std::span<const double> values,
                                                      std::int64_t fromMs, std::int64_t toMs,
                                                      int columns)
{
    std::vector<Point> out;
    out.reserve(static_cast<std::size_t>(std::max(columns, 0)) * 4 + 2);
    decimate(timesMs, values, fromMs, toMs, columns, out);
    return out;
}

void M4Decimator::decimate(std::span<const std::int64_t> timesMs, std::span<const double> values,
                           std::int64_t fromMs, std::int64_t toMs, int columns,
                           std::vector<Point> &out)
{
    const std::size_t n = std::min(timesMs.size(), values.size());
    if (n == 0 || columns <= 0 || toMs <= fromMs)
        return;
    // Points are in time order: find the visible run, plus one neighbour on each side.
    const auto begin = std::lower_bound(timesMs.begin(), timesMs.begin() + n, fromMs);
    const auto end = std::lower_bound(begin, timesMs.begin() + n, toMs);
    std::size_t i = static_cast<std::size_t>(begin - timesMs.begin());
    const std::size_t stop = static_cast<std::size_t>(end - timesMs.begin());
    if (i > 0)
        out.push_back(Point{timesMs[i - 1], values[i - 1]});
    const double scale = double(columns) / double(toMs - fromMs);
    Column column;
    long current = -1;
    for (; i < stop; ++i) {
        const long index = static_cast<long>(double(timesMs[i] - fromMs) * scale);
        if (index != current) {
            if (current >= 0)
                flush(column, timesMs, values, out);
            column = Column{};
            current = index;
        }
        const double v = values[i];
        if (std::isnan(v)) {
            if (column.gap == std::numeric_limits<std::size_t>::max())
                column.gap = i;
            continue;
        }
        if (!column.hasValue) {
            column.first = column.last = column.min = column.max = i;
            column.hasValue = true;
            continue;
        }
        column.last = i;
        if (v < values[column.min])
            column.min = i;
        else if (v > values[column.max])
            column.max = i;
    }
    if (current >= 0)
        flush(column, timesMs, values, out);
    if (stop < n)
        out.push_back(Point{timesMs[stop], values[stop]});
}

} // namespace Pd
