// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableinterpolator.h"

#include "jsonreader.h"
#include "jsonwriter.h"
#include "variablereferences.h"

#include <algorithm>
#include <array>
#include <utility>

namespace Pd {

namespace {

constexpr std::array<std::pair<InterpolationFormat, std::string_view>, 16> formatNames = {{
    {InterpolationFormat::Prometheus, "prometheus"},
    {InterpolationFormat::Raw, "raw"},
    {InterpolationFormat::Csv, "csv"},
    {InterpolationFormat::Pipe, "pipe"},
    {InterpolationFormat::Text, "text"},
    {InterpolationFormat::Distributed, "distributed"},
    {InterpolationFormat::DoubleQuote, "doublequote"},
    {InterpolationFormat::SingleQuote, "singlequote"},
    {InterpolationFormat::SqlString, "sqlstring"},
    {InterpolationFormat::Glob, "glob"},
    {InterpolationFormat::Lucene, "lucene"},
    {InterpolationFormat::Json, "json"},
    {InterpolationFormat::Regex, "regex"},
    {InterpolationFormat::RegexLiteral, "regexliteral"},
    {InterpolationFormat::PercentEncode, "percentencode"},
    {InterpolationFormat::QueryParam, "queryparam"},
}};

std::string join(const std::vector<std::string> &values, std::string_view separator,
                 std::string_view prefix = {}, std::string_view suffix = {})
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += separator;
        out += prefix;
        out += values[i];
        out += suffix;
    }
    return out;
}

// The characters JavaScript's /[-/\\^$*+?.()|[\]{}]/g escapes.
std::string escapeRegex(std::string_view value, std::string_view backslash)
{
    static constexpr std::string_view special = "-/\\^$*+?.()|[]{}";
    std::string out;
    for (char c : value) {
        if (special.find(c) != std::string_view::npos)
            out += backslash;
        out += c;
    }
    return out;
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    if (from.empty())
        return text;
    std::string out;
    std::size_t start = 0;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, start)) {
        out.append(text, start, at - start);
        out += to;
        start = at + from.size();
    }
    out.append(text, start, std::string::npos);
    return out;
}

// JSON.stringify of each value, parsed as JSON when it is JSON, as the UI does.
std::string jsonArray(const std::vector<std::string> &values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        const ParseResult parsed = JsonReader::parse(values[i]);
        if (!parsed.hasErrors() && !parsed.documents.empty()) {
            std::string compact = JsonWriter::writeCompact(parsed.documents.front());
            out += compact;
        } else {
            JsonWriter::appendString(out, values[i]);
        }
    }
    out += ']';
    return out;
}

} // namespace

std::optional<InterpolationFormat> VariableInterpolator::parseFormat(std::string_view name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto &[format, formatText] : formatNames) {
        if (formatText == lower)
            return format;
    }
    return std::nullopt;
}

std::string_view VariableInterpolator::formatName(InterpolationFormat format)
{
    for (const auto &[candidate, name] : formatNames) {
        if (candidate == format)
            return name;
    }
    return "prometheus";
}

std::string VariableInterpolator::percentEncode(std::string_view text)
{
    static constexpr std::string_view unreserved = "-_.!~*'()";
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || unreserved.find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

std::string VariableInterpolator::format(const std::vector<std::string> &values,
                                         std::string_view name, InterpolationFormat format)
{
    switch (format) {
    case InterpolationFormat::Csv:
    case InterpolationFormat::Raw:
        return join(values, ",");
    case InterpolationFormat::Distributed: {
        std::string out;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                out += ',' + std::string(name) + '=';
            out += values[i];
        }
        return out;
    }
    case InterpolationFormat::DoubleQuote:
        return join(values, ",", "\"", "\"");
    case InterpolationFormat::SingleQuote:
        return join(values, ",", "'", "'");
    case InterpolationFormat::SqlString: {
        std::vector<std::string> doubled;
        for (const std::string &value : values)
            doubled.push_back(replaceAll(value, "'", "''"));
        return join(doubled, ",", "'", "'");
    }
    case InterpolationFormat::Glob:
        return '{' + join(values, ",") + '}';
    case InterpolationFormat::Json:
        return jsonArray(values);
    case InterpolationFormat::Lucene:
        return '(' + join(values, " OR ", "\"", "\"") + ')';
    case InterpolationFormat::PercentEncode:
        return percentEncode(join(values, ","));
    case InterpolationFormat::Pipe:
        return join(values, "|");
    case InterpolationFormat::Regex:
    case InterpolationFormat::RegexLiteral: {
        const std::string_view backslash = format == InterpolationFormat::Regex
                                               ? std::string_view("\\")
                                               : std::string_view("\\\\");
        std::vector<std::string> escaped;
        for (const std::string &value : values)
            escaped.push_back(escapeRegex(value, backslash));
        return '(' + join(escaped, "|") + ')';
    }
    case InterpolationFormat::Text:
        return join(values, " + ");
    case InterpolationFormat::QueryParam: {
        std::string out;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                out += '&';
            out += std::string(name) + '=' + percentEncode(values[i]);
        }
        return out;
    }
    case InterpolationFormat::Prometheus:
        break;
    }
    return '(' + join(values, "|") + ')';
}

std::string VariableInterpolator::replace(std::string_view text, const VariableValues &values)
{
    // Each name with the format of its last occurrence (none for $name and ${name}).
    std::vector<std::pair<std::string, std::optional<InterpolationFormat>>> found;
    for (const VariableReference &ref :
         findVariableReferences(text, ReferenceSyntax::Interpolation)) {
        const std::optional<InterpolationFormat> format =
            ref.format.empty() ? std::nullopt : parseFormat(ref.format);
        auto it = std::find_if(found.begin(), found.end(),
                               [&](const auto &entry) { return entry.first == ref.name; });
        if (it == found.end())
            found.emplace_back(ref.name, format);
        else
            it->second = format;
    }
    // Longest names first, so that $__range does not eat the start of $__range_ms.
    std::stable_sort(found.begin(), found.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    std::string result(text);
    for (const auto &[name, format] : found) {
        const auto value = values.find(name);
        if (value == values.end())
            continue;
        const InterpolationFormat effective = format.value_or(
            value->second.isList ? InterpolationFormat::Prometheus : InterpolationFormat::Raw);
        const std::string replacement =
            VariableInterpolator::format(value->second.values, name, effective);
        const std::string braced =
            "${" + name + (format ? ":" + std::string(formatName(*format)) : std::string()) + "}";
        result = replaceAll(std::move(result), "$" + name, replacement);
        result = replaceAll(std::move(result), braced, replacement);
    }
    return result;
}

const std::string &VariableValue::first() const
{
    static const std::string empty;
    return values.empty() ? empty : values.front();
}

} // namespace Pd
