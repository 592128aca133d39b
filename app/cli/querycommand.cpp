// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "querycommand.h"

#include "dashboardqueryengine.h"
#include "diagnosticformatter.h"
#include "duration.h"
#include "exitcodes.h"
#include "gridgeometry.h"
#include "linter.h"
#include "modeldecoder.h"
#include "queryoutput.h"
#include "resourcefile.h"
#include "variableresolver.h"

#include <QCoreApplication>
#include <QTimer>

#include <charconv>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

namespace Pd::Cli {

namespace {

// A dashboard grid is laid out in a 1920 px window unless --width says otherwise.
constexpr int defaultWindowWidth = 1920;

struct QueryOptions
{
    std::string file;
    std::string dashboard;
    std::vector<std::string> panels;
    std::string from;
    std::string to = "now";
    std::vector<std::string> variables;
    std::vector<std::string> datasources;
    std::vector<std::string> resources;
    int width = 0;
    bool json = true;
    int timeoutSeconds = 30;
};

bool parseInt(const std::string &text, int &value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// Applies one option that takes a value.
std::optional<std::string> applyOption(const std::string &name, const std::string &text,
                                       QueryOptions &o)
{
    if (name == "--dashboard")
        o.dashboard = text;
    else if (name == "--panel")
        o.panels.push_back(text);
    else if (name == "--from")
        o.from = text;
    else if (name == "--to")
        o.to = text;
    else if (name == "--var")
        o.variables.push_back(text);
    else if (name == "--datasource")
        o.datasources.push_back(text);
    else if (name == "--resources")
        o.resources.push_back(text);
    else if (name == "--width") {
        if (!parseInt(text, o.width) || o.width <= 0)
            return std::string("--width needs a positive number of pixels");
    } else if (name == "--timeout") {
        if (!parseInt(text, o.timeoutSeconds) || o.timeoutSeconds <= 0)
            return std::string("--timeout needs a positive number of seconds");
    } else if (name == "--format") {
        if (text != "json" && text != "text")
            return "unknown format '" + text + "' (expected json or text)";
        o.json = text == "json";
    } else {
        return "unknown option '" + name + "'";
    }
    return std::nullopt;
}

std::optional<std::string> parseOptions(const std::vector<std::string> &args, QueryOptions &o)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (!arg.starts_with("--")) {
            if (!o.file.empty())
                return "more than one FILE given ('" + o.file + "' and '" + arg + "')";
            o.file = arg;
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        std::string text;
        if (equals != std::string::npos)
            text = arg.substr(equals + 1);
        else if (i + 1 < args.size())
            text = args[++i];
        else
            return arg + " needs a value";
        if (auto problem = applyOption(name, text, o))
            return problem;
    }
    if (o.file.empty())
        return std::string("no FILE given");
    return std::nullopt;
}

// The resources of FILE the engine needs.
struct Loaded
{
    std::vector<Model::Dashboard> dashboards;
    std::vector<Model::Datasource> datasources;
    std::vector<Model::Variable> variables;
};

// Adds the resources of one file. Dashboards are taken only from FILE itself.
std::optional<std::string> loadFile(const std::string &path, bool dashboards, Loaded &loaded,
                                    std::ostream &err)
{
    const ResourceFile file = ResourceReader::readFile(path);
    if (file.hasErrors()) {
        for (const Diagnostic &d : file.diagnostics) {
            if (d.isError())
                err << DiagnosticFormatter::text(d) << '\n';
        }
        return "cannot read " + path;
    }
    for (const LoadedResource &resource : file.resources) {
        std::optional<Model::Resource> decoded = ModelDecoder::decode(resource);
        if (!decoded)
            continue;
        if (auto *dashboard = std::get_if<Model::Dashboard>(&*decoded); dashboard && dashboards)
            loaded.dashboards.push_back(std::move(*dashboard));
        else if (auto *datasource = std::get_if<Model::Datasource>(&*decoded))
            loaded.datasources.push_back(std::move(*datasource));
        else if (auto *variable = std::get_if<Model::Variable>(&*decoded))
            loaded.variables.push_back(std::move(*variable));
    }
    return std::nullopt;
}

// FILE, then the datasources and variables of every --resources file or folder (a
// dashboards-as-code repository keeps them apart from the dashboards).
std::optional<std::string> load(const QueryOptions &options, Loaded &loaded, std::ostream &err)
{
    if (auto problem = loadFile(options.file, true, loaded, err))
        return problem;
    if (loaded.dashboards.empty())
        return options.file + " holds no dashboard";
    for (const std::string &path : options.resources) {
        std::error_code error;
        if (!std::filesystem::exists(path, error))
            return "--resources: " + path + ": no such file or directory";
        const std::vector<std::string> files = std::filesystem::is_directory(path, error)
                                                   ? Linter::collectFiles(path)
                                                   : std::vector<std::string>{path};
        for (const std::string &file : files) {
            if (auto problem = loadFile(file, false, loaded, err))
                return problem;
        }
    }
    return std::nullopt;
}

std::optional<std::string> pickDashboard(Loaded &loaded, const std::string &name,
                                         Model::Dashboard &dashboard)
{
    if (name.empty()) {
        if (loaded.dashboards.size() == 1) {
            dashboard = loaded.dashboards.front();
            return std::nullopt;
        }
        std::string names;
        for (const Model::Dashboard &d : loaded.dashboards)
            names += (names.empty() ? "" : ", ") + d.metadata.name;
        return "the file holds several dashboards; pick one with --dashboard (" + names + ")";
    }
    for (const Model::Dashboard &d : loaded.dashboards) {
        if (d.metadata.name == name) {
            dashboard = d;
            return std::nullopt;
        }
    }
    return "no dashboard named '" + name + "' in the file";
}

// NAME=a,b sets a list for multi-value variables; elsewhere the comma is part of the value.
std::optional<std::string> parseVariables(const std::vector<std::string> &arguments,
                                          const Model::Dashboard &dashboard,
                                          const std::vector<Model::Variable> &shared,
                                          std::map<std::string, VariableValue> &values)
{
    auto allowsMultiple = [&](const std::string &name) {
        if (const Model::VariableSpec *spec = dashboard.spec.variable(name))
            return spec->allowMultiple;
        return std::any_of(shared.begin(), shared.end(), [&](const Model::Variable &v) {
            return v.spec.name == name && v.spec.allowMultiple;
        });
    };
    for (const std::string &argument : arguments) {
        const std::size_t equals = argument.find('=');
        if (equals == std::string::npos || equals == 0)
            return "--var expects NAME=VALUE, got '" + argument + "'";
        const std::string name = argument.substr(0, equals);
        std::string_view rest = std::string_view(argument).substr(equals + 1);
        if (!allowsMultiple(name)) {
            values[name] = VariableValue::single(std::string(rest));
            continue;
        }
        std::vector<std::string> parts;
        while (true) {
            const std::size_t comma = rest.find(',');
            parts.emplace_back(rest.substr(0, comma));
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
        values[name] = VariableValue::list(std::move(parts));
    }
    return std::nullopt;
}

std::optional<std::string> parseRange(const QueryOptions &o, const Model::Dashboard &dashboard,
                                      TimeRange &range)
{
    const std::int64_t now = currentTimeMs();
    const TimePointParse to = parseTimePoint(o.to, now);
    if (!to.ms)
        return "--to: " + to.error;
    if (o.from.empty()) {
        const DurationParse duration = parseDuration(dashboard.spec.duration);
        if (!duration.isValid())
            return "the dashboard's duration: " + duration.error;
        range = TimeRange::last(*duration.milliseconds, *to.ms);
    } else {
        const TimePointParse from = parseTimePoint(o.from, now);
        if (!from.ms)
            return "--from: " + from.error;
        range = TimeRange{*from.ms, *to.ms};
    }
    if (!range.isValid())
        return std::string("the time range is empty: --from must be before --to");
    return std::nullopt;
}

// Panels in layout order (or as named), each with the width its grid item gets.
std::vector<std::pair<std::string, int>> panelsToRun(const Model::Dashboard &dashboard,
                                                     const QueryOptions &o, std::string &problem)
{
    std::vector<std::pair<std::string, int>> panels;
    std::set<std::string> seen;
    auto widthOf = [&](int columns) {
        if (o.width > 0)
            return o.width;
        return GridGeometry(defaultWindowWidth).rect(GridCell{0, 0, columns, 1}).width;
    };
    for (const Model::GridLayout &layout : dashboard.spec.layouts) {
        for (const Model::GridItem &item : layout.items) {
            if (!item.panelId.empty() && dashboard.spec.panel(item.panelId) &&
                seen.insert(item.panelId).second)
                panels.emplace_back(item.panelId, widthOf(item.width));
        }
    }
    if (o.panels.empty())
        return panels;
    std::vector<std::pair<std::string, int>> chosen;
    std::set<std::string> named;
    for (const std::string &id : o.panels) {
        if (!named.insert(id).second)
            continue; // each panel once: it is run once and reported once
        if (!dashboard.spec.panel(id)) {
            problem = "no panel '" + id + "' in dashboard '" + dashboard.metadata.name + "'";
            return {};
        }
        const auto it = std::find_if(panels.begin(), panels.end(),
                                     [&](const auto &p) { return p.first == id; });
        chosen.emplace_back(id, it != panels.end() ? it->second : widthOf(24));
    }
    return chosen;
}

} // namespace

int runQuery(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
             std::ostream &err)
{
    QueryOptions options;
    auto usageError = [&](const std::string &message) {
        err << "perses-desktop query: " << message << '\n' << queryUsage;
        return ExitCode::usage;
    };
    if (auto problem = parseOptions(args, options))
        return usageError(*problem);
    Loaded loaded;
    if (auto problem = load(options, loaded, err))
        return usageError(*problem);
    Model::Dashboard dashboard;
    if (auto problem = pickDashboard(loaded, options.dashboard, dashboard))
        return usageError(*problem);
    DashboardQueryEngine::Settings settings;
    if (auto problem = parseRange(options, dashboard, settings.range))
        return usageError(*problem);
    if (auto problem =
            parseVariables(options.variables, dashboard, loaded.variables, settings.variables))
        return usageError(*problem);
    DatasourceOverrides overrides;
    if (auto problem = overrides.loadFile(DatasourceOverrides::userFilePath()))
        return usageError(*problem);
    for (const std::string &argument : options.datasources) {
        if (auto problem = overrides.addFromArgument(argument))
            return usageError("--datasource: " + *problem);
    }
    std::string problem;
    const std::vector<std::pair<std::string, int>> panels =
        panelsToRun(dashboard, options, problem);
    if (!problem.empty())
        return usageError(problem);
    settings.timeout = std::chrono::seconds(options.timeoutSeconds);
    // As the UI does: the offset of the zone now, whatever the range.
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());

