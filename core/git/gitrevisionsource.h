// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitrepository.h"
#include "resourcesource.h"

namespace Pd {

// The files of one commit, read from the object database: what `REV:PATH` opens. Paths are
// relative to the repository's root; diagnostics name them "REV:path".
class GitRevisionSource final : public ResourceSource
{
public:
    // `commitId` pins the revision, so that every read sees the same commit even if a branch
    // moves meanwhile; `revision` is how the user named it.
    GitRevisionSource(const GitRepository &repository, std::string revision, std::string commitId);

    const std::string &revision() const { return m_revision; }
    const std::string &commitId() const { return m_commitId; }

    EntryType entryType(const std::string &path) const override;
    std::vector<std::string> collectFiles(const std::string &folder) const override;
    std::variant<std::string, Diagnostic> readBytes(const std::string &path) const override;
    std::string displayName(const std::string &path) const override;

private:
    const GitRepository &m_repository;
    std::string m_revision;
    std::string m_commitId;
};

} // namespace Pd
