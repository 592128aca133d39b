// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace Pd {

// A dashboard's layouts with their repeats unrolled (spec §4.6): a group with repeatVariable
// becomes one group per value, an item with repeatVariable one item per value (maxPer per row,
// or one per row when vertical). Each copy is a panel instance whose queries see the variable
// pinned to its value. Without repeats the result is the dashboard as it is.
struct PanelInstance
{
    std::string panelId;                       // the panel in spec.panels
    std::map<std::string, std::string> pinned; // variable -> the copy's value
};

struct ExpandedLayout
{
    Model::DashboardSpec spec;                      // layouts and panels of the copies
    std::map<std::string, PanelInstance> instances; // by the ids the layouts now use

    // Instance ids: the panel id alone, or "panelId@variable=value", with "#2", "#3"... for a
    // panel that more than one grid item shows.
    static std::string instanceId(const std::string &panelId, const std::string &variable,
                                  const std::string &value);
};

using RepeatValues = std::function<std::vector<std::string>(const std::string &variable)>;
ExpandedLayout expandRepeats(const Model::DashboardSpec &spec, const RepeatValues &valuesOf);

} // namespace Pd
