// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "exampledataplugin.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

class JsonClient : public PdPlugin::DatasourceClient
{
public:
    explicit JsonClient(PdPlugin::HttpTransport *http)
        : transport(http)
    {}
    PdPlugin::HttpTransport *transport;
};

// The answer's JSON object, or why there is none.
QJsonObject parse(const PdPlugin::HttpResponse &response, QString &error)
{
    error = response.problem();
    if (error.isEmpty() && !QJsonDocument::fromJson(response.body).isObject())
        error = QStringLiteral("the answer is not a JSON object");
    return error.isEmpty() ? QJsonDocument::fromJson(response.body).object() : QJsonObject();
}

PdPlugin::TimeSeries seriesOf(const QJsonObject &object)
{
    PdPlugin::TimeSeries series;
    const QJsonObject labels = object.value(QStringLiteral("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        series.labels.emplace_back(it.key().toStdString(), it.value().toString().toStdString());
    for (const QJsonValue &point : object.value(QStringLiteral("points")).toArray()) {
        series.timesMs.push_back(qint64(point.toArray().at(0).toDouble()));
        series.values.push_back(point.toArray().at(1).toDouble());
    }
    return series;
}

} // namespace

QList<PdPlugin::DatasourceKind> ExampleDataPlugin::datasourceKinds() const
{
    return {{QStringLiteral("ExampleJsonDatasource"), QStringLiteral("Example JSON"), true}};
}

QList<PdPlugin::QueryKind> ExampleDataPlugin::queryKinds() const
{
    return {{QStringLiteral("ExampleJsonQuery"), QStringLiteral("Example JSON series"),
             QStringLiteral("TimeSeriesQuery"), QStringLiteral("ExampleJsonDatasource")}};
}

QList<PdPlugin::VariableKind> ExampleDataPlugin::variableKinds() const
{
    return {{QStringLiteral("ExampleJsonVariable"), QStringLiteral("Example JSON options"),
             QStringLiteral("ExampleJsonDatasource")}};
}

PdPlugin::SpecIssues ExampleDataPlugin::validateSpec(const QString &kind,
                                                     const QJsonObject &spec) const
{
    if (kind == u"ExampleJsonDatasource")
        return spec.value(QStringLiteral("directUrl")).isString()
                   ? PdPlugin::SpecIssues{}
                   : PdPlugin::SpecIssues{
                         {QStringLiteral("directUrl"), QStringLiteral("a URL is required")}};
    if (!spec.value(QStringLiteral("path")).toString().startsWith(u'/'))
        return {{QStringLiteral("path"), QStringLiteral("a path starting with / is required")}};
    return {};
}

std::unique_ptr<PdPlugin::DatasourceClient>
ExampleDataPlugin::createClient(const PdPlugin::DatasourceContext &context, QString &)
{
    return std::make_unique<JsonClient>(context.http);
}

PdPlugin::CallHandle ExampleDataPlugin::runQuery(const PdPlugin::QueryContext &context,
                                                 std::function<void(PdPlugin::QueryOutcome)> done)
{
    auto *client = dynamic_cast<JsonClient *>(context.datasource);
    PdPlugin::QueryOutcome outcome;
    outcome.window = context.suggestedWindow;
    outcome.query = context.interpolate(context.spec.value(QStringLiteral("path")).toString(),
                                        context.suggestedWindow);
    if (!client) {
        outcome.data = PdPlugin::QueryData::failure("datasource", "not an Example JSON datasource");
        done(std::move(outcome));
        return nullptr;
    }
    PdPlugin::HttpRequest request;
    request.path = outcome.query.toUtf8();
    // The callback runs on a worker thread and must not use the client or its transport.
    return client->transport->send(
        request, [outcome, done](PdPlugin::HttpResponse response) mutable {
            QString error;
            const QJsonObject answer = parse(response, error);
            if (!error.isEmpty())
                outcome.data = PdPlugin::QueryData::failure("example", error.toStdString());
            for (const QJsonValue &series : answer.value(QStringLiteral("series")).toArray())
                outcome.data.series.push_back(seriesOf(series.toObject()));
            done(std::move(outcome));
        });
}

PdPlugin::CallHandle
ExampleDataPlugin::listOptions(const PdPlugin::VariableContext &context,
                               std::function<void(PdPlugin::VariableOutcome)> done)
{
    auto *client = dynamic_cast<JsonClient *>(context.datasource);
    if (!client) {
        done({{}, QStringLiteral("not an Example JSON datasource")});
        return nullptr;
    }
    PdPlugin::HttpRequest request;
    request.path =
        context.interpolate(context.spec.value(QStringLiteral("path")).toString()).toUtf8();
    return client->transport->send(request, [done](PdPlugin::HttpResponse response) {
        PdPlugin::VariableOutcome outcome;
        const QJsonObject answer = parse(response, outcome.error);
        for (const QJsonValue &option : answer.value(QStringLiteral("options")).toArray())
            outcome.options.append({option.toString(), option.toString()});
        done(std::move(outcome));
    });
}
