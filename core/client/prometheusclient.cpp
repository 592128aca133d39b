// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusclient.h"

#include "httpfailure.h"
#include "querystep.h"
#include "variableinterpolator.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QtConcurrent>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

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

// A header template with its variables replaced. Line breaks are dropped: a variable value
// (a label value from Prometheus, say) must not be able to start a header of its own.
QByteArray headerValue(const std::string &value, const VariableValues &variables)
{
    QByteArray header = QByteArray::fromStdString(VariableInterpolator::replace(value, variables));
    header.removeIf([](char c) { return c == '\r' || c == '\n'; });
    return header;
}

std::size_t pointsBetween(double start, double end, double step)
{
    if (step <= 0 || end < start)
        return 0;
    return static_cast<std::size_t>(std::min((end - start) / step + 1.0, 11001.0));
}

} // namespace

PrometheusClient::PrometheusClient(DatasourceConnection connection, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_network(network)
{
    m_tlsProblem =
        m_tls.load(toQString(m_connection.caFile), m_connection.insecureSkipVerify).toStdString();
}

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
    // The datasource's query parameters go on the URL; the request's own win over them.
    // `path` is already percent-encoded (label names): keep it as it is.
    QUrl url(toQString(m_connection.url));
    QString base = url.path(QUrl::FullyEncoded);
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + toQString(path), QUrl::TolerantMode);
    QUrlQuery urlQuery(url);
    for (const auto &[key, value] : m_connection.queryParams) {
        const bool overridden = std::any_of(params.begin(), params.end(),
                                            [&](const auto &p) { return p.first == key; });
        if (!overridden)
            urlQuery.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(toQString(key))),
                                  QString::fromUtf8(QUrl::toPercentEncoding(toQString(value))));
    }
    if (!post) {
        for (const auto &[key, value] : params)
            urlQuery.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(toQString(key))),
                                  QString::fromUtf8(QUrl::toPercentEncoding(toQString(value))));
    }
    url.setQuery(urlQuery.query(QUrl::FullyEncoded), QUrl::StrictMode);
    reply->m_url = url.toString(QUrl::FullyEncoded).toStdString();

    Request request;
    request.reply = reply;
    request.request = QNetworkRequest(url);
    request.request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::NoLessSafeRedirectPolicy);
    request.request.setRawHeader("Accept", "application/json");
    request.request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("perses-desktop"));
    m_tls.apply(request.request);
    if (!m_tlsProblem.empty()) {
        // A CA file that does not read: no request goes out trusting less than the user asked.
        QMetaObject::invokeMethod(
            reply,
            [reply, problem = m_tlsProblem, name = m_connection.name] {
                reply->finish(PrometheusResponse::failure("network", "datasource \"" + name +
                                                                         "\": " + problem));
            },
            Qt::QueuedConnection);
        return reply;
    }
    for (const auto &[name, value] : m_connection.headers)
        request.request.setRawHeader(QByteArray::fromStdString(name),
                                     headerValue(value, m_variables));
    if (post) {
        request.request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QStringLiteral("application/x-www-form-urlencoded"));
        request.form = encodeForm(params);
    }
    request.post = post;
    request.strings = strings;
    request.expectedPoints = expectedPoints;
    m_queue.append(std::move(request));
    // Start from the event loop, so the caller can connect to the reply first.
    QMetaObject::invokeMethod(this, &PrometheusClient::startQueued, Qt::QueuedConnection);
    emit requestsChanged();
    return reply;
}

void PrometheusClient::startQueued()
{
    while (m_inFlight < maxConcurrentRequests && !m_queue.isEmpty()) {
        Request request = m_queue.takeFirst();
        if (!request.reply || request.reply->isCanceled()) {
            if (request.reply)
                request.reply->deleteLater();
            continue;
        }
        start(std::move(request));
    }
    emit requestsChanged();
}

