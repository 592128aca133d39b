// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "gitrevisionsource.h"

namespace Pd {

GitRevisionSource::GitRevisionSource(const GitRepository &repository, std::string revision,
                                     std::string commitId)
    : m_repository(repository)
    , m_revision(std::move(revision))
    , m_commitId(std::move(commitId))
{}

ResourceSource::EntryType GitRevisionSource::entryType(const std::string &path) const
{
    const auto type = m_repository.entryType(m_commitId, path);
    if (const auto *known = std::get_if<GitRepository::EntryType>(&type)) {
        switch (*known) {
        case GitRepository::EntryType::File:
            return EntryType::File;
        case GitRepository::EntryType::Folder:
            return EntryType::Folder;
        case GitRepository::EntryType::Missing:
            break;
        }
    }
    return EntryType::Missing;
}

std::vector<std::string> GitRevisionSource::collectFiles(const std::string &folder) const
{
    std::vector<std::string> files;
    auto listed = m_repository.listFiles(m_commitId, folder);
    if (auto *all = std::get_if<std::vector<std::string>>(&listed)) {
        const std::size_t skip = folder.empty() || folder == "." ? 0 : folder.size() + 1;
        for (std::string &file : *all) {
            const std::string_view inside =
                std::string_view(file).substr(std::min(skip, file.size()));
            if (hasResourceExtension(file) && !isHidden(inside))
                files.push_back(std::move(file));
        }
    }
    return files;
}

std::variant<std::string, Diagnostic> GitRevisionSource::readBytes(const std::string &path) const
{
    auto failed = [&](std::string message) {
        return Diagnostic{Severity::Error, "io", std::move(message), displayName(path),
                          SourcePos{1, 1}, {}};
    };
    auto bytes = m_repository.readFile(m_commitId, path);
    if (auto *error = std::get_if<GitError>(&bytes)) {
        // Said again in the revision's own name (the error names the pinned commit).
        switch (entryType(path)) {
        case EntryType::Missing:
            return failed("no such file in " + m_revision + " (commit " + m_commitId.substr(0, 7) +
                          ")");
        case EntryType::Folder:
            return failed("a folder, not a file, in " + m_revision);
        case EntryType::File:
            return failed(error->message);
        }
    }
    std::string &text = std::get<std::string>(bytes);
    if (text.size() > ResourceReader::maxFileSize)
        return ResourceReader::tooLarge(displayName(path), text.size());
    return std::move(text);
}

std::string GitRevisionSource::displayName(const std::string &path) const
{
    return m_revision + ':' + path;
}

} // namespace Pd
