// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"

#include <string>

namespace Pd {

// A change in words, the same in `diff`'s outputs and in the review window's change list.
class ChangeText
{
public:
    // "panel cpu", "spec.duration", "GlobalDatasource prom".
    static std::string subject(const ResourceChange &change);
    // What follows the subject: "spec.display.name: "CPU" -> "CPU busy"", "moved from x=0 y=0
    // w=12 h=8 to ...", "added ("Memory", StatChart)"; long strings as a word diff.
    static std::string detail(const ResourceChange &change, const char *arrow = " -> ");
    // "spec.queries[0].spec.plugin.spec.query": a JSON pointer as people read it, relative to
    // the panel for a panel's change.
    static std::string readablePath(const ResourceChange &change);
    // Long or multi-word strings read better as a word diff than as two quoted strings.
    static bool wantsWordDiff(const ResourceChange &change);
    // + - ~ ^ > for add, remove, change, move, rename.
    static char marker(ResourceChange::Op op);
};

} // namespace Pd
