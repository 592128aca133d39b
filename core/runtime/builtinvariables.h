// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "querystep.h"
#include "timerange.h"
#include "variablevalue.h"

#include <string>

namespace Pd {

// The variables Perses defines itself (spec §7.6).
namespace BuiltinVariables {
// __from, __to (epoch ms), __range (a duration), __range_s, __range_ms, __dashboard,
// __project.
void addDashboardScope(VariableValues &values, const TimeRange &range, const std::string &dashboard,
                       const std::string &project);
// __interval, __interval_ms, __rate_interval of one Prometheus query.
void addQueryScope(VariableValues &values, const QueryWindow &window);
} // namespace BuiltinVariables

} // namespace Pd
