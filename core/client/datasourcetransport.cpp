// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcetransport.h"

#include "httpfailure.h"
#include "transportcall.h"
#include "variableinterpolator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace Pd {

namespace {

QString toQString(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString encoded(const QString &text)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text));
}

// A header template with its variables replaced. Line breaks are dropped: a variable value
// (a label value from Prometheus, say) must not be able to start a header of its own.
QByteArray headerValue(const std::string &value, const VariableValues &variables)
{
    QByteArray header = QByteArray::fromStdString(VariableInterpolator::replace(value, variables));
    header.removeIf([](char c) { return c == '\r' || c == '\n'; });
    return header;
}

} // namespace

DatasourceTransport::DatasourceTransport(DatasourceConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_network(new QNetworkAccessManager(this))
{
    m_tlsProblem =
        m_tls.load(toQString(m_connection.caFile), m_connection.insecureSkipVerify).toStdString();
}

DatasourceTransport::~DatasourceTransport()
{
    // Whatever is still queued or in flight is dropped: nobody waits for it any more.
    for (const Pending &pending : std::as_const(m_queue))
        pending.call->cancel();
}

QString DatasourceTransport::baseUrl() const
{
    return toQString(m_connection.url);
}

QUrl DatasourceTransport::urlFor(const PdPlugin::HttpRequest &request) const
{
    // `path` is already percent-encoded (label names): keep it as it is.
    QUrl url(toQString(m_connection.url));
    QString base = url.path(QUrl::FullyEncoded);
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QString::fromUtf8(request.path), QUrl::TolerantMode);
    // The datasource's query parameters go on the URL; the request's own win over them.
    QUrlQuery urlQuery(url);
    for (const auto &[key, value] : m_connection.queryParams) {
        const QString name = toQString(key);
        const bool overridden = std::any_of(request.query.begin(), request.query.end(),
                                            [&](const auto &p) { return p.first == name; });
        if (!overridden)
            urlQuery.addQueryItem(encoded(name), encoded(toQString(value)));
    }
    for (const auto &[key, value] : request.query)
        urlQuery.addQueryItem(encoded(key), encoded(value));
    url.setQuery(urlQuery.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QString DatasourceTransport::urlOf(const PdPlugin::HttpRequest &request) const
{
    return urlFor(request).toString(QUrl::FullyEncoded);
}

PdPlugin::CallHandle DatasourceTransport::send(const PdPlugin::HttpRequest &request,
                                               std::function<void(PdPlugin::HttpResponse)> done)
{
    auto call = std::make_shared<TransportCall>(std::move(done));
    if (!m_tlsProblem.empty()) {
        // A CA file that does not read: no request goes out trusting less than the user asked.
        fail(call, "network", "datasource \"" + m_connection.name + "\": " + m_tlsProblem);
        return call;
    }
    Pending pending;
    pending.call = call;
    pending.method = request.method;
    pending.body = request.body;
    pending.request = QNetworkRequest(urlFor(request));
    QNetworkRequest &network = pending.request;
    network.setTransferTimeout(static_cast<int>(m_timeout.count()));
    network.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    network.setRawHeader("Accept", "application/json");
    network.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("perses-desktop"));
    m_tls.apply(network);
    for (const auto &[name, value] : m_connection.headers)
        network.setRawHeader(QByteArray::fromStdString(name), headerValue(value, m_variables));
    if (!request.contentType.isEmpty())
        network.setRawHeader("Content-Type", request.contentType);
    m_queue.append(std::move(pending));
    // Started from the event loop, after the caller has its handle.
    QMetaObject::invokeMethod(this, &DatasourceTransport::startQueued, Qt::QueuedConnection);
    emit requestsChanged();
    return call;
}

void DatasourceTransport::startQueued()
{
    while (m_inFlight < maxConcurrentRequests && !m_queue.isEmpty()) {
        Pending pending = m_queue.takeFirst();
        if (!pending.call->isCanceled())
            start(std::move(pending));
    }
    emit requestsChanged();
}

void DatasourceTransport::start(Pending pending)
{
    QNetworkRequest &request = pending.request;
    if (m_connection.authorization) {
        // Asked for now, not when queued: a session refreshed meanwhile has a new token.
        if (const std::string value = m_connection.authorization(); !value.empty())
            request.setRawHeader("Authorization", QByteArray::fromStdString(value));
    }
    if (!m_connection.unsavedSpec.empty()) {
        // The server's unsaved route: the request inside a POST with the datasource's spec.
        QJsonObject wrapper{
            {QStringLiteral("method"), QString::fromLatin1(pending.method)},
            {QStringLiteral("body"), QString::fromLatin1(pending.body.toBase64())},
            {QStringLiteral("spec"),
             QJsonDocument::fromJson(QByteArray::fromStdString(m_connection.unsavedSpec))
                 .object()}};
        request.setRawHeader("Content-Type", QByteArrayLiteral("application/json"));
        pending.body = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        pending.method = QByteArrayLiteral("POST");
    }
    QNetworkReply *network = nullptr;
    if (pending.method == "GET")
        network = m_network->get(request);
    else if (pending.method == "POST")
        network = m_network->post(request, pending.body);
    else
        network = m_network->sendCustomRequest(request, pending.method, pending.body);
    pending.call->setNetworkReply(network);
    SentRequest sent{pending.method, request.url(), {}, pending.body};
    for (const QByteArray &name : request.rawHeaderList())
        sent.headers.append({name, request.rawHeader(name)});
    emit requestSent(sent);
    ++m_inFlight;
    auto body = std::make_shared<QByteArray>();
    const qint64 limit = m_maxResponseBytes;
    connect(network, &QNetworkReply::readyRead, this, [network, body, limit] {
        if (body->isEmpty()) {
            const qint64 length =
                network->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (length > 0 && length <= limit)
                body->reserve(length + PdPlugin::HttpResponse::padding);
        }
        const QByteArray chunk = network->readAll();
        if (body->size() + chunk.size() > limit) {
            network->setProperty("pd_tooLarge", true);
            network->abort();
            return;
        }
        body->append(chunk);
    });
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
            [this, network, pending, body] { onFinished(network, pending, body); });
}

