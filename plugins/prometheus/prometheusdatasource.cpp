// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusdatasource.h"

#include "duration.h"
#include "querystep.h"

#include <QJsonArray>
#include <QPointer>

#include <cmath>

namespace {

// A Prometheus request as the host's handle: canceling it cancels the reply.
class ReplyCall : public PdPlugin::Cancelable
{
public:
    explicit ReplyCall(Pd::PrometheusReply *reply)
        : m_reply(reply)
    {}
    void cancel() override
    {
        if (m_reply) {
            m_reply->cancel();
            m_reply->deleteLater();
        }
    }

private:
    QPointer<Pd::PrometheusReply> m_reply;
};

// Calls `done` with the reply's response when it finishes; the reply then goes.
template <typename Done>
PdPlugin::CallHandle whenFinished(Pd::PrometheusReply *reply, Done done)
{
    QObject::connect(reply, &Pd::PrometheusReply::finished, reply, [reply, done]() mutable {
        reply->deleteLater();
        done(reply->takeResponse());
    });
    return std::make_shared<ReplyCall>(reply);
}

// The series move over without copying a point.
PdPlugin::QueryData toData(Pd::PrometheusResponse response)
{
    PdPlugin::QueryData data;
    if (!response.ok) {
        data.errorType = response.errorType.empty() ? "error" : std::move(response.errorType);
        data.error = response.error.empty() ? "the query failed" : std::move(response.error);
    }
    data.warnings = std::move(response.warnings);
    data.infos = std::move(response.infos);
    data.bodyBytes = response.bodyBytes;
    std::vector<Pd::Series> &series = response.result.series();
    data.series.reserve(series.size());
    for (Pd::Series &one : series)
        data.series.push_back(std::move(static_cast<PdPlugin::TimeSeries &>(one)));
    return data;
}

std::vector<std::string> interpolatedList(const PdPlugin::VariableContext &context,
                                          const QString &key)
{
    std::vector<std::string> out;
    for (const QJsonValue &item : context.spec.value(key).toArray()) {
        if (item.isString())
            out.push_back(context.interpolate(item.toString()).toStdString());
    }
    return out;
}

// The distinct values of `label` in a query result, first seen first (PrometheusPromQLVariable).
QList<PdPlugin::VariableChoice> labelValuesOf(const Pd::SeriesStore &result,
                                              const std::string &label)
{
    QList<PdPlugin::VariableChoice> choices;
    QStringList seen;
    for (const Pd::Series &series : result.series()) {
        const std::string *value = series.label(label);
        if (!value)
            continue;
        const QString text = QString::fromStdString(*value);
        if (!seen.contains(text)) {
            seen.append(text);
            choices.append({text, text});
        }
    }
    return choices;
}

QList<PdPlugin::VariableChoice> asChoices(const std::vector<std::string> &values)
{
    QList<PdPlugin::VariableChoice> choices;
    choices.reserve(static_cast<qsizetype>(values.size()));
    for (const std::string &value : values) {
        const QString text = QString::fromStdString(value);
        choices.append({text, text});
    }
    return choices;
}

template <typename Outcome, typename Done>
PdPlugin::CallHandle finishAtOnce(Outcome outcome, Done done)
{
    done(std::move(outcome));
    return std::make_shared<ReplyCall>(nullptr);
}

} // namespace

PrometheusDatasource::PrometheusDatasource(PdPlugin::HttpTransport *transport,
                                           std::optional<double> scrapeIntervalSeconds)
    : m_client(transport)
    , m_scrapeIntervalSeconds(scrapeIntervalSeconds)
{}

