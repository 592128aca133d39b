// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertmanagerplugin.h"

#include "alertmanagerdatasource.h"
#include "alerttableview.h"
#include "builtinspeccheck.h"
#include "silencetableview.h"

namespace {

const QString alertsKind = QStringLiteral("AlertManagerAlertsQuery");
const QString silencesKind = QStringLiteral("AlertManagerSilencesQuery");

PdPlugin::CallHandle failAtOnce(std::function<void(PdPlugin::QueryOutcome)> &done,
                                std::string message)
{
    PdPlugin::QueryOutcome outcome;
    outcome.data = PdPlugin::QueryData::failure("datasource", std::move(message));
    outcome.data.kind = PdPlugin::QueryData::Kind::Table;
    done(std::move(outcome));
    return nullptr;
}

} // namespace

QList<PdPlugin::DatasourceKind> AlertmanagerPlugin::datasourceKinds() const
{
    return {
        {QString::fromLatin1(datasourceKind), QStringLiteral("Alert Manager Datasource"), true}};
}

QList<PdPlugin::QueryKind> AlertmanagerPlugin::queryKinds() const
{
    const QString datasource = QString::fromLatin1(datasourceKind);
    return {{alertsKind, QStringLiteral("Alert Manager Alerts Query"),
             QStringLiteral("AlertsQuery"), datasource},
            {silencesKind, QStringLiteral("Alert Manager Silences Query"),
             QStringLiteral("SilencesQuery"), datasource}};
}

QList<PdPlugin::PanelKind> AlertmanagerPlugin::panelKinds() const
{
    return {{QStringLiteral("AlertTable"), tr("Alert Table"), true},
            {QStringLiteral("SilenceTable"), tr("Silence Table"), true}};
}

PdPlugin::PanelView *AlertmanagerPlugin::createPanel(const PdPlugin::PanelContext &context)
{
    if (context.kind == u"AlertTable")
        return new AlertTableView(context);
    if (context.kind == u"SilenceTable")
        return new SilenceTableView(context);
    return nullptr;
}

PdPlugin::SpecIssues AlertmanagerPlugin::validateSpec(const QString &kind,
                                                      const QJsonObject &spec) const
{
    Pd::PluginType type = Pd::PluginType::Query;
    if (kind == QLatin1String(datasourceKind))
        type = Pd::PluginType::Datasource;
    else if (kind.endsWith(QLatin1String("Table")))
        type = Pd::PluginType::Panel;
    return Pd::builtinSpecIssues(type, kind, spec);
}

std::unique_ptr<PdPlugin::DatasourceClient>
AlertmanagerPlugin::createClient(const PdPlugin::DatasourceContext &context, QString &error)
{
    if (!context.http) {
        error = QStringLiteral("datasource \"%1\" has no HTTP transport").arg(context.name);
        return nullptr;
    }
    return std::make_unique<AlertmanagerDatasource>(context.http,
                                                    AlertmanagerDatasource::uiUrlOf(context.spec));
}

PdPlugin::CallHandle AlertmanagerPlugin::runQuery(const PdPlugin::QueryContext &context,
                                                  std::function<void(PdPlugin::QueryOutcome)> done)
{
    auto *datasource = dynamic_cast<AlertmanagerDatasource *>(context.datasource);
    if (!datasource)
        return failAtOnce(done, "the query's datasource is not an Alertmanager");
    if (context.kind == silencesKind)
        return datasource->fetchSilences(context, std::move(done));
    return datasource->fetchAlerts(context, std::move(done));
}
