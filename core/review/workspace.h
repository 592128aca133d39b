// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitrepository.h"
#include "linter.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// A Perses file of an opened folder: its resources, its lint status and its Git status.
struct WorkspaceFile
{
    std::string path;         // as the linter named it (below the folder)
    std::string relativePath; // to the repository's root, or to the folder outside one
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::vector<LintedResource> resources;
    std::optional<GitFileStatus::State> gitState; // none: unchanged, or not in a repository
};

// What a folder holds, as the browser shows it: every Perses resource in any layout (folders
// per project, flat, multi-document YAML, Kubernetes custom resources), linted together so
// that cross-file checks count, and the repository's branch and file states when the folder is
// in one. Files that are not Perses resources are left out.
struct Workspace
{
    std::string folder;
    std::string branch;                    // empty outside a repository
    std::vector<WorkspaceFile> files;      // sorted by path
    std::vector<std::string> deletedFiles; // Perses files the working copy deleted

    static Workspace scan(const std::string &folder,
                          const PluginSchemaRegistry &plugins = PluginSchemaRegistry::builtin());
};

} // namespace Pd
