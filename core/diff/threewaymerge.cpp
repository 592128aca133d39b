// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "threewaymerge.h"

#include <algorithm>
#include <map>
#include <optional>

namespace Pd {

namespace {

using Conflicts = std::vector<ThreeWayMerge::Conflict>;

bool same(const Node *a, const Node *b)
{
    if (!a || !b)
        return a == b;
    return a->equals(*b);
}

std::string join(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}

// What makes a list item the same item in all three versions, or nothing.
std::optional<std::string> identity(const Node &item)
{
    if (!item.isObject())
        return std::nullopt;
    if (const Node *ref = item.at({"content", "$ref"}); ref && ref->isString())
        return "ref:" + ref->text();
    if (const Node *name = item.at({"spec", "name"}); name && name->isString())
        return "name:" + name->text();
    if (const Node *title = item.at({"spec", "display", "title"}); title && title->isString())
        return "title:" + title->text();
    return std::nullopt;
}

// Items by identity when every item of the three lists has a distinct one.
std::optional<std::map<std::string, const Node *>> keyed(const Node *list)
{
    std::map<std::string, const Node *> items;
    if (!list)
        return items;
    for (const Node &item : list->items()) {
        const std::optional<std::string> key = identity(item);
        if (!key || !items.emplace(*key, &item).second)
            return std::nullopt;
    }
    return items;
}

std::optional<Node> mergeValue(const Node *base, const Node *theirs, const Node *mine,
                               const std::string &path, Conflicts &conflicts);

Node mergeObject(const Node *base, const Node &theirs, const Node &mine, const std::string &path,
                 Conflicts &conflicts)
{
    Node merged = Node::object(mine.pos());
    std::vector<std::string> keys;
    for (const Node *side : {&mine, &theirs}) {
        for (const NodeMember &member : side->members()) {
            if (std::find(keys.begin(), keys.end(), member.key) == keys.end())
                keys.push_back(member.key);
        }
    }
    for (const std::string &key : keys) {
        const Node *baseValue = base && base->isObject() ? base->find(key) : nullptr;
        if (std::optional<Node> value =
                mergeValue(baseValue, theirs.find(key), mine.find(key), join(path, key), conflicts))
            merged.set(key, std::move(*value));
    }
    return merged;
}

std::optional<Node> mergeList(const Node *base, const Node &theirs, const Node &mine,
                              const std::string &path, Conflicts &conflicts)
{
    const auto baseItems = keyed(base && base->isArray() ? base : nullptr);
    const auto theirItems = keyed(&theirs);
    const auto myItems = keyed(&mine);
    if (!baseItems || !theirItems || !myItems) {
        // Items without identity (untitled groups) merge by position while none was added
        // or removed.
        if (!base || !base->isArray() || base->size() != theirs.size() ||
            base->size() != mine.size())
            return std::nullopt;
        Node merged = Node::array(mine.pos());
        for (std::size_t i = 0; i < mine.size(); ++i) {
            if (std::optional<Node> value =
                    mergeValue(&base->items()[i], &theirs.items()[i], &mine.items()[i],
                               path + "[" + std::to_string(i) + "]", conflicts))
                merged.append(std::move(*value));
        }
        return merged;
    }
    Node merged = Node::array(mine.pos());
    auto mergeItem = [&](const std::string &key) {
        auto find = [&key](const std::map<std::string, const Node *> &items) -> const Node * {
            const auto it = items.find(key);
            return it == items.end() ? nullptr : it->second;
        };
        if (std::optional<Node> value =
                mergeValue(find(*baseItems), find(*theirItems), find(*myItems),
                           path + "[" + key + "]", conflicts))
            merged.append(std::move(*value));
    };
    // My order, then what only they added, in their order.
    for (const Node &item : mine.items())
        mergeItem(*identity(item));
    for (const Node &item : theirs.items()) {
        const std::string key = *identity(item);
        if (!myItems->contains(key) && !baseItems->contains(key))
            mergeItem(key);
    }
    return merged;
}

// The merged value, or nothing when the key is gone from the result.
std::optional<Node> mergeValue(const Node *base, const Node *theirs, const Node *mine,
                               const std::string &path, Conflicts &conflicts)
{
    if (same(theirs, mine))
        return mine ? std::optional<Node>(*mine) : std::nullopt;
    if (same(base, theirs))
        return mine ? std::optional<Node>(*mine) : std::nullopt;
    if (same(base, mine))
        return theirs ? std::optional<Node>(*theirs) : std::nullopt;
    if (theirs && mine && theirs->isObject() && mine->isObject())
        return mergeObject(base, *theirs, *mine, path, conflicts);
    if (theirs && mine && theirs->isArray() && mine->isArray()) {
        if (std::optional<Node> merged = mergeList(base, *theirs, *mine, path, conflicts))
            return merged;
    }
    std::string description;
    if (!theirs)
        description = "they removed what you changed";
    else if (!mine)
        description = "you removed what they changed";
    else if (!base)
        description = "both added it, differently";
    else
        description = "both changed it, differently";
    conflicts.push_back({path, description});
    return mine ? std::optional<Node>(*mine) : std::nullopt;
}

} // namespace

ThreeWayMerge::Result ThreeWayMerge::merge(const Node &base, const Node &theirs, const Node &mine)
{
    Result result;
    std::optional<Node> merged = mergeValue(&base, &theirs, &mine, {}, result.conflicts);
    result.merged = merged ? std::move(*merged) : Node::object();
    return result;
}

} // namespace Pd
