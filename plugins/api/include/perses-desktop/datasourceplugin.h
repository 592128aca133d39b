// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datahost.h"
#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

#include <memory>

namespace PdPlugin {

struct DatasourceKind
{
    QString kind;
    QString displayName;
    // The proxy and URL fields follow the HTTP datasource shape (§10) when true.
    bool httpProxy = true;
};

// Level "datasource": the datasource plugin kinds a plugin provides and the checks of their specs.
class DatasourcePlugin
{
public:
    virtual ~DatasourcePlugin() = default;
    virtual int interfaceVersion() const { return apiVersion; }
    virtual QList<DatasourceKind> datasourceKinds() const = 0;
    virtual SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const = 0;
};

// A connected datasource, as its plugin sees it: the query and variable plugins of the same
// datasource kind receive it and know its type (they usually come in one module).
class DatasourceClient
{
public:
    virtual ~DatasourceClient() = default;
};

struct DatasourceContext
{
    QString kind;
    QString name;     // the datasource's name, for messages
    QJsonObject spec; // the datasource plugin's spec, as written
    // The host's transport to this datasource; it outlives the client.
    HttpTransport *http = nullptr;
};

// Version 2 of level "datasource": also turns a datasource spec into a client.
class DatasourcePluginV2 : public DatasourcePlugin
{
public:
    virtual int dataInterfaceVersion() const { return dataApiVersion; }
    // Called on the GUI thread when a query or variable first needs the datasource; the host
    // owns the client. A spec the plugin cannot use gives nullptr and `error`.
    virtual std::unique_ptr<DatasourceClient> createClient(const DatasourceContext &context,
                                                           QString &error) = 0;
};

} // namespace PdPlugin

#define PdDatasourcePlugin_iid "dev.perses.desktop.DatasourcePlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::DatasourcePlugin, PdDatasourcePlugin_iid)
#define PdDatasourcePluginV2_iid "dev.perses.desktop.DatasourcePlugin/2"
Q_DECLARE_INTERFACE(PdPlugin::DatasourcePluginV2, PdDatasourcePluginV2_iid)
