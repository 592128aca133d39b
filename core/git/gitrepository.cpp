// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "gitrepository.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace Pd {

namespace {

// libgit2 keeps global state that must exist before the first call; it is never torn down
// (the process ends first).
void initialize()
{
    static const int once = git_libgit2_init();
    (void)once;
}

template <auto Free>
struct Freer
{
    template <typename T>
    void operator()(T *object) const
    {
        Free(object);
    }
};
using ObjectPtr = std::unique_ptr<git_object, Freer<git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, Freer<git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Freer<git_tree_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Freer<git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, Freer<git_blob_free>>;
using DiffPtr = std::unique_ptr<git_diff, Freer<git_diff_free>>;
using WalkPtr = std::unique_ptr<git_revwalk, Freer<git_revwalk_free>>;
using StatusPtr = std::unique_ptr<git_status_list, Freer<git_status_list_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Freer<git_reference_free>>;

std::string lastError()
{
    const git_error *error = git_error_last();
    return error && error->message ? error->message : "unknown libgit2 error";
}

std::string idText(const git_oid *id)
{
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, id);
    return text;
}

GitCommit describe(const git_commit *commit, std::string path = {})
{
    GitCommit result;
    result.id = idText(git_commit_id(commit));
    result.shortId = result.id.substr(0, 7);
    if (const git_signature *author = git_commit_author(commit)) {
        result.author = author->name ? author->name : "";
        result.email = author->email ? author->email : "";
        result.time = author->when.time;
        result.offsetMinutes = author->when.offset;
    }
    const char *summary = git_commit_summary(const_cast<git_commit *>(commit));
    result.summary = summary ? summary : "";
    result.path = std::move(path);
    return result;
}

GitResult<CommitPtr> lookupCommit(git_repository *repository, const std::string &revision)
{
    git_object *object = nullptr;
    if (git_revparse_single(&object, repository, revision.c_str()) != 0) {
        if (git_repository_head_unborn(repository) == 1)
            return GitError{"the repository has no commits yet, so '" + revision +
                            "' names nothing"};
        return GitError{"unknown revision '" + revision + "'"};
    }
    ObjectPtr owned(object);
    git_object *peeled = nullptr;
    if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0)
        return GitError{"'" + revision + "' does not name a commit"};
    return CommitPtr(reinterpret_cast<git_commit *>(peeled));
}

GitResult<TreePtr> treeOf(git_repository *repository, const std::string &revision)
{
    auto commit = lookupCommit(repository, revision);
    if (auto *error = std::get_if<GitError>(&commit))
        return *error;
    git_tree *tree = nullptr;
    if (git_commit_tree(&tree, std::get<CommitPtr>(commit).get()) != 0)
        return GitError{"cannot read the tree of '" + revision + "': " + lastError()};
    return TreePtr(tree);
}

std::string normalized(std::string path)
{
    std::replace(path.begin(), path.end(), '\\', '/');
    while (path.starts_with("./"))
        path.erase(0, 2);
    while (path.ends_with('/'))
        path.pop_back();
    return path;
}

// The blob id of `path` in `tree`, or a zero id when it is not a file there.
git_oid blobId(git_tree *tree, const std::string &path)
{
    git_oid id{};
    git_tree_entry *entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree, path.c_str()) == 0) {
        EntryPtr owned(entry);
        if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
            git_oid_cpy(&id, git_tree_entry_id(entry));
    }
    return id;
}

GitChangedFile::Status changeStatus(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
    case GIT_DELTA_UNTRACKED:
        return GitChangedFile::Status::Added;
    case GIT_DELTA_DELETED:
        return GitChangedFile::Status::Deleted;
    case GIT_DELTA_RENAMED:
        return GitChangedFile::Status::Renamed;
    default:
        return GitChangedFile::Status::Modified;
    }
}

