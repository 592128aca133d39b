// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "queryresponse.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace Pd {

QueryResponse QueryResponse::failure(std::string type, std::string message)
{
    QueryResponse response;
    response.errorType = std::move(type);
    response.error = std::move(message);
    return response;
}

namespace {

// Whether startMs + i × stepMs fits for every sample, so that timeAt() cannot overflow.
bool implicitTimesFit(const PdPlugin::TimeSeries &series)
{
    if (series.values.empty())
        return true;
    constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
    const auto steps = static_cast<std::uint64_t>(series.values.size() - 1);
    return steps <= static_cast<std::uint64_t>((most - std::max<std::int64_t>(series.startMs, 0)) /
                                               series.stepMs);
}

// What a plugin returned that no panel could read safely, or empty.
std::string shapeProblem(const PdPlugin::QueryData &data)
{
    for (const PdPlugin::TimeSeries &series : data.series) {
        if (series.hasImplicitTimes() && !implicitTimesFit(series))
            return "a series' implicit times run past the largest time";
        if (!series.hasImplicitTimes() && series.timesMs.size() != series.values.size())
            return "a series has " + std::to_string(series.timesMs.size()) + " times and " +
                   std::to_string(series.values.size()) + " values";
    }
    for (const PdPlugin::TableColumn &column : data.table.columns) {
        const bool text = column.type == PdPlugin::TableColumn::Type::Text;
        const std::size_t unused = text ? column.numbers.size() : column.text.size();
        if (unused != 0 || column.size() != data.table.rowCount())
            return "column " + column.name + " does not have one cell a row";
    }
    return {};
}

} // namespace

QueryResponse QueryResponse::fromData(PdPlugin::QueryData data)
{
    if (const std::string problem = shapeProblem(data); !problem.empty())
        return failure("bad_data", "the query plugin's result is malformed: " + problem);
    QueryResponse response;
    response.ok = data.ok();
    response.errorType = std::move(data.errorType);
    response.error = std::move(data.error);
    response.warnings = std::move(data.warnings);
    response.infos = std::move(data.infos);
    response.kind = data.kind;
    response.bodyBytes = data.bodyBytes;
    std::vector<Series> &series = response.result.series();
    series.reserve(data.series.size());
    for (PdPlugin::TimeSeries &one : data.series)
        series.emplace_back(std::move(one));
    response.table = std::move(data.table);
    return response;
}

} // namespace Pd
