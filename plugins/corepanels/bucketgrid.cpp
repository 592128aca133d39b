// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "bucketgrid.h"

#include <cmath>
#include <limits>
#include <map>

namespace PdPanels {

namespace {

std::optional<double> upperBound(const PdPlugin::SeriesView &series)
{
    for (const auto &[name, value] : series.labels) {
        if (name != u"le")
            continue;
        if (value == u"+Inf")
            return std::numeric_limits<double>::infinity();
        bool ok = false;
        const double bound = value.toDouble(&ok);
        return ok ? std::optional(bound) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace

double BucketGrid::maxCount() const
{
    double max = 0;
    for (const std::vector<double> &column : counts) {
        for (double count : column)
            max = std::max(max, std::isfinite(count) ? count : 0.0);
    }
    return max;
}

namespace {

// Native histograms: rows are the distinct bucket bounds met in any sample (their schema can
// change), columns the samples' times.
BucketGrid nativeGrid(const PdPlugin::PanelData &data)
{
    std::map<std::pair<double, double>, std::size_t> rows; // (upper, lower) -> row
    std::map<std::int64_t, std::size_t> columns;
    for (const PdPlugin::QueryView &query : data.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            for (const PdPlugin::HistogramSampleView &sample : series.histograms) {
                columns.emplace(sample.timeMs, 0);
                for (const PdPlugin::HistogramBucketView &bucket : sample.buckets)
                    rows.emplace(std::pair{bucket.upper, bucket.lower}, 0);
            }
        }
    }
    BucketGrid grid;
    std::size_t index = 0;
    for (auto &[bounds, row] : rows) {
        row = index++;
        grid.upper.push_back(bounds.first);
        grid.lower.push_back(bounds.second);
    }
    index = 0;
    for (auto &[time, column] : columns) {
        column = index++;
        grid.timesMs.push_back(time);
    }
    grid.counts.assign(columns.size(), std::vector<double>(rows.size(), 0.0));
    for (const PdPlugin::QueryView &query : data.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            for (const PdPlugin::HistogramSampleView &sample : series.histograms) {
                std::vector<double> &column = grid.counts[columns.at(sample.timeMs)];
                for (const PdPlugin::HistogramBucketView &bucket : sample.buckets)
                    column[rows.at({bucket.upper, bucket.lower})] += bucket.count;
            }
        }
    }
    return grid;
}

bool hasNativeHistograms(const PdPlugin::PanelData &data)
{
    for (const PdPlugin::QueryView &query : data.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            if (!series.histograms.empty())
                return true;
        }
    }
    return false;
}

} // namespace

BucketGrid bucketGrid(const PdPlugin::PanelData &data)
{
    if (hasNativeHistograms(data))
        return nativeGrid(data);
    // Cumulative counts by bound, then by time.
    std::map<double, std::map<std::int64_t, double>> cumulative;
    for (const PdPlugin::QueryView &query : data.queries) {
        for (const PdPlugin::SeriesView &series : query.series) {
            const std::optional<double> bound = upperBound(series);
            if (!bound)
                continue;
            std::map<std::int64_t, double> &byTime = cumulative[*bound];
            for (std::size_t i = 0; i < series.values.size(); ++i) {
                if (std::isfinite(series.values[i]))
                    byTime[series.timesMs[i]] += series.values[i];
            }
        }
    }
    BucketGrid grid;
    if (cumulative.empty())
        return grid;
    double previous = 0;
    for (const auto &[bound, byTime] : cumulative) {
        grid.lower.push_back(previous);
        grid.upper.push_back(bound);
        previous = bound;
    }
    std::map<std::int64_t, bool> times; // every bucket's samples, in time order
    for (const auto &[bound, byTime] : cumulative) {
        for (const auto &[time, value] : byTime)
            times[time] = true;
    }
    for (const auto &[time, seen] : times)
        grid.timesMs.push_back(time);
    for (std::int64_t time : grid.timesMs) {
        std::vector<double> column;
        double below = 0;
        for (const auto &[bound, byTime] : cumulative) {
            const auto it = byTime.find(time);
            const double total = it == byTime.end() ? below : it->second;
            column.push_back(std::max(0.0, total - below));
            below = total;
        }
        grid.counts.push_back(std::move(column));
    }
    return grid;
}

} // namespace PdPanels
