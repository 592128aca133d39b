// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelhistory.h"

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

GitResult<std::vector<PanelRevision>> PanelHistory::of(const GitRepository &git,
                                                       const std::string &path,
                                                       const std::string &panel,
                                                       const std::string &revision)
{
    auto commits = git.history(path, revision);
    if (const GitError *problem = std::get_if<GitError>(&commits))
        return *problem;
    const std::vector<GitCommit> &list = std::get<std::vector<GitCommit>>(commits);
    std::vector<PanelRevision> revisions;
    std::string key = panel;
    std::optional<std::vector<LoadedResource>> newer =
        list.empty() ? std::nullopt : resourcesAt(git, list.front());
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::optional<std::vector<LoadedResource>> older =
            i + 1 < list.size() ? resourcesAt(git, list[i + 1]) : std::vector<LoadedResource>{};
        if (!newer || !older) { // a version that does not read: compare around it
            newer = std::move(older);
            continue;
        }
        PanelRevision entry{list[i], key, {}};
        std::string previousKey = key;
        for (ResourceChange &change : ResourceDiff::compare(*older, *newer)) {
            if (change.panel != key)
                continue;
            if (change.op == ResourceChange::Op::Rename && change.oldValue)
                previousKey = change.oldValue->text();
            entry.changes.push_back(std::move(change));
        }
        // The commit that made the file made the panel too, when it had it then.
        if (i + 1 == list.size()) {
            if (const Node *made = findPanel(*newer, key))
                entry.changes.push_back({ResourceChange::Op::Add,
                                         NodeDiff::pointer("/spec/panels", key),
                                         key,
                                         std::nullopt,
                                         *made,
                                         {}});
        }
        if (!entry.changes.empty())
            revisions.push_back(std::move(entry));
        key = previousKey;
        newer = std::move(older);
    }
    return revisions;
}

} // namespace Pd
