// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Pd {

// An absolute time range in Unix milliseconds.
struct TimeRange
{
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;

    std::int64_t durationMs() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    // The last `durationMs` before `nowMs`: a dashboard's default range.
    static TimeRange last(std::int64_t durationMs, std::int64_t nowMs);
};

struct TimePointParse
{
    std::optional<std::int64_t> ms;
    std::string error;
};

// A time as users write it: Unix seconds ("1700000000", "1700000000.5"), RFC 3339
// ("2026-11-26T10:00:00Z", "...+01:00"), "now", or "now-6h" / "now+5m" with a Perses duration.
TimePointParse parseTimePoint(std::string_view text, std::int64_t nowMs);
// "2026-11-26T10:00:00Z" (milliseconds shown only when not zero).
std::string formatRfc3339(std::int64_t ms);
// Milliseconds since the epoch, now.
std::int64_t currentTimeMs();
// The local zone's offset as JavaScript's getTimezoneOffset() gives it, in seconds:
// positive west of UTC. Perses aligns query steps with it.
std::int64_t localTimezoneOffsetSeconds(std::int64_t atMs);

} // namespace Pd
