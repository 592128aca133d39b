// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <utility>

namespace PdBench {

// Runs `work` until `minSeconds` have passed (at least `minRuns` times) and returns the
// median time of one run in milliseconds. Medians resist the noise of a shared machine.
double medianMs(const std::function<void()> &work, int minRuns = 5, double minSeconds = 1.0);

// Alternates `a` and `b` for `rounds` rounds and returns the fastest time of each, in ms:
// on a shared machine noise only ever adds time, and alternating exposes both to the same.
std::pair<double, double> fastestInterleaved(const std::function<void()> &a,
                                             const std::function<void()> &b, int rounds);

void printRow(const std::string &label, double ms, double megabytes);
void printRatio(const std::string &label, double ratio, const std::string &target);

} // namespace PdBench
