// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "coredataplugin.h"

#include "builtinspeccheck.h"

namespace {

Pd::PluginType typeOf(const QString &kind)
{
    for (Pd::PluginType type :
         {Pd::PluginType::Query, Pd::PluginType::Datasource, Pd::PluginType::Variable}) {
        if (Pd::builtinKinds(type).contains(kind))
            return type;
    }
    return Pd::PluginType::Query;
}

// The official kinds this plugin checks. Prometheus' and Alertmanager's belong to the plugins
// that run them.
QStringList checkedKinds(Pd::PluginType type)
{
    QStringList kinds = Pd::builtinKinds(type);
    kinds.removeIf([](const QString &kind) {
        return kind.startsWith(QLatin1String("Prometheus")) ||
               kind.startsWith(QLatin1String("AlertManager"));
    });
    return kinds;
}

} // namespace

QList<PdPlugin::QueryKind> CoreDataPlugin::queryKinds() const
{
    QList<PdPlugin::QueryKind> kinds;
    for (const QString &kind : checkedKinds(Pd::PluginType::Query)) {
        const Pd::PluginSchema *schema =
            Pd::PluginSchemaRegistry::builtin().find(kind.toStdString(), Pd::PluginType::Query);
        kinds.append({kind, kind, QString::fromStdString(schema->queryType),
                      QString::fromStdString(schema->datasourceKind)});
    }
    return kinds;
}

QList<PdPlugin::DatasourceKind> CoreDataPlugin::datasourceKinds() const
{
    QList<PdPlugin::DatasourceKind> kinds;
    for (const QString &kind : checkedKinds(Pd::PluginType::Datasource))
        kinds.append({kind, kind, true});
    return kinds;
}

QList<PdPlugin::VariableKind> CoreDataPlugin::variableKinds() const
{
    QList<PdPlugin::VariableKind> kinds;
    for (const QString &kind : checkedKinds(Pd::PluginType::Variable)) {
        const Pd::PluginSchema *schema =
            Pd::PluginSchemaRegistry::builtin().find(kind.toStdString(), Pd::PluginType::Variable);
        kinds.append({kind, kind, QString::fromStdString(schema->datasourceKind)});
    }
    return kinds;
}

PdPlugin::SpecIssues CoreDataPlugin::validateSpec(const QString &kind,
                                                  const QJsonObject &spec) const
{
    return Pd::builtinSpecIssues(typeOf(kind), kind, spec);
}