void PrometheusClient::start(Request request)
{
    if (m_connection.authorization) {
        // Asked for now, not when queued: a session refreshed meanwhile has a new token.
        if (const std::string value = m_connection.authorization(); !value.empty())
            request.request.setRawHeader("Authorization", QByteArray::fromStdString(value));
    }
    QNetworkReply *network = nullptr;
    if (!m_connection.unsavedSpec.empty()) {
        // The server's unsaved route: the request inside a POST with the datasource's spec.
        QJsonObject wrapper{
            {QStringLiteral("method"),
             request.post ? QStringLiteral("POST") : QStringLiteral("GET")},
            {QStringLiteral("body"), QString::fromLatin1(request.form.toBase64())},
            {QStringLiteral("spec"),
             QJsonDocument::fromJson(QByteArray::fromStdString(m_connection.unsavedSpec))
                 .object()}};
        request.request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/json"));
        request.form = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        request.post = true;
    }
    network = request.post ? m_network->post(request.request, request.form)
                           : m_network->get(request.request);
    SentRequest sent{request.post ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET"),
                     request.request.url(),
                     {},
                     request.form};
    for (const QByteArray &name : request.request.rawHeaderList())
        sent.headers.append({name, request.request.rawHeader(name)});
    emit requestSent(sent);
    ++m_inFlight;
    auto body = std::make_shared<std::string>();
    const qint64 limit = m_maxResponseBytes;
    connect(network, &QNetworkReply::readyRead, this, [network, body, limit] {
        if (body->empty()) {
            const qint64 length =
                network->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (length > 0 && length <= limit)
                body->reserve(static_cast<std::size_t>(length) + PrometheusResponseParser::padding);
        }
        const QByteArray chunk = network->readAll();
        if (static_cast<qint64>(body->size()) + chunk.size() > limit) {
            network->setProperty("pd_tooLarge", true);
            network->abort();
            return;
        }
        body->append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
    });
    connect(request.reply.data(), &PrometheusReply::canceled, network, &QNetworkReply::abort);
    // The transfer timeout only fires after a silence; a server trickling bytes is bounded
    // by this deadline for the whole request.
    auto *deadline = new QTimer(network);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, network, [network] {
        network->setProperty("pd_timedOut", true);
        network->abort();
    });
    deadline->start(m_timeout);
    connect(network, &QNetworkReply::finished, this,
            [this, network, request, body] { onFinished(network, request, body); });
}

void PrometheusClient::onFinished(QNetworkReply *network, Request request,
                                  std::shared_ptr<std::string> body)
{
    --m_inFlight;
    network->deleteLater();
    QMetaObject::invokeMethod(this, &PrometheusClient::startQueued, Qt::QueuedConnection);
    QPointer<PrometheusReply> reply = request.reply;
    if (!reply || reply->isCanceled()) {
        if (reply)
            reply->deleteLater();
        return;
    }
    if (network->property("pd_timedOut").toBool()) {
        reply->finish(HttpFailure::network(QNetworkReply::TimeoutError, {}, m_connection.url,
                                           m_timeout, false));
        return;
    }
    if (network->property("pd_tooLarge").toBool()) {
        reply->finish(HttpFailure::tooLarge(m_maxResponseBytes));
        return;
    }
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = network->error();
    const bool transferFailed = status >= 200 && status < 300 && error != QNetworkReply::NoError;
    if (status == 0 || transferFailed) {
        reply->finish(HttpFailure::network(error, network->errorString().toStdString(),
                                           m_connection.url, m_timeout, transferFailed));
        return;
    }
    const std::string contentType =
        network->header(QNetworkRequest::ContentTypeHeader).toString().toStdString();
    // Parsing runs on the thread pool: a large result never stalls the event loop (nor does
    // the copy that reserving room for the parser's padding may take).
    const bool strings = request.strings;
    const std::size_t expected = request.expectedPoints;
    // The watcher belongs to the reply: if the reply goes away during the parse, so does
    // the callback; the worker still finishes with its own copy of the body.
    auto *watcher = new QFutureWatcher<PrometheusResponse>(reply);
    connect(watcher, &QFutureWatcherBase::finished, reply, [reply, watcher] {
        PrometheusResponse response = watcher->future().takeResult();
        watcher->deleteLater();
        if (reply->isCanceled()) {
            reply->deleteLater();
            return;
        }
        reply->finish(std::move(response));
    });
    watcher->setFuture(QtConcurrent::run([body, strings, expected, status, contentType] {
        body->reserve(body->size() + PrometheusResponseParser::padding);
        PrometheusResponse response =
            strings ? PrometheusResponseParser::parseStrings(*body)
                    : PrometheusResponseParser::parseQuery(
                          *body, PrometheusResponseParser::Options{expected, true});
        response.bodyBytes = body->size();
        if (status >= 300)
            return HttpFailure::httpStatus(status, *body, contentType, std::move(response));
        return response;
    }));
}

} // namespace Pd
