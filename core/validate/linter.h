// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "pluginschemaregistry.h"
#include "resourcesource.h"

#include <string>
#include <vector>

namespace Pd {

class ResourceSet;
class ResourceValidator;
struct ResourceFile;

// A resource found in a linted file, as a browser lists it.
struct LintedResource
{
    std::string kind; // "Dashboard", "GlobalDatasource", ...; empty when unknown
    std::string project;
    std::string name;
};

// The result for one file of a lint run.
struct LintedFile
{
    std::string path;
    bool skipped = false;    // not a Perses file (named with --verbose)
    std::string skipReason;  // why it was skipped
    Diagnostics diagnostics; // sorted by position
    std::vector<LintedResource> resources;
};

struct LintReport
{
    std::vector<LintedFile> files;
    std::vector<std::string> missingPaths; // paths that do not exist (a usage error)
};

// What `perses-desktop lint` does, headless: walks files and folders, reads every Perses
// resource in them, validates each against the plugin schemas and the rest of the run.
// Documents are dropped as soon as each is checked; checks across files run at the end.
class Linter
{
public:
    explicit Linter(const PluginSchemaRegistry &plugins = PluginSchemaRegistry::builtin());

    // Files and folders in any source (on disk, in a Git revision); reports name them as the
    // source does.
    LintReport run(const std::vector<SourcedPath> &paths) const;

    // A file found by walking (a folder, a range of commits) that does not even read counts
    // only when it looks like a Perses resource: repositories hold Helm templates,
    // package.json and other YAML and JSON that are not ours.
    static bool looksLikePersesFile(const SourcedPath &file);

    // One text (an editor's buffer) linted as a file is: read, validated, cross-resource
    // checks against the text's own resources. Returns what was read (for the model).
    ResourceFile lintText(std::string_view text, const std::string &path, LintedFile &linted) const;

private:
    static void checkFile(const ResourceFile &file, const ResourceValidator &validator,
                          ResourceSet &resources, LintedFile &linted);

    const PluginSchemaRegistry &m_plugins;
};

} // namespace Pd
