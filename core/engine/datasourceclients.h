// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "sentrequest.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace PdPlugin {
class DatasourceClient;
}

namespace Pd {

class DatasourceTransport;
class PrometheusClient;

// The datasources a dashboard uses, connected on first use: for each, the host's transport
// (its own network access manager, so the six-request limit and the TLS settings hold per
// datasource) and the client its datasource plugin makes of the spec.
class DatasourceClients : public QObject
{
    Q_OBJECT

public:
    struct Lookup
    {
        DatasourceTransport *transport = nullptr;
        PdPlugin::DatasourceClient *client = nullptr; // null with `error`
        std::string datasource;                       // the name it resolved to
        std::string error;
    };

    // Overrides that name no known datasource become global Prometheus datasources; the first
    // becomes the default when there is none, so a bare dashboard file can be pointed at a
    // Prometheus with one flag.
    DatasourceClients(DatasourceCatalog catalog, DatasourceOverrides overrides,
                      QObject *parent = nullptr);
    ~DatasourceClients() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    const DatasourceCatalog &catalog() const { return m_catalog; }
    // The selected datasource, connected, with the variables' values for its headers.
    Lookup datasource(const Model::DatasourceSelector &selector, const VariableValues &variables);
    // A Prometheus API client on a Prometheus datasource's transport: what the editor and
    // Explore complete metric and label names with. `lookup` says which, or why none.
    PrometheusClient *prometheus(const Model::DatasourceSelector &selector,
                                 const VariableValues &variables, Lookup &lookup);
    int requestsInFlight() const;

signals:
    void requestsChanged();
    void requestSent(const Pd::SentRequest &request);

private:
    struct Connected
    {
        DatasourceTransport *transport = nullptr;
        std::unique_ptr<PdPlugin::DatasourceClient> client;
        std::string error; // why the plugin made no client
        PrometheusClient *prometheus = nullptr;
    };
    Connected *resolve(const Model::DatasourceSelector &selector, const VariableValues &variables,
                       Lookup &lookup);
    Connected *connect(const DatasourceEntry &entry, Lookup &lookup);

    DatasourceCatalog m_catalog;
    DatasourceOverrides m_overrides;
    std::chrono::milliseconds m_timeout{30000};
    std::map<std::string, Connected> m_connected;
};

} // namespace Pd
