// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcekind.h"

#include <algorithm>
#include <array>
#include <utility>

namespace Pd {

namespace {

constexpr std::array<std::pair<ResourceKind, std::string_view>, 15> kinds = {{
    {ResourceKind::Project, "Project"},
    {ResourceKind::Dashboard, "Dashboard"},
    {ResourceKind::EphemeralDashboard, "EphemeralDashboard"},
    {ResourceKind::Datasource, "Datasource"},
    {ResourceKind::GlobalDatasource, "GlobalDatasource"},
    {ResourceKind::Variable, "Variable"},
    {ResourceKind::GlobalVariable, "GlobalVariable"},
    {ResourceKind::Secret, "Secret"},
    {ResourceKind::GlobalSecret, "GlobalSecret"},
    {ResourceKind::Folder, "Folder"},
    {ResourceKind::Role, "Role"},
    {ResourceKind::RoleBinding, "RoleBinding"},
    {ResourceKind::GlobalRole, "GlobalRole"},
    {ResourceKind::GlobalRoleBinding, "GlobalRoleBinding"},
    {ResourceKind::User, "User"},
}};

} // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view resourceKindName(ResourceKind kind)
{
    for (const auto &[value, name] : kinds) {
        if (value == kind)
            return name;
    }
    return {};
}

std::optional<ResourceKind> parseResourceKind(std::string_view name)
{
    for (const auto &[value, canonical] : kinds) {
        if (equalsIgnoringCase(name, canonical))
            return value;
    }
    return std::nullopt;
}

bool isProjectScoped(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Dashboard:
    case ResourceKind::EphemeralDashboard:
    case ResourceKind::Datasource:
    case ResourceKind::Variable:
    case ResourceKind::Secret:
    case ResourceKind::Folder:
    case ResourceKind::Role:
    case ResourceKind::RoleBinding:
        return true;
    default:
        return false;
    }
}

std::optional<ResourceKind> crdResourceKind(std::string_view crdKind)
{
    if (crdKind == "PersesDashboard")
        return ResourceKind::Dashboard;
    if (crdKind == "PersesDatasource")
        return ResourceKind::Datasource;
    if (crdKind == "PersesGlobalDatasource")
        return ResourceKind::GlobalDatasource;
    return std::nullopt;
}

bool crdSpecIsInline(const Node &crd)
{
    const std::string version = crd.stringAt("apiVersion");
    if (version == "perses.dev/v1alpha1")
        return true;
    if (version == "perses.dev/v1alpha2")
        return false;
    const Node *spec = crd.find("spec");
    return !(spec && spec->isObject() && spec->find("config"));
}

} // namespace Pd
