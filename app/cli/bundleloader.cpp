// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "bundleloader.h"

#include "datasourcesecrets.h"
#include "diagnosticformatter.h"
#include "persesapi.h"
#include "serversource.h"
#include "sourceresolver.h"

#include <iostream>

namespace Pd::Cli {

std::optional<std::string> loadBundle(const std::string &file,
                                      const std::vector<std::string> &resources,
                                      const std::string &repository, DashboardBundle &bundle,
                                      std::ostream &err)
{
    SourceResolver resolver(repository);
    auto report = [&](std::optional<std::string> problem) {
        for (const Diagnostic &d : bundle.errors)
            err << DiagnosticFormatter::text(d) << '\n';
        bundle.errors.clear();
        return problem;
    };
    auto resolved = resolver.resolve(file);
    if (const std::string *problem = std::get_if<std::string>(&resolved))
        return *problem;
    if (auto problem = bundle.add(std::get<SourcedPath>(resolved), true))
        return report(problem);
    if (bundle.dashboards.empty())
        return file + " holds no dashboard";
    for (const std::string &path : resources) {
        auto where = resolver.resolve(path);
        if (const std::string *problem = std::get_if<std::string>(&where))
            return "--resources: " + *problem;
        if (auto problem = bundle.add(std::get<SourcedPath>(where), false))
            return report(bundle.errors.empty() ? "--resources: " + *problem : *problem);
    }
    return std::nullopt;
}

std::optional<std::string> loadOverrides(const std::vector<std::string> &arguments,
                                         DatasourceOverrides &overrides)
{
    if (auto problem = overrides.loadFile(DatasourceOverrides::userFilePath()))
        return problem;
    DatasourceSecrets::fill(overrides); // the secret headers' values, from the keyring
    for (const std::string &argument : arguments) {
        if (auto problem = overrides.addFromArgument(argument))
            return "--datasource: " + *problem;
    }
    return std::nullopt;
}

std::optional<std::string> applyDashboardOption(const std::string &name, const std::string &text,
                                                DashboardArguments &a, bool &known)
{
    known = true;
    if (name == "--dashboard")
        a.dashboard = text;
    else if (name == "--from")
        a.from = text;
    else if (name == "--to")
        a.to = text;
    else if (name == "--var")
        a.variables.push_back(text);
    else if (name == "--datasource")
        a.datasources.push_back(text);
    else if (name == "--resources")
        a.resources.push_back(text);
    else if (name == "--repo")
        a.repository = text;
    else if (name == "--project")
        a.project = text;
    else if (name == "--timeout") {
        if (!parseInt(text, a.timeoutSeconds) || a.timeoutSeconds <= 0)
            return std::string("--timeout needs a positive number of seconds");
    } else {
        known = false;
    }
    return std::nullopt;
}

std::optional<std::string> parseDashboardArguments(const std::vector<std::string> &args,
                                                   DashboardArguments &arguments,
                                                   const OptionHandler &commandOption)
{
    auto file = [&arguments](const std::string &arg) -> std::optional<std::string> {
        if (!arguments.file.empty())
            return "more than one FILE given ('" + arguments.file + "' and '" + arg + "')";
        arguments.file = arg;
        return std::nullopt;
    };
    auto option = [&](const std::string &name, const std::string &text) {
        bool known = false;
        std::optional<std::string> problem = applyDashboardOption(name, text, arguments, known);
        return known ? problem : commandOption(name, text);
    };
    // The server's flags take no value, which the shared grammar wants: taken out first.
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::optional<std::string> problem;
        if (arguments.server.take(args, i, problem)) {
            if (problem)
                return problem;
            continue;
        }
        rest.push_back(args[i]);
    }
    if (auto problem = parseArguments(rest, file, option))
        return problem;
    if (arguments.server.given()) {
        if (!arguments.file.empty())
            return "give FILE or --server, not both";
        if (arguments.project.empty() || arguments.dashboard.empty())
            return std::string("--server needs --project P and --dashboard NAME");
        return arguments.server.check();
    }
    if (!arguments.project.empty())
        return std::string("--project goes with --server");
    if (arguments.file.empty())
        return std::string("no FILE given");
    return std::nullopt;
}

namespace {

// The dashboard, its project's datasources and variables and the global ones, read from the
// server; the datasources reached through its proxy with the session's token.
std::optional<std::string> loadFromServer(const DashboardArguments &arguments,
                                          PreparedDashboard &prepared, std::ostream &err)
{
    auto connected = arguments.server.connect(std::cin, err);
    if (const std::string *problem = std::get_if<std::string>(&connected))
        return *problem;
    prepared.server = std::move(std::get<std::unique_ptr<PersesApi>>(connected));
    ServerSource source(*prepared.server);
    DashboardBundle &bundle = prepared.bundle;
    const std::string &project = arguments.project;
    if (auto problem = bundle.add(
            SourcedPath(&source, ServerSource::dashboardPath(project, arguments.dashboard)),
            true)) {
        for (const Diagnostic &d : bundle.errors)
            err << DiagnosticFormatter::text(d) << '\n';
        return bundle.errors.empty() ? problem : "cannot read the dashboard from the server";
    }
    for (const std::string &folder :
         {project + "/datasources", project + "/variables", std::string("globaldatasources"),
          std::string("globalvariables")}) {
        if (auto problem = bundle.add(SourcedPath(&source, folder), false, true))
            return problem;
    }
    if (!source.lastError().isEmpty())
        return source.lastError().toStdString();
    // The route keeps the session alive as long as a query can be sent.
    std::shared_ptr<PersesApi> api = prepared.server;
    ServerProxyRoute route;
    route.baseUrl = api->baseUrl().toStdString();
    route.project = project;
    route.dashboard = arguments.dashboard;
    route.authorization = [api] { return api->authorization().toStdString(); };
    route.caFile = api->caFile().toStdString();
    route.insecureSkipVerify = api->isInsecure();
    // The dashboard read is the saved one: its datasources go through the dashboard route.
    for (const Model::Dashboard &dashboard : bundle.dashboards)
        route.rememberSaved(dashboard.spec.datasources);
    prepared.overrides.setServerProxy(std::move(route));
    return std::nullopt;
}

} // namespace

std::optional<std::string> prepareDashboard(const DashboardArguments &arguments,
                                            PreparedDashboard &prepared, std::ostream &err)
{
    if (arguments.server.given()) {
        if (auto problem = loadFromServer(arguments, prepared, err))
            return problem;
    } else if (auto problem = loadBundle(arguments.file, arguments.resources, arguments.repository,
                                         prepared.bundle, err)) {
        return problem;
    }
    if (auto problem = prepared.bundle.pick(arguments.dashboard, prepared.dashboard))
        return problem;
    DashboardQueryEngine::Settings &settings = prepared.settings;
    if (auto problem = DashboardBundle::parseRange(arguments.from, arguments.to, prepared.dashboard,
                                                   settings.range))
        return problem;
    if (auto problem = prepared.bundle.parseVariables(arguments.variables, prepared.dashboard,
                                                      settings.variables))
        return problem;
    if (auto problem = loadOverrides(arguments.datasources, prepared.overrides))
        return problem;
    settings.timeout = std::chrono::seconds(arguments.timeoutSeconds);
    // As the UI does: the offset of the zone now, whatever the range.
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());
    return std::nullopt;
}

} // namespace Pd::Cli
