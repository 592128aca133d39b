// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "timerange.h"
#include "variablestate.h"

#include <QObject>

#include <chrono>
#include <map>
#include <optional>
#include <perses-desktop/datahost.h>
#include <string>
#include <vector>

namespace Pd {

class DatasourceClients;

// Resolves a dashboard's variables (spec §7): each one as soon as the variables it uses are
// resolved, independent ones at the same time; options from the variable plugins, then the
// capturing regexp, sort, "All" and the selection. A cycle is an error naming it. Restarting
// cancels what is in flight, so a stale answer never lands.
class VariableResolver : public QObject
{
    Q_OBJECT

public:
    explicit VariableResolver(DatasourceClients *clients, QObject *parent = nullptr);

    // Dashboard variables, then project and global ones; a lower scope hides a higher one of
    // the same name.
    void setVariables(const std::vector<Model::VariableSpec> &dashboard,
                      const std::vector<Model::Variable> &shared);
    void setRequested(std::map<std::string, VariableValue> requested);
    void setContext(const TimeRange &range, std::string dashboard, std::string project);
    // The datasources' request timeout: a variable plugin silent a little longer has hung.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void resolve();
    bool isResolved() const;
    const std::vector<VariableState> &states() const { return m_states; }
    const VariableState *state(const std::string &name) const;
    // Effective values of the resolved variables plus the dashboard built-ins.
    VariableValues values() const;

signals:
    void variableResolved(const QString &name);
    void finished();

private:
    void startReady();
    void start(std::size_t index);
    // Options from the plugin that runs the variable's kind.
    void fetchPluginOptions(std::size_t index, const VariableValues &values);
    void complete(std::size_t index, std::vector<VariableOption> options, std::string error);
    bool dependenciesResolved(std::size_t index) const;

    DatasourceClients *m_clients;
    std::vector<VariableState> m_states;
    std::vector<std::vector<std::string>> m_dependencies;
    std::vector<bool> m_started;
    std::map<std::string, VariableValue> m_requested;
    TimeRange m_range;
    std::string m_dashboard;
    std::string m_project;
    std::vector<PdPlugin::CallHandle> m_inFlight;
    std::uint64_t m_generation = 0;
    std::chrono::milliseconds m_timeout{0};
    bool m_finishedEmitted = false;
};

} // namespace Pd
