// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "alertmanagerdatasource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>
#include <limits>

namespace {

using Column = PdPlugin::TableColumn;

Column textColumn(const char *name)
{
    return Column{name, Column::Type::Text, {}, {}};
}

Column timeColumn(const char *name)
{
    return Column{name, Column::Type::Time, {}, {}};
}

double timeMs(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? double(time.toMSecsSinceEpoch())
                          : std::numeric_limits<double>::quiet_NaN();
}

std::string compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::string joinedIds(const QJsonValue &list)
{
    QStringList ids;
    for (const QJsonValue &id : list.toArray()) // a missing list (before v0.28) is empty
        ids.append(id.toString());
    return ids.join(QLatin1Char(',')).toStdString();
}

QString quotedValue(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

// The web UI's new-silence form, its matchers filled from the alert's labels.
std::string silenceUrl(const QString &uiUrl, const QJsonObject &labels)
{
    if (uiUrl.isEmpty())
        return {};
    QStringList matchers;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        matchers.append(it.key() + QLatin1Char('=') + quotedValue(it.value().toString()));
    const QString filter = QLatin1Char('{') + matchers.join(QLatin1Char(',')) + QLatin1Char('}');
    QString base = uiUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString url = base + QStringLiteral("/#/silences/new?filter=") +
                        QString::fromLatin1(QUrl::toPercentEncoding(filter));
    return url.toStdString();
}

// Perses' alert states: an active or suppressed alert fires, an unprocessed one is pending.
std::string stateOf(const QString &amState)
{
    if (amState == QLatin1String("unprocessed"))
        return "pending";
    return "firing";
}

PdPlugin::TableData alertRows(const QJsonArray &alerts, const QString &uiUrl)
{
    std::vector<Column> columns = {
        textColumn("fingerprint"), textColumn("alertname"),    textColumn("state"),
        textColumn("suppressed"),  textColumn("severity"),     timeColumn("startsAt"),
        timeColumn("endsAt"),      timeColumn("updatedAt"),    textColumn("labels"),
        textColumn("annotations"), textColumn("receivers"),    textColumn("silencedBy"),
        textColumn("inhibitedBy"), textColumn("generatorURL"), textColumn("silenceURL")};
    for (const QJsonValue &item : alerts) {
        const QJsonObject alert = item.toObject();
        const QJsonObject labels = alert.value(QStringLiteral("labels")).toObject();
        const QJsonObject status = alert.value(QStringLiteral("status")).toObject();
        const QString amState = status.value(QStringLiteral("state")).toString();
        QStringList receivers;
        for (const QJsonValue &receiver : alert.value(QStringLiteral("receivers")).toArray())
            receivers.append(receiver.toObject().value(QStringLiteral("name")).toString());
        std::size_t c = 0;
        auto text = [&](std::string value) { columns[c++].text.push_back(std::move(value)); };
        auto time = [&](const char *key) {
            columns[c++].numbers.push_back(timeMs(alert.value(QLatin1String(key))));
        };
        text(alert.value(QStringLiteral("fingerprint")).toString().toStdString());
        text(labels.value(QStringLiteral("alertname")).toString().toStdString());
        text(stateOf(amState));
        text(amState == QLatin1String("suppressed") ? "true" : "false");
        text(labels.value(QStringLiteral("severity")).toString().toStdString());
        time("startsAt");
        time("endsAt");
        time("updatedAt");
        text(compact(labels));
        text(compact(alert.value(QStringLiteral("annotations")).toObject()));
        text(receivers.join(QLatin1Char(',')).toStdString());
        text(joinedIds(status.value(QStringLiteral("silencedBy"))));
        text(joinedIds(status.value(QStringLiteral("inhibitedBy"))));
        text(alert.value(QStringLiteral("generatorURL")).toString().toStdString());
        text(silenceUrl(uiUrl, labels));
    }
    return PdPlugin::TableData{std::move(columns)};
}

// name="value", name!="value", name=~"value", name!~"value", as Alertmanager writes them.
std::string matcherText(const QJsonObject &matcher)
{
    const bool equal = matcher.value(QStringLiteral("isEqual")).toBool(true);
    const bool regex = matcher.value(QStringLiteral("isRegex")).toBool(false);
    const QString op = QLatin1String(equal ? (regex ? "=~" : "=") : (regex ? "!~" : "!="));
    const QString text = matcher.value(QStringLiteral("name")).toString() + op +
                         quotedValue(matcher.value(QStringLiteral("value")).toString());
    return text.toStdString();
}

PdPlugin::TableData silenceRows(const QJsonArray &silences)
{
    std::vector<Column> columns = {textColumn("id"),       textColumn("state"),
                                   textColumn("matchers"), textColumn("createdBy"),
                                   textColumn("comment"),  timeColumn("startsAt"),
                                   timeColumn("endsAt"),   timeColumn("updatedAt")};
    for (const QJsonValue &item : silences) {
        const QJsonObject silence = item.toObject();
        std::string matchers;
        for (const QJsonValue &matcher : silence.value(QStringLiteral("matchers")).toArray())
            matchers += (matchers.empty() ? "" : ", ") + matcherText(matcher.toObject());
        columns[0].text.push_back(silence.value(QStringLiteral("id")).toString().toStdString());
        columns[1].text.push_back(silence.value(QStringLiteral("status"))
                                      .toObject()
                                      .value(QStringLiteral("state"))
                                      .toString()
                                      .toStdString());
        columns[2].text.push_back(std::move(matchers));
        columns[3].text.push_back(
            silence.value(QStringLiteral("createdBy")).toString().toStdString());
        columns[4].text.push_back(
            silence.value(QStringLiteral("comment")).toString().toStdString());
        columns[5].numbers.push_back(timeMs(silence.value(QStringLiteral("startsAt"))));
        columns[6].numbers.push_back(timeMs(silence.value(QStringLiteral("endsAt"))));
        columns[7].numbers.push_back(timeMs(silence.value(QStringLiteral("updatedAt"))));
    }
    return PdPlugin::TableData{std::move(columns)};
}

QStringList interpolatedFilters(const PdPlugin::QueryContext &context)
{
    QStringList filters;
    for (const QJsonValue &filter : context.spec.value(QStringLiteral("filters")).toArray()) {
        const QString text =
            context.interpolate(filter.toString(), context.suggestedWindow).trimmed();
        if (!text.isEmpty())
            filters.append(text);
    }
    return filters;
}

} // namespace

AlertmanagerDatasource::AlertmanagerDatasource(PdPlugin::HttpTransport *transport, QString uiUrl)
    : m_transport(transport)
    , m_uiUrl(std::move(uiUrl))
{}

QString AlertmanagerDatasource::uiUrlOf(const QJsonObject &spec)
{
    const QString direct = spec.value(QStringLiteral("directUrl")).toString();
    if (!direct.isEmpty())
        return direct;
    return spec.value(QStringLiteral("proxy"))
        .toObject()
        .value(QStringLiteral("spec"))
        .toObject()
        .value(QStringLiteral("url"))
        .toString();
}

// The parameters in the Perses plugin's order; only those the spec sets are sent, so
// Alertmanager's own defaults (all true) hold for the others.
PdPlugin::CallHandle
AlertmanagerDatasource::fetchAlerts(const PdPlugin::QueryContext &context,
                                    std::function<void(PdPlugin::QueryOutcome)> done)
{
    QList<QPair<QString, QString>> query;
    QJsonObject executed;
    const QStringList filters = interpolatedFilters(context);
    for (const QString &filter : filters)
        query.append({QStringLiteral("filter"), filter});
    if (!filters.isEmpty())
        executed.insert(QStringLiteral("filters"), QJsonArray::fromStringList(filters));
    for (const char *flag : {"active", "silenced", "inhibited", "unprocessed"}) {
        const QJsonValue value = context.spec.value(QLatin1String(flag));
        if (value.isBool()) {
            query.append({QLatin1String(flag), QLatin1String(value.toBool() ? "true" : "false")});
            executed.insert(QLatin1String(flag), value);
        }
    }
    const QString receiver = context.interpolate(
        context.spec.value(QStringLiteral("receiver")).toString(), context.suggestedWindow);
    if (!receiver.trimmed().isEmpty()) {
        query.append({QStringLiteral("receiver"), receiver.trimmed()});
        executed.insert(QStringLiteral("receiver"), receiver.trimmed());
    }
    return fetch(QByteArrayLiteral("/api/v2/alerts"), context, query,
                 QString::fromUtf8(QJsonDocument(executed).toJson(QJsonDocument::Compact)), true,
                 std::move(done));
}

PdPlugin::CallHandle
AlertmanagerDatasource::fetchSilences(const PdPlugin::QueryContext &context,
                                      std::function<void(PdPlugin::QueryOutcome)> done)
{
    QList<QPair<QString, QString>> query;
    const QStringList filters = interpolatedFilters(context);
    for (const QString &filter : filters)
        query.append({QStringLiteral("filter"), filter});
    QJsonObject executed;
    if (!filters.isEmpty())
        executed.insert(QStringLiteral("filters"), QJsonArray::fromStringList(filters));
    return fetch(QByteArrayLiteral("/api/v2/silences"), context, query,
                 QString::fromUtf8(QJsonDocument(executed).toJson(QJsonDocument::Compact)), false,
                 std::move(done));
}

PdPlugin::CallHandle AlertmanagerDatasource::fetch(const QByteArray &path,
                                                   const PdPlugin::QueryContext &context,
                                                   QList<QPair<QString, QString>> query,
                                                   QString executed, bool alerts,
                                                   std::function<void(PdPlugin::QueryOutcome)> done)
{
    PdPlugin::HttpRequest request;
    request.path = path;
    request.query = std::move(query);
    PdPlugin::QueryOutcome outcome;
    outcome.query = std::move(executed);
    outcome.window = context.suggestedWindow;
    outcome.instant = true; // the state now: Alertmanager has no history
    outcome.request = QStringLiteral("GET ") + m_transport->urlOf(request);
    const QString uiUrl = m_uiUrl;
    // The callback runs on a worker thread and may outlive this datasource: it holds copies.
    return m_transport->send(request, [outcome, done, uiUrl,
                                       alerts](PdPlugin::HttpResponse response) mutable {
        PdPlugin::QueryData &data = outcome.data;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        if (const QString problem = response.problem(); !problem.isEmpty())
            data = PdPlugin::QueryData::failure(
                response.status == 0 ? response.errorType.toStdString() : "http",
                problem.toStdString());
        else if (error.error != QJsonParseError::NoError)
            data = PdPlugin::QueryData::failure("bad_data", "Alertmanager's answer is not JSON: " +
                                                                error.errorString().toStdString());
        else if (!document.isArray())
            data = PdPlugin::QueryData::failure("bad_data", "Alertmanager's answer is not a list");
        else
            data.table =
                alerts ? alertRows(document.array(), uiUrl) : silenceRows(document.array());
        data.kind = PdPlugin::QueryData::Kind::Table;
        data.bodyBytes = static_cast<std::size_t>(response.body.size());
        done(std::move(outcome));
    });
}
