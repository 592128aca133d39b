// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelcsv.h"

#include "numbertext.h"

#include <chrono>
#include <cstdio>

namespace Pd {

namespace {

std::string isoTime(std::int64_t ms)
{
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(ms)};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss<milliseconds> clock{time - day};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()),
                  int(clock.subseconds().count()));
    return buffer;
}

} // namespace

std::string PanelCsv::field(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string PanelCsv::write(const PanelResult &result)
{
    std::string out = "query,series,labels,timestamp_ms,time,value\r\n";
    for (std::size_t q = 0; q < result.queries.size(); ++q) {
        const QueryResult &query = result.queries[q];
        for (const Series &series : query.response.result.series()) {
            const std::string prefix = std::to_string(q + 1) + ',' +
                                       field(series.displayName(query.seriesNameFormat)) + ',' +
                                       field(series.key()) + ',';
            for (std::size_t i = 0; i < series.size(); ++i)
                out += prefix + std::to_string(series.timeAt(i)) + ',' + isoTime(series.timeAt(i)) +
                       ',' + sampleText(series.values[i]) + "\r\n";
        }
    }
    return out;
}

} // namespace Pd
