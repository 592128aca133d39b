// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

// Prometheus at the three data levels (perses-api.md §8, §9): PrometheusDatasource,
// PrometheusTimeSeriesQuery and the PrometheusPromQLAnnotation, and the label names, label
// values and PromQL variables. The engine knows none of them: it runs them through these
// interfaces like any plugin's.
class PrometheusPlugin : public QObject,
                         public PdPlugin::DatasourcePluginV2,
                         public PdPlugin::QueryPluginV2,
                         public PdPlugin::VariablePluginV2
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdQueryPluginV2_iid)
    Q_INTERFACES(PdPlugin::DatasourcePlugin PdPlugin::DatasourcePluginV2 PdPlugin::QueryPlugin
                     PdPlugin::QueryPluginV2 PdPlugin::VariablePlugin PdPlugin::VariablePluginV2)

public:
    static constexpr char datasourceKind[] = "PrometheusDatasource";

    QList<PdPlugin::DatasourceKind> datasourceKinds() const override;
    QList<PdPlugin::QueryKind> queryKinds() const override;
    QList<PdPlugin::VariableKind> variableKinds() const override;
    PdPlugin::SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const override;
    int interfaceVersion() const override { return PdPlugin::apiVersion; }
    int dataInterfaceVersion() const override { return PdPlugin::dataApiVersion; }

    std::unique_ptr<PdPlugin::DatasourceClient>
    createClient(const PdPlugin::DatasourceContext &context, QString &error) override;
    PdPlugin::CallHandle runQuery(const PdPlugin::QueryContext &context,
                                  std::function<void(PdPlugin::QueryOutcome)> done) override;
    PdPlugin::CallHandle listOptions(const PdPlugin::VariableContext &context,
                                     std::function<void(PdPlugin::VariableOutcome)> done) override;
};
