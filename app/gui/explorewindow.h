// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceconnection.h"
#include "model.h"
#include "pluginschemaregistry.h"
#include "timerange.h"
#include "variablevalue.h"

#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace Pd::Gui {

class DashboardView;
class EditorCompletion;
class QueryEditor;
class TimeRangePicker;

// Explore, as in Perses: ad-hoc PromQL against any datasource the dashboard sees. Query
// editors (highlighting, Ctrl+Space completion of metric and label names, the datasource
// picker), the result as a chart and as a table, a metric browser, and the queries run
// before. The result is a dashboard made of the queries, so it runs and draws as every
// dashboard does: the same datasource resolution, steps, errors and panels.
class ExploreWindow : public QWidget
{
    Q_OBJECT

public:
    // What Explore borrows from the dashboard it was opened from.
    struct Source
    {
        Model::Dashboard dashboard; // its datasources, project and variables
        std::vector<Model::Datasource> datasources;
        std::vector<Model::Variable> variables;
        DatasourceOverrides overrides;
        TimeRange range;
        std::map<std::string, VariableValue> values; // the variables' current values
    };

    // `queries`: a panel's queries to start from; none, one empty query.
    ExploreWindow(Source source, const std::vector<Node> &queries, QWidget *parent = nullptr);
    ~ExploreWindow() override;

    const std::vector<QueryEditor *> &queries() const { return m_queries; }
    QueryEditor *addQuery(const Node &query);
    // Runs the queries as edited (Ctrl+Enter, Run), and keeps them in the history.
    void run();
    DashboardView *results() const { return m_results; }
    QListWidget *metricBrowser() const { return m_metrics; }
    QListWidget *history() const { return m_history; }

    // The queries run in Explore, newest first (kept in the settings, 50 at most).
    static QStringList storedHistory();

private:
    Node dashboardOf() const;
    void showResults();
    void loadMetrics();
    void filterMetrics();
    void remember(const QStringList &promql);
    void insertMetric(const QString &name);
    void completeQuery(QueryEditor *query);
    QueryEditor *focusedQuery() const;

    Source m_source;
    std::shared_ptr<PluginSchemaRegistry> m_schemas;
    TimeRangePicker *m_picker;
    QVBoxLayout *m_queryList;
    std::vector<QueryEditor *> m_queries;
    QVBoxLayout *m_resultsLayout;
    DashboardView *m_results = nullptr;
    QLineEdit *m_metricFilter;
    QListWidget *m_metrics;
    QListWidget *m_history;
    EditorCompletion *m_completion = nullptr;
    std::string m_metricsSource; // the datasource the metric list is of
};

} // namespace Pd::Gui
