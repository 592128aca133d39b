// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "resourcefile.h"

#include <optional>

namespace Pd {

// Reads typed models from document trees. It never fails on a value of the wrong type: it
// takes the default, since the validator is what reports such values.
class ModelDecoder
{
public:
    static std::optional<Model::Resource> decode(const LoadedResource &resource);
    static Model::Dashboard dashboard(const Node &resource);
    static Model::DashboardSpec dashboardSpec(const Node &spec);
    static Model::VariableSpec variable(const Node &variable); // {kind, spec}
    static Model::DatasourceSpec datasourceSpec(const Node &spec);
    static Model::Plugin plugin(const Node &plugin);
    static Model::Metadata metadata(const Node &metadata);
    // The selector of a query or variable plugin spec; `defaultKind` when it has none.
    static Model::DatasourceSelector datasourceSelector(const Node &pluginSpec,
                                                        const std::string &defaultKind);
};

} // namespace Pd
