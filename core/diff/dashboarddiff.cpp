// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboarddiff.h"

#include "jsonref.h"
#include "nodediff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace Pd {

namespace {

using Op = ResourceChange::Op;
using Renames = std::map<std::string, std::string>; // old panel key -> new panel key

const Node &emptyObject()
{
    static const Node empty = Node::object();
    return empty;
}

const Node &memberOrEmpty(const Node &node, std::string_view key)
{
    const Node *value = node.find(key);
    return value ? *value : emptyObject();
}

const std::vector<Node> &itemsAt(const Node &spec, std::string_view key)
{
    static const std::vector<Node> none;
    const Node *list = spec.find(key);
    return list && list->isArray() ? list->items() : none;
}

ResourceChange change(Op op, std::string path, std::optional<std::string> panel,
                      std::optional<Node> before, std::optional<Node> after)
{
    ResourceChange result;
    result.op = op;
    result.path = std::move(path);
    result.panel = std::move(panel);
    result.oldValue = std::move(before);
    result.newValue = std::move(after);
    return result;
}

// A member that one side may lack: added, removed or compared.
void compareMember(const Node &before, const Node &after, const std::string &key,
                   const std::string &base, const std::optional<std::string> &panel,
                   ResourceChanges &out)
{
    const Node *a = before.find(key);
    const Node *b = after.find(key);
    const std::string path = NodeDiff::pointer(base, key);
    if (a && b)
        NodeDiff::compare(*a, *b, path, panel, out);
    else if (a)
        out.push_back(change(Op::Remove, path, panel, *a, std::nullopt));
    else if (b)
        out.push_back(change(Op::Add, path, panel, std::nullopt, *b));
}

// Every spec member but those with rules of their own, in the order the new spec has them
// (then those only the old one has).
void compareSettings(const Node &before, const Node &after, ResourceChanges &out)
{
    static const std::set<std::string, std::less<>> ruled = {"panels", "layouts", "variables"};
    std::vector<std::string> keys;
    for (const NodeMember &member : after.members())
        keys.push_back(member.key);
    for (const NodeMember &member : before.members()) {
        if (!after.contains(member.key))
            keys.push_back(member.key);
    }
    for (const std::string &key : keys) {
        if (!ruled.contains(key))
            compareMember(before, after, key, "/spec", std::nullopt, out);
    }
}

// --- panels -----------------------------------------------------------------------------

Renames findRenames(const Node &oldPanels, const Node &newPanels)
{
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    const auto &removed = oldPanels.members();
    const auto &added = newPanels.members();
    for (std::size_t i = 0; i < removed.size(); ++i) {
        if (newPanels.contains(removed[i].key))
            continue;
        for (std::size_t j = 0; j < added.size(); ++j) {
            if (oldPanels.contains(added[j].key))
                continue;
            const double score = NodeDiff::similarity(removed[i].value, added[j].value);
            if (score >= DashboardDiff::renameSimilarity)
                candidates.emplace_back(score, i, j);
        }
    }
    // The most similar pairs first; among equals, document order.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto &x, const auto &y) { return std::get<0>(x) > std::get<0>(y); });
    Renames renames;
    std::set<std::size_t> taken;
    for (const auto &[score, i, j] : candidates) {
        if (renames.contains(removed[i].key) || taken.contains(j))
            continue;
        renames.emplace(removed[i].key, added[j].key);
        taken.insert(j);
    }
    return renames;
}

void comparePanels(const Node &before, const Node &after, const Renames &renames,
                   ResourceChanges &out)
{
    const Node &oldPanels = memberOrEmpty(before, "panels");
    const Node &newPanels = memberOrEmpty(after, "panels");
    std::map<std::string, std::string> renamedFrom;
    for (const auto &[from, to] : renames)
        renamedFrom.emplace(to, from);
    for (const NodeMember &panel : newPanels.members()) {
        const std::string path = NodeDiff::pointer("/spec/panels", panel.key);
        if (const Node *old = oldPanels.find(panel.key)) {
            NodeDiff::compare(*old, panel.value, path, panel.key, out);
        } else if (const auto from = renamedFrom.find(panel.key); from != renamedFrom.end()) {
            out.push_back(change(Op::Rename, path, panel.key, Node::string(from->second),
                                 Node::string(panel.key)));
            NodeDiff::compare(*oldPanels.find(from->second), panel.value, path, panel.key, out);
        } else {
            out.push_back(change(Op::Add, path, panel.key, std::nullopt, panel.value));
        }
    }
    for (const NodeMember &panel : oldPanels.members()) {
        if (!newPanels.contains(panel.key) && !renames.contains(panel.key))
            out.push_back(change(Op::Remove, NodeDiff::pointer("/spec/panels", panel.key),
                                 panel.key, panel.value, std::nullopt));
    }
}

// --- layouts ----------------------------------------------------------------------------

struct Placement
{
    std::size_t group = 0;
    std::size_t item = 0;
    Node geometry; // {x, y, width, height}
};

std::string itemPath(std::size_t group, std::size_t item)
{
    return NodeDiff::pointer(
        NodeDiff::pointer(NodeDiff::pointer("/spec/layouts", group), "spec") + "/items", item);
}

Node geometryOf(const Node &item)
{
    Node geometry = Node::object();
    for (const char *key : {"x", "y", "width", "height"}) {
        if (const Node *value = item.find(key))
            geometry.set(key, *value);
    }
    return geometry;
}

// Where each panel is laid out (its first item), under its key in the new version.
std::map<std::string, Placement> placements(const Node &spec, const Renames *renames)
{
    std::map<std::string, Placement> result;
    const std::vector<Node> &groups = itemsAt(spec, "layouts");
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::vector<Node> &items = itemsAt(memberOrEmpty(groups[g], "spec"), "items");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Node &content = memberOrEmpty(items[i], "content");
            std::string key = JsonRef::panelId(content.stringAt("$ref"));
            if (key.empty())
                continue;
            if (renames) {
                if (const auto renamed = renames->find(key); renamed != renames->end())
                    key = renamed->second;
            }
            result.emplace(std::move(key), Placement{g, i, geometryOf(items[i])});
        }
    }
    return result;
}

