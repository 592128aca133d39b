// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusplugin.h"

#include "builtinspeccheck.h"
#include "duration.h"
#include "prometheusdatasource.h"

namespace {

const QString annotationKind = QStringLiteral("PrometheusPromQLAnnotation");

std::optional<double> scrapeIntervalOf(const QJsonObject &spec)
{
    const Pd::DurationParse parsed =
        Pd::parseDuration(spec.value(QStringLiteral("scrapeInterval")).toString().toStdString());
    if (!parsed.isValid())
        return std::nullopt;
    return double(*parsed.milliseconds) / 1000.0;
}

} // namespace

QList<PdPlugin::DatasourceKind> PrometheusPlugin::datasourceKinds() const
{
    return {{QString::fromLatin1(datasourceKind), QStringLiteral("Prometheus Datasource"), true}};
}

QList<PdPlugin::QueryKind> PrometheusPlugin::queryKinds() const
{
    const QString datasource = QString::fromLatin1(datasourceKind);
    return {{QStringLiteral("PrometheusTimeSeriesQuery"), QStringLiteral("Prometheus Query"),
             QStringLiteral("TimeSeriesQuery"), datasource},
            {annotationKind, QStringLiteral("Prometheus PromQL Annotation"),
             QStringLiteral("Annotation"), datasource}};
}

QList<PdPlugin::VariableKind> PrometheusPlugin::variableKinds() const
{
    const QString datasource = QString::fromLatin1(datasourceKind);
    return {{QStringLiteral("PrometheusLabelNamesVariable"),
             QStringLiteral("Prometheus Label Names"), datasource},
            {QStringLiteral("PrometheusLabelValuesVariable"),
             QStringLiteral("Prometheus Label Values"), datasource},
            {QStringLiteral("PrometheusPromQLVariable"), QStringLiteral("Prometheus PromQL"),
             datasource}};
}

PdPlugin::SpecIssues PrometheusPlugin::validateSpec(const QString &kind,
                                                    const QJsonObject &spec) const
{
    // The annotation's spec is checked with the dashboard's annotations, not as a query.
    if (kind == annotationKind)
        return {};
    Pd::PluginType type = Pd::PluginType::Query;
    if (kind == QLatin1String(datasourceKind))
        type = Pd::PluginType::Datasource;
    else if (kind.endsWith(QLatin1String("Variable")))
        type = Pd::PluginType::Variable;
    return Pd::builtinSpecIssues(type, kind, spec);
}

std::unique_ptr<PdPlugin::DatasourceClient>
PrometheusPlugin::createClient(const PdPlugin::DatasourceContext &context, QString &error)
{
    if (!context.http) {
        error = QStringLiteral("datasource \"%1\" has no HTTP transport").arg(context.name);
        return nullptr;
    }
    return std::make_unique<PrometheusDatasource>(context.http, scrapeIntervalOf(context.spec));
}

PdPlugin::CallHandle PrometheusPlugin::runQuery(const PdPlugin::QueryContext &context,
                                                std::function<void(PdPlugin::QueryOutcome)> done)
{
    auto *datasource = dynamic_cast<PrometheusDatasource *>(context.datasource);
    if (!datasource) {
        PdPlugin::QueryOutcome outcome;
        outcome.data = PdPlugin::QueryData::failure(
            "datasource", "the query's datasource is not a Prometheus datasource");
        done(std::move(outcome));
        return nullptr;
    }
    return datasource->runQuery(context, std::move(done));
}

PdPlugin::CallHandle
PrometheusPlugin::listOptions(const PdPlugin::VariableContext &context,
                              std::function<void(PdPlugin::VariableOutcome)> done)
{
    auto *datasource = dynamic_cast<PrometheusDatasource *>(context.datasource);
    if (!datasource) {
        done(PdPlugin::VariableOutcome{
            {}, QStringLiteral("the variable's datasource is not a Prometheus datasource")});
        return nullptr;
    }
    return datasource->listOptions(context, std::move(done));
}
