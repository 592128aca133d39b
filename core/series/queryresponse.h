// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "seriesstore.h"

#include <perses-desktop/querydata.h>
#include <string>
#include <vector>

namespace Pd {

// What one query of a panel or annotation got, whatever plugin ran it: time series or a
// table, or an error with its type. Warnings and infos come with either.
struct QueryResponse
{
    bool ok = false;
    std::string errorType; // the plugin's or the transport's ("network", "timeout", "http"...)
    std::string error;
    std::vector<std::string> warnings;
    std::vector<std::string> infos;
    PdPlugin::QueryData::Kind kind = PdPlugin::QueryData::Kind::TimeSeries;
    SeriesStore result;        // Kind::TimeSeries
    PdPlugin::TableData table; // Kind::Table
    std::size_t bodyBytes = 0;

    bool isTable() const { return kind == PdPlugin::QueryData::Kind::Table; }
    static QueryResponse failure(std::string type, std::string message);
    // A plugin's result, its columns moved in; a "bad_data" failure when its shape is broken
    // (a series' times and values of different lengths, a column short of cells).
    static QueryResponse fromData(PdPlugin::QueryData data);
};

} // namespace Pd
