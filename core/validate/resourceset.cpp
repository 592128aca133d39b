// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourceset.h"

#include <algorithm>

namespace Pd {

namespace {

std::string stringAt(const Node &node, std::initializer_list<std::string_view> path)
{
    const Node *current = &node;
    for (std::string_view key : path) {
        current = current->isObject() ? current->find(key) : nullptr;
        if (!current)
            return {};
    }
    return current->isString() ? current->text() : std::string();
}

} // namespace

void ResourceSet::add(const ResourceFile &file)
{
    for (const LoadedResource &resource : file.resources) {
        if (!resource.kind)
            continue;
        const Node &node = resource.node;
        const std::string name = stringAt(node, {"metadata", "name"});
        const std::string project = stringAt(node, {"metadata", "project"});
        switch (*resource.kind) {
        case ResourceKind::Project:
            m_projects.push_back(name);
            break;
        case ResourceKind::Datasource:
        case ResourceKind::GlobalDatasource: {
            const Node *spec = node.find("spec");
            const Node *isDefault = spec ? spec->find("default") : nullptr;
            m_datasources.push_back(
                KnownDatasource{name, project, *resource.kind == ResourceKind::GlobalDatasource,
                                stringAt(node, {"spec", "plugin", "kind"}),
                                stringAt(node, {"spec", "display", "name"}),
                                isDefault && isDefault->toBool(), file.path, node.pos()});
            break;
        }
        case ResourceKind::Variable:
            m_variables.emplace_back(project, name);
            break;
        case ResourceKind::GlobalVariable:
            m_variables.emplace_back(std::string(), name);
            break;
        default:
            break;
        }
    }
}

bool ResourceSet::hasProject(std::string_view name) const
{
    return std::any_of(m_projects.begin(), m_projects.end(),
                       [name](const std::string &p) { return equalsIgnoringCase(p, name); });
}

bool ResourceSet::hasDatasourceOfKind(std::string_view pluginKind) const
{
    return std::any_of(
        m_datasources.begin(), m_datasources.end(),
        [pluginKind](const KnownDatasource &d) { return d.pluginKind == pluginKind; });
}

const KnownDatasource *ResourceSet::resolveDatasource(std::string_view project,
                                                      std::string_view pluginKind,
                                                      std::optional<std::string_view> name) const
{
    auto matches = [&](const KnownDatasource &d) {
        if (d.pluginKind != pluginKind)
            return false;
        return name ? equalsIgnoringCase(d.name, *name) : d.isDefault;
    };
    for (bool global : {false, true}) {
        for (const KnownDatasource &d : m_datasources) {
            const bool inScope =
                global ? d.global : !d.global && equalsIgnoringCase(d.project, project);
            if (inScope && matches(d))
                return &d;
        }
    }
    return nullptr;
}

bool ResourceSet::hasSharedVariable(std::string_view project, std::string_view name) const
{
    return std::any_of(m_variables.begin(), m_variables.end(), [&](const auto &variable) {
        return variable.second == name &&
               (variable.first.empty() || equalsIgnoringCase(variable.first, project));
    });
}

} // namespace Pd
