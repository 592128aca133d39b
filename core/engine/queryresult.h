// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "queryresponse.h"
#include "querystep.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace Pd {

// What one query of a panel asked and got: the values a panel draws and the query
// inspector shows.
struct QueryResult
{
    std::string pluginKind;
    std::string query;            // after interpolation
    std::string seriesNameFormat; // after interpolation
    std::string selected;         // the datasource name its selector asks for (empty: default)
    std::string selectedKind;     // the datasource kind its selector asks for
    std::string datasource;       // the datasource it resolved to
    std::string url;              // that datasource's base URL
    std::string request;          // "POST <url>": what the plugin sent, once it answered
    QueryWindow window;           // aligned start, end and step
    bool instant = false;
    bool finished = false;
    double durationMs = 0; // from the request's start to its answer read
    std::chrono::steady_clock::time_point started;
    QueryResponse response; // ok or error, warnings, series or a table
};

// A datasource the panels could not use: not defined, with no URL this app can reach it at,
// or not answering. One per datasource (per missing selector when none resolved), with the
// panels that suffered it: what the banner above the panels names.
struct DatasourceProblem
{
    std::string datasource; // empty when the selector resolved to none
    std::string selected;   // the name the selector asks for (empty: the default of the kind)
    std::string kind;       // the datasource kind the selector asks for
    std::string reason;     // the lookup's or the network's own words
    bool undefined = false; // no datasource, or none with a URL: the user can set one
    std::vector<std::string> panels;
};

struct PanelResult
{
    std::string panelId;
    int widthPx = 0;
    std::uint64_t run = 0; // bumped on every (re)run: answers of an earlier run are dropped
    std::vector<QueryResult> queries;

    bool isFinished() const;
    bool hasErrors() const;
};

} // namespace Pd
