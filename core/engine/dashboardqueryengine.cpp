// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardqueryengine.h"

#include "annotationevents.h"
#include "datasourceclients.h"
#include "modeldecoder.h"
#include "pluginquery.h"
#include "prometheusclient.h"
#include "variableresolver.h"

#include <QMetaObject>

#include <algorithm>

namespace Pd {

bool PanelResult::isFinished() const
{
    return std::all_of(queries.begin(), queries.end(),
                       [](const QueryResult &q) { return q.finished; });
}

bool PanelResult::hasErrors() const
{
    return std::any_of(queries.begin(), queries.end(),
                       [](const QueryResult &q) { return q.finished && !q.response.ok; });
}

DashboardQueryEngine::DashboardQueryEngine(Model::Dashboard dashboard,
                                           std::vector<Model::Datasource> datasources,
                                           std::vector<Model::Variable> sharedVariables,
                                           DatasourceOverrides overrides, Settings settings,
                                           QObject *parent)
    : QObject(parent)
    , m_dashboard(std::move(dashboard))
    , m_settings(std::move(settings))
{
    m_clients = std::make_unique<DatasourceClients>(
        DatasourceCatalog(m_dashboard.spec, m_dashboard.metadata.project, datasources),
        std::move(overrides));
    m_clients->setTimeout(m_settings.timeout);
    connect(m_clients.get(), &DatasourceClients::requestsChanged, this,
            &DashboardQueryEngine::requestsChanged);
    connect(m_clients.get(), &DatasourceClients::requestSent, this,
            &DashboardQueryEngine::requestSent);
    m_variables = new VariableResolver(m_clients.get(), this);
    m_variables->setTimeout(m_settings.timeout);
    m_variables->setVariables(m_dashboard.spec.variables, sharedVariables);
    m_variables->setRequested(m_settings.variables);
    m_variables->setContext(m_settings.range, m_dashboard.metadata.name,
                            m_dashboard.metadata.project);
    connect(m_variables, &VariableResolver::finished, this, [this] {
        // Annotations first: whoever hears of the variables sees the annotations running.
        runAnnotations();
        emit variablesResolved();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &[panelId, width] : waiting)
            runPanel(panelId, width);
    });
}

DashboardQueryEngine::~DashboardQueryEngine()
{
    cancelInFlight();
}

void DashboardQueryEngine::start()
{
    ++m_generation;
    cancelInFlight();
    // Earlier results are dropped, not re-run: callers ask again for the panels they show
    // (the view, for those in view), so a refresh costs no more than what is seen.
    m_results.clear();
    m_waiting.clear();
    if (!std::exchange(m_annotations, {}).empty())
        emit annotationsChanged();
    m_variables->resolve();
}

const DatasourceCatalog &DashboardQueryEngine::catalog() const
{
    return m_clients->catalog();
}

std::vector<DatasourceProblem> DashboardQueryEngine::datasourceProblems() const
{
    std::vector<DatasourceProblem> problems;
    for (const auto &[panelId, result] : m_results) {
        for (const QueryResult &query : result->queries) {
            const std::string &type = query.response.errorType;
            if (!query.finished || query.response.ok ||
                (type != "datasource" && type != "network" && type != "timeout"))
                continue;
            const bool undefined = type == "datasource";
            // A selector that resolved to nothing is named by its message.
            auto same = [&](const DatasourceProblem &p) {
                return query.datasource.empty()
                           ? p.datasource.empty() && p.reason == query.response.error
                           : p.datasource == query.datasource;
            };
            auto it = std::find_if(problems.begin(), problems.end(), same);
            if (it == problems.end())
                it = problems.insert(problems.end(), DatasourceProblem{query.datasource,
                                                                       query.selected,
                                                                       query.selectedKind,
                                                                       query.response.error,
                                                                       undefined,
                                                                       {}});
            if (std::find(it->panels.begin(), it->panels.end(), panelId) == it->panels.end())
                it->panels.push_back(panelId);
        }
    }
    return problems;
}

PrometheusClient *DashboardQueryEngine::prometheusFor(const Node &queryPluginSpec,
                                                      std::string &error, std::string *datasource)
{
    DatasourceClients::Lookup lookup;
    PrometheusClient *client = m_clients->prometheus(
        ModelDecoder::datasourceSelector(queryPluginSpec, "PrometheusDatasource"),
        m_variables->values(), lookup);
    error = lookup.error;
    if (datasource)
        *datasource = lookup.datasource;
    return client;
}

PdPlugin::HttpTransport *DashboardQueryEngine::transportForQuery(const std::string &panelId,
                                                                 std::size_t query)
{
    VariableValues values;
    const Model::Panel *panel = panelWithValues(panelId, values);
    if (!panel || query >= panel->queries.size())
        return nullptr;
    return PluginQuery::transportFor(*m_clients, panel->queries[query].plugin, values);
}

void DashboardQueryEngine::setTimeRange(const TimeRange &range)
{
    m_settings.range = range;
    m_variables->setContext(range, m_dashboard.metadata.name, m_dashboard.metadata.project);
    start();
}

