// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardbundle.h"
#include "dashboardqueryengine.h"
#include "datasourceconnection.h"
#include "optionparser.h"
#include "serverarguments.h"

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace Pd {
class PersesApi;
}

namespace Pd::Cli {

// FILE's dashboards with the datasources and variables of FILE and of every --resources
// path; the reader's errors go to `err` as file:line:column lines.
// FILE and each --resources path may be REV:PATH in the repository of `repository` (or of the
// current folder).
std::optional<std::string> loadBundle(const std::string &file,
                                      const std::vector<std::string> &resources,
                                      const std::string &repository, DashboardBundle &bundle,
                                      std::ostream &err);

// The user's datasources file, then each --datasource NAME=URL.
std::optional<std::string> loadOverrides(const std::vector<std::string> &arguments,
                                         DatasourceOverrides &overrides);

// What `query` and `render` share on their command lines: FILE, the dashboard in it, the range,
// variables, datasources and the other resource files.
struct DashboardArguments
{
    std::string file;
    std::string dashboard;
    std::string from;
    std::string to = "now";
    std::vector<std::string> variables;
    std::vector<std::string> datasources;
    std::vector<std::string> resources;
    std::string repository; // --repo, for REV:PATH arguments
    int timeoutSeconds = 30;
    // In place of FILE: --server URL --project P --dashboard NAME, the datasources and
    // variables of the project and the global ones from the same server, queries through its
    // proxy.
    ServerArguments server;
    std::string project;
};

// One of the shared options (--dashboard, --from, --to, --var, --datasource, --resources,
// --repo, --timeout, --project); `known` says whether `name` was one of them.
std::optional<std::string> applyDashboardOption(const std::string &name, const std::string &text,
                                                DashboardArguments &arguments, bool &known);

// Parses the shared options, the server's and FILE; any other option goes to `commandOption`.
std::optional<std::string> parseDashboardArguments(const std::vector<std::string> &args,
                                                   DashboardArguments &arguments,
                                                   const OptionHandler &commandOption);

// What a dashboard run needs, read from those arguments.
struct PreparedDashboard
{
    DashboardBundle bundle;
    Model::Dashboard dashboard;
    DashboardQueryEngine::Settings settings;
    DatasourceOverrides overrides;
    std::shared_ptr<PersesApi> server; // the session queries go through, with --server
};
// With --server it talks to the server: a Qt application must exist.
std::optional<std::string> prepareDashboard(const DashboardArguments &arguments,
                                            PreparedDashboard &prepared, std::ostream &err);

} // namespace Pd::Cli
