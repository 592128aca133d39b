// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Pd {

// A cell of a Table panel: a label's text or a number (a value, a timestamp in ms).
struct TableValue
{
    std::string text;
    std::optional<double> number;

    bool operator==(const TableValue &) const = default;
    // As the cell compares in joins and filters: the text, or the number written shortest.
    std::string key() const;
};

// A row: its columns in order, each present once; a column a row lacks is an empty cell.
using TableRow = std::vector<std::pair<std::string, TableValue>>;

// One of §10.6's transforms, as read from the spec.
struct TableTransform
{
    enum class Kind { JoinByColumnValue, MergeColumns, MergeIndexedColumns, MergeSeries, Other };
    Kind kind = Kind::Other;
    std::vector<std::string> columns; // JoinByColumnValue, MergeColumns
    std::string name;                 // MergeColumns: the merged column
    std::string column;               // MergeIndexedColumns: "value" merges "value #1", ...
    bool disabled = false;
};

// The rows a Perses Table shows and the transforms that reshape them, as the Perses table
// builds and transforms them (perses/plugins table-data-utils, perses/shared transform-data):
// one row per series from its last sample; with several queries the value column is
// "value #N" and each label "label #N"; after the transforms every row's columns are sorted.
// Deliberate differences: joins compare the join columns in the order the transform names
// them (Perses takes a row's own order, so two rows with the same values written in another
// order stayed apart), and a series without samples keeps its query's suffix.
class TableRows
{
public:
    struct Series
    {
        std::vector<std::pair<std::string, std::string>> labels;
        std::optional<std::pair<std::int64_t, double>> last; // time in ms and value
    };

    // `queries` in the panel's order; `withTimestamp` false for range tables (Perses leaves
    // the column out when a cell embeds a chart).
    static std::vector<TableRow> fromQueries(const std::vector<std::vector<Series>> &queries,
                                             bool withTimestamp);
    static std::vector<TableRow> transform(std::vector<TableRow> rows,
                                           const std::vector<TableTransform> &transforms);
    // A column's data link for one row: ${__data.fields["col"]}, ${__data.fields['col']} and
    // ${__data.fields.col} replaced by the row's cell, URL-encoded unless a format follows
    // (":raw"); a column the row lacks gives "". Dashboard variables are the caller's.
    static std::string linkUrl(const std::string &url, const TableRow &row);
    // A row's cell in a column, or none.
    static const TableValue *cell(const TableRow &row, std::string_view column);
    // Every column, in the order rows first show it.
    static std::vector<std::string> columns(const std::vector<TableRow> &rows);

    static std::vector<TableRow> joinByColumnValue(const std::vector<TableRow> &rows,
                                                   const std::vector<std::string> &columns);
    static std::vector<TableRow> mergeColumns(const std::vector<TableRow> &rows,
                                              const std::vector<std::string> &columns,
                                              const std::string &name);
    static std::vector<TableRow> mergeIndexedColumns(const std::vector<TableRow> &rows,
                                                     const std::string &column);
    static std::vector<TableRow> mergeSeries(const std::vector<TableRow> &rows);
};

} // namespace Pd
