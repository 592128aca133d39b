// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "variablevalue.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// A datasource a dashboard can use, and where it was defined.
struct DatasourceEntry
{
    enum class Scope { Dashboard, Project, Global };
    std::string name;
    Scope scope = Scope::Global;
    Model::DatasourceSpec spec;

    // spec.display.name, else the name: what a DatasourceVariable lists and matches.
    std::string displayName() const;
};

// Every datasource one dashboard sees: its own, its project's and the global ones, resolved
// by selector as Perses does (spec §6).
class DatasourceCatalog
{
public:
    DatasourceCatalog() = default;
    DatasourceCatalog(const Model::DashboardSpec &dashboard, std::string project,
                      const std::vector<Model::Datasource> &stored);

    // {kind, name?} → dashboard, then project, then global; "$ds" through the variable's
    // value (a display name), falling back to the kind's default.
    std::optional<DatasourceEntry> resolve(const Model::DatasourceSelector &selector,
                                           const VariableValues &variables) const;
    // The display names of the datasources of a kind, first scope first (DatasourceVariable).
    std::vector<std::string> displayNames(const std::string &pluginKind) const;
    const std::vector<DatasourceEntry> &entries() const { return m_entries; }
    // Overrides that name no datasource here become global ones of their kind (`pluginKind`
    // when they name none) with their URL; the first of a kind is its default when it has
    // none.
    void addOverrides(const class DatasourceOverrides &overrides, const std::string &pluginKind);

    static std::string notFoundMessage(const Model::DatasourceSelector &selector);

private:
    std::optional<DatasourceEntry> resolveDirect(const std::string &kind,
                                                 const std::optional<std::string> &name) const;

    std::vector<DatasourceEntry> m_entries; // dashboard entries first, then project, then global
};

} // namespace Pd
