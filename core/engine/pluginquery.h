// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "queryresponse.h"
#include "querystep.h"
#include "timerange.h"
#include "variablevalue.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <perses-desktop/datahost.h>
#include <string>

namespace Pd {

class DatasourceClients;

// One query or annotation started through the plugin that runs its kind: the datasource its
// selector names, connected; the variables, the built-ins and the step handed over; the
// plugin's outcome brought back to the caller's thread. What kind, datasource or plugin is
// missing comes back as a failure, from the event loop, like an answer.
class PluginQuery
{
public:
    struct Request
    {
        const Model::Plugin *plugin = nullptr;
        TimeRange range;
        std::int64_t timezoneOffsetSeconds = 0;
        int widthPx = 0;
        bool instantByDefault = false;
        VariableValues values;
        bool annotation = false; // a dashboard or panel annotation, not a panel's query
        // The datasource's request timeout. A plugin that has not answered a little after
        // it (its own requests time out first) gets a timeout error in its place.
        std::chrono::milliseconds timeout{0};
    };

    // What the query asked and got, as the engine records it.
    struct Answer
    {
        std::string query;
        std::string seriesNameFormat;
        QueryWindow window;
        bool instant = false;
        std::string request; // method and URL, as the plugin reports them
        QueryResponse response;
    };

    // Filled when the query starts.
    struct Started
    {
        PdPlugin::CallHandle handle; // cancels it; held by the caller while it may answer
        std::string selected;        // the name the selector asks for (empty: the default)
        std::string selectedKind;    // the datasource kind it asks for
        std::string datasource;      // the name it resolved to
        std::string url;             // that datasource's base URL
    };

    // The transport to the datasource a query plugin's spec selects (the datasource kind its
    // plugin names), connected; null when there is none.
    // How long after the request timeout a plugin's silence counts as a hang.
    static constexpr std::chrono::milliseconds hangGrace{5000};

    static PdPlugin::HttpTransport *transportFor(DatasourceClients &clients,
                                                 const Model::Plugin &plugin,
                                                 const VariableValues &values);

    // `done` runs once on `context`'s thread, unless `context` is gone or the handle canceled
    // or released. The plugin's outcome is checked first (`QueryResponse::fromData`).
    static Started start(DatasourceClients &clients, const Request &request, QObject *context,
                         std::function<void(Answer)> done);
};

} // namespace Pd
