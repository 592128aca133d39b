// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableresolver.h"

#include "builtinvariables.h"
#include "datasourceclients.h"
#include "modeldecoder.h"
#include "prometheusclient.h"
#include "variablegraph.h"
#include "variableinterpolator.h"
#include "variablereferences.h"

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

std::vector<std::string> stringsAt(const Node &spec, std::string_view key,
                                   const VariableValues &values)
{
    std::vector<std::string> out;
    if (const Node *list = spec.find(key)) {
        for (const Node &item : list->items()) {
            if (item.isString())
                out.push_back(VariableInterpolator::replace(item.text(), values));
        }
    }
    return out;
}

std::string interpolatedAt(const Node &spec, std::string_view key, const VariableValues &values)
{
    return VariableInterpolator::replace(spec.stringAt(key), values);
}

std::vector<VariableOption> asOptions(const std::vector<std::string> &values)
{
    std::vector<VariableOption> options;
    for (const std::string &value : values)
        options.push_back(VariableOption{value, value});
    return options;
}

// The distinct values of `label` in a query result, first seen first (PrometheusPromQLVariable).
std::vector<VariableOption> labelValuesOf(const SeriesStore &result, const std::string &label)
{
    std::vector<std::string> values;
    for (const Series &series : result.series()) {
        if (const std::string *value = series.label(label);
            value && std::find(values.begin(), values.end(), *value) == values.end())
            values.push_back(*value);
    }
    return asOptions(values);
}

} // namespace

VariableResolver::VariableResolver(DatasourceClients *clients, QObject *parent)
    : QObject(parent)
    , m_clients(clients)
{}

void VariableResolver::setVariables(const std::vector<Model::VariableSpec> &dashboard,
                                    const std::vector<Model::Variable> &shared)
{
    m_states.clear();
    auto add = [this](const Model::VariableSpec &spec, VariableState::Scope scope) {
        const bool hidden =
            std::any_of(m_states.begin(), m_states.end(),
                        [&](const VariableState &s) { return s.name() == spec.name; });
        if (!hidden && !spec.name.empty())
            m_states.push_back(VariableState{spec, scope, {}, {}, {}, {}, false});
    };
    for (const Model::VariableSpec &spec : dashboard)
        add(spec, VariableState::Scope::Dashboard);
    for (bool global : {false, true}) {
        for (const Model::Variable &variable : shared) {
            if (variable.global == global)
                add(variable.spec,
                    global ? VariableState::Scope::Global : VariableState::Scope::Project);
        }
    }
}

void VariableResolver::setRequested(std::map<std::string, VariableValue> requested)
{
    m_requested = std::move(requested);
}

void VariableResolver::setContext(const TimeRange &range, std::string dashboard,
                                  std::string project)
{
    m_range = range;
    m_dashboard = std::move(dashboard);
    m_project = std::move(project);
}

const VariableState *VariableResolver::state(const std::string &name) const
{
    for (const VariableState &state : m_states) {
        if (state.name() == name)
            return &state;
    }
    return nullptr;
}

bool VariableResolver::isResolved() const
{
    return std::all_of(m_states.begin(), m_states.end(),
                       [](const VariableState &s) { return s.resolved; });
}

VariableValues VariableResolver::values() const
{
    VariableValues values;
    BuiltinVariables::addDashboardScope(values, m_range, m_dashboard, m_project);
    for (const VariableState &state : m_states) {
        if (state.resolved)
            values[state.name()] = state.effective;
    }
    return values;
}

void VariableResolver::resolve()
{
    ++m_generation;
    for (const QPointer<PrometheusReply> &reply : m_inFlight) {
        if (reply)
            reply->cancel();
    }
    m_inFlight.clear();
    m_finishedEmitted = false;
    // Dependencies as the UI sees them: $name and ${name...}, on variables of this set only.
    VariableGraph graph;
    m_dependencies.assign(m_states.size(), {});
    for (std::size_t i = 0; i < m_states.size(); ++i) {
        VariableState &current = m_states[i];
        current.resolved = false;
        current.error.clear();
        std::vector<std::string> names;
        if (current.spec.kind == Model::VariableKind::Text) {
            for (VariableReference &ref :
                 findVariableReferences(current.spec.value, ReferenceSyntax::Interpolation))
                names.push_back(std::move(ref.name));
        } else {
            collectVariableNames(current.spec.plugin.spec, ReferenceSyntax::Interpolation, names);
        }
        for (const std::string &name : names) {
            // A variable using itself is a cycle of one.
            if (state(name) && std::find(m_dependencies[i].begin(), m_dependencies[i].end(),
                                         name) == m_dependencies[i].end())
                m_dependencies[i].push_back(name);
        }
        graph.add(current.name(), m_dependencies[i]);
    }
    m_started.assign(m_states.size(), false);
    if (const std::vector<std::string> cycle = graph.findCycle(); !cycle.empty()) {
        std::string chain;
        for (const std::string &name : cycle)
            chain += (chain.empty() ? "" : " -> ") + name;
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            if (std::find(cycle.begin(), cycle.end(), m_states[i].name()) != cycle.end()) {
                m_started[i] = true;
                m_states[i].error = "circular dependency detected: " + chain;
                m_states[i].resolved = true;
            }
        }
    }
    startReady();
}

