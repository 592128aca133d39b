// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "textpatch.h"

#include "jsonwriter.h"
#include "yamlwriter.h"

#include <algorithm>
#include <charconv>

namespace Pd {

namespace {

const Node *walk(const Node &root, const std::vector<std::string> &path)
{
    const Node *node = &root;
    for (const std::string &step : path) {
        if (node->isObject()) {
            node = node->find(step);
        } else if (node->isArray()) {
            std::size_t index = 0;
            const auto [end, error] =
                std::from_chars(step.data(), step.data() + step.size(), index);
            if (error != std::errc() || end != step.data() + step.size() ||
                index >= node->items().size())
                return nullptr;
            node = &node->items()[index];
        } else {
            return nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

} // namespace

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
    const Node *target = walk(document, path);
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
