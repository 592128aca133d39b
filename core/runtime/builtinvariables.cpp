// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinvariables.h"

#include "duration.h"

namespace Pd::BuiltinVariables {

void addDashboardScope(VariableValues &values, const TimeRange &range, const std::string &dashboard,
                       const std::string &project)
{
    values["__from"] = VariableValue::single(std::to_string(range.fromMs));
    values["__to"] = VariableValue::single(std::to_string(range.toMs));
    values["__range"] = VariableValue::single(formatDuration(range.durationMs()));
    values["__range_s"] = VariableValue::single(std::to_string(range.durationMs() / 1000));
    values["__range_ms"] = VariableValue::single(std::to_string(range.durationMs()));
    values["__dashboard"] = VariableValue::single(dashboard);
    values["__project"] = VariableValue::single(project);
}

void addQueryScope(VariableValues &values, const QueryWindow &window)
{
    values["__interval"] = VariableValue::single(window.interval());
    values["__interval_ms"] = VariableValue::single(window.intervalMs());
    values["__rate_interval"] = VariableValue::single(window.rateInterval());
}

} // namespace Pd::BuiltinVariables
