// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "explorewindow.h"

#include "codeeditor.h"
#include "dashboardview.h"
#include "editorcompletion.h"
#include "modeldecoder.h"
#include "pluginregistry.h"
#include "prometheusclient.h"
#include "queryeditor.h"
#include "stackedpanels.h"
#include "theme.h"
#include "timerangepicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace Pd::Gui {

namespace {

constexpr int historyLimit = 50;
const QString historyKey = QStringLiteral("explore/history");

Node panelSpec(const QString &title, const char *kind, Node pluginSpec, const Node &queries)
{
    Node display = Node::object();
    display.set("name", Node::string(title.toStdString()));
    Node plugin = Node::object();
    plugin.set("kind", Node::string(kind));
    plugin.set("spec", std::move(pluginSpec));
    Node spec = Node::object();
    spec.set("display", std::move(display));
    spec.set("plugin", std::move(plugin));
    spec.set("queries", queries);
    return spec;
}

QString promqlOf(const Node &query)
{
    const Node *text = query.at({"spec", "plugin", "spec", "query"});
    return text && text->isString() ? QString::fromStdString(text->text()) : QString();
}

} // namespace

ExploreWindow::ExploreWindow(Source source, const std::vector<Node> &queries, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_source(std::move(source))
    , m_schemas(std::make_shared<PluginSchemaRegistry>(PluginRegistry::instance().schemas()))
    , m_picker(new TimeRangePicker(this))
    , m_queryList(new QVBoxLayout)
    , m_resultsLayout(new QVBoxLayout)
    , m_metricFilter(new QLineEdit(this))
    , m_metrics(new QListWidget(this))
    , m_history(new QListWidget(this))
{
    setWindowTitle(tr("Explore"));
    m_picker->setAbsolute(m_source.range.fromMs, m_source.range.toMs);

    // Left: the metric browser and the history.
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(new QLabel(tr("Metrics"), side));
    m_metricFilter->setPlaceholderText(tr("Filter metrics"));
    m_metricFilter->setClearButtonEnabled(true);
    sideLayout->addWidget(m_metricFilter);
    sideLayout->addWidget(m_metrics, 2);
    sideLayout->addWidget(new QLabel(tr("History"), side));
    sideLayout->addWidget(m_history, 1);
    m_history->addItems(storedHistory());

    // Right: the time controls, the queries and the result.
    auto *main = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(main);
    auto *controls = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add Query"), main);
    auto *runButton = new QPushButton(tr("Run Query"), main);
    runButton->setToolTip(tr("Ctrl+Enter"));
    controls->addWidget(add);
    controls->addStretch(1);
    controls->addWidget(m_picker);
    controls->addWidget(runButton);
    mainLayout->addLayout(controls);
    auto *queryArea = new QWidget(main);
    queryArea->setLayout(m_queryList);
    m_queryList->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(main);
    scroll->setWidgetResizable(true);
    scroll->setWidget(queryArea);
    auto *vertical = new QSplitter(Qt::Vertical, main);
    vertical->addWidget(scroll);
    auto *resultsArea = new QWidget(main);
    resultsArea->setLayout(m_resultsLayout);
    m_resultsLayout->setContentsMargins(0, 0, 0, 0);
    vertical->addWidget(resultsArea);
    // Room for a query's PromQL, legend and datasource above the result.
    scroll->setMinimumHeight(180);
    vertical->setStretchFactor(1, 3);
    vertical->setSizes({260, 600});
    mainLayout->addWidget(vertical, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 4);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    for (const Node &query : queries)
        addQuery(query);
    if (m_queries.empty())
        addQuery(Node::object());

    connect(add, &QPushButton::clicked, this, [this] { addQuery(Node::object()); });
    connect(runButton, &QPushButton::clicked, this, &ExploreWindow::run);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ExploreWindow::run);
    // Another range (or an auto-refresh tick) runs the same queries again in the same view.
    connect(m_picker, &TimeRangePicker::rangeChanged, this, [this](const TimeRange &range) {
        if (m_results)
            m_results->setTimeRange(range);
    });
    connect(m_metricFilter, &QLineEdit::textChanged, this, &ExploreWindow::filterMetrics);
    connect(m_metrics, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { insertMetric(item->text()); });
    connect(m_history, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (QueryEditor *query = focusedQuery())
            query->promql()->setPlainText(item->text());
    });
    resize(1200, 800);
    showResults();
}

