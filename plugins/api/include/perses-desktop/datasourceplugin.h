// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

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

} // namespace PdPlugin

#define PdDatasourcePlugin_iid "dev.perses.desktop.DatasourcePlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::DatasourcePlugin, PdDatasourcePlugin_iid)
