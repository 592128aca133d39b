// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"

#include <string>
#include <vector>

namespace Pd::Cli {

// The changes of one file (or of two files compared).
struct FileDiff
{
    std::string file;   // the path in a range; empty when two operands were compared
    std::string before; // how each side is named: "HEAD~1:dashboards/node.yaml"
    std::string after;
    ResourceChanges changes;
};

// The three output formats of `diff`. These are public contracts: scripts and pull-request
// bots parse them.
class DiffFormatter
{
public:
    // One line a change: "~ panel cpu: spec.display.name: "CPU" -> "CPU usage"", PromQL and
    // other long strings as a word diff ([-removed-]{+added+}).
    static std::string text(const std::vector<FileDiff> &files);
    // Two operands: {"changes": [{op, path, panel, old, new}]}. A range: an array of
    // {"file", "changes"}, one a changed file.
    static std::string json(const std::vector<FileDiff> &files, bool range);
    // A summary fit for a pull-request comment: counts, then a table of changes a file.
    static std::string markdown(const std::vector<FileDiff> &files);

    // "spec.queries[0].spec.plugin.spec.query": a JSON pointer as people read it, relative
    // to the panel for a panel's change.
    static std::string readablePath(const ResourceChange &change);
};

} // namespace Pd::Cli
