// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace Pd {

// M4 decimation: per pixel column, the first, the lowest, the highest and the last point, in
// time order. A line through them draws the same pixels as a line through every point, with
// at most 4 points per column. A NaN (a gap) in a column is kept as one NaN point, so gaps
// still break the line.
class M4Decimator
{
public:
    struct Point
    {
        std::int64_t timeMs;
        double value;
    };

    // Points of [fromMs, toMs) mapped to `columns` pixel columns; points outside are dropped
    // except the nearest one on each side, so the line runs to the plot's edges.
    static std::vector<Point> decimate(std::span<const std::int64_t> timesMs,
                                       std::span<const double> values, std::int64_t fromMs,
                                       std::int64_t toMs, int columns);
    // Appends to `out` instead of returning (no allocation when `out` has room).
    static void decimate(std::span<const std::int64_t> timesMs, std::span<const double> values,
                         std::int64_t fromMs, std::int64_t toMs, int columns,
                         std::vector<Point> &out);
};

} // namespace Pd
