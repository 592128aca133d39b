// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <perses-desktop/querydata.h>
#include <span>
#include <vector>

namespace Pd {

// Lists of sample times for readers that need one (the panel plugin interface hands panels a
// span of times), made for series whose times are implicit. A list is made once per grid
// and shared: the series of one range query lie on the same grid, so a thousand of them cost
// one list, not a thousand. Spans stay valid as long as this object.
class TimeGrids
{
public:
    std::span<const std::int64_t> timesOf(const PdPlugin::TimeSeries &series);

private:
    struct Grid
    {
        std::int64_t stepMs = 0;
        std::vector<std::int64_t> timesMs;
    };
    std::vector<Grid> m_grids;
};

} // namespace Pd
