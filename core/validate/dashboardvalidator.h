// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <string>
#include <vector>

namespace Pd {

// A Dashboard or EphemeralDashboard spec (spec §4): time settings, local datasources,
// variables and their dependencies, panels, layouts, annotations and links.
class DashboardValidator
{
public:
    explicit DashboardValidator(ValidationContext &context);

    // `resource` is the whole {kind, metadata, spec}.
    void validate(const Node &resource);
    // Re-checks one panel only: what an editor runs after a change inside that panel.
    void validatePanel(const Node &resource, const std::string &panelId);

private:
    void checkTimeSettings(const Node &spec);
    void checkDatasources(const Node &datasources);
    std::vector<std::string> checkVariables(const Node &variables, const std::string &project);
    void checkPanels(const Node &spec, const std::vector<std::string> &variables,
                     const std::string &project);
    void checkLayouts(const Node &spec, const std::string &project);

    ValidationContext &m_context;
};

} // namespace Pd
