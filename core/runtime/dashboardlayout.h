// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gridgeometry.h"
#include "model.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

struct LayoutPanel
{
    std::string panelId;
    GridCell cell;  // after compaction
    PixelRect rect; // in dashboard coordinates
};

// One grid layout of a dashboard as drawn: a titled (maybe collapsible) group or an untitled
// one, stacked below the previous.
struct LayoutSection
{
    std::optional<std::string> title;
    bool collapsible = false;
    bool open = true;
    int top = 0;                     // the header's top (or the grid's, without a title)
    int headerHeight = 0;            // 0 without a title
    int bodyHeight = 0;              // 0 when collapsed
    std::vector<LayoutPanel> panels; // empty when collapsed

    int bottom() const { return top + headerHeight + bodyHeight; }
};

// Where every panel of a dashboard goes at a window width: the geometry the view draws and
// `render` paints, and the widths the query engine asks steps for.
class DashboardLayout
{
public:
    static constexpr int sectionHeaderHeight = 40;

    // `open` overrides the initial collapse state, by section index.
    static std::vector<LayoutSection> arrange(const Model::DashboardSpec &spec, int width,
                                              const std::vector<std::optional<bool>> &open = {});
    static int height(const std::vector<LayoutSection> &sections);
};

} // namespace Pd
