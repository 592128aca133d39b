// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcediff.h"

#include "dashboarddiff.h"
#include "nodediff.h"
#include "resourcekind.h"

#include <map>

namespace Pd {

namespace {

Node withoutServerFields(const Node *metadata)
{
    if (!metadata)
        return Node::object();
    Node copy = *metadata;
    for (const char *key : {"createdAt", "updatedAt", "version"})
        copy.remove(key);
    return copy;
}

bool isDashboard(const Node &resource)
{
    return parseResourceKind(resource.stringAt("kind")) == ResourceKind::Dashboard;
}

ResourceChange wholeResource(ResourceChange::Op op, const Node &resource)
{
    ResourceChange change;
    change.op = op;
    (op == ResourceChange::Op::Add ? change.newValue : change.oldValue) = resource;
    change.resource = ResourceDiff::identity(resource);
    return change;
}

} // namespace

ResourceChanges ResourceDiff::compare(const Node &before, const Node &after)
{
    ResourceChanges out;
    const Node null;
    const Node *oldKind = before.find("kind");
    const Node *newKind = after.find("kind");
    NodeDiff::compare(oldKind ? *oldKind : null, newKind ? *newKind : null, "/kind", std::nullopt,
                      out);
    NodeDiff::compare(withoutServerFields(before.find("metadata")),
                      withoutServerFields(after.find("metadata")), "/metadata", std::nullopt, out);
    const Node emptySpec = Node::object();
    const Node *oldSpec = before.find("spec");
    const Node *newSpec = after.find("spec");
    const Node &a = oldSpec ? *oldSpec : emptySpec;
    const Node &b = newSpec ? *newSpec : emptySpec;
    if (isDashboard(before) && isDashboard(after) && a.isObject() && b.isObject())
        DashboardDiff::compareSpecs(a, b, out);
    else
        NodeDiff::compare(a, b, "/spec", std::nullopt, out);
    return out;
}

ResourceChanges ResourceDiff::compare(const std::vector<LoadedResource> &before,
                                      const std::vector<LoadedResource> &after)
{
    if (before.size() == 1 && after.size() == 1 && before[0].kind == after[0].kind)
        return compare(before[0].node, after[0].node);
    std::map<std::string, const Node *> oldByIdentity;
    for (const LoadedResource &resource : before)
        oldByIdentity.emplace(identity(resource.node), &resource.node);
    ResourceChanges out;
    std::map<std::string, bool> seen;
    for (const LoadedResource &resource : after) {
        const std::string name = identity(resource.node);
        seen[name] = true;
        const auto old = oldByIdentity.find(name);
        if (old == oldByIdentity.end()) {
            out.push_back(wholeResource(ResourceChange::Op::Add, resource.node));
            continue;
        }
        for (ResourceChange &change : compare(*old->second, resource.node)) {
            change.resource = name;
            out.push_back(std::move(change));
        }
    }
    for (const LoadedResource &resource : before) {
        if (!seen.contains(identity(resource.node)))
            out.push_back(wholeResource(ResourceChange::Op::Remove, resource.node));
    }
    return out;
}

std::string ResourceDiff::identity(const Node &resource)
{
    const Node *metadata = resource.find("metadata");
    const std::string project = metadata ? metadata->stringAt("project") : std::string();
    const std::string name = metadata ? metadata->stringAt("name") : std::string();
    std::string kind = resource.stringAt("kind");
    if (const auto parsed = parseResourceKind(kind))
        kind = resourceKindName(*parsed);
    return kind + ' ' + (project.empty() ? name : project + '/' + name);
}

} // namespace Pd
