// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "annotationresult.h"
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

    // `annotations` (§4.8) come last, and only when the dashboard has any: the output of a
    // dashboard without them is what it always was.
    static std::string json(const TimeRange &range, const std::vector<VariableState> &variables,
                            const std::vector<Panel> &panels,
                            const std::vector<AnnotationResult> &annotations = {});
    static std::string text(const TimeRange &range, const std::vector<VariableState> &variables,
                            const std::vector<Panel> &panels,
                            const std::vector<AnnotationResult> &annotations = {});
};

} // namespace Pd::Cli
