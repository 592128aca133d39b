// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "resourcefile.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// One replacement in a text: what a visual edit changes, and nothing else.
struct TextEdit
{
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string replacement;
};

// Visual edits as minimal text patches, through the spans the readers record: a scalar's text
// is replaced in place, written the way the document writes it (JSON, or YAML plain when that
// reads back the same, quoted otherwise). Comments, blank lines, quoting and key order
// elsewhere stay byte for byte.
class TextPatch
{
public:
    // The edit that sets the existing scalar at `path` (member keys and array indexes from the
    // root of `document`) to `value`; none when there is no scalar with a span there.
    static std::optional<TextEdit> setScalar(const Node &document, DocumentFormat format,
                                             const std::vector<std::string> &path,
                                             const Node &value);
    // The edit that takes out the member or the array item at `path` with its text: whole
    // lines in YAML block style, the value and one comma in JSON and flow style. None when
    // there is no value with a span there.
    static std::optional<TextEdit> remove(std::string_view text, const Node &document,
                                          const std::vector<std::string> &path);
    // The edit that adds `key: value` at the end of the object at `path`, or appends `value`
    // to the array at `path`, written in the document's format at the indentation of its
    // siblings (YAML block or flow, JSON). None when there is no such collection with a span.
    static std::optional<TextEdit> insertMember(std::string_view text, const Node &document,
                                                DocumentFormat format,
                                                const std::vector<std::string> &path,
                                                const std::string &key, const Node &value);
    static std::optional<TextEdit> appendItem(std::string_view text, const Node &document,
                                              DocumentFormat format,
                                              const std::vector<std::string> &path,
                                              const Node &value);
    // The edits that swap items `first` and `second` of the array at `path` (whole lines in
    // YAML block style, the values in JSON and flow style): a reorder.
    static std::vector<TextEdit> swapItems(std::string_view text, const Node &document,
                                           const std::vector<std::string> &path, std::size_t first,
                                           std::size_t second);
    // Applies edits that do not overlap, whatever their order.
    static std::string apply(std::string_view text, std::vector<TextEdit> edits);
    // A scalar as the format writes it.
    static std::string scalarText(const Node &value, DocumentFormat format);
};

} // namespace Pd
