// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changeset.h"

#include <string>
#include <vector>

namespace Pd::Cli {

// The three output formats of `diff`. These are public contracts: scripts and pull-request
// bots parse them.
class DiffFormatter
{
public:
    // One line a change: "~ panel cpu: spec.display.name: "CPU" -> "CPU usage"", PromQL and
    // other long strings as a word diff ([-removed-]{+added+}).
    static std::string text(const std::vector<ComparedFile> &files);
    // Two operands: {"changes": [{op, path, panel, old, new}]}. A range: an array of
    // {"file", "changes"}, one a changed file.
    static std::string json(const std::vector<ComparedFile> &files, bool range);
    // A summary fit for a pull-request comment: counts, then a table of changes a file.
    static std::string markdown(const std::vector<ComparedFile> &files);
};

} // namespace Pd::Cli