void DatasourceTransport::fail(const std::shared_ptr<TransportCall> &call, const std::string &type,
                               const std::string &message)
{
    PdPlugin::HttpResponse response;
    response.errorType = QString::fromStdString(type);
    response.error = QString::fromStdString(message);
    deliver(call, std::move(response));
}

void DatasourceTransport::deliver(const std::shared_ptr<TransportCall> &call,
                                  PdPlugin::HttpResponse response)
{
    if (call->isCanceled())
        return;
    // Parsing runs on the thread pool: a large result never stalls the event loop (nor does
    // the copy that reserving room for the parser's padding may take).
    QThreadPool::globalInstance()->start([call, response = std::move(response)]() mutable {
        if (response.body.capacity() - response.body.size() < PdPlugin::HttpResponse::padding)
            response.body.reserve(response.body.size() + PdPlugin::HttpResponse::padding);
        call->complete(std::move(response));
    });
}

void DatasourceTransport::onFinished(QNetworkReply *network, const Pending &pending,
                                     const std::shared_ptr<QByteArray> &body)
{
    --m_inFlight;
    network->deleteLater();
    QMetaObject::invokeMethod(this, &DatasourceTransport::startQueued, Qt::QueuedConnection);
    const std::shared_ptr<TransportCall> &call = pending.call;
    call->setNetworkReply(nullptr);
    if (call->isCanceled())
        return;
    auto failWith = [&](const PrometheusResponse &failure) {
        fail(call, failure.errorType, failure.error);
    };
    if (network->property("pd_timedOut").toBool()) {
        failWith(HttpFailure::network(QNetworkReply::TimeoutError, {}, m_connection.url, m_timeout,
                                      false));
        return;
    }
    if (network->property("pd_tooLarge").toBool()) {
        failWith(HttpFailure::tooLarge(m_maxResponseBytes));
        return;
    }
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = network->error();
    const bool transferFailed = status >= 200 && status < 300 && error != QNetworkReply::NoError;
    if (status == 0 || transferFailed) {
        failWith(HttpFailure::network(error, network->errorString().toStdString(), m_connection.url,
                                      m_timeout, transferFailed));
        return;
    }
    PdPlugin::HttpResponse response;
    response.status = status;
    response.contentType = network->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    response.body = std::move(*body);
    if (status >= 300)
        response.httpError = QString::fromStdString(HttpFailure::describe(
            status, response.body.toStdString(), response.contentType.toStdString()));
    deliver(call, std::move(response));
}

} // namespace Pd