bool VariableResolver::dependenciesResolved(std::size_t index) const
{
    return std::all_of(m_dependencies[index].begin(), m_dependencies[index].end(),
                       [this](const std::string &name) {
                           const VariableState *dependency = state(name);
                           return !dependency || dependency->resolved;
                       });
}

void VariableResolver::startReady()
{
    bool progressed = true;
    while (progressed) {
        progressed = false;
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            if (!m_started[i] && dependenciesResolved(i)) {
                m_started[i] = true;
                progressed = true;
                start(i); // may complete at once and make others ready
            }
        }
    }
    if (isResolved() && !m_finishedEmitted) {
        m_finishedEmitted = true;
        emit finished();
    }
}

void VariableResolver::start(std::size_t index)
{
    const VariableState &state = m_states[index];
    const VariableValues current = values();
    if (state.spec.kind == Model::VariableKind::Text) {
        complete(index, {}, {});
        return;
    }
    const std::string &kind = state.spec.plugin.kind;
    const Node &spec = state.spec.plugin.spec;
    if (kind == "StaticListVariable") {
        complete(index, VariableOptions::staticList(spec), {});
    } else if (kind == "DatasourceVariable") {
        complete(index,
                 asOptions(m_clients->catalog().displayNames(
                     interpolatedAt(spec, "datasourcePluginKind", current))),
                 {});
    } else if (kind.starts_with("Prometheus")) {
        fetchPrometheusOptions(index, current);
    } else {
        complete(index, {}, "variable plugin " + kind + " is not supported");
    }
}

void VariableResolver::fetchPrometheusOptions(std::size_t index, const VariableValues &values)
{
    const VariableState &state = m_states[index];
    const Node &spec = state.spec.plugin.spec;
    const std::string &kind = state.spec.plugin.kind;
    const DatasourceClients::Lookup lookup = m_clients->prometheus(
        ModelDecoder::datasourceSelector(spec, "PrometheusDatasource"), values);
    if (!lookup.client) {
        complete(index, {}, lookup.error);
        return;
    }
    const double start = std::trunc(double(m_range.fromMs) / 1000.0);
    const double end = std::trunc(double(m_range.toMs) / 1000.0);
    const std::vector<std::string> matchers = stringsAt(spec, "matchers", values);
    PrometheusReply *reply = nullptr;
    std::string label;
    if (kind == "PrometheusLabelNamesVariable") {
        reply = lookup.client->labelNames(matchers, start, end);
    } else if (kind == "PrometheusLabelValuesVariable") {
        label = interpolatedAt(spec, "labelName", values);
        if (label.empty()) {
            complete(index, {}, {}); // no request for an empty label name
            return;
        }
        reply = lookup.client->labelValues(label, matchers, start, end);
    } else if (kind == "PrometheusPromQLVariable") {
        label = interpolatedAt(spec, "labelName", values);
        reply = lookup.client->query(interpolatedAt(spec, "expr", values), std::nullopt);
    } else {
        complete(index, {}, "variable plugin " + kind + " is not supported");
        return;
    }
    m_inFlight.emplace_back(reply);
    const std::uint64_t generation = m_generation;
    const bool promql = kind == "PrometheusPromQLVariable";
    connect(reply, &PrometheusReply::finished, this,
            [this, reply, index, generation, promql, label] {
                reply->deleteLater();
                if (generation != m_generation)
                    return;
                const PrometheusResponse &response = reply->response();
                if (!response.ok)
                    complete(index, {}, response.error);
                else
                    complete(index,
                             promql ? labelValuesOf(response.result, label)
                                    : asOptions(response.strings),
                             {});
            });
}

void VariableResolver::complete(std::size_t index, std::vector<VariableOption> options,
                                std::string error)
{
    VariableState &state = m_states[index];
    std::string regexpError;
    state.options =
        VariableOptions::applyCapturingRegexp(options, state.spec.capturingRegexp, &regexpError);
    state.error = !error.empty() ? std::move(error) : std::move(regexpError);
    std::optional<VariableValue> requested;
    if (auto it = m_requested.find(state.name()); it != m_requested.end())
        requested = it->second;
    state.selected = VariableOptions::select(state.spec, state.options, requested);
    state.effective = VariableOptions::effectiveValue(state.spec, state.selected, state.options);
    state.resolved = true;
    emit variableResolved(QString::fromStdString(state.name()));
    startReady();
}

} // namespace Pd
