// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "benchharness.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace PdBench {

Stats measure(const std::function<void()> &work, int runs, int warmups)
{
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < warmups; ++i)
        work();
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto before = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
    }
    return summarize(std::move(samples));
}

Stats summarize(std::vector<double> samplesMs)
{
    if (samplesMs.empty())
        return {};
    std::ranges::sort(samplesMs);
    const std::size_t n = samplesMs.size();
    const double median = n % 2 ? samplesMs[n / 2] : (samplesMs[n / 2 - 1] + samplesMs[n / 2]) / 2;
    return {median, samplesMs.front(), samplesMs.back(), int(n)};
}

void printStats(const std::string &label, const Stats &stats, double megabytes)
{
    std::printf("  %-50s %10.3f ms  (min %.3f, max %.3f, %d runs)", label.c_str(), stats.medianMs,
                stats.minMs, stats.maxMs, stats.runs);
    if (megabytes > 0 && stats.medianMs > 0)
        std::printf("  %.1f MB/s", megabytes / (stats.medianMs / 1000.0));
    std::printf("\n");
}

void printRatio(const std::string &label, double ratio, const std::string &target)
{
    std::printf("  %-50s %10.2f     (target %s)\n", label.c_str(), ratio, target.c_str());
}

void printRatio(const std::string &label, const Stats &slower, const Stats &faster,
                const std::string &target)
{
    std::printf("  %-50s %10.2f     (mins %.2f, maxes %.2f%s%s)\n", label.c_str(),
                slower.medianMs / faster.medianMs, slower.minMs / faster.minMs,
                slower.maxMs / faster.maxMs, target.empty() ? "" : "; target ", target.c_str());
}

} // namespace PdBench
