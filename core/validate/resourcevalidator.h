// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginschemaregistry.h"
#include "resourcefile.h"
#include "resourceset.h"
#include "validationcontext.h"

namespace Pd {

// Validates every resource of a file: structure, metadata and the rules of its kind,
// against the plugin schemas and the other resources of the run. Returns all diagnostics
// (the file's own reading problems included), sorted by position.
class ResourceValidator
{
public:
    // With `deferred`, checks that need the whole run are queued there (see
    // ValidationContext) instead of running on `resources` at once.
    explicit ResourceValidator(
        const PluginSchemaRegistry &plugins = PluginSchemaRegistry::builtin(),
        const ResourceSet *resources = nullptr, std::vector<CrossFileCheck> *deferred = nullptr);

    Diagnostics validate(const ResourceFile &file) const;
    // Diagnostics of one resource only.
    void validate(const LoadedResource &resource, const std::string &file, Diagnostics &out) const;

private:
    const PluginSchemaRegistry &m_plugins;
    const ResourceSet *m_resources;
    std::vector<CrossFileCheck> *m_deferred;
};

} // namespace Pd
