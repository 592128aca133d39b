// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "linter.h"

#include "resourcefile.h"
#include "resourcekind.h"
#include "resourceset.h"
#include "resourcesource.h"
#include "resourcevalidator.h"

#include <algorithm>
#include <cctype>
#include <deque>

namespace Pd {

namespace {

// Does `text` hold `kind: <Perses kind>` (YAML or JSON spelling, any case)? Scanned by hand:
// a regex over 64 KiB of untrusted text can overflow the stack.
// The resource kinds, and the custom resources, that make a file ours. The access-control
// kinds do not count: Role and RoleBinding are also Kubernetes RBAC kinds, common in the Helm
// charts a repository holds next to its dashboards.
bool isSniffedKind(std::string_view word)
{
    if (crdResourceKind(word)) // Kubernetes kinds are case-sensitive
        return true;
    const std::optional<ResourceKind> kind = parseResourceKind(word);
    if (!kind)
        return false;
    switch (*kind) {
    case ResourceKind::Role:
    case ResourceKind::RoleBinding:
    case ResourceKind::GlobalRole:
    case ResourceKind::GlobalRoleBinding:
    case ResourceKind::User:
        return false;
    default:
        return true;
    }
}

bool mentionsPersesKind(std::string_view text)
{
    auto isWord = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t at = text.find("kind"); at != std::string_view::npos;
         at = text.find("kind", at + 4)) {
        std::size_t i = at + 4;
        auto skip = [&](std::string_view chars) {
            while (i < text.size() && chars.find(text[i]) != std::string_view::npos)
                ++i;
        };
        skip("\"'");
        skip(" \t");
        if (i >= text.size() || text[i] != ':')
            continue;
        ++i;
        skip(" \t");
        skip("\"'");
        std::size_t end = i;
        while (end < text.size() && isWord(text[end]))
            ++end;
        if (isSniffedKind(text.substr(i, end - i)))
            return true;
    }
    return false;
}

struct PendingFile
{
    SourcedPath file;
    bool explicitlyNamed = false;
};

} // namespace

// A file found by walking a folder that does not even parse is only reported when it looks
// like a Perses resource: repositories hold Helm templates and other YAML that is not ours.
bool Linter::looksLikePersesFile(const SourcedPath &file)
{
    const std::variant<std::string, Diagnostic> bytes = file.source->readBytes(file.path);
    const std::string *text = std::get_if<std::string>(&bytes);
    return text && mentionsPersesKind(std::string_view(*text).substr(0, 64 * 1024));
}

Linter::Linter(const PluginSchemaRegistry &plugins)
    : m_plugins(plugins)
{}

void Linter::checkFile(const ResourceFile &file, const ResourceValidator &validator,
                       ResourceSet &resources, LintedFile &linted)
{
    resources.add(file);
    linted.diagnostics = file.diagnostics;
    for (const LoadedResource &resource : file.resources) {
        validator.validate(resource, file.path, linted.diagnostics);
        const Node *metadata = resource.node.find("metadata");
        linted.resources.push_back(
            {resource.kind ? std::string(resourceKindName(*resource.kind)) : std::string(),
             metadata ? metadata->stringAt("project") : std::string(),
             metadata ? metadata->stringAt("name") : std::string()});
    }
}

ResourceFile Linter::lintText(std::string_view text, const std::string &path,
                              LintedFile &linted) const
{
    ResourceFile file = ResourceReader::readText(text, path, ResourceReader::formatFor(path, text));
    ResourceSet resources;
    std::vector<CrossFileCheck> deferred;
    const ResourceValidator validator(m_plugins, &resources, &deferred);
    linted.path = path;
    checkFile(file, validator, resources, linted);
    for (const CrossFileCheck &check : deferred)
        check(resources);
    sortDiagnostics(linted.diagnostics);
    return file;
}

LintReport Linter::run(const std::vector<SourcedPath> &paths) const
{
    LintReport report;
    std::vector<PendingFile> pending;
    for (const SourcedPath &path : paths) {
        switch (path.source->entryType(path.path)) {
        case ResourceSource::EntryType::Folder:
            for (std::string &file : path.source->collectFiles(path.path))
                pending.push_back({{path.source, std::move(file)}, false});
            break;
        case ResourceSource::EntryType::File:
            pending.push_back({path, true});
            break;
        case ResourceSource::EntryType::Missing:
            report.missingPaths.push_back(path.displayName());
            break;
        }
    }

    // Diagnostics must stay where they are while deferred checks hold references to them.
    std::deque<LintedFile> files;
    ResourceSet resources;
    std::vector<CrossFileCheck> deferred;
    const ResourceValidator validator(m_plugins, &resources, &deferred);
    for (const PendingFile &entry : pending) {
        LintedFile &linted = files.emplace_back();
        linted.path = entry.file.displayName();
        const ResourceFile file = entry.file.read();
        if (!file.hasPersesContent()) {
            const bool unreadable = file.hasErrors() && file.resources.empty();
            const bool worthReporting =
                unreadable && (entry.explicitlyNamed || looksLikePersesFile(entry.file));
            if (!worthReporting) {
                linted.skipped = true;
                linted.skipReason = unreadable ? "not JSON or YAML" : "no Perses resource in it";
                continue;
            }
        }
        checkFile(file, validator, resources, linted);
    }
    for (const CrossFileCheck &check : deferred)
        check(resources);
    for (LintedFile &file : files) {
        sortDiagnostics(file.diagnostics);
        report.files.push_back(std::move(file));
    }
    return report;
}

} // namespace Pd
