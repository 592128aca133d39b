// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "changehistory.h"

#include "nodediff.h"
#include "resourcediff.h"
#include "resourcefile.h"

#include <optional>

namespace Pd {

namespace {

// The resources of the file in one commit; nothing when it does not read.
std::optional<std::vector<LoadedResource>> resourcesAt(const GitRepository &git,
                                                       const GitCommit &commit)
{
    auto bytes = git.readFile(commit.id, commit.path);
    if (!std::holds_alternative<std::string>(bytes))
        return std::nullopt;
    const std::string &text = std::get<std::string>(bytes);
    ResourceFile file =
        ResourceReader::readText(text, commit.path, ResourceReader::formatFor(commit.path, text));
    if (file.hasErrors())
        return std::nullopt;
    return std::move(file.resources);
}

// The panel `key` in a version, when a dashboard of it has one.
const Node *findPanel(const std::vector<LoadedResource> &resources, const std::string &key)
{
    for (const LoadedResource &resource : resources) {
        const Node *spec = resource.node.find("spec");
        const Node *panels = spec ? spec->find("panels") : nullptr;
        if (const Node *panel = panels ? panels->find(key) : nullptr)
            return panel;
    }
    return nullptr;
}

} // namespace

GitResult<std::vector<HistoryEntry>> ChangeHistory::of(const GitRepository &git,
                                                       const std::string &path,
                                                       const std::optional<std::string> &panel,
                                                       const std::string &revision)
{
    auto commits = git.history(path, revision);
    if (const GitError *problem = std::get_if<GitError>(&commits))
        return *problem;
    const std::vector<GitCommit> &list = std::get<std::vector<GitCommit>>(commits);
    std::vector<HistoryEntry> entries;
    std::optional<std::string> key = panel;
    std::size_t newerIndex = 0;
    std::optional<std::vector<LoadedResource>> newer;
    // Each readable version against the next older readable one: a version that does not read
    // is passed over, its changes counted in the commit after it.
    while (newerIndex < list.size() && !(newer = resourcesAt(git, list[newerIndex])))
        ++newerIndex;
    while (newerIndex < list.size()) {
        std::size_t olderIndex = newerIndex + 1;
        std::optional<std::vector<LoadedResource>> older;
        while (olderIndex < list.size() && !(older = resourcesAt(git, list[olderIndex])))
            ++olderIndex;
        const std::vector<LoadedResource> none;
        HistoryEntry entry{list[newerIndex], key.value_or(std::string()), {}};
        std::optional<std::string> previousKey = key;
        for (ResourceChange &change : ResourceDiff::compare(older ? *older : none, *newer)) {
            if (key && change.panel != *key)
                continue;
            if (key && change.op == ResourceChange::Op::Rename && change.oldValue)
                previousKey = change.oldValue->text();
            entry.changes.push_back(std::move(change));
        }
        // The commit that made the file made the panel too, when it had it then.
        if (!older && key) {
            if (const Node *made = findPanel(*newer, *key))
                entry.changes.push_back({ResourceChange::Op::Add,
                                         NodeDiff::pointer("/spec/panels", *key),
                                         *key,
                                         std::nullopt,
                                         *made,
                                         {}});
        }
        if (!entry.changes.empty())
            entries.push_back(std::move(entry));
        key = previousKey;
        newer = std::move(older);
        newerIndex = olderIndex;
    }
    return entries;
}

} // namespace Pd
