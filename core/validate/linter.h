// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "pluginschemaregistry.h"

#include <string>
#include <vector>

namespace Pd {

// The result for one file of a lint run.
struct LintedFile
{
    std::string path;
    bool skipped = false;    // not a Perses file (named with --verbose)
    std::string skipReason;  // why it was skipped
    Diagnostics diagnostics; // sorted by position
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

    LintReport run(const std::vector<std::string> &paths) const;

    // *.json, *.yaml and *.yml below `path`, hidden folders and files skipped, sorted.
    static std::vector<std::string> collectFiles(const std::string &path);

private:
    const PluginSchemaRegistry &m_plugins;
};

} // namespace Pd
