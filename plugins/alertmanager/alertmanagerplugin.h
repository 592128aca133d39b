// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/panelplugin.h>
#include <perses-desktop/queryplugin.h>

// Alertmanager (docs/spec/alertmanager.md), the Perses module at every level it has:
// AlertManagerDatasource; the AlertManagerAlertsQuery and AlertManagerSilencesQuery kinds,
// whose results are tables of alerts and silences read from Alertmanager's API v2; and the
// AlertTable and SilenceTable panels that draw them.
class AlertmanagerPlugin : public QObject,
                           public PdPlugin::DatasourcePluginV2,
                           public PdPlugin::QueryPluginV2,
                           public PdPlugin::PanelPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdQueryPluginV2_iid)
    Q_INTERFACES(PdPlugin::DatasourcePlugin PdPlugin::DatasourcePluginV2 PdPlugin::QueryPlugin
                     PdPlugin::QueryPluginV2 PdPlugin::PanelPlugin)

public:
    static constexpr char datasourceKind[] = "AlertManagerDatasource";

    QList<PdPlugin::DatasourceKind> datasourceKinds() const override;
    QList<PdPlugin::QueryKind> queryKinds() const override;
    QList<PdPlugin::PanelKind> panelKinds() const override;
    PdPlugin::PanelView *createPanel(const PdPlugin::PanelContext &context) override;
    PdPlugin::SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const override;
    int interfaceVersion() const override { return PdPlugin::apiVersion; }
    int dataInterfaceVersion() const override { return PdPlugin::dataApiVersion; }

    std::unique_ptr<PdPlugin::DatasourceClient>
    createClient(const PdPlugin::DatasourceContext &context, QString &error) override;
    PdPlugin::CallHandle runQuery(const PdPlugin::QueryContext &context,
                                  std::function<void(PdPlugin::QueryOutcome)> done) override;
};
