// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

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

} // namespace PdPlugin

#define PdVariablePlugin_iid "dev.perses.desktop.VariablePlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::VariablePlugin, PdVariablePlugin_iid)