GitResult<std::vector<GitChangedFile>> treeChanges(git_repository *repository, git_tree *from,
                                                   git_tree *to)
{
    git_diff *diff = nullptr;
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    if (git_diff_tree_to_tree(&diff, repository, from, to, &options) != 0)
        return GitError{"cannot compare the trees: " + lastError()};
    DiffPtr owned(diff);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff, &find) != 0)
        return GitError{"cannot find renames: " + lastError()};
    std::vector<GitChangedFile> files;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff, i);
        GitChangedFile file;
        file.status = changeStatus(delta->status);
        if (file.status != GitChangedFile::Status::Added)
            file.oldPath = delta->old_file.path;
        if (file.status != GitChangedFile::Status::Deleted)
            file.newPath = delta->new_file.path;
        files.push_back(std::move(file));
    }
    return files;
}

// The path `path` had in the parent, when `commit` renamed it there; empty otherwise.
std::string renamedFrom(git_repository *repository, git_tree *parent, git_tree *tree,
                        const std::string &path)
{
    auto changes = treeChanges(repository, parent, tree);
    if (auto *files = std::get_if<std::vector<GitChangedFile>>(&changes)) {
        for (const GitChangedFile &file : *files) {
            if (file.status == GitChangedFile::Status::Renamed && file.newPath == path)
                return file.oldPath;
        }
    }
    return {};
}

// The entry at `path` in the tree of `revision`: none (and no error) when nothing is there.
GitResult<EntryPtr> entryAt(git_repository *repository, const std::string &revision,
                            const std::string &path)
{
    auto tree = treeOf(repository, revision);
    if (auto *error = std::get_if<GitError>(&tree))
        return *error;
    git_tree_entry *entry = nullptr;
    if (git_tree_entry_bypath(&entry, std::get<TreePtr>(tree).get(), path.c_str()) != 0)
        return EntryPtr();
    return EntryPtr(entry);
}

} // namespace

void GitRepository::Deleter::operator()(git_repository *repository) const
{
    git_repository_free(repository);
}

GitRepository::GitRepository(git_repository *repository)
    : m_repository(repository)
{}

GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

GitResult<GitRepository> GitRepository::discover(const std::string &path)
{
    initialize();
    std::error_code error;
    fs::path start = path.empty() ? fs::current_path(error) : fs::path(path);
    if (!fs::exists(start, error))
        return GitError{"'" + path + "' does not exist"};
    if (!fs::is_directory(start, error))
        start = start.parent_path().empty() ? fs::path(".") : start.parent_path();
    git_repository *repository = nullptr;
    if (git_repository_open_ext(&repository, start.string().c_str(), 0, nullptr) != 0)
        return GitError{"no Git repository at or above '" + (path.empty() ? "." : path) + "'"};
    return GitRepository(repository);
}

bool GitRepository::isBare() const
{
    return git_repository_is_bare(m_repository.get()) == 1;
}

bool GitRepository::hasCommits() const
{
    return git_repository_head_unborn(m_repository.get()) == 0;
}

std::string GitRepository::workdir() const
{
    const char *folder = git_repository_workdir(m_repository.get());
    return folder ? folder : "";
}

std::string GitRepository::branchDescription() const
{
    git_reference *head = nullptr;
    if (git_repository_head(&head, m_repository.get()) != 0) {
        // An unborn branch: HEAD names a branch that has no commit yet.
        git_reference *symbolic = nullptr;
        std::string name = "HEAD";
        if (git_reference_lookup(&symbolic, m_repository.get(), "HEAD") == 0) {
            ReferencePtr owned(symbolic);
            if (const char *target = git_reference_symbolic_target(symbolic))
                name = target;
            if (name.starts_with("refs/heads/"))
                name.erase(0, 11);
        }
        return name + " (no commits yet)";
    }
    ReferencePtr owned(head);
    if (git_repository_head_detached(m_repository.get()) == 1)
        return "HEAD detached at " + idText(git_reference_target(head)).substr(0, 7);
    return git_reference_shorthand(head);
}

