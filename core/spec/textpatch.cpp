// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "textpatch.h"

#include "jsonwriter.h"
#include "yamlwriter.h"

#include <algorithm>
#include <charconv>

namespace Pd {

std::string TextPatch::scalarText(const Node &value, DocumentFormat format)
{
    if (format == DocumentFormat::Json || !value.isString())
        return JsonWriter::writeCompact(value);
    return YamlWriter::scalarText(value.text());
}

std::optional<TextEdit> TextPatch::setScalar(const Node &document, DocumentFormat format,
                                             const std::vector<std::string> &path,
                                             const Node &value)
{
    const Node *target = document.at(path);
    if (!target || !target->hasSpan() || target->isObject() || target->isArray())
        return std::nullopt;
    std::string replacement = scalarText(value, format);
    // A block scalar's span ends after its last line break: the new value keeps the break.
    if (target->end().line > target->pos().line && target->end().column == 1)
        replacement += '\n';
    return TextEdit{std::size_t(target->pos().offset),
                    std::size_t(target->end().offset - target->pos().offset),
                    std::move(replacement)};
}

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// [begin, end) widened to whole lines: from its line's start through its last line's break.
TextEdit wholeLines(std::string_view text, std::size_t begin, std::size_t end)
{
    const std::size_t lineStart = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    std::size_t from = lineStart == std::string_view::npos || begin == 0 ? 0 : lineStart + 1;
    if (begin == 0)
        from = 0;
    std::size_t to = end;
    if (to > 0 && text[to - 1] != '\n') {
        const std::size_t lineEnd = text.find('\n', to);
        to = lineEnd == std::string_view::npos ? text.size() : lineEnd + 1;
    }
    return TextEdit{from, to - from, {}};
}

// [begin, end) with one comma: the one after it, or else the one before it.
TextEdit withComma(std::string_view text, std::size_t begin, std::size_t end)
{
    std::size_t after = end;
    while (after < text.size() && isBlank(text[after]))
        ++after;
    if (after < text.size() && text[after] == ',') {
        std::size_t next = after + 1;
        while (next < text.size() && isBlank(text[next]))
            ++next;
        // Keep the layout of what follows: take from this value to the next one.
        return TextEdit{begin, next - begin, {}};
    }
    std::size_t before = begin;
    while (before > 0 && isBlank(text[before - 1]))
        --before;
    if (before > 0 && text[before - 1] == ',')
        return TextEdit{before - 1, end - (before - 1), {}};
    return TextEdit{begin, end - begin, {}}; // the only one
}

} // namespace

std::optional<TextEdit> TextPatch::remove(std::string_view text, const Node &document,
                                          const std::vector<std::string> &path)
{
    if (path.empty())
        return std::nullopt;
    const std::vector<std::string> parentPath(path.begin(), path.end() - 1);
    const Node *parent = document.at(parentPath);
    if (!parent || !parent->hasSpan())
        return std::nullopt;
    const bool flow = text.substr(std::size_t(parent->pos().offset), 1) == "{" ||
                      text.substr(std::size_t(parent->pos().offset), 1) == "[";
    std::size_t begin = 0;
    std::size_t end = 0;
    if (parent->isObject()) {
        const NodeMember *member = parent->findMember(path.back());
        if (!member || member->keyPos.offset < 0 || !member->value.hasSpan())
            return std::nullopt;
        begin = std::size_t(member->keyPos.offset);
        end = std::size_t(std::max(member->value.end().offset, member->keyEnd.offset));
    } else {
        const Node *item = parent->at({path.back()});
        if (!item || !item->hasSpan())
            return std::nullopt;
        begin = std::size_t(item->pos().offset);
        end = std::size_t(item->end().offset);
    }
    if (flow)
        return withComma(text, begin, end);
    // The last one of a block collection: lines removed would leave the key with nothing (null).
    if (parent->size() == 1) {
        // A block scalar's span takes its line breaks along: they stay.
        std::size_t last = std::size_t(parent->end().offset);
        while (last > std::size_t(parent->pos().offset) &&
               (text[last - 1] == '\n' || text[last - 1] == ' '))
            --last;
        return TextEdit{std::size_t(parent->pos().offset), last - std::size_t(parent->pos().offset),
                        parent->isObject() ? "{}" : "[]"};
    }
    return wholeLines(text, begin, end);
}

