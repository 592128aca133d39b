// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <perses-desktop/panelplugin.h>
#include <vector>

namespace PdPanels {

// Histogram buckets as per-bucket counts at each sample time: what HeatMapChart and
// HistogramChart draw. From native histograms when the series have them, else from classic
// buckets (series with an `le` label, cumulative); series of the same bucket are summed, so a
// query need not aggregate by le itself.
struct BucketGrid
{
    std::vector<double> lower;               // bucket i covers (lower[i], upper[i]]
    std::vector<double> upper;               // +Inf last when present
    std::vector<std::int64_t> timesMs;       // one column per sample time
    std::vector<std::vector<double>> counts; // [column][bucket]
    bool isEmpty() const { return upper.empty() || timesMs.empty(); }
    double maxCount() const;
};

BucketGrid bucketGrid(const PdPlugin::PanelData &data);

} // namespace PdPanels