PdPlugin::CallHandle
PrometheusDatasource::runQuery(const PdPlugin::QueryContext &context,
                               std::function<void(PdPlugin::QueryOutcome)> done)
{
    const QJsonObject &spec = context.spec;
    const bool annotation = context.kind == QLatin1String("PrometheusPromQLAnnotation");
    Pd::StepRequest step;
    step.range = Pd::TimeRange{context.fromMs, context.toMs};
    step.widthPx = context.widthPx;
    step.timezoneOffsetSeconds = context.timezoneOffsetSeconds;
    step.scrapeIntervalSeconds = m_scrapeIntervalSeconds;
    const QString minStep = context.interpolate(spec.value(QStringLiteral("minStep")).toString(),
                                                context.suggestedWindow);
    if (const Pd::DurationParse parsed = Pd::parseDuration(minStep.toStdString()); parsed.isValid())
        step.minStepSeconds = double(*parsed.milliseconds) / 1000.0;
    const Pd::QueryWindow window = Pd::QueryStep::compute(step);

    PdPlugin::QueryOutcome outcome;
    outcome.window = {window.startSeconds, window.endSeconds, window.stepSeconds,
                      window.minStepSeconds};
    outcome.query = context.interpolate(
        spec.value(annotation ? QStringLiteral("expr") : QStringLiteral("query")).toString(),
        outcome.window);
    outcome.seriesNameFormat = context.interpolate(
        spec.value(QStringLiteral("seriesNameFormat")).toString(), outcome.window);
    const QJsonValue instant = spec.value(QStringLiteral("instant"));
    outcome.instant =
        !annotation && (instant.isBool() ? instant.toBool() : context.instantByDefault);
    if (outcome.query.isEmpty()) {
        // An empty query makes no request and gives an empty result (§9.6); an annotation
        // without an expression is a mistake worth showing.
        if (annotation)
            outcome.data =
                PdPlugin::QueryData::failure("query", "the annotation has no expression");
        return finishAtOnce(std::move(outcome), std::move(done));
    }
    const std::string query = outcome.query.toStdString();
    Pd::PrometheusReply *reply = outcome.instant
                                     ? m_client.query(query, window.endSeconds)
                                     : m_client.queryRange(query, window.startSeconds,
                                                           window.endSeconds, window.stepSeconds);
    // Queries go as POSTed forms (perses-api.md §8).
    outcome.request = QStringLiteral("POST ") + QString::fromStdString(reply->url());
    return whenFinished(reply, [outcome = std::move(outcome),
                                done = std::move(done)](Pd::PrometheusResponse response) mutable {
        outcome.data = toData(std::move(response));
        done(std::move(outcome));
    });
}

PdPlugin::CallHandle
PrometheusDatasource::listOptions(const PdPlugin::VariableContext &context,
                                  std::function<void(PdPlugin::VariableOutcome)> done)
{
    const double start = std::trunc(double(context.fromMs) / 1000.0);
    const double end = std::trunc(double(context.toMs) / 1000.0);
    const std::vector<std::string> matchers = interpolatedList(context, QStringLiteral("matchers"));
    const std::string label =
        context.interpolate(context.spec.value(QStringLiteral("labelName")).toString())
            .toStdString();
    const bool labelValues = context.kind == QLatin1String("PrometheusLabelValuesVariable");
    if (labelValues && label.empty()) // no request for an empty label name
        return finishAtOnce(PdPlugin::VariableOutcome{}, std::move(done));
    auto answer = [done = std::move(done)](Pd::PrometheusResponse response, auto choices) {
        PdPlugin::VariableOutcome outcome;
        if (!response.ok)
            outcome.error = QString::fromStdString(response.error);
        else
            outcome.options = choices(response);
        done(std::move(outcome));
    };
    if (context.kind == QLatin1String("PrometheusLabelNamesVariable"))
        return whenFinished(
            m_client.labelNames(matchers, start, end), [answer](Pd::PrometheusResponse response) {
                answer(std::move(response),
                       [](const Pd::PrometheusResponse &r) { return asChoices(r.strings); });
            });
    if (labelValues)
        return whenFinished(m_client.labelValues(label, matchers, start, end),
                            [answer](Pd::PrometheusResponse response) {
                                answer(std::move(response), [](const Pd::PrometheusResponse &r) {
                                    return asChoices(r.strings);
                                });
                            });
    const std::string expr =
        context.interpolate(context.spec.value(QStringLiteral("expr")).toString()).toStdString();
    return whenFinished(m_client.query(expr, std::nullopt),
                        [answer, label](Pd::PrometheusResponse response) {
                            answer(std::move(response), [&label](const Pd::PrometheusResponse &r) {
                                return labelValuesOf(r.result, label);
                            });
                        });
}
