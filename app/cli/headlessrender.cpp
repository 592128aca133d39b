// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "headlessrender.h"

#include "theme.h"

#include <QApplication>

#include <iostream>

namespace Pd::Cli {

namespace {

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

std::optional<std::string> parseSize(const std::string &text, ImageOptions &o)
{
    const std::size_t x = text.find('x');
    if (x == std::string::npos || !parseInt(text.substr(0, x), o.width) ||
        !parseInt(text.substr(x + 1), o.height) || o.width < 50 || o.height < 50 ||
        o.width > 16384 || o.height > 16384)
        return "--size expects WxH in pixels (50 to 16384), got '" + text + "'";
    return std::nullopt;
}

} // namespace

std::optional<std::string> applyImageOption(const std::string &name, const std::string &text,
                                            ImageOptions &options, bool &known)
{
    known = true;
    if (name == "--size")
        return parseSize(text, options);
    if (name == "--theme") {
        if (text != "light" && text != "dark")
            return "unknown theme '" + text + "' (expected light or dark)";
        options.theme = text;
        return std::nullopt;
    }
    known = false;
    return std::nullopt;
}

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

Gui::DashboardRenderer::Request renderRequest(PreparedDashboard prepared,
                                              const ImageOptions &options,
                                              const std::optional<std::string> &panelId)
{
    Gui::DashboardRenderer::Request request;
    request.dashboard = std::move(prepared.dashboard);
    request.datasources = std::move(prepared.bundle.datasources);
    request.variables = std::move(prepared.bundle.variables);
    request.overrides = std::move(prepared.overrides);
    request.settings = prepared.settings;
    request.timeout = prepared.settings.timeout;
    request.panelId = panelId;
    request.width = options.width;
    request.height = options.height;
    return request;
}

HeadlessApplication::HeadlessApplication(int &argc, char **argv, const std::string &theme)
{
    // Headless whatever the environment: no display is needed or used.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietOffscreenMessages);
    m_application = std::make_unique<QApplication>(argc, argv);
    Gui::Theme::apply(theme == "dark" ? Gui::Theme::Mode::Dark : Gui::Theme::Mode::Light);
}

HeadlessApplication::~HeadlessApplication() = default;

} // namespace Pd::Cli
