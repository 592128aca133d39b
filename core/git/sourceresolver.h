// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitrepository.h"
#include "gitrevisionsource.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace Pd {

// Turns what a command line names into a place to read from: a file or folder on disk, or
// `REV:PATH` in the repository of --repo (or of the current folder). PATH is relative to the
// repository's root, or to the current folder when it starts with ./ or ../, as in Git.
class SourceResolver
{
public:
    explicit SourceResolver(std::string repositoryFolder = {});

    // The folder the repository is looked for from ("" for the current folder).
    const std::string &folder() const { return m_folder; }

    std::variant<SourcedPath, std::string> resolve(const std::string &argument);

    // The repository, found on first use; the message says why there is none.
    GitResult<const GitRepository *> repository();
    // The source of one revision, kept as long as the resolver.
    GitResult<const GitRevisionSource *> revision(const std::string &revision);

    // Does `argument` read as REV:PATH (a ':' that is not a Windows drive's)?
    static bool isRevisionPath(const std::string &argument);
    // REV:PATH taken apart, when `argument` names a revision's file and not a file on disk.
    struct RevisionPath
    {
        std::string revision;
        std::string path;
    };
    static std::optional<RevisionPath> splitRevisionPath(const std::string &argument);

private:
    std::string m_folder;
    std::optional<GitResult<GitRepository>> m_repository;
    std::map<std::string, std::unique_ptr<GitRevisionSource>> m_revisions;
};

} // namespace Pd
