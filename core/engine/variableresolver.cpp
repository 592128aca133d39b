// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variableresolver.h"

#include "builtinvariables.h"
#include "datasourceclients.h"
#include "jsonbridge.h"
#include "modeldecoder.h"
#include "pluginquery.h"
#include "pluginregistry.h"
#include "posttoowner.h"
#include "variablegraph.h"
#include "variableinterpolator.h"
#include "variablereferences.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

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

std::vector<VariableOption> asOptions(const QList<PdPlugin::VariableChoice> &choices)
{
    std::vector<VariableOption> options;
    options.reserve(static_cast<std::size_t>(choices.size()));
    for (const PdPlugin::VariableChoice &choice : choices)
        options.push_back(VariableOption{choice.label.toStdString(), choice.value.toStdString()});
    return options;
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
    for (const PdPlugin::CallHandle &call : std::exchange(m_inFlight, {})) {
        if (call)
            call->cancel();
    }
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
    } else {
        fetchPluginOptions(index, current);
    }
}

void VariableResolver::fetchPluginOptions(std::size_t index, const VariableValues &values)
{
    const Model::Plugin &plugin = m_states[index].spec.plugin;
    const PluginRegistry::VariableRunner runner =
        PluginRegistry::instance().variableRunner(QString::fromStdString(plugin.kind));
    if (!runner.plugin) {
        complete(index, {}, "variable plugin " + plugin.kind + " is not supported");
        return;
    }
    PdPlugin::VariableContext context;
    context.kind = runner.kind.kind;
    context.spec = toQJsonValue(plugin.spec).toObject();
    context.fromMs = m_range.fromMs;
    context.toMs = m_range.toMs;
    context.interpolate = [values](const QString &text) {
        return QString::fromStdString(VariableInterpolator::replace(text.toStdString(), values));
    };
    if (!runner.kind.datasourceKind.isEmpty()) {
        const DatasourceClients::Lookup lookup = m_clients->datasource(
            ModelDecoder::datasourceSelector(plugin.spec, runner.kind.datasourceKind.toStdString()),
            values);
        if (!lookup.client) {
            complete(index, {}, lookup.error);
            return;
        }
        context.datasource = lookup.client;
    }
    const std::uint64_t generation = m_generation;
    QPointer<VariableResolver> owner(this);
    m_inFlight.push_back(runner.plugin->listOptions(
        context, [owner, index, generation](PdPlugin::VariableOutcome outcome) {
            postToOwner(owner, [index, generation,
                                outcome = std::move(outcome)](VariableResolver *resolver) {
                // An answer of an earlier resolve (the range or a value changed since), or
                // one that came after the variable was given up on.
                if (generation == resolver->m_generation && !resolver->m_states[index].resolved)
                    resolver->complete(index, asOptions(outcome.options),
                                       outcome.error.toStdString());
            });
        }));
    if (m_timeout.count() > 0) {
        const auto limit = m_timeout + PluginQuery::hangGrace;
        QTimer::singleShot(limit, this, [this, index, generation, limit] {
            if (generation == m_generation && !m_states[index].resolved)
                complete(index, {},
                         "the variable plugin did not answer within " +
                             std::to_string(
                                 std::chrono::duration_cast<std::chrono::seconds>(limit).count()) +
                             " s");
        });
    }
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