ExploreWindow::~ExploreWindow() = default;

QueryEditor *ExploreWindow::addQuery(const Node &query)
{
    // Copies: the editor may ask after this window's members have changed.
    auto *editor = new QueryEditor(
        query,
        {m_schemas.get(),
         {"TimeSeriesQuery"},
         QueryEditor::datasourceChoices(m_source.dashboard, m_source.datasources,
                                        "PrometheusDatasource"),
         [dashboard = m_source.dashboard, stored = m_source.datasources](const QString &name) {
             return QueryEditor::resolvedDatasource(dashboard, stored, name);
         },
         Theme::isDark(palette())},
        this);
    m_queries.push_back(editor);
    editor->setNumber(int(m_queries.size()));
    m_queryList->addWidget(editor);
    if (!m_completion && editor->promql())
        m_completion = new EditorCompletion(editor->promql(), m_schemas, this);
    connect(editor, &QueryEditor::completionRequested, this,
            [this, editor] { completeQuery(editor); });
    connect(editor, &QueryEditor::removeRequested, this, [this, editor] {
        if (m_queries.size() == 1)
            return; // Explore always has a query to type in
        std::erase(m_queries, editor);
        editor->deleteLater();
        for (std::size_t i = 0; i < m_queries.size(); ++i)
            m_queries[i]->setNumber(int(i + 1));
    });
    return editor;
}

// The queries as a dashboard: a chart of their ranges and a table of their last values, with
// the datasources and variables of the dashboard Explore was opened from.
Node ExploreWindow::dashboardOf() const
{
    Node queries = Node::array();
    for (const QueryEditor *query : m_queries)
        queries.append(query->value());
    Node legend = Node::object();
    legend.set("position", Node::string("bottom"));
    Node chartSpec = Node::object();
    chartSpec.set("legend", std::move(legend));
    Node spec = Node::object();
    StackedPanels::set(
        spec, {{"graph", panelSpec(tr("Graph"), "TimeSeriesChart", chartSpec, queries), 11},
               {"table", panelSpec(tr("Table"), "Table", Node::object(), queries), 8}});
    Node metadata = Node::object();
    metadata.set("name", Node::string("explore"));
    Node resource = Node::object();
    resource.set("kind", Node::string("Dashboard"));
    resource.set("metadata", std::move(metadata));
    resource.set("spec", std::move(spec));
    return resource;
}

void ExploreWindow::showResults()
{
    Model::Dashboard dashboard = ModelDecoder::dashboard(dashboardOf());
    dashboard.metadata.project = m_source.dashboard.metadata.project;
    dashboard.spec.datasources = m_source.dashboard.spec.datasources;
    dashboard.spec.variables = m_source.dashboard.spec.variables;
    dashboard.spec.timezone = m_source.dashboard.spec.timezone;
    DashboardQueryEngine::Settings settings;
    settings.range = m_picker->resolved();
    settings.timezoneOffsetSeconds = localTimezoneOffsetSeconds(currentTimeMs());
    settings.variables = m_source.values;
    // Later: a drag to zoom on the old chart is what asked for this.
    if (m_results) {
        m_resultsLayout->removeWidget(m_results);
        m_results->hide();
        m_results->deleteLater();
    }
    m_results = new DashboardView(std::move(dashboard), m_source.datasources, m_source.variables,
                                  m_source.overrides, settings, this);
    m_results->setRunAllPanels(true);
    m_resultsLayout->addWidget(m_results);
    connect(m_results, &DashboardView::timeRangeRequested, m_picker, &TimeRangePicker::setAbsolute);
    // The metric names come through the view's client, which goes with the old view.
    loadMetrics();
}

