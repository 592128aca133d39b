// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "queryresult.h"
#include "timerange.h"
#include "variablestate.h"

#include <string>
#include <vector>

namespace Pd::Cli {

// The output of `query`: JSON (a public contract) or text for people.
class QueryOutput
{
public:
    struct Panel
    {
        std::string id;
        const PanelResult *result = nullptr;
    };

    static std::string json(const TimeRange &range, const std::vector<VariableState> &variables,
                            const std::vector<Panel> &panels);
    static std::string text(const TimeRange &range, const std::vector<VariableState> &variables,
                            const std::vector<Panel> &panels);
};

} // namespace Pd::Cli
