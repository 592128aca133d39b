// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct git_repository;

namespace PdTest {

// A real Git repository built by a test through libgit2 (never the git program): files
// written into the working copy, commits with chosen authors and times, branches and merges.
// Failures abort: a test cannot go on from a repository it could not build.
class TestGitRepository
{
public:
    // `git init` in `folder` (made if missing), branch "main".
    explicit TestGitRepository(const std::string &folder, bool bare = false);
    ~TestGitRepository();

    std::string folder() const { return m_folder; }

    void write(const std::string &path, const std::string &content);
    void remove(const std::string &path);
    void rename(const std::string &from, const std::string &to);

    // Stages every change of the working copy and commits it on HEAD; `mergedWith` adds
    // parents (a merge). Returns the commit id.
    std::string commit(const std::string &message, const std::vector<std::string> &mergedWith = {},
                       std::int64_t time = 1'700'000'000);
    // A branch at a commit; checkout makes it HEAD and rewrites the working copy.
    void branch(const std::string &name, const std::string &commitId);
    void checkout(const std::string &branch);
    // Merges `branch` into HEAD through the index and the working copy, as `git merge` does,
    // leaving conflicts in place (no commit).
    void mergeLeavingConflicts(const std::string &branch);
    // A commit of `tree` files into a bare repository (no working copy): path -> content.
    std::string commitToBare(const std::vector<std::pair<std::string, std::string>> &files,
                             const std::string &message);

private:
    std::string m_folder;
    git_repository *m_repository = nullptr;
    std::int64_t m_lastTime = 0;
};

} // namespace PdTest
