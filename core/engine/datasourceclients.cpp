// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourceclients.h"

#include "datasourcetransport.h"
#include "jsonbridge.h"
#include "pluginregistry.h"
#include "prometheusclient.h"

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

// Clients go before the transports they send on.
DatasourceClients::~DatasourceClients()
{
    for (auto &[key, connected] : m_connected)
        connected.client.reset();
}

DatasourceClients::Lookup DatasourceClients::datasource(const Model::DatasourceSelector &selector,
                                                        const VariableValues &variables)
{
    Lookup lookup;
    resolve(selector, variables, lookup);
    return lookup;
}

PrometheusClient *DatasourceClients::prometheus(const Model::DatasourceSelector &selector,
                                                const VariableValues &variables, Lookup &lookup)
{
    lookup = {};
    Connected *connected = resolve(selector, variables, lookup);
    if (!connected)
        return nullptr;
    lookup.error.clear(); // the plugin's client is not needed for the Prometheus API
    if (!connected->prometheus)
        connected->prometheus = new PrometheusClient(connected->transport, connected->transport);
    return connected->prometheus;
}

DatasourceClients::Connected *DatasourceClients::resolve(const Model::DatasourceSelector &selector,
                                                         const VariableValues &variables,
                                                         Lookup &lookup)
{
    const std::optional<DatasourceEntry> entry = m_catalog.resolve(selector, variables);
    if (!entry) {
        lookup.error = DatasourceCatalog::notFoundMessage(selector);
        return nullptr;
    }
    lookup.datasource = entry->name;
    Connected *connected = connect(*entry, lookup);
    if (!connected)
        return nullptr;
    connected->transport->setVariables(variables);
    lookup.transport = connected->transport;
    lookup.client = connected->client.get();
    lookup.error = connected->error;
    return connected;
}

DatasourceClients::Connected *DatasourceClients::connect(const DatasourceEntry &entry,
                                                         Lookup &lookup)
{
    const std::string key = std::to_string(static_cast<int>(entry.scope)) + '/' + entry.name;
    if (auto it = m_connected.find(key); it != m_connected.end())
        return &it->second;
    auto connection = m_overrides.connect(entry);
    if (auto *error = std::get_if<std::string>(&connection)) {
        lookup.error = *error;
        return nullptr;
    }
    Connected &connected = m_connected[key];
    connected.transport =
        new DatasourceTransport(std::get<DatasourceConnection>(std::move(connection)), this);
    connected.transport->setTimeout(m_timeout);
    QObject::connect(connected.transport, &DatasourceTransport::requestsChanged, this,
                     &DatasourceClients::requestsChanged);
    QObject::connect(connected.transport, &DatasourceTransport::requestSent, this,
                     &DatasourceClients::requestSent);
    const QString kind = QString::fromStdString(entry.spec.plugin.kind);
    PdPlugin::DatasourcePluginV2 *plugin = PluginRegistry::instance().datasourceRunner(kind);
    if (!plugin) {
        connected.error = "no plugin runs datasources of kind " + entry.spec.plugin.kind;
        return &connected;
    }
    QString error;
    connected.client = plugin->createClient(
        PdPlugin::DatasourceContext{kind, QString::fromStdString(entry.name),
                                    toQJsonValue(entry.spec.plugin.spec).toObject(),
                                    connected.transport},
        error);
    if (!connected.client)
        connected.error = error.isEmpty() ? "the datasource plugin made no client for " + entry.name
                                          : error.toStdString();
    return &connected;
}

int DatasourceClients::requestsInFlight() const
{
    int total = 0;
    for (const auto &[key, connected] : m_connected)
        total += connected.transport->requestsInFlight() + connected.transport->requestsQueued();
    return total;
}

} // namespace Pd
