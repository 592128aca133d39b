// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Pd {

class Node;

// Where a text refers to variables.
struct VariableReference
{
    std::string name;
    std::string format; // ${name:format}; empty otherwise
    std::size_t offset = 0;
    std::size_t length = 0;
};

enum class ReferenceSyntax {
    // The server's dependency scan: `$name` only (regex \$(\w+)); all-digit names ignored.
    Server,
    // What the UI interpolates: `$name`, `${name}`, `${name:format}`, `${name.path}`.
    Interpolation,
};

std::vector<VariableReference> findVariableReferences(std::string_view text,
                                                      ReferenceSyntax syntax);
// The variable names referenced by every string leaf of `node` (map keys excluded).
void collectVariableNames(const Node &node, ReferenceSyntax syntax,
                          std::vector<std::string> &names);

} // namespace Pd
