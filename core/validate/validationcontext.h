// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnosticsink.h"
#include "pluginschemaregistry.h"
#include "resourceset.h"

#include <functional>
#include <vector>

namespace Pd {

// A check that needs every resource of the run (projects, datasources, shared variables).
using CrossFileCheck = std::function<void(const ResourceSet &)>;

// What every check of one resource needs: where to report, which plugin schemas exist and
// which other resources the run holds.
struct ValidationContext
{
    DiagnosticSink &sink;
    const PluginSchemaRegistry &plugins;
    const ResourceSet &resources;
    // When set, cross-file checks wait here until the whole run is read, so that a large run
    // never keeps every document in memory. Otherwise they run at once on `resources`.
    std::vector<CrossFileCheck> *deferred = nullptr;

    // Runs `check` with the run's resources and a sink for this file.
    void withResources(std::function<void(const ResourceSet &, DiagnosticSink &)> check) const
    {
        if (!deferred) {
            check(resources, sink);
            return;
        }
        deferred->push_back([check = std::move(check), fileSink = sink](
                                const ResourceSet &all) mutable { check(all, fileSink); });
    }
};

} // namespace Pd
