// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "queryoutput.h"

#include "jsonwriter.h"
#include "numbertext.h"
#include "variableoptions.h"

#include <charconv>
#include <cmath>

namespace Pd::Cli {

namespace {

std::string quoted(std::string_view text)
{
    std::string out;
    JsonWriter::appendString(out, text);
    return out;
}

// JSON has no NaN or infinities: they are written as Prometheus writes them, as strings.
std::string sampleValue(double value)
{
    return std::isfinite(value) ? sampleText(value) : '"' + sampleText(value) + '"';
}

std::string stringList(const std::vector<std::string> &values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + quoted(values[i]);
    return out + "]";
}

std::string valueJson(const VariableValue &value)
{
    return value.isList ? stringList(value.values) : quoted(value.first());
}

std::vector<std::string> optionValues(const VariableState &state)
{
    std::vector<std::string> values;
    for (const VariableOption &option : VariableOptions::sorted(state.options, state.spec.sort))
        values.push_back(option.value);
    return values;
}

std::string seriesJson(const Series &series, const std::string &format)
{
    std::string out = "{\"name\": " + quoted(series.displayName(format)) + ", \"labels\": {";
    for (std::size_t i = 0; i < series.labels.size(); ++i)
        out += (i ? ", " : "") + quoted(series.labels[i].first) + ": " +
               quoted(series.labels[i].second);
    out += "}, \"points\": " + std::to_string(series.size());
    if (series.size() > 0) {
        out += ", \"first\": [" + std::to_string(series.timeAt(0)) + ", " +
               sampleValue(series.values.front()) + "]";
        out += ", \"last\": [" + std::to_string(series.timeAt(series.size() - 1)) + ", " +
               sampleValue(series.values.back()) + "]";
    } else {
        out += ", \"first\": null, \"last\": null";
    }
    return out + "}";
}

// A table cell as JSON: text as a string, a number as a number, a time as RFC 3339; an empty
// number or time is null.
std::string cellJson(const PdPlugin::TableColumn &column, std::size_t row)
{
    using Type = PdPlugin::TableColumn::Type;
    if (column.type == Type::Text)
        return quoted(column.text[row]);
    const double value = column.numbers[row];
    if (std::isnan(value))
        return "null";
    return column.type == Type::Time ? quoted(formatRfc3339(static_cast<std::int64_t>(value)))
                                     : sampleValue(value);
}

// The same cell for people: empty when there is nothing in it.
std::string cellText(const PdPlugin::TableColumn &column, std::size_t row)
{
    using Type = PdPlugin::TableColumn::Type;
    if (column.type == Type::Text)
        return column.text[row];
    const double value = column.numbers[row];
    if (std::isnan(value))
        return {};
    return column.type == Type::Time ? formatRfc3339(static_cast<std::int64_t>(value))
                                     : sampleText(value);
}

// "rows": one object per row, its members in column order.
std::string rowsJson(const PdPlugin::TableData &table, const std::string &indent)
{
    std::string out = ", \"rows\": [";
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        out += (row ? ",\n" : "\n") + indent + "  {";
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            out += (c ? ", " : "") + quoted(table.columns[c].name) + ": " +
                   cellJson(table.columns[c], row);
        out += "}";
    }
    return out + (table.rowCount() ? "\n" + indent + "]}" : "]}");
}

std::string queryJson(const QueryResult &query, const std::string &indent)
{
    std::string out = indent + "{\"query\": " + quoted(query.query);
    out += ", \"datasource\": " + quoted(query.datasource);
    out += ", \"url\": " + quoted(query.url);
    out += ", \"step\": " + sampleValue(query.window.stepSeconds);
    out += ", \"instant\": " + std::string(query.instant ? "true" : "false");
    out +=
        ", \"error\": " + (query.response.ok ? std::string("null") : quoted(query.response.error));
    out += ", \"warnings\": " + stringList(query.response.warnings);
    if (query.response.isTable())
        return out + rowsJson(query.response.table, indent);
    out += ", \"series\": [";
    const auto &series = query.response.result.series();
    for (std::size_t i = 0; i < series.size(); ++i)
        out += (i ? ",\n" : "\n") + indent + "  " + seriesJson(series[i], query.seriesNameFormat);
    out += series.empty() ? "]}" : "\n" + indent + "]}";
    return out;
}

std::string annotationJson(const AnnotationResult &annotation)
{
    std::string out = "    {\"name\": " + quoted(annotation.name);
    out += ", \"panel\": " +
           (annotation.panelId.empty() ? std::string("null") : quoted(annotation.panelId));
    out += ", \"query\": " + quoted(annotation.query);
    out += ", \"datasource\": " + quoted(annotation.datasource);
    out += ", \"error\": " +
           (annotation.error.empty() ? std::string("null") : quoted(annotation.error));
    out += ", \"events\": [";
    for (std::size_t i = 0; i < annotation.events.size(); ++i) {
        const AnnotationEvent &event = annotation.events[i];
        out += (i ? ",\n" : "\n") + std::string("      {\"start\": ") +
               std::to_string(event.startMs) + ", \"end\": " + std::to_string(event.endMs) +
               ", \"title\": " + quoted(event.title) + ", \"text\": " + quoted(event.text) +
               ", \"tags\": {";
        for (std::size_t t = 0; t < event.tags.size(); ++t)
            out +=
                (t ? ", " : "") + quoted(event.tags[t].first) + ": " + quoted(event.tags[t].second);
        out += "}}";
    }
    out += annotation.events.empty() ? "]}" : "\n    ]}";
    return out;
}

// A row a line: its non-empty cells as name=value.
std::string rowsText(const PdPlugin::TableData &table)
{
    std::string out =
        "    " + std::to_string(table.rowCount()) + (table.rowCount() == 1 ? " row\n" : " rows\n");
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        std::string line;
        for (const PdPlugin::TableColumn &column : table.columns) {
            if (const std::string cell = cellText(column, row); !cell.empty())
                line += (line.empty() ? "" : " ") + column.name + "=" + cell;
        }
        out += "    " + line + "\n";
    }
    return out;
}

