// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceplugin.h"
#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

#include <functional>

namespace PdPlugin {

struct VariableKind
{
    QString kind;
    QString displayName;
    QString datasourceKind; // empty when the variable needs no datasource
};

// Level "variable": the variable plugin kinds a plugin provides and the checks of their specs.
class VariablePlugin
{
public:
    virtual ~VariablePlugin() = default;
    virtual int interfaceVersion() const { return apiVersion; }
    virtual QList<VariableKind> variableKinds() const = 0;
    virtual SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const = 0;
};

struct VariableChoice
{
    QString label;
    QString value;
};

struct VariableContext
{
    QString kind;
    QJsonObject spec;  // the variable plugin's spec, as written
    qint64 fromMs = 0; // the dashboard's time range
    qint64 toMs = 0;
    DatasourceClient *datasource = nullptr; // as for queries
    // Replaces $variables with the values of the variables this one depends on.
    std::function<QString(const QString &text)> interpolate;
};

struct VariableOutcome
{
    QList<VariableChoice> options; // in the datasource's order; the host sorts and filters
    QString error;
};

// Version 2 of level "variable": also lists a variable's options.
class VariablePluginV2 : public VariablePlugin
{
public:
    virtual int dataInterfaceVersion() const { return dataApiVersion; }
    // As QueryPluginV2::runQuery: `done` once, on any thread, never after cancel().
    virtual CallHandle listOptions(const VariableContext &context,
                                   std::function<void(VariableOutcome outcome)> done) = 0;
};

} // namespace PdPlugin

#define PdVariablePlugin_iid "dev.perses.desktop.VariablePlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::VariablePlugin, PdVariablePlugin_iid)
#define PdVariablePluginV2_iid "dev.perses.desktop.VariablePlugin/2"
Q_DECLARE_INTERFACE(PdPlugin::VariablePluginV2, PdVariablePluginV2_iid)
