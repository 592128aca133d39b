// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dashboardqueryengine.h"

#include <QSize>
#include <QString>

#include <optional>

namespace Pd::Gui {

// Draws a dashboard, or one panel, into an image as the window shows it, once every query
// has finished or failed (or the timeout passed): what `render` and the GUI tests use.
class DashboardRenderer
{
public:
    struct Request
    {
        Model::Dashboard dashboard;
        std::vector<Model::Datasource> datasources;
        std::vector<Model::Variable> variables;
        DatasourceOverrides overrides;
        DashboardQueryEngine::Settings settings;
        std::optional<std::string> panelId;
        int width = 0;  // 0: 1600 for a dashboard, 800 for a panel
        int height = 0; // 0: the dashboard's whole height, 400 for a panel
        std::chrono::milliseconds timeout{30000};
    };
    struct Outcome
    {
        bool timedOut = false;
        QStringList errors; // "panel: message" for every panel whose queries failed
        QSize size;
    };

    // Writes PNG, SVG or PDF by the file's extension; `error` says why nothing was written.
    static Outcome render(Request request, const QString &outPath, QString &error);
    static bool isSupportedOutput(const QString &path);
};

} // namespace Pd::Gui
