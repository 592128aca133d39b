// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "rendercommand.h"

#include "bundleloader.h"
#include "dashboardrenderer.h"
#include "exitcodes.h"
#include "headlessrender.h"
#include "optionparser.h"

#include <iostream>
#include <ostream>

namespace Pd::Cli {

namespace {

struct RenderOptions
{
    DashboardArguments common;
    ImageOptions image;
    std::string panel;
    std::string out;
};

// Applies one of render's own options.
std::optional<std::string> applyOption(const std::string &name, const std::string &text,
                                       RenderOptions &o)
{
    bool known = false;
    if (auto problem = applyImageOption(name, text, o.image, known); known)
        return problem;
    if (name == "--panel")
        o.panel = text;
    else if (name == "--out")
        o.out = text;
    else
        return "unknown option '" + name + "'";
    return std::nullopt;
}

std::optional<std::string> parseOptions(const std::vector<std::string> &args, RenderOptions &o)
{
    auto option = [&o](const std::string &name, const std::string &text) {
        return applyOption(name, text, o);
    };
    if (auto problem = parseDashboardArguments(args, o.common, option))
        return problem;
    if (o.out.empty())
        return std::string("no --out file given");
    if (!Gui::DashboardRenderer::isSupportedOutput(QString::fromStdString(o.out)))
        return "--out must end in .png, .svg or .pdf, got '" + o.out + "'";
    return std::nullopt;
}

} // namespace

int runRender(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
              std::ostream &err)
{
    RenderOptions options;
    auto usageError = [&](const std::string &message) {
        err << "perses-desktop render: " << message << '\n' << renderUsage;
        return ExitCode::usage;
    };
    if (auto problem = parseOptions(args, options))
        return usageError(*problem);
    HeadlessApplication application(argc, argv, options.image.theme); // before any server
    PreparedDashboard prepared;
    if (auto problem = prepareDashboard(options.common, prepared, err))
        return usageError(*problem);
    if (!options.panel.empty() && !isLaidOut(prepared.dashboard, options.panel))
        return usageError("no panel '" + options.panel + "' in the layouts of dashboard '" +
                          prepared.dashboard.metadata.name + "'");
    Gui::DashboardRenderer::Request request = renderRequest(
        std::move(prepared), options.image,
        options.panel.empty() ? std::nullopt : std::optional<std::string>(options.panel));
    QString error;
    const Gui::DashboardRenderer::Outcome outcome = Gui::DashboardRenderer::render(
        std::move(request), QString::fromStdString(options.out), error);
    if (!error.isEmpty()) {
        err << "perses-desktop render: " << error.toStdString() << '\n';
        return ExitCode::usage;
    }
    for (const QString &problem : outcome.errors)
        err << "perses-desktop render: " << problem.toStdString() << '\n';
    out << options.out << ": " << outcome.size.width() << 'x' << outcome.size.height() << '\n';
    return outcome.errors.isEmpty() ? ExitCode::success : ExitCode::failure;
}

} // namespace Pd::Cli
