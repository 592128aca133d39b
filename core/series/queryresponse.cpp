// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "queryresponse.h"

namespace Pd {

QueryResponse QueryResponse::failure(std::string type, std::string message)
{
    QueryResponse response;
    response.errorType = std::move(type);
    response.error = std::move(message);
    return response;
}

QueryResponse QueryResponse::fromData(PdPlugin::QueryData data)
{
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