void ExploreWindow::run()
{
    QStringList run;
    for (const QueryEditor *query : m_queries) {
        if (const QString promql = promqlOf(query->value()).trimmed(); !promql.isEmpty())
            run.append(promql);
    }
    remember(run);
    showResults();
}

QStringList ExploreWindow::storedHistory()
{
    return QSettings().value(historyKey).toStringList();
}

void ExploreWindow::remember(const QStringList &promql)
{
    QStringList history = storedHistory();
    for (const QString &query : promql) {
        history.removeAll(query);
        history.prepend(query);
    }
    while (history.size() > historyLimit)
        history.removeLast();
    QSettings().setValue(historyKey, history);
    m_history->clear();
    m_history->addItems(history);
}

// The metric names of the first query's Prometheus, for the browser.
void ExploreWindow::loadMetrics()
{
    const Node query = m_queries.front()->value();
    const Node *spec = query.at({"spec", "plugin", "spec"});
    std::string error;
    std::string datasource;
    PrometheusClient *client =
        spec ? m_results->engine().prometheusFor(*spec, error, &datasource) : nullptr;
    // The list stays, with its filter and scroll, while the datasource is the same.
    const std::string source =
        client ? datasource + ' ' + client->transport().baseUrl().toStdString() : std::string();
    if (client && source == m_metricsSource)
        return;
    m_metricsSource = source;
    if (!client) {
        m_metrics->clear();
        m_metrics->addItem(tr("No metrics: %1").arg(QString::fromStdString(error)));
        m_metrics->item(0)->setFlags(Qt::NoItemFlags);
        return;
    }
    const TimeRange range = m_picker->resolved();
    PrometheusReply *reply =
        client->labelValues("__name__", {}, range.fromMs / 1000.0, range.toMs / 1000.0);
    // The request goes with the view's client: a run that replaces the view before the answer
    // asks again with the new one.
    auto answered = std::make_shared<bool>(false);
    connect(reply, &PrometheusReply::finished, this, [this, reply, answered] {
        *answered = true;
        reply->deleteLater();
        m_metrics->clear();
        if (!reply->response().ok) {
            m_metricsSource.clear(); // asked again with the next run
            m_metrics->addItem(
                tr("No metrics: %1").arg(QString::fromStdString(reply->response().error)));
            m_metrics->item(0)->setFlags(Qt::NoItemFlags);
            return;
        }
        for (const std::string &name : reply->response().strings)
            m_metrics->addItem(QString::fromStdString(name));
        filterMetrics(); // by what was typed meanwhile
    });
    connect(reply, &QObject::destroyed, this, [this, answered] {
        if (*answered)
            return;
        m_metricsSource.clear();
        QTimer::singleShot(0, this, &ExploreWindow::loadMetrics);
    });
}

void ExploreWindow::filterMetrics()
{
    const QString text = m_metricFilter->text();
    for (int i = 0; i < m_metrics->count(); ++i)
        m_metrics->item(i)->setHidden(
            !m_metrics->item(i)->text().contains(text, Qt::CaseInsensitive));
}

QueryEditor *ExploreWindow::focusedQuery() const
{
    for (QueryEditor *query : m_queries) {
        if (query->promql() && query->promql()->hasFocus())
            return query;
    }
    return m_queries.empty() ? nullptr : m_queries.front();
}

// A metric chosen in the browser goes where the cursor is in the query being typed.
void ExploreWindow::insertMetric(const QString &name)
{
    QueryEditor *query = focusedQuery();
    if (!query || !query->promql())
        return;
    query->promql()->textCursor().insertText(name);
    query->promql()->setFocus();
}

void ExploreWindow::completeQuery(QueryEditor *query)
{
    if (m_completion)
        m_completion->completeQuery(query, m_results);
}

} // namespace Pd::Gui
