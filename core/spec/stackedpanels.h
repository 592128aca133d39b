// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <string>
#include <vector>

namespace Pd {

// Panels one under the other across the grid's width: what a dashboard made to show given
// panels needs (the panel editor's preview, Explore's chart and table).
class StackedPanels
{
public:
    struct Entry
    {
        std::string id;
        Node panelSpec;  // {display, plugin, queries, ...}
        int height = 12; // in grid rows
    };

    // Sets the spec's `panels` and `layouts` (one grid) to these panels, in order.
    static void set(Node &dashboardSpec, const std::vector<Entry> &panels);
};

} // namespace Pd
