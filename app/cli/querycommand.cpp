// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "querycommand.h"

#include "bundleloader.h"
#include "dashboardbundle.h"
#include "dashboardqueryengine.h"
#include "diagnosticformatter.h"
#include "duration.h"
#include "exitcodes.h"
#include "gridgeometry.h"
#include "linter.h"
#include "modeldecoder.h"
#include "optionparser.h"
#include "queryoutput.h"
#include "resourcefile.h"
#include "variableresolver.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
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
    DashboardArguments common;
    std::vector<std::string> panels;
    int width = 0;
    bool json = true;
};

// Applies one of query's own options.
std::optional<std::string> applyOption(const std::string &name, const std::string &text,
                                       QueryOptions &o)
{
    if (name == "--panel") {
        o.panels.push_back(text);
    } else if (name == "--width") {
        if (!parseInt(text, o.width) || o.width <= 0)
            return std::string("--width needs a positive number of pixels");
    } else if (name == "--format") {
        if (text != "json" && text != "text")
            return "unknown format '" + text + "' (expected json or text)";
        o.json = text == "json";
    } else {
        return "unknown option '" + name + "'";
    }
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
    auto option = [&options](const std::string &name, const std::string &text) {
        return applyOption(name, text, options);
    };
    if (auto problem = parseDashboardArguments(args, options.common, option))
        return usageError(*problem);
    QCoreApplication app(argc, argv); // before the server, if any, is asked
    PreparedDashboard prepared;
    if (auto problem = prepareDashboard(options.common, prepared, err))
        return usageError(*problem);
    const Model::Dashboard &dashboard = prepared.dashboard;
    const DashboardQueryEngine::Settings &settings = prepared.settings;
    std::string problem;
    const std::vector<std::pair<std::string, int>> panels =
        panelsToRun(dashboard, options, problem);
    if (!problem.empty())
        return usageError(problem);

    DashboardQueryEngine engine(dashboard, prepared.bundle.datasources, prepared.bundle.variables,
                                std::move(prepared.overrides), settings);
    // Each panel reports once; the loop ends when all have, or when variables alone were
    // asked for. Variables may resolve before the loop runs (static and text ones only).
    std::set<QString> finishedPanels;
    bool variablesDone = false;
    auto done = [&] {
        return variablesDone && finishedPanels.size() == panels.size() &&
               engine.annotationsFinished();
    };
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
    QObject::connect(&engine, &DashboardQueryEngine::annotationsChanged, &app, [&] {
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
    // Only the annotations this run shows count: the dashboard's shown ones, and those of the
    // panels asked for.
    for (const AnnotationResult &annotation : engine.annotations()) {
        const bool shown = !annotation.hidden && (annotation.panelId.empty() ||
                                                  std::ranges::any_of(panels, [&](const auto &p) {
                                                      return p.first == annotation.panelId;
                                                  }));
        failed |= shown && !annotation.error.empty();
    }
    const auto &states = engine.variables().states();
    const auto &annotations = engine.annotations();
    out << (options.json ? QueryOutput::json(settings.range, states, results, annotations)
                         : QueryOutput::text(settings.range, states, results, annotations));
    return failed ? ExitCode::failure : ExitCode::success;
}

} // namespace Pd::Cli
