// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace PdBench {

// One statistic for every figure in bench/, ours and baselines alike, and the same as the
// browser baselines print: the median and the range of a fixed number of timed runs after a
// fixed number of warm-ups.
struct Stats
{
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    int runs = 0;
};

constexpr int defaultRuns = 15;
constexpr int defaultWarmups = 3;

Stats measure(const std::function<void()> &work, int runs = defaultRuns,
              int warmups = defaultWarmups);
// The same statistic over samples taken elsewhere (rounds that interleave several figures).
Stats summarize(std::vector<double> samplesMs);

// "label   12.345 ms  (min 11.2, max 14.0, 15 runs)", and MB/s when megabytes > 0.
void printStats(const std::string &label, const Stats &stats, double megabytes = 0);
void printRatio(const std::string &label, double ratio, const std::string &target);
// A ratio of medians with the ratio of the ranges' ends beside it, so noise shows.
void printRatio(const std::string &label, const Stats &slower, const Stats &faster,
                const std::string &target);

} // namespace PdBench
