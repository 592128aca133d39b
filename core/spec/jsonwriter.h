// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <string>

namespace Pd {

// Writes a node as JSON the way Perses files are laid out: two-space indent, keys in node
// order, `{}` and `[]` for empty containers, UTF-8 kept as is, a final newline.
// Numbers keep the spelling they were read with.
class JsonWriter
{
public:
    static std::string write(const Node &node);
    // One line, no spaces, numbers as JavaScript prints them: what JSON.stringify gives.
    static std::string writeCompact(const Node &node);
    static void appendString(std::string &out, std::string_view value);
    // A number's text as JSON (YAML spellings such as 0x1F or .5 are rewritten).
    static std::string numberText(const Node &number);
};

} // namespace Pd
