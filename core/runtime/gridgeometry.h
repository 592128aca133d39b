// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace Pd {

// A rectangle in grid units: 24 columns, rows of 30 px.
struct GridCell
{
    int x = 0;
    int y = 0;
    int width = 1;
    int height = 1;

    bool overlaps(const GridCell &other) const
    {
        return x < other.x + other.width && other.x < x + width && y < other.y + other.height &&
               other.y < y + height;
    }
    int bottom() const { return y + height; }
    friend bool operator==(const GridCell &, const GridCell &) = default;
};

struct PixelRect
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    friend bool operator==(const PixelRect &, const PixelRect &) = default;
};

// Perses' grid (spec §4.6): react-grid-layout with 24 columns, 30 px rows, 10 px margins and
// the same padding around the grid, positions rounded as react-grid-layout rounds them, and
// its vertical compaction (items float up to the first free row, in row then column order).
class GridGeometry
{
public:
    static constexpr int columns = 24;
    static constexpr int rowHeight = 30;
    static constexpr int margin = 10;
    static constexpr int padding = 10;

    explicit GridGeometry(int containerWidth);

    double columnWidth() const { return m_columnWidth; }
    // Pixels of a cell relative to the grid's top-left corner.
    PixelRect rect(const GridCell &cell) const;
    // Height of a grid whose lowest item ends at row `rows`.
    static int height(int rows);

    // Cells clamped into the grid (x >= 0, width within 24 columns, sizes >= 1) and compacted
    // vertically; the result keeps the input order.
    static std::vector<GridCell> compact(std::vector<GridCell> cells);

private:
    double m_columnWidth;
};

} // namespace Pd
