// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

// An example of a third-party datasource: JSON files served over HTTP.
//   ExampleJsonDatasource  {directUrl}
//   ExampleJsonQuery       {path}  → {"series": [{"labels": {...}, "points": [[ms, value]...]}]}
//   ExampleJsonVariable    {path}  → {"options": ["a", "b"]}
// Paths may use variables. It uses nothing of the host but the plugin API and its transport.
class ExampleDataPlugin : public QObject,
                          public PdPlugin::DatasourcePluginV2,
                          public PdPlugin::QueryPluginV2,
                          public PdPlugin::VariablePluginV2
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdQueryPluginV2_iid)
    Q_INTERFACES(PdPlugin::DatasourcePlugin PdPlugin::DatasourcePluginV2 PdPlugin::QueryPlugin
                     PdPlugin::QueryPluginV2 PdPlugin::VariablePlugin PdPlugin::VariablePluginV2)

public:
    QList<PdPlugin::DatasourceKind> datasourceKinds() const override;
    QList<PdPlugin::QueryKind> queryKinds() const override;
    QList<PdPlugin::VariableKind> variableKinds() const override;
    PdPlugin::SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const override;

    std::unique_ptr<PdPlugin::DatasourceClient>
    createClient(const PdPlugin::DatasourceContext &context, QString &error) override;
    PdPlugin::CallHandle runQuery(const PdPlugin::QueryContext &context,
                                  std::function<void(PdPlugin::QueryOutcome)> done) override;
    PdPlugin::CallHandle listOptions(const PdPlugin::VariableContext &context,
                                     std::function<void(PdPlugin::VariableOutcome)> done) override;
};
