// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "workspace.h"

#include "resourcesource.h"

#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace Pd {

namespace {

std::string relativeTo(const std::string &path, const std::string &root)
{
    std::error_code error;
    const fs::path relative = fs::weakly_canonical(fs::absolute(path, error), error)
                                  .lexically_relative(fs::weakly_canonical(fs::path(root), error));
    return relative.empty() ? path : relative.generic_string();
}

} // namespace

Workspace Workspace::scan(const std::string &folder, const PluginSchemaRegistry &plugins)
{
    Workspace workspace;
    workspace.folder = folder;
    std::map<std::string, GitFileStatus::State> states;
    std::string root = folder;
    auto found = GitRepository::discover(folder);
    if (auto *git = std::get_if<GitRepository>(&found); git && !git->isBare()) {
        root = git->workdir();
        workspace.branch = git->branchDescription();
        if (auto status = git->status();
            std::holds_alternative<std::vector<GitFileStatus>>(status)) {
            for (const GitFileStatus &file : std::get<std::vector<GitFileStatus>>(status))
                states.emplace(file.path, file.state);
        }
    }
    const LintReport report = Linter(plugins).run({SourcedPath(folder)});
    for (const LintedFile &linted : report.files) {
        if (linted.skipped)
            continue;
        WorkspaceFile file;
        file.path = linted.path;
        file.relativePath = relativeTo(linted.path, root);
        for (const Diagnostic &diagnostic : linted.diagnostics) {
            file.errors += diagnostic.severity == Severity::Error;
            file.warnings += diagnostic.severity == Severity::Warning;
        }
        file.resources = linted.resources;
        if (const auto state = states.find(file.relativePath); state != states.end())
            file.gitState = state->second;
        workspace.files.push_back(std::move(file));
    }
    const std::string inside = relativeTo(folder, root);
    for (const auto &[path, state] : states) {
        const bool below = inside == "." || path.starts_with(inside + '/');
        if (state == GitFileStatus::State::Deleted && below &&
            ResourceSource::hasResourceExtension(path))
            workspace.deletedFiles.push_back(path);
    }
    return workspace;
}

} // namespace Pd
