// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "parseresult.h"

#include <optional>
#include <string_view>

namespace Pd {

// The fast path of YamlReader: the YAML that people and tools write for dashboards, read in
// one pass over the text. Block mappings and sequences (the compact "- key: value" form too),
// one-line flow collections, plain and one-line quoted scalars, literal block scalars,
// comments and `---` between documents. Anything else (anchors, aliases, tags, folded or
// multi-line scalars, null values, tabs, CRLF, non-ASCII text, anything it is unsure of) makes
// it give up, and YamlReader reads the text with yaml-cpp instead. What it does read is read
// exactly as yaml-cpp reads it: the same nodes, positions and diagnostics (a test compares
// the two over the conformance corpus and mutations of it).
class YamlBlockReader
{
public:
    // The documents and diagnostics, without spans' ends; none when the text is beyond it.
    static std::optional<ParseResult> read(std::string_view text);
};

} // namespace Pd
