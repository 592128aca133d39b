// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <string>
#include <vector>

namespace Pd {

// Merges two versions of a resource that both started from `base`: "theirs" (saved by someone
// else meanwhile) and "mine" (the unsaved edit). A value changed on one side only takes that
// side; objects merge key by key; lists whose items have an identity merge item by item
// (layout items by the panel they show, variables by name, groups by title); the rest changed
// on both sides differently is a conflict, where the merge keeps mine. So two people who
// changed different panels, or added different panels, do not conflict.
class ThreeWayMerge
{
public:
    struct Conflict
    {
        std::string path; // "spec.panels.cpu.spec.display.name"
        std::string description;
    };
    struct Result
    {
        Node merged;
        std::vector<Conflict> conflicts;
        bool isClean() const { return conflicts.empty(); }
    };

    static Result merge(const Node &base, const Node &theirs, const Node &mine);
};

} // namespace Pd
