// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "timegrids.h"

namespace Pd {

std::span<const std::int64_t> TimeGrids::timesOf(const PdPlugin::TimeSeries &series)
{
    if (!series.hasImplicitTimes())
        return series.timesMs;
    const std::int64_t step = series.stepMs;
    const std::size_t count = series.values.size();
    if (count == 0)
        return {};
    // A series that starts later on a grid already listed reads a part of that list.
    for (const Grid &grid : m_grids) {
        const std::int64_t front = grid.timesMs.front();
        if (grid.stepMs != step || series.startMs < front)
            continue;
        // Unsigned, so two far apart times cannot overflow: the difference is below 2^64.
        const std::uint64_t offset =
            static_cast<std::uint64_t>(series.startMs) - static_cast<std::uint64_t>(front);
        if (offset % static_cast<std::uint64_t>(step) != 0)
            continue;
        const auto first = static_cast<std::size_t>(offset / static_cast<std::uint64_t>(step));
        if (first + count <= grid.timesMs.size())
            return std::span(grid.timesMs).subspan(first, count);
    }
    Grid &grid = m_grids.emplace_back();
    grid.stepMs = step;
    grid.timesMs.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        grid.timesMs.push_back(series.timeAt(i));
    return grid.timesMs;
}

} // namespace Pd
