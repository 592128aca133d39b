// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "rendercommand.h"

#include "bundleloader.h"
#include "dashboardrenderer.h"
#include "exitcodes.h"
#include "optionparser.h"
#include "theme.h"

#include <QApplication>

#include <iostream>
#include <ostream>

namespace Pd::Cli {

namespace {

struct RenderOptions
{
    DashboardArguments common;
    std::string panel;
    int width = 0;
    int height = 0;
    std::string theme = "light";
    std::string out;
};

std::optional<std::string> parseSize(const std::string &text, RenderOptions &o)
{
    const std::size_t x = text.find('x');
    if (x == std::string::npos || !parseInt(text.substr(0, x), o.width) ||
        !parseInt(text.substr(x + 1), o.height) || o.width < 50 || o.height < 50 ||
        o.width > 16384 || o.height > 16384)
        return "--size expects WxH in pixels (50 to 16384), got '" + text + "'";
    return std::nullopt;
}

// Applies one of render's own options.
std::optional<std::string> applyOption(const std::string &name, const std::string &text,
                                       RenderOptions &o)
{
    if (name == "--panel") {
        o.panel = text;
    } else if (name == "--size") {
        return parseSize(text, o);
    } else if (name == "--theme") {
        if (text != "light" && text != "dark")
            return "unknown theme '" + text + "' (expected light or dark)";
        o.theme = text;
    } else if (name == "--out") {
        o.out = text;
    } else {
        return "unknown option '" + name + "'";
    }
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

// The offscreen platform warns about window features it lacks and about a missing
// XDG_RUNTIME_DIR; neither matters for an image, and CI logs should show real problems only.
void quietOffscreenMessages(QtMsgType type, const QMessageLogContext &context,
                            const QString &message)
{
    if (message.contains(u"does not support propagateSizeHints") ||
        message.contains(u"does not support raise") || message.contains(u"XDG_RUNTIME_DIR"))
        return;
    std::cerr << qPrintable(qFormatLogMessage(type, context, message)) << '\n';
}

// A panel no layout references is not drawn, so it cannot be rendered alone either.
bool isLaidOut(const Model::Dashboard &dashboard, const std::string &panelId)
{
    for (const Model::GridLayout &layout : dashboard.spec.layouts) {
        for (const Model::GridItem &item : layout.items) {
            if (item.panelId == panelId)
                return true;
        }
    }
    return false;
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
    PreparedDashboard prepared;
    if (auto problem = prepareDashboard(options.common, prepared, err))
        return usageError(*problem);
    if (!options.panel.empty() && !isLaidOut(prepared.dashboard, options.panel))
        return usageError("no panel '" + options.panel + "' in the layouts of dashboard '" +
                          prepared.dashboard.metadata.name + "'");
    Gui::DashboardRenderer::Request request;
    request.dashboard = std::move(prepared.dashboard);
    request.datasources = std::move(prepared.bundle.datasources);
    request.variables = std::move(prepared.bundle.variables);
    request.overrides = std::move(prepared.overrides);
    request.settings = prepared.settings;
    request.timeout = prepared.settings.timeout;
    if (!options.panel.empty())
        request.panelId = options.panel;
    request.width = options.width;
    request.height = options.height;

    // Headless whatever the environment: no display is needed or used.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietOffscreenMessages);
    QApplication app(argc, argv);
    Gui::Theme::apply(options.theme == "dark" ? Gui::Theme::Mode::Dark : Gui::Theme::Mode::Light);
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
