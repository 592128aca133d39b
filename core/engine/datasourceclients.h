// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourcecatalog.h"
#include "datasourceconnection.h"
#include "sentrequest.h"

#include <QObject>

#include <chrono>
#include <map>
#include <string>

namespace Pd {

class PrometheusClient;

// One Prometheus client per datasource a dashboard uses, created on first use, each with its
// own network access manager, so the six-request limit and the TLS settings hold per
// datasource.
class DatasourceClients : public QObject
{
    Q_OBJECT

public:
    struct Lookup
    {
        PrometheusClient *client = nullptr;
        std::string datasource;
        std::string error;
    };

    // Overrides that name no known datasource become global Prometheus datasources; the first
    // becomes the default when there is none, so a bare dashboard file can be pointed at a
    // Prometheus with one flag.
    DatasourceClients(DatasourceCatalog catalog, DatasourceOverrides overrides,
                      QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    const DatasourceCatalog &catalog() const { return m_catalog; }
    Lookup prometheus(const Model::DatasourceSelector &selector, const VariableValues &variables);
    int requestsInFlight() const;

signals:
    void requestsChanged();
    void requestSent(const Pd::SentRequest &request);

private:
    DatasourceCatalog m_catalog;
    DatasourceOverrides m_overrides;
    std::chrono::milliseconds m_timeout{30000};
    std::map<std::string, PrometheusClient *> m_clients;
};

} // namespace Pd
