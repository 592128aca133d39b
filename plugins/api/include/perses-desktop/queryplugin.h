// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceplugin.h"
#include "querydata.h"
#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

#include <functional>

namespace PdPlugin {

struct QueryKind
{
    QString kind;
    QString displayName;
    // The query kind it serves; "Annotation" for a kind that runs annotations (§4.8): its
    // time series become the annotation's events.
    QString queryType = QStringLiteral("TimeSeriesQuery");
    QString datasourceKind; // the datasource it selects
};

// Level "query": the query plugin kinds a plugin provides and the checks of their specs.
class QueryPlugin
{
public:
    virtual ~QueryPlugin() = default;
    virtual int interfaceVersion() const { return apiVersion; }
    virtual QList<QueryKind> queryKinds() const = 0;
    virtual SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const = 0;
};

// The time a query asks for: start and end in seconds since the epoch, and its step.
struct QueryWindow
{
    double startSeconds = 0;
    double endSeconds = 0;
    double stepSeconds = 0;
    double minStepSeconds = 0; // the floor the step was held to ($__rate_interval uses it)
};

struct QueryContext
{
    QString kind;
    QJsonObject spec;  // the query plugin's spec, as written
    qint64 fromMs = 0; // the dashboard's time range
    qint64 toMs = 0;
    int widthPx = 0; // the panel's drawn width; 0 for annotations
    qint64 timezoneOffsetSeconds = 0;
    // The step Perses takes for this width and range (§9.3) before any datasource setting.
    QueryWindow suggestedWindow;
    bool instantByDefault = false; // the panel wants instant queries unless the spec says
    // The client of the selected datasource (of QueryKind::datasourceKind), or nullptr when
    // the kind names no datasource kind.
    DatasourceClient *datasource = nullptr;
    // Replaces $variables with their values; the query-scope built-ins ($__interval,
    // $__rate_interval...) take the given window.
    std::function<QString(const QString &text, const QueryWindow &window)> interpolate;
};

// What a query asked and got: all but `data` is what the query inspector shows.
struct QueryOutcome
{
    QString query;            // as sent, variables replaced
    QString seriesNameFormat; // variables replaced; {{label}} left for the host
    QueryWindow window;
    bool instant = false;
    QueryData data;
    QString request; // "POST https://…/api/v1/query_range": the method and URL it sent, if any
};

// Version 2 of level "query": also runs queries.
class QueryPluginV2 : public QueryPlugin
{
public:
    virtual int dataInterfaceVersion() const { return dataApiVersion; }
    // Starts a query (called on the GUI thread). `done` runs once, on any thread (the
    // transport's worker is the place to parse); the host brings the outcome back to its own
    // thread, takes the first one only, and drops it after the handle is canceled. Errors come
    // in the outcome's data; a malformed result (a series' times and values of different
    // lengths, a table column short of cells) becomes a "bad_data" error. A query that has not
    // called `done` five seconds after the datasource's request timeout is canceled and its
    // panel shows a timeout: use the transport, whose requests time out first.
    virtual CallHandle runQuery(const QueryContext &context,
                                std::function<void(QueryOutcome outcome)> done) = 0;
};

} // namespace PdPlugin

#define PdQueryPlugin_iid "dev.perses.desktop.QueryPlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::QueryPlugin, PdQueryPlugin_iid)
#define PdQueryPluginV2_iid "dev.perses.desktop.QueryPlugin/2"
Q_DECLARE_INTERFACE(PdPlugin::QueryPluginV2, PdQueryPluginV2_iid)
