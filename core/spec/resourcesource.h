// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "resourcefile.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace Pd {

// Where resources come from: the file system, a Git revision, and next a Perses server. The
// viewer, `lint`, `query`, `render` and `diff` read through it, so they open any place the
// same way and their diagnostics name the place ("HEAD~2:dashboards/node.yaml:12:5").
class ResourceSource
{
public:
    enum class EntryType { Missing, File, Folder };

    virtual ~ResourceSource();

    virtual EntryType entryType(const std::string &path) const = 0;
    // The resource files (*.json, *.yaml, *.yml) below `folder`, hidden ones skipped, sorted.
    virtual std::vector<std::string> collectFiles(const std::string &folder) const = 0;
    // The bytes of a file (refused above ResourceReader::maxFileSize), or why not.
    virtual std::variant<std::string, Diagnostic> readBytes(const std::string &path) const = 0;
    // How diagnostics and messages name `path` in this source.
    virtual std::string displayName(const std::string &path) const = 0;

    // The file read as ResourceReader reads it, positions into this source's text.
    ResourceFile read(const std::string &path, KeepDocuments keep = KeepDocuments::No) const;

    // *.json, *.yaml and *.yml, any case.
    static bool hasResourceExtension(std::string_view path);
    // The file name of `path`, or a folder on its way, starts with '.' ("a/.git/x.yaml").
    static bool isHidden(std::string_view relativePath);
};

// Files and folders on disk.
class FileSystemSource final : public ResourceSource
{
public:
    static const FileSystemSource &instance();

    EntryType entryType(const std::string &path) const override;
    std::vector<std::string> collectFiles(const std::string &folder) const override;
    std::variant<std::string, Diagnostic> readBytes(const std::string &path) const override;
    std::string displayName(const std::string &path) const override { return path; }
};

// A path in a source: what a command line argument names once resolved. A bare path is a
// path on disk.
struct SourcedPath
{
    SourcedPath(std::string onDisk)
        : path(std::move(onDisk))
    {}
    SourcedPath(const char *onDisk)
        : path(onDisk)
    {}
    SourcedPath(const ResourceSource *from, std::string inSource)
        : source(from)
        , path(std::move(inSource))
    {}

    const ResourceSource *source = &FileSystemSource::instance();
    std::string path;

    std::string displayName() const { return source->displayName(path); }
    ResourceFile read(KeepDocuments keep = KeepDocuments::No) const
    {
        return source->read(path, keep);
    }
};

} // namespace Pd
