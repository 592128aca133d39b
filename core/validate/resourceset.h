// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcefile.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// A datasource known to a validation run, at project or global scope.
struct KnownDatasource
{
    std::string name;
    std::string project;
    bool global = false; // a GlobalDatasource
    std::string pluginKind;
    std::string displayName;
    bool isDefault = false;
    std::string file;
    SourcePos pos;
};

// The resources of one run (every file given to lint), indexed so that dashboards can be
// checked against their project, its datasources and variables, as the server would.
// Names compare case-insensitively, as the server stores them lower-cased.
class ResourceSet
{
public:
    void add(const ResourceFile &file);

    bool hasProjects() const { return !m_projects.empty(); }
    bool hasProject(std::string_view name) const;

    const std::vector<KnownDatasource> &datasources() const { return m_datasources; }
    bool hasDatasourceOfKind(std::string_view pluginKind) const;
    // Project datasource of the project, then global datasource (spec §6 steps 2-3).
    const KnownDatasource *resolveDatasource(std::string_view project, std::string_view pluginKind,
                                             std::optional<std::string_view> name) const;

    // Is `name` a variable shared with the dashboards of `project` (a project Variable or a
    // GlobalVariable)?
    bool hasSharedVariable(std::string_view project, std::string_view name) const;

private:
    std::vector<std::string> m_projects;
    std::vector<KnownDatasource> m_datasources;
    std::vector<std::pair<std::string, std::string>> m_variables; // (project or "", name)
};

} // namespace Pd