namespace {

std::string indented(const std::string &block, std::size_t spaces)
{
    std::string out;
    const std::string pad(spaces, ' ');
    std::size_t start = 0;
    bool first = true;
    while (start < block.size()) {
        std::size_t end = block.find('\n', start);
        if (end == std::string::npos)
            end = block.size();
        if (!first)
            out += '\n' + pad;
        out.append(block, start, end - start);
        first = false;
        start = end + 1;
    }
    return out;
}

// A value written for insertion: JSON pretty, YAML block; trailing line breaks dropped.
std::string written(const Node &value, DocumentFormat format)
{
    std::string text =
        format == DocumentFormat::Json ? JsonWriter::write(value) : YamlWriter::write(value);
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    if (format == DocumentFormat::Yaml && text.starts_with("---\n"))
        text.erase(0, 4);
    return text;
}

bool isCollection(const Node &value)
{
    return (value.isObject() || value.isArray()) && value.size() > 0;
}

std::size_t lineIndent(std::string_view text, std::size_t offset)
{
    const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    std::size_t i = newline == std::string_view::npos ? 0 : newline + 1;
    const std::size_t start = i;
    while (i < text.size() && text[i] == ' ')
        ++i;
    return i - start;
}

// Where a new last element goes and what precedes it: after the last element, or inside
// empty braces.
std::optional<TextEdit> insertion(std::string_view text, const Node &parent, DocumentFormat format,
                                  const std::string &entry, std::size_t siblingIndent)
{
    const bool flow = format == DocumentFormat::Json ||
                      text.substr(std::size_t(parent.pos().offset), 1) == "{" ||
                      text.substr(std::size_t(parent.pos().offset), 1) == "[";
    if (parent.size() == 0) {
        if (!flow)
            return std::nullopt;
        // "{}" or "[]": the entry goes between the braces.
        return TextEdit{std::size_t(parent.pos().offset) + 1, 0, entry};
    }
    std::size_t lastEnd = 0;
    for (const NodeMember &member : parent.members())
        lastEnd = std::max(lastEnd,
                           std::size_t(std::max(member.value.end().offset, member.keyEnd.offset)));
    for (const Node &item : parent.items())
        lastEnd = std::max(lastEnd, std::size_t(item.end().offset));
    if (flow) {
        const bool multiline = format == DocumentFormat::Json;
        return TextEdit{lastEnd, 0,
                        multiline ? ",\n" + std::string(siblingIndent, ' ') + entry : ", " + entry};
    }
    // Block style: a new line after the last element's last line.
    std::size_t at = lastEnd;
    if (at > 0 && text[at - 1] == '\n')
        return TextEdit{at, 0, std::string(siblingIndent, ' ') + entry + '\n'};
    return TextEdit{at, 0, '\n' + std::string(siblingIndent, ' ') + entry};
}

} // namespace

std::vector<TextEdit> TextPatch::swapItems(std::string_view text, const Node &document,
                                           const std::vector<std::string> &path, std::size_t first,
                                           std::size_t second)
{
    const Node *array = document.at(path);
    if (!array || !array->isArray() || !array->hasSpan() || first == second ||
        first >= array->items().size() || second >= array->items().size())
        return {};
    const Node &a = array->items()[first];
    const Node &b = array->items()[second];
    if (!a.hasSpan() || !b.hasSpan())
        return {};
    const bool flow = text.substr(std::size_t(array->pos().offset), 1) == "[";
    auto range = [&](const Node &item) {
        return flow ? TextEdit{std::size_t(item.pos().offset),
                               std::size_t(item.end().offset - item.pos().offset),
                               {}}
                    : wholeLines(text, std::size_t(item.pos().offset),
                                 std::size_t(item.end().offset));
    };
    TextEdit one = range(a);
    TextEdit two = range(b);
    one.replacement = std::string(text.substr(two.offset, two.length));
    two.replacement = std::string(text.substr(one.offset, one.length));
    // The last lines of a file may lack a line break: each place keeps its own.
    for (TextEdit *edit : {&one, &two}) {
        const bool hadBreak = edit->length > 0 && text[edit->offset + edit->length - 1] == '\n';
        const bool hasBreak = !edit->replacement.empty() && edit->replacement.back() == '\n';
        if (hadBreak && !hasBreak)
            edit->replacement += '\n';
        else if (!hadBreak && hasBreak && !flow)
            edit->replacement.pop_back();
    }
    return {one, two};
}

std::optional<TextEdit> TextPatch::insertMember(std::string_view text, const Node &document,
                                                DocumentFormat format,
                                                const std::vector<std::string> &path,
                                                const std::string &key, const Node &value)
{
    const Node *parent = document.at(path);
    if (!parent || !parent->isObject() || !parent->hasSpan() || parent->contains(key))
        return std::nullopt;
    const std::size_t indent = parent->members().empty()
                                   ? lineIndent(text, std::size_t(parent->pos().offset)) + 2
                                   : std::size_t(parent->members().front().keyPos.column - 1);
    const bool flow =
        format == DocumentFormat::Json || text.substr(std::size_t(parent->pos().offset), 1) == "{";
    std::string entry;
    if (format == DocumentFormat::Json) {
        JsonWriter::appendString(entry, key);
        entry += ": " + indented(written(value, format), indent);
    } else if (flow || !isCollection(value)) {
        entry = YamlWriter::scalarText(key) + ": " +
                (isCollection(value) ? JsonWriter::writeCompact(value) : written(value, format));
    } else {
        entry = YamlWriter::scalarText(key) + ":\n" + std::string(indent + 2, ' ') +
                indented(written(value, format), indent + 2);
    }
    return insertion(text, *parent, format, entry, indent);
}

std::optional<TextEdit> TextPatch::appendItem(std::string_view text, const Node &document,
                                              DocumentFormat format,
                                              const std::vector<std::string> &path,
                                              const Node &value)
{
    const Node *parent = document.at(path);
    if (!parent || !parent->isArray() || !parent->hasSpan())
        return std::nullopt;
    const bool flow =
        format == DocumentFormat::Json || text.substr(std::size_t(parent->pos().offset), 1) == "[";
    // Block items start with "- " at the indentation of the line of the first one.
    const std::size_t indent =
        parent->items().empty() ? lineIndent(text, std::size_t(parent->pos().offset)) + 2
        : flow                  ? std::size_t(parent->items().front().pos().column - 1)
               : lineIndent(text, std::size_t(parent->items().front().pos().offset));
    std::string entry;
    if (format == DocumentFormat::Json)
        entry = indented(written(value, format), indent);
    else if (flow)
        entry = isCollection(value) ? JsonWriter::writeCompact(value) : written(value, format);
    else
        entry = "- " + indented(written(value, format), indent + 2);
    return insertion(text, *parent, format, entry, indent);
}

std::string TextPatch::apply(std::string_view text, std::vector<TextEdit> edits)
{
    // From the end, so that earlier offsets stay right.
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    std::string result(text);
    for (const TextEdit &edit : edits)
        result.replace(edit.offset, edit.length, edit.replacement);
    return result;
}

} // namespace Pd
