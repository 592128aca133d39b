// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "nodediff.h"

#include <algorithm>
#include <map>

namespace Pd {

namespace {

ResourceChange makeChange(ResourceChange::Op op, const std::string &path,
                          const std::optional<std::string> &panel, const Node *before,
                          const Node *after)
{
    ResourceChange change;
    change.op = op;
    change.path = path;
    change.panel = panel;
    if (before)
        change.oldValue = *before;
    if (after)
        change.newValue = *after;
    return change;
}

void compareObjects(const Node &before, const Node &after, const std::string &path,
                    const std::optional<std::string> &panel, ResourceChanges &out)
{
    for (const NodeMember &member : before.members()) {
        const std::string at = NodeDiff::pointer(path, member.key);
        if (const Node *other = after.find(member.key))
            NodeDiff::compare(member.value, *other, at, panel, out);
        else
            out.push_back(
                makeChange(ResourceChange::Op::Remove, at, panel, &member.value, nullptr));
    }
    for (const NodeMember &member : after.members()) {
        if (!before.contains(member.key))
            out.push_back(makeChange(ResourceChange::Op::Add, NodeDiff::pointer(path, member.key),
                                     panel, nullptr, &member.value));
    }
}

void compareArrays(const Node &before, const Node &after, const std::string &path,
                   const std::optional<std::string> &panel, ResourceChanges &out)
{
    const std::vector<Node> &a = before.items();
    const std::vector<Node> &b = after.items();
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i)
        NodeDiff::compare(a[i], b[i], NodeDiff::pointer(path, i), panel, out);
    for (std::size_t i = common; i < a.size(); ++i)
        out.push_back(makeChange(ResourceChange::Op::Remove, NodeDiff::pointer(path, i), panel,
                                 &a[i], nullptr));
    for (std::size_t i = common; i < b.size(); ++i)
        out.push_back(
            makeChange(ResourceChange::Op::Add, NodeDiff::pointer(path, i), panel, nullptr, &b[i]));
}

// Plugin and resource kinds are left out: two panels of the same chart and query kinds share
// them whatever they show, and would look alike.
void collectLeaves(const Node &node, const std::string &path,
                   std::map<std::string, const Node *> &leaves)
{
    if (node.isObject() && node.size() > 0) {
        for (const NodeMember &member : node.members()) {
            if (member.key != "kind" || !member.value.isString())
                collectLeaves(member.value, NodeDiff::pointer(path, member.key), leaves);
        }
    } else if (node.isArray() && node.size() > 0) {
        for (std::size_t i = 0; i < node.items().size(); ++i)
            collectLeaves(node.items()[i], NodeDiff::pointer(path, i), leaves);
    } else {
        leaves.emplace(path, &node);
    }
}

} // namespace

void NodeDiff::compare(const Node &before, const Node &after, const std::string &path,
                       const std::optional<std::string> &panel, ResourceChanges &out)
{
    if (before.equals(after))
        return;
    if (before.isObject() && after.isObject())
        compareObjects(before, after, path, panel, out);
    else if (before.isArray() && after.isArray())
        compareArrays(before, after, path, panel, out);
    else
        out.push_back(makeChange(ResourceChange::Op::Change, path, panel, &before, &after));
}

std::string NodeDiff::pointer(const std::string &base, std::string_view key)
{
    std::string result = base;
    result += '/';
    for (const char c : key) {
        if (c == '~')
            result += "~0";
        else if (c == '/')
            result += "~1";
        else
            result += c;
    }
    return result;
}

std::string NodeDiff::pointer(const std::string &base, std::size_t index)
{
    return base + '/' + std::to_string(index);
}

double NodeDiff::similarity(const Node &a, const Node &b)
{
    std::map<std::string, const Node *> left;
    std::map<std::string, const Node *> right;
    collectLeaves(a, {}, left);
    collectLeaves(b, {}, right);
    const std::size_t total = std::max(left.size(), right.size());
    if (total == 0)
        return 1.0;
    std::size_t same = 0;
    for (const auto &[path, node] : left) {
        const auto other = right.find(path);
        if (other != right.end() && node->equals(*other->second))
            ++same;
    }
    return static_cast<double>(same) / static_cast<double>(total);
}

} // namespace Pd
