// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusclient.h"

#include "httpfailure.h"
#include "posttoowner.h"
#include "querystep.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

QString toQString(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// application/x-www-form-urlencoded, every reserved character encoded (PromQL has + & = #).
QByteArray encodeForm(const std::vector<std::pair<std::string, std::string>> &params)
{
    QByteArray form;
    for (const auto &[key, value] : params) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(toQString(key));
        form += '=';
        form += QUrl::toPercentEncoding(toQString(value));
    }
    return form;
}

// match[] for every matcher, then the time range: the form of the metadata endpoints.
std::vector<std::pair<std::string, std::string>>
matchParams(const std::vector<std::string> &matchers, double start, double end)
{
    std::vector<std::pair<std::string, std::string>> params;
    for (const std::string &matcher : matchers)
        params.emplace_back("match[]", matcher);
    params.emplace_back("start", QueryStep::plainNumber(start));
    params.emplace_back("end", QueryStep::plainNumber(end));
    return params;
}

std::size_t pointsBetween(double start, double end, double step)
{
    if (step <= 0 || end < start)
        return 0;
    return static_cast<std::size_t>(std::min((end - start) / step + 1.0, 11001.0));
}

// An answer read as Prometheus writes it; on a worker thread.
PrometheusResponse parse(const PdPlugin::HttpResponse &answer, bool strings,
                         std::size_t expectedPoints)
{
    if (answer.status == 0)
        return PrometheusResponse::failure(answer.errorType.toStdString(),
                                           answer.error.toStdString());
    const std::string_view body(answer.body.constData(),
                                static_cast<std::size_t>(answer.body.size()));
    PrometheusResponse response =
        strings ? PrometheusResponseParser::parseStrings(body)
                : PrometheusResponseParser::parseQuery(
                      body, PrometheusResponseParser::Options{
                                expectedPoints, answer.body.capacity() - answer.body.size() >=
                                                    PdPlugin::HttpResponse::padding});
    response.bodyBytes = body.size();
    if (answer.status >= 300)
        return HttpFailure::httpStatus(answer.status, std::string(body),
                                       answer.contentType.toStdString(), std::move(response));
    return response;
}

} // namespace

PrometheusClient::PrometheusClient(PdPlugin::HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

PrometheusClient::~PrometheusClient() = default;

PrometheusReply *PrometheusClient::queryRange(const std::string &query, double start, double end,
                                              double step)
{
    return submit("/api/v1/query_range",
                  {{"query", query},
                   {"start", QueryStep::plainNumber(start)},
                   {"end", QueryStep::plainNumber(end)},
                   {"step", QueryStep::plainNumber(step)}},
                  true, false, pointsBetween(start, end, step));
}

PrometheusReply *PrometheusClient::query(const std::string &query, std::optional<double> time)
{
    Params params = {{"query", query}};
    if (time)
        params.emplace_back("time", QueryStep::plainNumber(*time));
    return submit("/api/v1/query", params, true, false);
}

PrometheusReply *PrometheusClient::labelNames(const std::vector<std::string> &matchers,
                                              double start, double end)
{
    const Params params = matchParams(matchers, start, end);
    return submit("/api/v1/labels", params, true, true);
}

PrometheusReply *PrometheusClient::buildInfo()
{
    return submit("/api/v1/status/buildinfo", {}, false, true);
}

PrometheusReply *PrometheusClient::labelValues(const std::string &label,
                                               const std::vector<std::string> &matchers,
                                               double start, double end)
{
    const Params params = matchParams(matchers, start, end);
    const QByteArray encoded = QUrl::toPercentEncoding(toQString(label));
    return submit("/api/v1/label/" + encoded.toStdString() + "/values", params, false, true);
}

PrometheusReply *PrometheusClient::submit(const std::string &path, const Params &params, bool post,
                                          bool strings, std::size_t expectedPoints)
{
    auto *reply = new PrometheusReply(this);
    PdPlugin::HttpRequest request;
    request.path = QByteArray::fromStdString(path);
    if (post) {
        request.method = QByteArrayLiteral("POST");
        request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
        request.body = encodeForm(params);
    } else {
        for (const auto &[key, value] : params)
            request.query.append({toQString(key), toQString(value)});
    }
    reply->m_url = m_transport->urlOf(request).toStdString();
    QPointer<PrometheusReply> owner(reply);
    reply->m_call =
        m_transport->send(request, [owner, strings, expectedPoints](PdPlugin::HttpResponse answer) {
            PrometheusResponse response = parse(answer, strings, expectedPoints);
            postToOwner(owner, [response = std::move(response)](PrometheusReply *target) mutable {
                target->finish(std::move(response));
            });
        });
    return reply;
}

} // namespace Pd
