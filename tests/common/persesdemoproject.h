// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Resources for the test Perses server (--resources DIR): a project "demo" whose dashboard
// "Board" has a panel "temperature" on the default datasource, a global one proxied to the
// real test Prometheus with Perses' default allow-list, and a panel "locked" on a project
// datasource whose allow-list permits no query, so that the proxy refuses it with a 403.
namespace PdTest {

namespace DemoProjectDetail {

inline QJsonObject proxiedPrometheus(const QString &url, const QJsonArray &allowed)
{
    const QJsonObject proxy{
        {QStringLiteral("kind"), QStringLiteral("HTTPProxy")},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("allowedEndpoints"), allowed}}}};
    return {{QStringLiteral("kind"), QStringLiteral("PrometheusDatasource")},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("proxy"), proxy}}}};
}

inline QJsonObject endpoint(const char *pattern, const char *method)
{
    return {{QStringLiteral("endpointPattern"), QLatin1String(pattern)},
            {QStringLiteral("method"), QLatin1String(method)}};
}

inline QJsonObject panel(const QString &title, const QJsonObject &datasource)
{
    QJsonObject query{{QStringLiteral("query"), QStringLiteral("pd_temperature_celsius")}};
    if (!datasource.isEmpty())
        query[u"datasource"] = datasource;
    const QJsonObject plugin{{QStringLiteral("kind"), QStringLiteral("PrometheusTimeSeriesQuery")},
                             {QStringLiteral("spec"), query}};
    const QJsonObject timeSeriesQuery{
        {QStringLiteral("kind"), QStringLiteral("TimeSeriesQuery")},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("plugin"), plugin}}}};
    return {{QStringLiteral("kind"), QStringLiteral("Panel")},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("display"), QJsonObject{{QStringLiteral("name"), title}}},
                         {QStringLiteral("plugin"),
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("TimeSeriesChart")},
                                      {QStringLiteral("spec"), QJsonObject{}}}},
                         {QStringLiteral("queries"), QJsonArray{timeSeriesQuery}}}}};
}

inline QJsonObject item(int x, const char *panelId)
{
    return {{QStringLiteral("x"), x},
            {QStringLiteral("y"), 0},
            {QStringLiteral("width"), 12},
            {QStringLiteral("height"), 8},
            {QStringLiteral("content"),
             QJsonObject{{QStringLiteral("$ref"),
                          QStringLiteral("#/spec/panels/") + QLatin1String(panelId)}}}};
}

inline bool write(const QString &folder, const char *name, const QJsonObject &resource)
{
    QFile file(QDir(folder).filePath(QLatin1String(name)));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(resource).toJson()) > 0;
}

} // namespace DemoProjectDetail

inline bool writeDemoProject(const QString &folder, const QString &prometheusUrl)
{
    using namespace DemoProjectDetail;
    const QJsonObject project{
        {QStringLiteral("kind"), QStringLiteral("Project")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("demo")}}},
        {QStringLiteral("spec"), QJsonObject{}}};
    const QJsonObject global{
        {QStringLiteral("kind"), QStringLiteral("GlobalDatasource")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("prom")}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("default"), true},
                     {QStringLiteral("plugin"),
                      proxiedPrometheus(
                          prometheusUrl,
                          {endpoint("/api/v1/labels", "POST"), endpoint("/api/v1/query", "POST"),
                           endpoint("/api/v1/query_range", "POST"),
                           endpoint("/api/v1/label/([a-zA-Z0-9_-]+)/values", "GET")})}}}};
    const QJsonObject locked{
        {QStringLiteral("kind"), QStringLiteral("Datasource")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("locked")},
                     {QStringLiteral("project"), QStringLiteral("demo")}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("default"), false},
                     {QStringLiteral("plugin"),
                      proxiedPrometheus(prometheusUrl, {endpoint("/api/v1/labels", "POST")})}}}};
    const QJsonObject lockedSelector{
        {QStringLiteral("kind"), QStringLiteral("PrometheusDatasource")},
        {QStringLiteral("name"), QStringLiteral("locked")}};
    const QJsonObject grid{{QStringLiteral("kind"), QStringLiteral("Grid")},
                           {QStringLiteral("spec"),
                            QJsonObject{{QStringLiteral("items"),
                                         QJsonArray{item(0, "temperature"), item(12, "locked")}}}}};
    const QJsonObject board{
        {QStringLiteral("kind"), QStringLiteral("Dashboard")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Board")},
                     {QStringLiteral("project"), QStringLiteral("demo")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("display"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("Board")}}},
             {QStringLiteral("duration"), QStringLiteral("6h")},
             {QStringLiteral("panels"),
              QJsonObject{
                  {QStringLiteral("temperature"), panel(QStringLiteral("Temperature"), {})},
                  {QStringLiteral("locked"), panel(QStringLiteral("Locked"), lockedSelector)}}},
             {QStringLiteral("layouts"), QJsonArray{grid}}}}};
    return write(folder, "project.json", project) && write(folder, "prom.json", global) &&
           write(folder, "locked.json", locked) && write(folder, "board.json", board);
}

} // namespace PdTest
