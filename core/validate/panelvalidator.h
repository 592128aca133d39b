// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <string>
#include <vector>

namespace Pd {

// One panel of a dashboard (spec §4.5): its id, plugin and queries against their schemas,
// query kinds against what the panel accepts, links, annotations, the variables it uses and
// the datasources its queries select.
class PanelValidator
{
public:
    struct DashboardScope
    {
        const Node *localDatasources = nullptr; // spec.datasources
        std::string project;
        std::vector<std::string> variables; // the dashboard's own variables
    };

    PanelValidator(ValidationContext &context, DashboardScope scope);

    void validate(const NodeMember &panel, const std::string &path);

private:
    void checkQueries(const Node &queries, const std::string &path, const std::string &panelId,
                      const PluginSchema *panelSchema);
    void checkDatasource(const Node &querySpec, const std::string &path,
                         const std::string &datasourceKind);
    bool resolvesLocally(const std::string &kind, const std::string *name) const;
    void checkVariableUse(const Node &node, const std::string &path,
                          std::vector<std::string> &reported);

    ValidationContext &m_context;
    DashboardScope m_scope;
};

} // namespace Pd
