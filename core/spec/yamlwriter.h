// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <string>
#include <vector>

namespace Pd {

// Writes nodes as block-style YAML: two-space indent, lists indented under their key,
// strings quoted only where a plain scalar would read as something else (in YAML 1.2 or
// in the YAML 1.1 of kubectl and percli: the grid key `y` is written 'y'), multi-line text as
// literal blocks. Several documents are separated by `---`.
class YamlWriter
{
public:
    static std::string write(const Node &document);
    static std::string write(const std::vector<Node> &documents);
    static std::string scalarText(std::string_view value);
};

} // namespace Pd