GitResult<GitCommit> GitRepository::resolve(const std::string &revision) const
{
    auto commit = lookupCommit(m_repository.get(), revision);
    if (auto *error = std::get_if<GitError>(&commit))
        return *error;
    return describe(std::get<CommitPtr>(commit).get());
}

GitResult<std::string> GitRepository::readFile(const std::string &revision,
                                               const std::string &path) const
{
    const std::string name = normalized(path);
    auto found = entryAt(m_repository.get(), revision, name);
    if (auto *error = std::get_if<GitError>(&found))
        return *error;
    const git_tree_entry *entry = std::get<EntryPtr>(found).get();
    if (!entry)
        return GitError{"'" + name + "' does not exist in '" + revision + "'"};
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return GitError{"'" + name + "' is a folder in '" + revision + "'"};
    git_blob *blob = nullptr;
    if (git_blob_lookup(&blob, m_repository.get(), git_tree_entry_id(entry)) != 0)
        return GitError{"cannot read '" + name + "' in '" + revision + "': " + lastError()};
    BlobPtr ownedBlob(blob);
    const auto *bytes = static_cast<const char *>(git_blob_rawcontent(blob));
    return std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob)));
}

GitResult<GitRepository::EntryType> GitRepository::entryType(const std::string &revision,
                                                             const std::string &path) const
{
    const std::string name = normalized(path);
    auto found = entryAt(m_repository.get(), revision, name);
    if (auto *error = std::get_if<GitError>(&found))
        return *error;
    if (name.empty() || name == ".")
        return EntryType::Folder;
    const git_tree_entry *entry = std::get<EntryPtr>(found).get();
    if (!entry)
        return EntryType::Missing;
    return git_tree_entry_type(entry) == GIT_OBJECT_TREE ? EntryType::Folder : EntryType::File;
}

GitResult<std::vector<std::string>> GitRepository::listFiles(const std::string &revision,
                                                             const std::string &folder) const
{
    auto tree = treeOf(m_repository.get(), revision);
    if (auto *error = std::get_if<GitError>(&tree))
        return *error;
    std::string prefix = normalized(folder);
    if (prefix == ".")
        prefix.clear();
    if (!prefix.empty())
        prefix += '/';
    struct Walk
    {
        std::string prefix;
        std::vector<std::string> files;
    } walk{prefix, {}};
    auto visit = [](const char *root, const git_tree_entry *entry, void *payload) -> int {
        auto *state = static_cast<Walk *>(payload);
        if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
            return 0;
        std::string path = std::string(root) + git_tree_entry_name(entry);
        if (path.starts_with(state->prefix))
            state->files.push_back(std::move(path));
        return 0;
    };
    if (git_tree_walk(std::get<TreePtr>(tree).get(), GIT_TREEWALK_PRE, visit, &walk) != 0)
        return GitError{"cannot walk '" + revision + "': " + lastError()};
    std::sort(walk.files.begin(), walk.files.end());
    return walk.files;
}

GitResult<std::vector<GitChangedFile>> GitRepository::changedFiles(const std::string &from,
                                                                   const std::string &to) const
{
    auto before = treeOf(m_repository.get(), from);
    if (auto *error = std::get_if<GitError>(&before))
        return *error;
    auto after = treeOf(m_repository.get(), to);
    if (auto *error = std::get_if<GitError>(&after))
        return *error;
    return treeChanges(m_repository.get(), std::get<TreePtr>(before).get(),
                       std::get<TreePtr>(after).get());
}

