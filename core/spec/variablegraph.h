// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace Pd {

class Node;

// Which variables wait for which (spec §7.2): a TextVariable depends on the `$name`s in its
// value, a ListVariable on those anywhere in its plugin spec. The validator reports undefined
// names and cycles from it; the runtime resolves variables layer by layer.
class VariableGraph
{
public:
    struct Entry
    {
        std::string name;
        std::vector<std::string> dependencies; // in order of appearance, unique
    };

    // `variables` holds {kind, spec} objects as in a dashboard's spec.variables; a Variable
    // resource's spec has the same shape with its name given separately.
    void add(const std::string &name, const Node &variable);
    // A variable whose dependencies are already known.
    void add(const std::string &name, const std::vector<std::string> &dependencies);

    const std::vector<Entry> &entries() const { return m_entries; }
    const Entry *find(const std::string &name) const;

    // Names in a cycle, first one repeated at the end ("a", "b", "a"); empty when acyclic.
    std::vector<std::string> findCycle() const;
    // Topological layers of the variables defined here (dependencies on names outside the
    // graph are taken as resolved). Empty when there is a cycle.
    std::vector<std::vector<std::string>> layers() const;

private:
    std::vector<Entry> m_entries;
};

} // namespace Pd
