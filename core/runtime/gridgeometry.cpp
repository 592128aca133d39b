// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "gridgeometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Pd {

namespace {

// calcGridItemWHPx: units times the unit size, plus the margins between them.
int spanPixels(double unit, int units, int marginPx)
{
    return static_cast<int>(std::lround(unit * units + std::max(0, units - 1) * marginPx));
}

const GridCell *firstCollision(const std::vector<GridCell> &placed, const GridCell &cell)
{
    for (const GridCell &other : placed) {
        if (other.overlaps(cell))
            return &other;
    }
    return nullptr;
}

} // namespace

GridGeometry::GridGeometry(int containerWidth)
    : m_columnWidth(double(containerWidth - margin * (columns - 1) - padding * 2) / columns)
{}

PixelRect GridGeometry::rect(const GridCell &cell) const
{
    return PixelRect{static_cast<int>(std::lround((m_columnWidth + margin) * cell.x + padding)),
                     static_cast<int>(std::lround(double(rowHeight + margin) * cell.y + padding)),
                     spanPixels(m_columnWidth, cell.width, margin),
                     spanPixels(rowHeight, cell.height, margin)};
}

int GridGeometry::height(int rows)
{
    if (rows <= 0)
        return 0;
    return rows * rowHeight + (rows - 1) * margin + padding * 2;
}

std::vector<GridCell> GridGeometry::compact(std::vector<GridCell> cells)
{
    for (GridCell &cell : cells) {
        cell.width = std::clamp(cell.width, 1, columns);
        cell.height = std::max(cell.height, 1);
        cell.x = std::clamp(cell.x, 0, columns - cell.width);
        cell.y = std::max(cell.y, 0);
    }
    std::vector<std::size_t> order(cells.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return cells[a].y != cells[b].y ? cells[a].y < cells[b].y : cells[a].x < cells[b].x;
    });
    // react-grid-layout's compactItem: start no lower than the current bottom, rise while
    // free, then drop below whatever it still hits.
    std::vector<GridCell> placed;
    for (std::size_t index : order) {
        GridCell cell = cells[index];
        int bottom = 0;
        for (const GridCell &other : placed)
            bottom = std::max(bottom, other.bottom());
        cell.y = std::min(bottom, cell.y);
        while (cell.y > 0 && !firstCollision(placed, cell))
            --cell.y;
        while (const GridCell *collider = firstCollision(placed, cell))
            cell.y = collider->bottom();
        placed.push_back(cell);
        cells[index] = cell;
    }
    return cells;
}

} // namespace Pd
