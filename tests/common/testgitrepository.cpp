// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "testgitrepository.h"

#include <git2.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace PdTest {

namespace {

void check(int result, const char *what)
{
    if (result >= 0)
        return;
    const git_error *error = git_error_last();
    std::fprintf(stderr, "TestGitRepository: %s failed: %s\n", what,
                 error && error->message ? error->message : "?");
    std::abort();
}

git_oid headId(git_repository *repository, bool &found)
{
    git_oid id{};
    found = git_reference_name_to_id(&id, repository, "HEAD") == 0;
    return id;
}

std::string idText(const git_oid &id)
{
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &id);
    return text;
}

std::string writeCommit(git_repository *repository, const git_oid &treeId,
                        const std::vector<git_oid> &parentIds, const std::string &message,
                        std::int64_t time, const char *updateRef)
{
    git_tree *tree = nullptr;
    check(git_tree_lookup(&tree, repository, &treeId), "tree lookup");
    std::vector<git_commit *> parents;
    for (const git_oid &id : parentIds) {
        git_commit *parent = nullptr;
        check(git_commit_lookup(&parent, repository, &id), "parent lookup");
        parents.push_back(parent);
    }
    git_signature *author = nullptr;
    check(git_signature_new(&author, "Test Author", "author@example.com", time, 60), "signature");
    git_oid commitId;
    check(git_commit_create(&commitId, repository, updateRef, author, author, nullptr,
                            message.c_str(), tree, parents.size(),
                            const_cast<const git_commit **>(parents.data())),
          "commit");
    git_signature_free(author);
    for (git_commit *parent : parents)
        git_commit_free(parent);
    git_tree_free(tree);
    return idText(commitId);
}

} // namespace

TestGitRepository::TestGitRepository(const std::string &folder, bool bare)
    : m_folder(folder)
{
    git_libgit2_init();
    fs::create_directories(folder);
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    if (bare)
        options.flags |= GIT_REPOSITORY_INIT_BARE;
    options.initial_head = "main";
    check(git_repository_init_ext(&m_repository, folder.c_str(), &options), "init");
}

TestGitRepository::~TestGitRepository()
{
    git_repository_free(m_repository);
    git_libgit2_shutdown();
}

void TestGitRepository::write(const std::string &path, const std::string &content)
{
    const fs::path file = fs::path(m_folder) / path;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
}

void TestGitRepository::remove(const std::string &path)
{
    fs::remove(fs::path(m_folder) / path);
}

void TestGitRepository::rename(const std::string &from, const std::string &to)
{
    const fs::path target = fs::path(m_folder) / to;
    fs::create_directories(target.parent_path());
    fs::rename(fs::path(m_folder) / from, target);
}

std::string TestGitRepository::commit(const std::string &message,
                                      const std::vector<std::string> &mergedWith, std::int64_t time)
{
    // Strictly increasing times keep the history's order the order of the test.
    time = std::max(time, m_lastTime + 1);
    m_lastTime = time;
    git_index *index = nullptr;
    check(git_repository_index(&index, m_repository), "index");
    const char *everything = "*";
    const git_strarray all = {const_cast<char **>(&everything), 1};
    check(git_index_add_all(index, &all, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "add all");
    check(git_index_update_all(index, &all, nullptr, nullptr), "update all");
    check(git_index_write(index), "index write");
    git_oid treeId;
    check(git_index_write_tree(&treeId, index), "write tree");
    git_index_free(index);

    std::vector<git_oid> parents;
    bool hasHead = false;
    const git_oid head = headId(m_repository, hasHead);
    if (hasHead)
        parents.push_back(head);
    for (const std::string &id : mergedWith) {
        git_oid parent;
        check(git_oid_fromstr(&parent, id.c_str()), "merge parent id");
        parents.push_back(parent);
    }
    return writeCommit(m_repository, treeId, parents, message, time, "HEAD");
}

void TestGitRepository::branch(const std::string &name, const std::string &commitId)
{
    git_oid id;
    check(git_oid_fromstr(&id, commitId.c_str()), "branch id");
    git_commit *commit = nullptr;
    check(git_commit_lookup(&commit, m_repository, &id), "branch commit");
    git_reference *reference = nullptr;
    check(git_branch_create(&reference, m_repository, name.c_str(), commit, 1), "branch");
    git_reference_free(reference);
    git_commit_free(commit);
}

void TestGitRepository::checkout(const std::string &branch)
{
    check(git_repository_set_head(m_repository, ("refs/heads/" + branch).c_str()), "set head");
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
    check(git_checkout_head(m_repository, &options), "checkout");
}

void TestGitRepository::mergeLeavingConflicts(const std::string &branch)
{
    git_reference *reference = nullptr;
    check(git_branch_lookup(&reference, m_repository, branch.c_str(), GIT_BRANCH_LOCAL),
          "merge branch");
    git_annotated_commit *their = nullptr;
    check(git_annotated_commit_from_ref(&their, m_repository, reference), "annotated commit");
    git_merge_options merge = GIT_MERGE_OPTIONS_INIT;
    git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
    checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_ALLOW_CONFLICTS;
    const git_annotated_commit *heads[] = {their};
    check(git_merge(m_repository, heads, 1, &merge, &checkout), "merge");
    git_annotated_commit_free(their);
    git_reference_free(reference);
}

std::string
TestGitRepository::commitToBare(const std::vector<std::pair<std::string, std::string>> &files,
                                const std::string &message)
{
    git_treebuilder *builder = nullptr;
    check(git_treebuilder_new(&builder, m_repository, nullptr), "tree builder");
    for (const auto &[name, content] : files) {
        git_oid blob;
        check(git_blob_create_from_buffer(&blob, m_repository, content.data(), content.size()),
              "blob");
        check(git_treebuilder_insert(nullptr, builder, name.c_str(), &blob, GIT_FILEMODE_BLOB),
              "tree insert");
    }
    git_oid treeId;
    check(git_treebuilder_write(&treeId, builder), "tree write");
    git_treebuilder_free(builder);
    bool hasHead = false;
    const git_oid head = headId(m_repository, hasHead);
    std::vector<git_oid> parents;
    if (hasHead)
        parents.push_back(head);
    m_lastTime = std::max<std::int64_t>(m_lastTime + 1, 1'700'000'000);
    return writeCommit(m_repository, treeId, parents, message, m_lastTime, "HEAD");
}

} // namespace PdTest
