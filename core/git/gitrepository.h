// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

struct git_repository;

namespace Pd {

// What went wrong with a repository, a revision or a path, in words for the user.
struct GitError
{
    std::string message;
};

template <typename T>
using GitResult = std::variant<T, GitError>;

struct GitCommit
{
    std::string id;      // 40 hex digits
    std::string shortId; // 7
    std::string author;
    std::string email;
    std::int64_t time = 0; // seconds since the epoch
    int offsetMinutes = 0; // the author's time zone
    std::string summary;   // the message's first line
    std::string path;      // the file's path in this commit (histories follow renames)
};

struct GitChangedFile
{
    enum class Status { Added, Deleted, Modified, Renamed };
    Status status = Status::Modified;
    std::string oldPath; // empty when added
    std::string newPath; // empty when deleted
};

struct GitFileStatus
{
    enum class State { Modified, New, Deleted, Renamed, Conflicted };
    State state = State::Modified;
    std::string path;
};

// A Git repository read through libgit2, never through the git program: revisions, files at a
// revision straight from the object database (no checkout, no network), what changed between
// two revisions, the working copy's status and a file's history. Paths are relative to the
// working copy's root, '/'-separated, as Git names them.
class GitRepository
{
public:
    // The repository that holds `path` (a file or folder inside a working copy, or a bare
    // repository's folder), found by walking up.
    static GitResult<GitRepository> discover(const std::string &path);

    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    bool isBare() const;
    bool hasCommits() const;
    // The working copy's root with a trailing '/', empty for a bare repository.
    std::string workdir() const;
    // "main"; "HEAD detached at 1a2b3c4"; "main (no commits yet)".
    std::string branchDescription() const;

    // The commit a revision names (any syntax libgit2 accepts: branch, tag, id, HEAD~2, ...).
    GitResult<GitCommit> resolve(const std::string &revision) const;
    GitResult<std::string> readFile(const std::string &revision, const std::string &path) const;
    // Is `path` a file, a folder, or absent at `revision`?
    enum class EntryType { Missing, File, Folder };
    GitResult<EntryType> entryType(const std::string &revision, const std::string &path) const;
    // Every file at `revision` below `folder` ("" for the whole tree), sorted.
    GitResult<std::vector<std::string>> listFiles(const std::string &revision,
                                                  const std::string &folder) const;
    // The files that differ between two revisions, renames found by content.
    GitResult<std::vector<GitChangedFile>> changedFiles(const std::string &from,
                                                        const std::string &to) const;
    // The working copy against HEAD (staged or not), untracked files as new.
    GitResult<std::vector<GitFileStatus>> status() const;
    // The commits reachable from `revision` that changed the file, newest first, following
    // its renames; each names the path the file had in it.
    GitResult<std::vector<GitCommit>> history(const std::string &path,
                                              const std::string &revision = "HEAD") const;

    // `path` (absolute, or relative to the current folder) as the repository names it.
    GitResult<std::string> repositoryPath(const std::string &path) const;

private:
    struct Deleter
    {
        void operator()(git_repository *repository) const;
    };
    explicit GitRepository(git_repository *repository);

    std::unique_ptr<git_repository, Deleter> m_repository;
};

} // namespace Pd
