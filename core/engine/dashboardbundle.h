// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "model.h"
#include "resourcesource.h"
#include "timerange.h"
#include "variablevalue.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Pd {

// The resources a dashboard needs to run: the dashboards of the opened files and the
// datasources and shared variables beside them. `query`, `render` and the window load
// through it, so they read files and arguments the same way. Problems come back as text
// (and, for unreadable files, the reader's diagnostics with line:column).
class DashboardBundle
{
public:
    std::vector<Model::Dashboard> dashboards;
    std::vector<Model::Datasource> datasources;
    std::vector<Model::Variable> variables;
    std::vector<Diagnostic> errors;          // of files that could not be read
    std::vector<std::string> dashboardFiles; // the file of each dashboard, same order

    // A file or a folder (walked as `lint` walks it). Dashboards are kept only when
    // `withDashboards`; a `--resources` path brings datasources and variables alone.
    // With `skipUnreadable`, files of a folder that cannot be read are passed over (their
    // diagnostics stay in `errors`): a repository's tree read for its datasources.
    std::optional<std::string> add(const SourcedPath &path, bool withDashboards,
                                   bool skipUnreadable = false);

    // By name, or the only one.
    std::optional<std::string> pick(const std::string &name, Model::Dashboard &dashboard) const;

    // --var NAME=VALUE arguments: NAME=a,b is a list for multi-value variables.
    std::optional<std::string> parseVariables(const std::vector<std::string> &arguments,
                                              const Model::Dashboard &dashboard,
                                              std::map<std::string, VariableValue> &values) const;

    // --from/--to (empty `from`: the dashboard's duration before `to`).
    static std::optional<std::string> parseRange(const std::string &from, const std::string &to,
                                                 const Model::Dashboard &dashboard,
                                                 TimeRange &range);

private:
    std::optional<std::string> addFile(const SourcedPath &path, bool withDashboards);
};

} // namespace Pd