void DashboardQueryEngine::setVariableValues(std::map<std::string, VariableValue> values)
{
    m_settings.variables = values;
    m_variables->setRequested(std::move(values));
    start();
}

namespace {

void cancelAll(std::vector<PdPlugin::CallHandle> calls)
{
    for (const PdPlugin::CallHandle &call : calls) {
        if (call)
            call->cancel();
    }
}

} // namespace

void DashboardQueryEngine::cancelInFlight()
{
    for (auto &[panelId, calls] : std::exchange(m_panelCalls, {}))
        cancelAll(std::move(calls));
    cancelAll(std::exchange(m_annotationCalls, {}));
}

int DashboardQueryEngine::requestsInFlight() const
{
    return m_clients->requestsInFlight();
}

const PanelResult *DashboardQueryEngine::panelResult(const std::string &panelId) const
{
    const auto it = m_results.find(panelId);
    return it == m_results.end() ? nullptr : it->second.get();
}

std::shared_ptr<const PanelResult>
DashboardQueryEngine::sharedPanelResult(const std::string &panelId) const
{
    const auto it = m_results.find(panelId);
    return it == m_results.end() ? nullptr : it->second;
}

PanelResult &DashboardQueryEngine::freshResult(const std::string &panelId)
{
    std::shared_ptr<PanelResult> &slot = m_results[panelId];
    auto fresh = std::make_shared<PanelResult>();
    if (slot) {
        fresh->widthPx = slot->widthPx;
        fresh->run = slot->run;
    }
    fresh->panelId = panelId;
    slot = std::move(fresh);
    return *slot;
}

bool DashboardQueryEngine::prefersInstant(const Model::Plugin &panelPlugin)
{
    const std::string &kind = panelPlugin.kind;
    if (kind == "TimeSeriesTable" || kind == "HistogramChart")
        return true;
    if (kind != "Table")
        return false;
    // A table whose cells embed a chart needs ranges.
    const Node *columns = panelPlugin.spec.find("columnSettings");
    return !columns || std::none_of(columns->items().begin(), columns->items().end(),
                                    [](const Node &column) { return column.contains("plugin"); });
}

void DashboardQueryEngine::runPanel(const std::string &panelId, int widthPx)
{
    if (!m_variables->isResolved()) {
        m_waiting[panelId] = widthPx;
        return;
    }
    freshResult(panelId).widthPx = widthPx;
    runQueries(panelId);
}

void DashboardQueryEngine::forgetPanel(const std::string &panelId)
{
    if (const auto it = m_panelCalls.find(panelId); it != m_panelCalls.end()) {
        cancelAll(std::move(it->second));
        m_panelCalls.erase(it);
    }
    m_results.erase(panelId);
    m_waiting.erase(panelId);
}

void DashboardQueryEngine::setPanelInstances(std::map<std::string, PanelInstance> instances)
{
    m_instances = std::move(instances);
}

// A panel, or the panel a repeated copy is of, with the variables' values its queries see
// (a copy's pinned ones included).
const Model::Panel *DashboardQueryEngine::panelWithValues(const std::string &panelId,
                                                          VariableValues &values) const
{
    const Model::Panel *panel = m_dashboard.spec.panel(panelId);
    values = m_variables->values();
    if (const auto instance = m_instances.find(panelId); instance != m_instances.end()) {
        panel = m_dashboard.spec.panel(instance->second.panelId);
        for (const auto &[variable, value] : instance->second.pinned)
            values[variable] = VariableValue::single(value);
    }
    return panel;
}

void DashboardQueryEngine::runQueries(const std::string &panelId)
{
    VariableValues values;
    const Model::Panel *panel = panelWithValues(panelId, values);
    PanelResult &result = *m_results.at(panelId);
    ++result.run;
    cancelAll(std::exchange(m_panelCalls[panelId], {}));
    if (!panel) {
        QMetaObject::invokeMethod(
            this, [this, panelId] { emit panelFinished(QString::fromStdString(panelId)); },
            Qt::QueuedConnection);
        return;
    }
    result.queries.resize(panel->queries.size());
    const bool instantByDefault = prefersInstant(panel->plugin);
    for (std::size_t i = 0; i < panel->queries.size(); ++i)
        runQuery(panelId, i, panel->queries[i], values, instantByDefault);
    if (panel->queries.empty())
        QMetaObject::invokeMethod(
            this, [this, panelId] { emit panelFinished(QString::fromStdString(panelId)); },
            Qt::QueuedConnection);
}

