// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "annotationresult.h"
#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "model.h"
#include "queryresult.h"
#include "repeatexpansion.h"
#include "sentrequest.h"
#include "timerange.h"
#include "variablevalue.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>
#include <perses-desktop/datahost.h>
#include <string>
#include <vector>

namespace Pd {

class DatasourceClients;
class PrometheusClient;
class VariableResolver;

// Runs a dashboard's queries: resolves its variables, then each panel's queries with the step
// Perses would use for the panel's width, against the datasource each query selects. Results
// arrive per panel. Changing the range or a variable cancels what is in flight.
// The CLI `query` command and the dashboard view drive the same engine.
class DashboardQueryEngine : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        TimeRange range;
        std::int64_t timezoneOffsetSeconds = 0;
        std::chrono::milliseconds timeout{30000};
        std::map<std::string, VariableValue> variables; // requested values
    };

    DashboardQueryEngine(Model::Dashboard dashboard, std::vector<Model::Datasource> datasources,
                         std::vector<Model::Variable> sharedVariables,
                         DatasourceOverrides overrides, Settings settings,
                         QObject *parent = nullptr);
    ~DashboardQueryEngine() override;

    const Model::Dashboard &dashboard() const { return m_dashboard; }
    const Settings &settings() const { return m_settings; }
    // The Prometheus client a query plugin's spec resolves to (its datasource selector, the
    // variables' current values), or none with the reason: what the editor completes from.
    // `datasource`, when given, gets the name it resolved to.
    PrometheusClient *prometheusFor(const Node &queryPluginSpec, std::string &error,
                                    std::string *datasource = nullptr);
    VariableResolver &variables() { return *m_variables; }
    // The transport to the datasource of a panel's (or panel instance's) query, for actions a
    // panel takes on it; null when there is none.
    PdPlugin::HttpTransport *transportForQuery(const std::string &panelId, std::size_t query);
    // Every datasource the dashboard sees, by scope (overrides that name none included).
    const DatasourceCatalog &catalog() const;

    // Resolves the variables (again); panels asked for meanwhile run once that is done.
    // Results of earlier runs are dropped: run the panels you show again.
    void start();
    void setTimeRange(const TimeRange &range);
    // The values the user picked; variables are resolved again and shown panels re-run.
    void setVariableValues(std::map<std::string, VariableValue> values);
    // Repeated copies of panels (spec §4.6): runPanel() then takes their instance ids too,
    // and their queries see the pinned variable values.
    void setPanelInstances(std::map<std::string, PanelInstance> instances);
    // Cancels what runs for a panel (or panel instance) and drops its result.
    void forgetPanel(const std::string &panelId);
    // Runs (or re-runs) one panel at a drawn width in pixels.
    void runPanel(const std::string &panelId, int widthPx);
    const PanelResult *panelResult(const std::string &panelId) const;
    // The same result, kept alive for a view: a re-run fills a new one, so what a view holds
    // never changes under it.
    std::shared_ptr<const PanelResult> sharedPanelResult(const std::string &panelId) const;
    int requestsInFlight() const;
    // From the results so far: the datasources the panels could not use.
    std::vector<DatasourceProblem> datasourceProblems() const;

    // The annotations of the dashboard and of its panels, run each time the variables are
    // resolved: what annotationsChanged() announces.
    const std::vector<AnnotationResult> &annotations() const { return m_annotations; }
    // Every annotation of this run has answered (or there are none).
    bool annotationsFinished() const;

    // A panel plugin that wants instant queries when the query does not say (§9.3).
    static bool prefersInstant(const Model::Plugin &panelPlugin);

signals:
    void variablesResolved();
    void panelFinished(const QString &panelId);
    void requestsChanged();
    // An annotation's query answered, or the annotations were dropped for a new run.
    void annotationsChanged();
    // Every request sent to a datasource, variables' and panels' alike.
    void requestSent(const Pd::SentRequest &request);

private:
    void runQueries(const std::string &panelId);
    const Model::Panel *panelWithValues(const std::string &panelId, VariableValues &values) const;
    void runQuery(const std::string &panelId, std::size_t index, const Model::Query &query,
                  const VariableValues &values, bool instantByDefault);
    // Which run an answer belongs to: the engine's (range and variables) and the panel's.
    struct RunId
    {
        std::uint64_t engine = 0;
        std::uint64_t panel = 0;
    };
    void finishQuery(const std::string &panelId, std::size_t index, RunId generation,
                     QueryResponse response);
    void cancelInFlight();
    void runAnnotations();
    // Every annotation with the panel it belongs to (empty: the dashboard's), in the order of
    // m_annotations.
    std::vector<std::pair<std::string, const Model::Annotation *>> annotationSpecs() const;
    void runAnnotation(std::size_t index, const Model::Annotation &annotation,
                       const VariableValues &values);
    void finishAnnotation(std::size_t index, std::uint64_t generation, QueryResponse response);

    Model::Dashboard m_dashboard;
    Settings m_settings;
    std::unique_ptr<DatasourceClients> m_clients;
    VariableResolver *m_variables;
    std::map<std::string, std::shared_ptr<PanelResult>> m_results;
    PanelResult &freshResult(const std::string &panelId);
    std::map<std::string, int> m_waiting; // panels to run once variables are resolved
    std::map<std::string, PanelInstance> m_instances;
    std::map<std::string, std::vector<PdPlugin::CallHandle>> m_panelCalls;
    std::uint64_t m_generation = 0;
    std::vector<AnnotationResult> m_annotations;
    std::vector<PdPlugin::CallHandle> m_annotationCalls;
};

} // namespace Pd
