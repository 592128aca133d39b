// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// One difference between two versions of a resource, as `diff` prints it and the review view
// lists it. What a change means is told by `op`:
//   Add, Remove  a value that one side lacks (old or new is absent)
//   Change       a value that both sides have, with another value
//   Move         a layout item at another place or size, or a variable at another rank
//   Rename       a panel under another key: old and new are the two keys
struct ResourceChange
{
    enum class Op { Add, Remove, Change, Move, Rename };

    Op op = Op::Change;
    // JSON pointer into the new version; into the old one for a removal.
    std::string path;
    // The key of the panel it concerns (after a rename), when it concerns one.
    std::optional<std::string> panel;
    std::optional<Node> oldValue;
    std::optional<Node> newValue;
    // "Kind project/name" of the resource when the files compared hold more than one.
    std::string resource;

    static const char *opName(Op op);
    // A change of a whole panel (added, removed, renamed) rather than of a part of one.
    bool isWholePanel() const;
};

using ResourceChanges = std::vector<ResourceChange>;

} // namespace Pd