std::string groupTitle(const Node &group)
{
    return memberOrEmpty(memberOrEmpty(group, "spec"), "display").stringAt("title");
}

Node groupLabel(const std::vector<Node> &groups, std::size_t index)
{
    const std::string title = groupTitle(groups[index]);
    return title.empty() ? Node::number(static_cast<double>(index)) : Node::string(title);
}

// For each new group, the old group it continues: the one with the same title when the
// title is unique on both sides, else the one at the same index.
std::vector<std::optional<std::size_t>> matchGroups(const std::vector<Node> &before,
                                                    const std::vector<Node> &after)
{
    std::map<std::string, int> oldCount;
    std::map<std::string, int> newCount;
    for (const Node &group : before)
        ++oldCount[groupTitle(group)];
    for (const Node &group : after)
        ++newCount[groupTitle(group)];
    std::vector<std::optional<std::size_t>> match(after.size());
    std::vector<bool> used(before.size(), false);
    for (std::size_t j = 0; j < after.size(); ++j) {
        const std::string title = groupTitle(after[j]);
        if (title.empty() || oldCount[title] != 1 || newCount[title] != 1)
            continue;
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (groupTitle(before[i]) == title) {
                match[j] = i;
                used[i] = true;
            }
        }
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (!match[j] && j < before.size() && !used[j]) {
            match[j] = j;
            used[j] = true;
        }
    }
    return match;
}

Node withoutItems(Node group)
{
    if (Node *spec = group.find("spec"))
        spec->remove("items");
    return group;
}

void compareGroups(const std::vector<Node> &before, const std::vector<Node> &after,
                   const std::vector<std::optional<std::size_t>> &match, ResourceChanges &out)
{
    std::vector<bool> continued(before.size(), false);
    for (std::size_t j = 0; j < after.size(); ++j) {
        const std::string path = NodeDiff::pointer("/spec/layouts", j);
        if (match[j]) {
            continued[*match[j]] = true;
            NodeDiff::compare(withoutItems(before[*match[j]]), withoutItems(after[j]), path,
                              std::nullopt, out);
        } else {
            out.push_back(change(Op::Add, path, std::nullopt, std::nullopt, after[j]));
        }
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!continued[i])
            out.push_back(change(Op::Remove, NodeDiff::pointer("/spec/layouts", i), std::nullopt,
                                 before[i], std::nullopt));
    }
}

