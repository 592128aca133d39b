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
    // first <= min, max <= last by construction: only min and max (and a rare gap) need
    // ordering. Indices in order, each once.
    std::size_t picks[5];
    int count = 0;
    auto add = [&](std::size_t index) {
        if (count == 0 || picks[count - 1] != index)
            picks[count++] = index;
    };
    const std::size_t low = std::min(column.min, column.max);
    const std::size_t high = std::max(column.min, column.max);
    add(column.first);
    add(low);
    add(high);
    add(column.last);
    if (column.gap != std::numeric_limits<std::size_t>::max()) {
        // Insert the gap where it belongs.
        int at = count;
        while (at > 0 && picks[at - 1] > column.gap)
            --at;
        if (at == 0 || picks[at - 1] != column.gap) {
            for (int k = count; k > at; --k)
                picks[k] = picks[k - 1];
            picks[at] = column.gap;
            ++count;
        }
    }
    for (int k = 0; k < count; ++k)
        out.push_back(M4Decimator::Point{times[picks[k]], values[picks[k]]});
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
    const std::int64_t span = toMs - fromMs;
    while (i < stop) {
        // Jump straight to the column of the next point: empty columns cost nothing.
        const std::int64_t column = (timesMs[i] - fromMs) * columns / span;
        const std::int64_t boundary = fromMs + ((column + 1) * span + columns - 1) / columns;
        Column kept;
        kept.first = kept.min = kept.max = i;
        kept.hasValue = true;
        double low = values[i];
        double high = values[i];
        if (std::isnan(low)) {
            kept.gap = i;
            low = std::numeric_limits<double>::infinity();
            high = -std::numeric_limits<double>::infinity();
        }
        // The hot loop, without branches on the data: selects compile to conditional moves.
        std::size_t minIndex = kept.min;
        std::size_t maxIndex = kept.max;
        bool sawNan = false;
        for (++i; i < stop && timesMs[i] < boundary; ++i) {
            const double v = values[i];
            const bool lower = v < low;
            const bool higher = v > high;
            low = lower ? v : low;
            minIndex = lower ? i : minIndex;
            high = higher ? v : high;
            maxIndex = higher ? i : maxIndex;
            sawNan |= v != v;
        }
        kept.min = minIndex;
        kept.max = maxIndex;
        kept.last = i - 1;
        if (sawNan && kept.gap == std::numeric_limits<std::size_t>::max()) {
            for (std::size_t k = kept.first; k <= kept.last; ++k) {
                if (std::isnan(values[k])) {
                    kept.gap = k;
                    break;
                }
            }
        }
        flush(kept, timesMs, values, out);
    }
    if (stop < n)
        out.push_back(Point{timesMs[stop], values[stop]});
}

} // namespace Pd
