// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"
#include "resourcefile.h"

#include <vector>

namespace Pd {

// The difference of two versions of a file's resources: what `diff` reports and the review
// view shows. Dashboards follow DashboardDiff's rules; other kinds compare field by field.
// What the server manages (metadata.createdAt, updatedAt, version) is no change.
class ResourceDiff
{
public:
    // Two resources, whatever their names: a rename of the resource is a change of
    // /metadata/name.
    static ResourceChanges compare(const Node &before, const Node &after);

    // All resources of two files. When each side holds one resource of the same kind, those
    // two are compared; otherwise resources are matched by kind, project and name, each
    // change names its resource, and a resource on one side only is added or removed whole
    // (path "").
    static ResourceChanges compare(const std::vector<LoadedResource> &before,
                                   const std::vector<LoadedResource> &after);

    // "Dashboard myproject/node-exporter", the name a change gives its resource.
    static std::string identity(const Node &resource);
};

} // namespace Pd
