// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourceclients.h"

#include "prometheusclient.h"

#include <QNetworkAccessManager>

namespace Pd {

namespace {

constexpr const char *prometheusKind = "PrometheusDatasource";

} // namespace

DatasourceClients::DatasourceClients(DatasourceCatalog catalog, DatasourceOverrides overrides,
                                     QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_overrides(std::move(overrides))
{
    m_catalog.addOverrides(m_overrides, prometheusKind);
}

DatasourceClients::Lookup DatasourceClients::prometheus(const Model::DatasourceSelector &selector,
                                                        const VariableValues &variables)
{
    Lookup lookup;
    const std::optional<DatasourceEntry> entry = m_catalog.resolve(selector, variables);
    if (!entry) {
        lookup.error = DatasourceCatalog::notFoundMessage(selector);
        return lookup;
    }
    lookup.datasource = entry->name;
    const std::string key = std::to_string(static_cast<int>(entry->scope)) + '/' + entry->name;
    if (auto it = m_clients.find(key); it != m_clients.end()) {
        lookup.client = it->second;
        lookup.client->setVariables(variables);
        return lookup;
    }
    auto connection = m_overrides.connect(*entry);
    if (auto *error = std::get_if<std::string>(&connection)) {
        lookup.error = *error;
        return lookup;
    }
    // An access manager of its own: Qt reuses a host's connections across the requests of
    // one manager whatever their TLS settings, so two datasources on one host with other
    // CA files or verification would share the first one's.
    auto *network = new QNetworkAccessManager(this);
    auto *client =
        new PrometheusClient(std::get<DatasourceConnection>(std::move(connection)), network, this);
    network->setParent(client);
    client->setTimeout(m_timeout);
    client->setVariables(variables);
    connect(client, &PrometheusClient::requestsChanged, this, &DatasourceClients::requestsChanged);
    connect(client, &PrometheusClient::requestSent, this, &DatasourceClients::requestSent);
    m_clients.emplace(key, client);
    lookup.client = client;
    return lookup;
}

int DatasourceClients::requestsInFlight() const
{
    int total = 0;
    for (const auto &[key, client] : m_clients)
        total += client->requestsInFlight() + client->requestsQueued();
    return total;
}

} // namespace Pd