GitResult<std::vector<GitFileStatus>> GitRepository::status() const
{
    if (isBare())
        return GitError{"a bare repository has no working copy to compare"};
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                    GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    git_status_list *list = nullptr;
    if (git_status_list_new(&list, m_repository.get(), &options) != 0)
        return GitError{"cannot read the working copy's status: " + lastError()};
    StatusPtr owned(list);
    std::vector<GitFileStatus> files;
    for (std::size_t i = 0; i < git_status_list_entrycount(list); ++i) {
        const git_status_entry *entry = git_status_byindex(list, i);
        const git_diff_delta *delta =
            entry->head_to_index ? entry->head_to_index : entry->index_to_workdir;
        if (!delta)
            continue;
        const unsigned flags = entry->status;
        GitFileStatus file;
        file.path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
        if (flags & GIT_STATUS_CONFLICTED)
            file.state = GitFileStatus::State::Conflicted;
        else if (flags & (GIT_STATUS_INDEX_RENAMED | GIT_STATUS_WT_RENAMED))
            file.state = GitFileStatus::State::Renamed;
        else if (flags & (GIT_STATUS_INDEX_NEW | GIT_STATUS_WT_NEW))
            file.state = GitFileStatus::State::New;
        else if (flags & (GIT_STATUS_INDEX_DELETED | GIT_STATUS_WT_DELETED))
            file.state = GitFileStatus::State::Deleted;
        else if (flags & GIT_STATUS_IGNORED)
            continue;
        else
            file.state = GitFileStatus::State::Modified;
        files.push_back(std::move(file));
    }
    return files;
}

GitResult<std::vector<GitCommit>> GitRepository::history(const std::string &path,
                                                         const std::string &revision) const
{
    auto start = lookupCommit(m_repository.get(), revision);
    if (auto *error = std::get_if<GitError>(&start))
        return *error;
    git_revwalk *walk = nullptr;
    if (git_revwalk_new(&walk, m_repository.get()) != 0)
        return GitError{lastError()};
    WalkPtr ownedWalk(walk);
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    git_revwalk_push(walk, git_commit_id(std::get<CommitPtr>(start).get()));

    std::vector<GitCommit> commits;
    std::string current = normalized(path);
    git_oid id;
    while (git_revwalk_next(&id, walk) == 0) {
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, m_repository.get(), &id) != 0)
            continue;
        CommitPtr commit(raw);
        git_tree *rawTree = nullptr;
        if (git_commit_tree(&rawTree, commit.get()) != 0)
            continue;
        TreePtr tree(rawTree);
        const git_oid here = blobId(tree.get(), current);
        if (git_oid_is_zero(&here))
            continue;
        // A commit changed the file when it differs from every parent (a merge that took
        // one side unchanged did not).
        const unsigned parents = git_commit_parentcount(commit.get());
        bool changed = true;
        std::string previousPath;
        for (unsigned p = 0; p < parents && changed; ++p) {
            git_commit *rawParent = nullptr;
            if (git_commit_parent(&rawParent, commit.get(), p) != 0)
                continue;
            CommitPtr parent(rawParent);
            git_tree *rawParentTree = nullptr;
            if (git_commit_tree(&rawParentTree, parent.get()) != 0)
                continue;
            TreePtr parentTree(rawParentTree);
            const git_oid there = blobId(parentTree.get(), current);
            if (git_oid_equal(&here, &there))
                changed = false;
            else if (git_oid_is_zero(&there) && parents == 1)
                previousPath =
                    renamedFrom(m_repository.get(), parentTree.get(), tree.get(), current);
        }
        if (!changed)
            continue;
        commits.push_back(describe(commit.get(), current));
        if (!previousPath.empty())
            current = previousPath;
    }
    return commits;
}

GitResult<std::string> GitRepository::repositoryPath(const std::string &path) const
{
    if (isBare())
        return normalized(path);
    std::error_code error;
    const fs::path root = fs::weakly_canonical(fs::path(workdir()), error);
    const fs::path absolute = fs::weakly_canonical(fs::absolute(fs::path(path), error), error);
    const fs::path relative = absolute.lexically_relative(root);
    const std::string text = relative.generic_string();
    if (relative.empty() || text.starts_with(".."))
        return GitError{"'" + path + "' is outside the repository at '" + workdir() + "'"};
    return text == "." ? std::string() : text;
}

} // namespace Pd