    QCoreApplication app(argc, argv);
    DashboardQueryEngine engine(dashboard, loaded.datasources, loaded.variables,
                                std::move(overrides), settings);
    // Each panel reports once; the loop ends when all have, or when variables alone were
    // asked for. Variables may resolve before the loop runs (static and text ones only).
    std::set<QString> finishedPanels;
    bool variablesDone = false;
    auto done = [&] { return variablesDone && finishedPanels.size() == panels.size(); };
    QObject::connect(&engine, &DashboardQueryEngine::panelFinished, &app, [&](const QString &id) {
        finishedPanels.insert(id);
        if (done())
            app.quit();
    });
    QObject::connect(&engine, &DashboardQueryEngine::variablesResolved, &app, [&] {
        variablesDone = true;
        if (done())
            app.quit();
    });
    engine.start();
    for (const auto &[id, width] : panels)
        engine.runPanel(id, width);
    if (!done())
        app.exec();

    std::vector<QueryOutput::Panel> results;
    bool failed = false;
    for (const auto &[id, width] : panels) {
        const PanelResult *result = engine.panelResult(id);
        results.push_back(QueryOutput::Panel{id, result});
        failed |= !result || result->hasErrors();
    }
    for (const VariableState &state : engine.variables().states())
        failed |= !state.error.empty();
    const auto &states = engine.variables().states();
    out << (options.json ? QueryOutput::json(settings.range, states, results)
                         : QueryOutput::text(settings.range, states, results));
    return failed ? ExitCode::failure : ExitCode::success;
}

} // namespace Pd::Cli