void compareLayouts(const Node &before, const Node &after, const Renames &renames,
                    ResourceChanges &out)
{
    const std::vector<Node> &oldGroups = itemsAt(before, "layouts");
    const std::vector<Node> &newGroups = itemsAt(after, "layouts");
    const auto match = matchGroups(oldGroups, newGroups);
    compareGroups(oldGroups, newGroups, match, out);

    const auto oldPlaces = placements(before, &renames);
    const auto newPlaces = placements(after, nullptr);
    const Node &oldPanels = memberOrEmpty(before, "panels");
    const Node &newPanels = memberOrEmpty(after, "panels");
    auto existedBefore = [&](const std::string &key) {
        if (oldPanels.contains(key))
            return true;
        return std::any_of(renames.begin(), renames.end(),
                           [&](const auto &rename) { return rename.second == key; });
    };
    std::vector<std::pair<std::string, Placement>> ordered(newPlaces.begin(), newPlaces.end());
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return std::tie(a.second.group, a.second.item) < std::tie(b.second.group, b.second.item);
    });
    for (const auto &[key, place] : ordered) {
        const auto old = oldPlaces.find(key);
        if (old == oldPlaces.end()) {
            if (existedBefore(key))
                out.push_back(change(Op::Add, itemPath(place.group, place.item), key, std::nullopt,
                                     place.geometry));
            continue;
        }
        const bool otherGroup = match[place.group] != old->second.group;
        if (!otherGroup && old->second.geometry.equals(place.geometry))
            continue;
        Node from = old->second.geometry;
        Node to = place.geometry;
        if (otherGroup) {
            from.set("group", groupLabel(oldGroups, old->second.group));
            to.set("group", groupLabel(newGroups, place.group));
        }
        out.push_back(change(Op::Move, itemPath(place.group, place.item), key, std::move(from),
                             std::move(to)));
    }
    for (const auto &[key, place] : oldPlaces) {
        if (!newPlaces.contains(key) && newPanels.contains(key))
            out.push_back(change(Op::Remove, itemPath(place.group, place.item), key, place.geometry,
                                 std::nullopt));
    }
}

// --- variables --------------------------------------------------------------------------

std::string variableName(const Node &variable, std::size_t index)
{
    const std::string name = memberOrEmpty(variable, "spec").stringAt("name");
    return name.empty() ? "#" + std::to_string(index) : name;
}

// The names of `order` that are not in a longest common subsequence with `reference`: the
// fewest variables whose moves explain the new order.
std::set<std::string> movedNames(const std::vector<std::string> &reference,
                                 const std::vector<std::string> &order)
{
    const std::size_t n = reference.size();
    const std::size_t m = order.size();
    std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = reference[i] == order[j] ? lcs[i + 1][j + 1] + 1
                                                 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    std::set<std::string> kept;
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (reference[i] == order[j]) {
            kept.insert(order[j]);
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    std::set<std::string> moved;
    for (const std::string &name : order) {
        if (!kept.contains(name))
            moved.insert(name);
    }
    return moved;
}

void compareVariables(const Node &before, const Node &after, ResourceChanges &out)
{
    const std::vector<Node> &oldVariables = itemsAt(before, "variables");
    const std::vector<Node> &newVariables = itemsAt(after, "variables");
    std::map<std::string, std::size_t> oldIndex;
    std::map<std::string, std::size_t> newIndex;
    for (std::size_t i = 0; i < oldVariables.size(); ++i)
        oldIndex.emplace(variableName(oldVariables[i], i), i);
    for (std::size_t j = 0; j < newVariables.size(); ++j)
        newIndex.emplace(variableName(newVariables[j], j), j);

    std::vector<std::string> oldCommon;
    std::vector<std::string> newCommon;
    for (std::size_t i = 0; i < oldVariables.size(); ++i) {
        if (newIndex.contains(variableName(oldVariables[i], i)))
            oldCommon.push_back(variableName(oldVariables[i], i));
    }
    for (std::size_t j = 0; j < newVariables.size(); ++j) {
        if (oldIndex.contains(variableName(newVariables[j], j)))
            newCommon.push_back(variableName(newVariables[j], j));
    }
    const std::set<std::string> moved = movedNames(oldCommon, newCommon);

    for (std::size_t j = 0; j < newVariables.size(); ++j) {
        const std::string name = variableName(newVariables[j], j);
        const std::string path = NodeDiff::pointer("/spec/variables", j);
        const auto old = oldIndex.find(name);
        if (old == oldIndex.end()) {
            out.push_back(change(Op::Add, path, std::nullopt, std::nullopt, newVariables[j]));
            continue;
        }
        if (moved.contains(name))
            out.push_back(change(Op::Move, path, std::nullopt,
                                 Node::number(static_cast<double>(old->second)),
                                 Node::number(static_cast<double>(j))));
        NodeDiff::compare(oldVariables[old->second], newVariables[j], path, std::nullopt, out);
    }
    for (std::size_t i = 0; i < oldVariables.size(); ++i) {
        if (!newIndex.contains(variableName(oldVariables[i], i)))
            out.push_back(change(Op::Remove, NodeDiff::pointer("/spec/variables", i), std::nullopt,
                                 oldVariables[i], std::nullopt));
    }
}

} // namespace

void DashboardDiff::compareSpecs(const Node &before, const Node &after, ResourceChanges &out)
{
    const Renames renames =
        findRenames(memberOrEmpty(before, "panels"), memberOrEmpty(after, "panels"));
    compareSettings(before, after, out);
    compareVariables(before, after, out);
    comparePanels(before, after, renames, out);
    compareLayouts(before, after, renames, out);
}

} // namespace Pd
