// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "benchharness.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace PdBench {

double medianMs(const std::function<void()> &work, int minRuns, double minSeconds)
{
    using Clock = std::chrono::steady_clock;
    std::vector<double> samples;
    const auto start = Clock::now();
    while (static_cast<int>(samples.size()) < minRuns ||
           std::chrono::duration<double>(Clock::now() - start).count() < minSeconds) {
        const auto before = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        if (samples.size() >= 10000)
            break;
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

std::pair<double, double> fastestInterleaved(const std::function<void()> &a,
                                             const std::function<void()> &b, int rounds)
{
    using Clock = std::chrono::steady_clock;
    auto time = [](const std::function<void()> &work) {
        const auto before = Clock::now();
        work();
        return std::chrono::duration<double, std::milli>(Clock::now() - before).count();
    };
    double bestA = 1e300;
    double bestB = 1e300;
    for (int i = 0; i < rounds; ++i) {
        bestA = std::min(bestA, time(a));
        bestB = std::min(bestB, time(b));
    }
    return {bestA, bestB};
}

void printRow(const std::string &label, double ms, double megabytes)
{
    std::printf("  %-44s %10.3f ms  %9.1f MB/s\n", label.c_str(), ms,
                ms > 0 ? megabytes / (ms / 1000.0) : 0.0);
}

void printRatio(const std::string &label, double ratio, const std::string &target)
{
    std::printf("  %-44s %10.2f     (target %s)\n", label.c_str(), ratio, target.c_str());
}

} // namespace PdBench
