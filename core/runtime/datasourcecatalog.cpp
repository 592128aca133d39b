// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcecatalog.h"

#include "datasourceconnection.h"
#include "resourcekind.h"

#include <algorithm>

namespace Pd {

std::string DatasourceEntry::displayName() const
{
    return spec.display.name.empty() ? name : spec.display.name;
}

DatasourceCatalog::DatasourceCatalog(const Model::DashboardSpec &dashboard, std::string project,
                                     const std::vector<Model::Datasource> &stored)
{
    for (const auto &[name, spec] : dashboard.datasources)
        m_entries.push_back(DatasourceEntry{name, DatasourceEntry::Scope::Dashboard, spec});
    for (bool global : {false, true}) {
        for (const Model::Datasource &datasource : stored) {
            if (datasource.global != global ||
                (!global && !equalsIgnoringCase(datasource.metadata.project, project)))
                continue;
            m_entries.push_back(DatasourceEntry{datasource.metadata.name,
                                                global ? DatasourceEntry::Scope::Global
                                                       : DatasourceEntry::Scope::Project,
                                                datasource.spec});
        }
    }
}

std::optional<DatasourceEntry>
DatasourceCatalog::resolveDirect(const std::string &kind,
                                 const std::optional<std::string> &name) const
{
    for (const auto scope : {DatasourceEntry::Scope::Dashboard, DatasourceEntry::Scope::Project,
                             DatasourceEntry::Scope::Global}) {
        for (const DatasourceEntry &entry : m_entries) {
            if (entry.scope != scope || entry.spec.plugin.kind != kind)
                continue;
            const bool matches = !name ? entry.spec.isDefault
                                 : scope == DatasourceEntry::Scope::Dashboard
                                     ? entry.name == *name
                                     : equalsIgnoringCase(entry.name, *name);
            if (matches)
                return entry;
        }
    }
    return std::nullopt;
}

std::optional<DatasourceEntry> DatasourceCatalog::resolve(const Model::DatasourceSelector &selector,
                                                          const VariableValues &variables) const
{
    if (selector.variable.empty())
        return resolveDirect(selector.kind, selector.name);
    const auto value = variables.find(selector.variable);
    if (value != variables.end() && !value->second.isList) {
        for (const DatasourceEntry &entry : m_entries) {
            if (entry.spec.plugin.kind == selector.kind &&
                entry.displayName() == value->second.first())
                return resolveDirect(selector.kind, entry.name);
        }
    }
    return resolveDirect(selector.kind, std::nullopt);
}

std::vector<std::string> DatasourceCatalog::displayNames(const std::string &pluginKind) const
{
    std::vector<std::string> names;
    for (const DatasourceEntry &entry : m_entries) {
        const std::string name = entry.displayName();
        if (entry.spec.plugin.kind == pluginKind &&
            std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    }
    return names;
}

void DatasourceCatalog::addOverrides(const DatasourceOverrides &overrides,
                                     const std::string &pluginKind)
{
    auto hasDefaultOf = [this](const std::string &kind) {
        return std::any_of(m_entries.begin(), m_entries.end(), [&](const DatasourceEntry &e) {
            return e.spec.plugin.kind == kind && e.spec.isDefault;
        });
    };
    for (const auto &[name, value] : overrides.all()) {
        const bool known =
            std::any_of(m_entries.begin(), m_entries.end(),
                        [&](const DatasourceEntry &e) { return equalsIgnoringCase(e.name, name); });
        if (known)
            continue;
        DatasourceEntry entry{name, DatasourceEntry::Scope::Global, {}};
        entry.spec.plugin.kind = value.kind.empty() ? pluginKind : value.kind;
        entry.spec.plugin.spec = Node::object();
        entry.spec.plugin.spec.set("directUrl", Node::string(value.url));
        entry.spec.isDefault = !hasDefaultOf(entry.spec.plugin.kind);
        m_entries.push_back(std::move(entry));
    }
}

std::string DatasourceCatalog::notFoundMessage(const Model::DatasourceSelector &selector)
{
    return "No datasource found for kind '" + selector.kind + "' and name '" +
           selector.name.value_or("") + "'";
}

} // namespace Pd
