// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <perses-desktop/datasourceplugin.h>
#include <perses-desktop/queryplugin.h>
#include <perses-desktop/variableplugin.h>

// The official query, datasource and variable kinds no plugin of this app runs yet (Tempo,
// Loki, Pyroscope, ClickHouse...), checked by their schemas, so lint and the editor know them.
class CoreDataPlugin : public QObject,
                       public PdPlugin::QueryPlugin,
                       public PdPlugin::DatasourcePlugin,
                       public PdPlugin::VariablePlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID PdQueryPlugin_iid)
    Q_INTERFACES(PdPlugin::QueryPlugin PdPlugin::DatasourcePlugin PdPlugin::VariablePlugin)

public:
    QList<PdPlugin::QueryKind> queryKinds() const override;
    QList<PdPlugin::DatasourceKind> datasourceKinds() const override;
    QList<PdPlugin::VariableKind> variableKinds() const override;
    PdPlugin::SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const override;
    int interfaceVersion() const override { return PdPlugin::apiVersion; }
};
