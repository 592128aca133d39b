// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specissue.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtPlugin>

namespace PdPlugin {

struct QueryKind
{
    QString kind;
    QString displayName;
    QString queryType = QStringLiteral("TimeSeriesQuery"); // the query kind it serves
    QString datasourceKind;                                // the datasource it selects
};

// Level "query": the query plugin kinds a plugin provides and the checks of their specs.
class QueryPlugin
{
public:
    virtual ~QueryPlugin() = default;
    virtual int interfaceVersion() const { return apiVersion; }
    virtual QList<QueryKind> queryKinds() const = 0;
    virtual SpecIssues validateSpec(const QString &kind, const QJsonObject &spec) const = 0;
};

} // namespace PdPlugin

#define PdQueryPlugin_iid "dev.perses.desktop.QueryPlugin/1"
Q_DECLARE_INTERFACE(PdPlugin::QueryPlugin, PdQueryPlugin_iid)
