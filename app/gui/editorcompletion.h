// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginschemaregistry.h"
#include "resourcefile.h"
#include "timerange.h"

#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

namespace Pd {
class PrometheusClient;
}

namespace Pd::Gui {

class CodeEditor;
class DashboardView;
class QueryEditor;

// What may be written at the code pane's cursor (Ctrl+Space): the keys the object there may
// take and lacks (from the schemas the validator uses, a plugin's spec by its kind), plugin
// kinds after "kind:", and inside a PromQL query the metric names, label names and label
// values of the query's own Prometheus, asked once a datasource and never blocking typing.
class EditorCompletion : public QObject
{
    Q_OBJECT

public:
    EditorCompletion(CodeEditor *editor, std::shared_ptr<const PluginSchemaRegistry> schemas,
                     QObject *parent = nullptr);

    // `read` is the editor's text as it is now, read (its spans place the cursor); `preview`
    // runs the dashboard and knows its datasources (none: no PromQL completion).
    void complete(const ResourceFile &read, DashboardView *preview);

    // Inside a PromQL query, `promql` being its text before the cursor: metric names, label
    // names or label values from `client` for `editor` (the code pane, or a panel editor's
    // query box), from the shared cache when asked before.
    void completeQuery(CodeEditor *editor, PrometheusClient *client, const TimeRange &range,
                       const QString &promql);

    // Ctrl+Space in a query editor's PromQL box: completes it from the Prometheus its
    // datasource selector resolves to in `view` (a preview, Explore's results), or says why not
    // in the box's tooltip.
    void completeQuery(QueryEditor *query, DashboardView *view);

signals:
    // Why nothing can be offered (a query without a reachable Prometheus).
    void unavailable(const QString &why);

private:
    bool completePromQL(const QString &before, const Node &resource, int offset,
                        DashboardView *preview);

    CodeEditor *m_editor;
    std::shared_ptr<const PluginSchemaRegistry> m_schemas;
    std::map<std::string, QStringList> m_cache; // by datasource URL and what was asked
};

} // namespace Pd::Gui
