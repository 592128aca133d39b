// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variablegraph.h"

#include "node.h"
#include "variablereferences.h"

#include <algorithm>
#include <functional>
#include <map>

namespace Pd {

void VariableGraph::add(const std::string &name, const Node &variable)
{
    const Node *kind = variable.find("kind");
    const Node *spec = variable.find("spec");
    std::vector<std::string> names;
    if (spec && kind && kind->text() == "TextVariable") {
        if (const Node *value = spec->find("value"))
            collectVariableNames(*value, ReferenceSyntax::Server, names);
    } else if (spec) {
        if (const Node *plugin = spec->find("plugin"); plugin && plugin->find("spec"))
            collectVariableNames(*plugin->find("spec"), ReferenceSyntax::Server, names);
    }
    add(name, names);
}

void VariableGraph::add(const std::string &name, const std::vector<std::string> &dependencies)
{
    Entry entry{name, {}};
    for (const std::string &dependency : dependencies) {
        if (std::find(entry.dependencies.begin(), entry.dependencies.end(), dependency) ==
            entry.dependencies.end())
            entry.dependencies.push_back(dependency);
    }
    m_entries.push_back(std::move(entry));
}

const VariableGraph::Entry *VariableGraph::find(const std::string &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

std::vector<std::string> VariableGraph::findCycle() const
{
    enum class Mark { None, Active, Done };
    std::map<std::string, Mark> marks;
    std::vector<std::string> stack;
    std::vector<std::string> cycle;
    std::function<bool(const Entry &)> visit = [&](const Entry &entry) {
        marks[entry.name] = Mark::Active;
        stack.push_back(entry.name);
        for (const std::string &dependency : entry.dependencies) {
            const Entry *next = find(dependency);
            if (!next)
                continue;
            if (marks[next->name] == Mark::Active) {
                auto start = std::find(stack.begin(), stack.end(), next->name);
                cycle.assign(start, stack.end());
                cycle.push_back(next->name);
                return true;
            }
            if (marks[next->name] == Mark::None && visit(*next))
                return true;
        }
        stack.pop_back();
        marks[entry.name] = Mark::Done;
        return false;
    };
    for (const Entry &entry : m_entries) {
        if (marks[entry.name] == Mark::None && visit(entry))
            return cycle;
    }
    return {};
}

std::vector<std::vector<std::string>> VariableGraph::layers() const
{
    if (!findCycle().empty())
        return {};
    std::vector<std::vector<std::string>> result;
    std::vector<std::string> resolved;
    auto isResolved = [&](const std::string &name) {
        return !find(name) || std::find(resolved.begin(), resolved.end(), name) != resolved.end();
    };
    while (resolved.size() < m_entries.size()) {
        std::vector<std::string> layer;
        for (const Entry &entry : m_entries) {
            if (std::find(resolved.begin(), resolved.end(), entry.name) != resolved.end())
                continue;
            if (std::all_of(entry.dependencies.begin(), entry.dependencies.end(), isResolved))
                layer.push_back(entry.name);
        }
        if (layer.empty())
            break; // duplicate names; the validator reports them
        resolved.insert(resolved.end(), layer.begin(), layer.end());
        result.push_back(std::move(layer));
    }
    return result;
}

} // namespace Pd