std::string joined(const std::vector<std::string> &values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + values[i];
    return out;
}

} // namespace

std::string QueryOutput::json(const TimeRange &range, const std::vector<VariableState> &variables,
                              const std::vector<Panel> &panels,
                              const std::vector<AnnotationResult> &annotations)
{
    std::string out = "{\n  \"timeRange\": {\"from\": " + std::to_string(range.fromMs) +
                      ", \"to\": " + std::to_string(range.toMs) + "},\n  \"variables\": [";
    for (std::size_t i = 0; i < variables.size(); ++i) {
        const VariableState &state = variables[i];
        out += (i ? ",\n    " : "\n    ") + std::string("{\"name\": ") + quoted(state.name()) +
               ", \"options\": " + stringList(optionValues(state)) +
               ", \"value\": " + valueJson(state.selected) +
               ", \"error\": " + (state.error.empty() ? std::string("null") : quoted(state.error)) +
               "}";
    }
    out += variables.empty() ? "],\n" : "\n  ],\n";
    out += "  \"panels\": [";
    for (std::size_t p = 0; p < panels.size(); ++p) {
        out += (p ? ",\n" : "\n") + std::string("    {\"id\": ") + quoted(panels[p].id) +
               ", \"queries\": [";
        const std::vector<QueryResult> &queries = panels[p].result->queries;
        for (std::size_t q = 0; q < queries.size(); ++q)
            out += (q ? ",\n" : "\n") + queryJson(queries[q], "      ");
        out += queries.empty() ? "]}" : "\n    ]}";
    }
    out += panels.empty() ? "]" : "\n  ]";
    if (!annotations.empty()) {
        out += ",\n  \"annotations\": [";
        for (std::size_t a = 0; a < annotations.size(); ++a)
            out += (a ? ",\n" : "\n") + annotationJson(annotations[a]);
        out += "\n  ]";
    }
    return out + "\n}\n";
}

std::string QueryOutput::text(const TimeRange &range, const std::vector<VariableState> &variables,
                              const std::vector<Panel> &panels,
                              const std::vector<AnnotationResult> &annotations)
{
    std::string out =
        "time range: " + formatRfc3339(range.fromMs) + " to " + formatRfc3339(range.toMs) + "\n";
    for (const VariableState &state : variables) {
        out += "variable " + state.name() + " = " + joined(state.selected.values);
        if (!state.error.empty())
            out += "  [error: " + state.error + "]";
        else if (!state.options.empty())
            out += "  (options: " + joined(optionValues(state)) + ")";
        out += '\n';
    }
    for (const Panel &panel : panels) {
        out += "panel " + panel.id + "\n";
        for (const QueryResult &query : panel.result->queries) {
            out += "  " + query.query + "\n    " + query.datasource + " " + query.url;
            // A table is the state now: no step to speak of.
            if (!query.response.isTable())
                out += ", step " + sampleText(query.window.stepSeconds) + " s" +
                       (query.instant ? ", instant" : "");
            out += "\n";
            if (!query.response.ok) {
                out += "    error: " + query.response.error + "\n";
                continue;
            }
            for (const std::string &warning : query.response.warnings)
                out += "    warning: " + warning + "\n";
            if (query.response.isTable()) {
                out += rowsText(query.response.table);
                continue;
            }
            for (const Series &series : query.response.result.series()) {
                out += "    " + series.displayName(query.seriesNameFormat) + ": " +
                       std::to_string(series.size()) + " points";
                if (series.size() > 0)
                    out += ", last " + sampleText(series.values.back()) + " at " +
                           formatRfc3339(series.timeAt(series.size() - 1));
                out += '\n';
            }
        }
    }
    for (const AnnotationResult &annotation : annotations) {
        out += "annotation " + annotation.name +
               (annotation.panelId.empty() ? std::string() : " of panel " + annotation.panelId) +
               "\n  " + annotation.query + "\n";
        if (!annotation.error.empty()) {
            out += "    error: " + annotation.error + "\n";
            continue;
        }
        for (const AnnotationEvent &event : annotation.events) {
            out += "    " + formatRfc3339(event.startMs);
            if (event.endMs != event.startMs)
                out += " to " + formatRfc3339(event.endMs);
            out += ": " + event.title + (event.text.empty() ? "" : " (" + event.text + ")") + "\n";
        }
    }
    return out;
}

} // namespace Pd::Cli
