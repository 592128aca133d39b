// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundleloader.h"
#include "dashboardrenderer.h"

#include <memory>
#include <optional>
#include <string>

class QApplication;

namespace Pd::Cli {

// What `render` and `diff --render` share: the image options, the request a prepared dashboard
// becomes, and the headless application both draw in.
struct ImageOptions
{
    int width = 0; // 0: the renderer's default
    int height = 0;
    std::string theme = "light";
};

// --size WxH and --theme light|dark; `known` says whether `name` was one of them.
std::optional<std::string> applyImageOption(const std::string &name, const std::string &text,
                                            ImageOptions &options, bool &known);

// A panel no layout references is not drawn, so it cannot be rendered alone either.
bool isLaidOut(const Model::Dashboard &dashboard, const std::string &panelId);

Gui::DashboardRenderer::Request renderRequest(PreparedDashboard prepared,
                                              const ImageOptions &options,
                                              const std::optional<std::string> &panelId);

// An offscreen QApplication with the theme applied, whatever display the environment has,
// and without the offscreen platform's chatter in CI logs.
class HeadlessApplication
{
public:
    HeadlessApplication(int &argc, char **argv, const std::string &theme);
    ~HeadlessApplication();

private:
    std::unique_ptr<QApplication> m_application;
};

} // namespace Pd::Cli
