// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "sourceresolver.h"

#include <filesystem>

namespace Pd {

SourceResolver::SourceResolver(std::string repositoryFolder)
    : m_folder(std::move(repositoryFolder))
{}

bool SourceResolver::isRevisionPath(const std::string &argument)
{
    const std::size_t colon = argument.find(':');
    if (colon == std::string::npos)
        return false;
    const bool windowsDrive =
        colon == 1 && argument.size() > 2 && (argument[2] == '\\' || argument[2] == '/');
    return !windowsDrive;
}

GitResult<const GitRepository *> SourceResolver::repository()
{
    if (!m_repository)
        m_repository = GitRepository::discover(m_folder);
    if (const auto *error = std::get_if<GitError>(&*m_repository))
        return *error;
    return &std::get<GitRepository>(*m_repository);
}

GitResult<const GitRevisionSource *> SourceResolver::revision(const std::string &revision)
{
    if (const auto known = m_revisions.find(revision); known != m_revisions.end())
        return known->second.get();
    auto found = repository();
    if (const auto *error = std::get_if<GitError>(&found))
        return *error;
    const GitRepository &git = *std::get<const GitRepository *>(found);
    auto commit = git.resolve(revision);
    if (const auto *error = std::get_if<GitError>(&commit))
        return *error;
    auto source =
        std::make_unique<GitRevisionSource>(git, revision, std::get<GitCommit>(commit).id);
    const GitRevisionSource *result = source.get();
    m_revisions.emplace(revision, std::move(source));
    return result;
}

std::optional<SourceResolver::RevisionPath>
SourceResolver::splitRevisionPath(const std::string &argument)
{
    std::error_code error;
    if (!isRevisionPath(argument) || std::filesystem::exists(argument, error))
        return std::nullopt;
    const std::size_t colon = argument.find(':');
    return RevisionPath{argument.substr(0, colon), argument.substr(colon + 1)};
}

std::variant<SourcedPath, std::string> SourceResolver::resolve(const std::string &argument)
{
    std::optional<RevisionPath> split = splitRevisionPath(argument);
    if (!split)
        return SourcedPath{&FileSystemSource::instance(), argument};
    const std::string &name = split->revision;
    std::string &path = split->path;
    if (name.empty())
        return "'" + argument + "': give a revision before ':' (HEAD:" + path + ")";
    auto source = revision(name);
    if (const auto *problem = std::get_if<GitError>(&source))
        return "'" + argument + "': " + problem->message;
    if (path.starts_with("./") || path.starts_with("../") || path == "." || path == "..") {
        auto inside = std::get<const GitRepository *>(repository())->repositoryPath(path);
        if (const auto *problem = std::get_if<GitError>(&inside))
            return "'" + argument + "': " + problem->message;
        path = std::get<std::string>(inside);
    }
    return SourcedPath{std::get<const GitRevisionSource *>(source), path};
}

} // namespace Pd