void DashboardQueryEngine::runQuery(const std::string &panelId, std::size_t index,
                                    const Model::Query &query, const VariableValues &values,
                                    bool instantByDefault)
{
    PanelResult &panelResult = *m_results.at(panelId);
    QueryResult &result = panelResult.queries[index];
    result.pluginKind = query.plugin.kind;
    const RunId generation{m_generation, panelResult.run};
    result.started = std::chrono::steady_clock::now();
    const PluginQuery::Request request{&query.plugin,
                                       m_settings.range,
                                       m_settings.timezoneOffsetSeconds,
                                       panelResult.widthPx,
                                       instantByDefault,
                                       values,
                                       false,
                                       m_settings.timeout};
    PluginQuery::Started started = PluginQuery::start(
        *m_clients, request, this, [this, panelId, index, generation](PluginQuery::Answer answer) {
            const auto it = m_results.find(panelId);
            if (it != m_results.end() && generation.panel == it->second->run &&
                generation.engine == m_generation && index < it->second->queries.size()) {
                QueryResult &done = it->second->queries[index];
                done.query = std::move(answer.query);
                done.seriesNameFormat = std::move(answer.seriesNameFormat);
                done.window = answer.window;
                done.instant = answer.instant;
                done.request = std::move(answer.request);
            }
            finishQuery(panelId, index, generation, std::move(answer.response));
        });
    result.selected = std::move(started.selected);
    result.selectedKind = std::move(started.selectedKind);
    result.datasource = std::move(started.datasource);
    result.url = std::move(started.url);
    // Held until the panel runs again or is forgotten: releasing a handle drops its answer.
    m_panelCalls[panelId].push_back(std::move(started.handle));
}

void DashboardQueryEngine::finishQuery(const std::string &panelId, std::size_t index,
                                       RunId generation, QueryResponse response)
{
    auto it = m_results.find(panelId);
    // A stale answer: the range or a variable changed, or the panel was run again, since.
    if (generation.engine != m_generation || it == m_results.end() ||
        generation.panel != it->second->run || index >= it->second->queries.size())
        return;
    QueryResult &result = it->second->queries[index];
    result.response = std::move(response);
    result.finished = true;
    if (result.started != std::chrono::steady_clock::time_point{})
        result.durationMs = std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - result.started)
                                .count();
    if (it->second->isFinished())
        emit panelFinished(QString::fromStdString(panelId));
}

bool DashboardQueryEngine::annotationsFinished() const
{
    return std::ranges::all_of(m_annotations, &AnnotationResult::finished);
}

void DashboardQueryEngine::runAnnotations()
{
    cancelAll(std::exchange(m_annotationCalls, {}));
    m_annotations.clear();
    const auto annotations = annotationSpecs();
    for (const auto &[panelId, annotation] : annotations) {
        AnnotationResult &result = m_annotations.emplace_back();
        result.panelId = panelId;
        result.name = annotation->display.name;
        result.description = annotation->display.description;
        result.color = annotation->color;
        result.hidden = annotation->hidden;
        result.pluginKind = annotation->plugin.kind;
    }
    const VariableValues values = m_variables->values();
    for (std::size_t i = 0; i < annotations.size(); ++i)
        runAnnotation(i, *annotations[i].second, values);
    if (!annotations.empty())
        emit annotationsChanged();
}

std::vector<std::pair<std::string, const Model::Annotation *>>
DashboardQueryEngine::annotationSpecs() const
{
    std::vector<std::pair<std::string, const Model::Annotation *>> specs;
    for (const Model::Annotation &annotation : m_dashboard.spec.annotations)
        specs.emplace_back(std::string(), &annotation);
    for (const Model::Panel &panel : m_dashboard.spec.panels) {
        for (const Model::Annotation &annotation : panel.annotations)
            specs.emplace_back(panel.id, &annotation);
    }
    return specs;
}

// Through the plugin that runs the annotation's kind, over the dashboard's range at the step
// Perses takes without a panel width (perses-api.md §9.7).
void DashboardQueryEngine::runAnnotation(std::size_t index, const Model::Annotation &annotation,
                                         const VariableValues &values)
{
    const std::uint64_t generation = m_generation;
    const PluginQuery::Request request{&annotation.plugin,
                                       m_settings.range,
                                       m_settings.timezoneOffsetSeconds,
                                       0,
                                       false,
                                       values,
                                       true,
                                       m_settings.timeout};
    PluginQuery::Started started = PluginQuery::start(
        *m_clients, request, this, [this, index, generation](PluginQuery::Answer answer) {
            if (generation == m_generation && index < m_annotations.size()) {
                m_annotations[index].query = std::move(answer.query);
                m_annotations[index].window = answer.window;
            }
            finishAnnotation(index, generation, std::move(answer.response));
        });
    m_annotations[index].datasource = std::move(started.datasource);
    m_annotationCalls.push_back(std::move(started.handle));
}

void DashboardQueryEngine::finishAnnotation(std::size_t index, std::uint64_t generation,
                                            QueryResponse response)
{
    if (generation != m_generation || index >= m_annotations.size())
        return;
    AnnotationResult &result = m_annotations[index];
    result.finished = true;
    if (response.ok) {
        const Model::Annotation &annotation = *annotationSpecs().at(index).second;
        result.events = AnnotationEvents::fromSeries(
            response.result.series(), annotation.plugin.spec, result.window.stepSeconds);
    } else {
        result.error = response.error;
    }
    emit annotationsChanged();
}

} // namespace Pd
