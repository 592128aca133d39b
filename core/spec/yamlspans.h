// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <string_view>

namespace Pd {

// Where each value and key of a YAML document ends. yaml-cpp's events give where values start;
// their ends are found in the text: a quoted scalar at its closing quote, a plain one before
// ": ", " #" or the line's end (a flow indicator inside flow collections), a block scalar
// after its last more-indented line, a flow collection at its matching bracket, and a block
// collection where its last value ends.
class YamlSpans
{
public:
    // Sets end() on `node` and below, and each member's keyEnd. Nodes without a known start
    // (made in memory) are left alone.
    static void assign(std::string_view text, Node &node);
};

} // namespace Pd
