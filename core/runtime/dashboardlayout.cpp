// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardlayout.h"

#include <algorithm>

namespace Pd {

std::vector<LayoutSection> DashboardLayout::arrange(const Model::DashboardSpec &spec, int width,
                                                    const std::vector<std::optional<bool>> &open)
{
    const GridGeometry geometry(width);
    std::vector<LayoutSection> sections;
    int top = 0;
    for (std::size_t i = 0; i < spec.layouts.size(); ++i) {
        const Model::GridLayout &layout = spec.layouts[i];
        LayoutSection section;
        section.title = layout.title;
        section.collapsible = layout.collapsible;
        section.open = !layout.collapsible || layout.open;
        if (layout.collapsible && i < open.size() && open[i])
            section.open = *open[i];
        section.top = top;
        section.headerHeight = layout.title ? sectionHeaderHeight : 0;
        if (section.open) {
            std::vector<GridCell> cells;
            for (const Model::GridItem &item : layout.items)
                cells.push_back(GridCell{item.x, item.y, item.width, item.height});
            cells = GridGeometry::compact(std::move(cells));
            int rows = 0;
            const int gridTop = top + section.headerHeight;
            for (std::size_t k = 0; k < cells.size(); ++k) {
                rows = std::max(rows, cells[k].bottom());
                PixelRect rect = geometry.rect(cells[k]);
                rect.y += gridTop;
                section.panels.push_back(LayoutPanel{layout.items[k].panelId, cells[k], rect});
            }
            section.bodyHeight = GridGeometry::height(rows);
        }
        top = section.bottom();
        sections.push_back(std::move(section));
    }
    return sections;
}

int DashboardLayout::height(const std::vector<LayoutSection> &sections)
{
    return sections.empty() ? 0 : sections.back().bottom();
}

} // namespace Pd
