// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "tablerows.h"

#include "jsnumberformat.h"
#include "variableinterpolator.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace Pd {

namespace {

// Sets a column, in its place when the row has it, else at the end.
void put(TableRow &row, const std::string &column, TableValue value)
{
    for (auto &[name, existing] : row) {
        if (name == column) {
            existing = std::move(value);
            return;
        }
    }
    row.emplace_back(column, std::move(value));
}

bool isIndexedColumn(const std::string &key, const std::string &column)
{
    if (key == column)
        return true;
    const std::string prefix = column + " #";
    return key.size() > prefix.size() && key.starts_with(prefix) &&
           std::all_of(key.begin() + std::ptrdiff_t(prefix.size()), key.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

// "mount #2" → "mount": the first " #digits" taken out, as MergeSeries reads label columns.
std::string withoutIndex(const std::string &key)
{
    for (std::size_t at = key.find(" #"); at != std::string::npos; at = key.find(" #", at + 1)) {
        std::size_t end = at + 2;
        while (end < key.size() && key[end] >= '0' && key[end] <= '9')
            ++end;
        if (end > at + 2)
            return key.substr(0, at) + key.substr(end);
    }
    return key;
}

void sortColumns(std::vector<TableRow> &rows)
{
    for (TableRow &row : rows)
        std::ranges::stable_sort(row, {}, &TableRow::value_type::first);
}

} // namespace

const TableValue *TableRows::cell(const TableRow &row, std::string_view column)
{
    for (const auto &[name, value] : row) {
        if (name == column)
            return &value;
    }
    return nullptr;
}

std::string TableValue::key() const
{
    return number ? JsNumber::jsNumberText(*number) : text;
}

std::vector<TableRow> TableRows::fromQueries(const std::vector<std::vector<Series>> &queries,
                                             bool withTimestamp)
{
    std::vector<TableRow> rows;
    const bool several = queries.size() > 1;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        const std::string suffix = several ? " #" + std::to_string(q + 1) : std::string();
        for (const Series &series : queries[q]) {
            TableRow row;
            if (series.last) {
                if (withTimestamp)
                    row.emplace_back("timestamp", TableValue{{}, double(series.last->first)});
                row.emplace_back("value" + suffix, TableValue{{}, series.last->second});
            }
            for (const auto &[name, value] : series.labels) {
                if (!name.empty() || !several)
                    row.emplace_back(name + suffix, TableValue{value, std::nullopt});
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<TableRow> TableRows::joinByColumnValue(const std::vector<TableRow> &rows,
                                                   const std::vector<std::string> &columns)
{
    std::vector<TableRow> joined;
    std::map<std::string, std::size_t> byKey;
    for (const TableRow &row : rows) {
        std::string key;
        for (const std::string &column : columns) {
            if (const TableValue *value = TableRows::cell(row, column))
                key += value->key();
            key += '\x1f'; // a separator no cell holds: "a|b"+"c" is not "a"+"b|c"
        }
        const auto [it, added] = byKey.try_emplace(key, joined.size());
        if (added) {
            joined.push_back(row);
            continue;
        }
        // The later row wins where both have a column; what it lacks stays.
        for (const auto &[name, value] : row)
            put(joined[it->second], name, value);
    }
    return joined;
}

std::vector<TableRow> TableRows::mergeColumns(const std::vector<TableRow> &rows,
                                              const std::vector<std::string> &columns,
                                              const std::string &name)
{
    std::vector<TableRow> merged;
    for (const TableRow &row : rows) {
        TableRow rest;
        std::vector<TableValue> picked;
        for (const auto &[column, value] : row) {
            if (std::ranges::find(columns, column) != columns.end())
                picked.push_back(value);
            else
                rest.emplace_back(column, value);
        }
        if (picked.empty()) {
            merged.push_back(row);
            continue;
        }
        // One row for each merged column it had.
        for (TableValue &value : picked) {
            TableRow one = rest;
            put(one, name, std::move(value));
            merged.push_back(std::move(one));
        }
    }
    return merged;
}

std::vector<TableRow> TableRows::mergeIndexedColumns(const std::vector<TableRow> &rows,
                                                     const std::string &column)
{
    std::vector<TableRow> merged;
    for (const TableRow &row : rows) {
        std::vector<std::string> indexed;
        for (const auto &[name, value] : row) {
            if (isIndexedColumn(name, column))
                indexed.push_back(name);
        }
        if (indexed.empty()) {
            merged.push_back(row);
            continue;
        }
        std::vector<TableRow> split = mergeColumns({row}, indexed, column);
        std::ranges::move(split, std::back_inserter(merged));
    }
    return merged;
}

std::vector<TableRow> TableRows::mergeSeries(const std::vector<TableRow> &rows)
{
    std::vector<std::string> labels;
    for (const TableRow &row : rows) {
        for (const auto &[name, value] : row) {
            const std::string label = withoutIndex(name);
            if (label != "value" && std::ranges::find(labels, label) == labels.end())
                labels.push_back(label);
        }
    }
    std::vector<TableRow> result = rows;
    for (const std::string &label : labels)
        result = mergeIndexedColumns(result, label);
    return joinByColumnValue(result, labels);
}

std::vector<TableRow> TableRows::transform(std::vector<TableRow> rows,
                                           const std::vector<TableTransform> &transforms)
{
    using Kind = TableTransform::Kind;
    for (const TableTransform &transform : transforms) {
        if (transform.disabled)
            continue;
        if (transform.kind == Kind::JoinByColumnValue && !transform.columns.empty())
            rows = joinByColumnValue(rows, transform.columns);
        else if (transform.kind == Kind::MergeColumns && !transform.columns.empty() &&
                 !transform.name.empty())
            rows = mergeColumns(rows, transform.columns, transform.name);
        else if (transform.kind == Kind::MergeIndexedColumns && !transform.column.empty())
            rows = mergeIndexedColumns(rows, transform.column);
        else if (transform.kind == Kind::MergeSeries)
            rows = mergeSeries(rows);
    }
    sortColumns(rows);
    return rows;
}

namespace {

// The field a reference names, from just after "${__data.fields" to its closing brace:
// ["name"], ['name'] or .name, then an optional :format. Empty when it is none of those.
std::optional<std::pair<std::string, bool>> fieldReference(std::string_view rest,
                                                           std::size_t &length)
{
    std::string name;
    std::size_t at = 0;
    const bool bracketed = rest.size() > 1 && rest[0] == '[' && (rest[1] == '"' || rest[1] == '\'');
    if (bracketed) {
        const char quote = rest[1];
        const std::size_t close = rest.find(quote, 2);
        if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ']')
            return std::nullopt;
        name = std::string(rest.substr(2, close - 2));
        at = close + 2;
    } else if (rest.starts_with('.')) {
        at = 1;
        while (at < rest.size() &&
               (std::isalnum(static_cast<unsigned char>(rest[at])) || rest[at] == '_'))
            ++at;
        name = std::string(rest.substr(1, at - 1));
        if (name.empty())
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    bool formatted = false;
    if (at < rest.size() && rest[at] == ':') {
        formatted = true;
        ++at;
        while (at < rest.size() && rest[at] >= 'a' && rest[at] <= 'z')
            ++at;
    }
    if (at >= rest.size() || rest[at] != '}')
        return std::nullopt;
    length = at + 1;
    return std::pair{name, formatted};
}

} // namespace

std::string TableRows::linkUrl(const std::string &url, const TableRow &row)
{
    static constexpr std::string_view opening = "${__data.fields";
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = url.find(opening); at != std::string::npos;
         at = url.find(opening, at + 1)) {
        std::size_t length = 0;
        const auto reference =
            fieldReference(std::string_view(url).substr(at + opening.size()), length);
        if (!reference)
            continue;
        out += url.substr(from, at - from);
        const TableValue *value = TableRows::cell(row, reference->first);
        const std::string text = value ? value->key() : std::string();
        out += reference->second ? text : VariableInterpolator::percentEncode(text);
        from = at + opening.size() + length;
    }
    return out + url.substr(from);
}

std::vector<std::string> TableRows::columns(const std::vector<TableRow> &rows)
{
    std::vector<std::string> columns;
    for (const TableRow &row : rows) {
        for (const auto &[name, value] : row) {
            if (std::ranges::find(columns, name) == columns.end())
                columns.push_back(name);
        }
    }
    return columns;
}

} // namespace Pd
