// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcesource.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace Pd {

ResourceSource::~ResourceSource() = default;

ResourceFile ResourceSource::read(const std::string &path, KeepDocuments keep) const
{
    std::variant<std::string, Diagnostic> bytes = readBytes(path);
    if (Diagnostic *problem = std::get_if<Diagnostic>(&bytes)) {
        ResourceFile file;
        file.path = displayName(path);
        file.diagnostics.push_back(std::move(*problem));
        return file;
    }
    const std::string &text = std::get<std::string>(bytes);
    return ResourceReader::readText(text, displayName(path), ResourceReader::formatFor(path, text),
                                    keep);
}

bool ResourceSource::hasResourceExtension(std::string_view path)
{
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos)
        return false;
    std::string extension(path.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".json" || extension == ".yaml" || extension == ".yml";
}

bool ResourceSource::isHidden(std::string_view relativePath)
{
    std::size_t start = 0;
    while (start < relativePath.size()) {
        if (relativePath[start] == '.' && relativePath.substr(start, 2) != "./" &&
            relativePath.substr(start, 3) != "../")
            return true;
        const std::size_t slash = relativePath.find('/', start);
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return false;
}

const FileSystemSource &FileSystemSource::instance()
{
    static const FileSystemSource source;
    return source;
}

ResourceSource::EntryType FileSystemSource::entryType(const std::string &path) const
{
    std::error_code error;
    if (fs::is_directory(path, error))
        return EntryType::Folder;
    return fs::exists(path, error) ? EntryType::File : EntryType::Missing;
}

std::vector<std::string> FileSystemSource::collectFiles(const std::string &folder) const
{
    std::vector<std::string> files;
    std::error_code error;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                        error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path &entry = it->path();
        if (entry.filename().string().starts_with('.')) {
            if (it->is_directory(error))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(error) && hasResourceExtension(entry.filename().string()))
            files.push_back(entry.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::variant<std::string, Diagnostic> FileSystemSource::readBytes(const std::string &path) const
{
    return ResourceReader::readBytes(path);
}

} // namespace Pd
