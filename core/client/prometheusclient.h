// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceconnection.h"
#include "prometheusreply.h"
#include "sentrequest.h"
#include "tlssettings.h"
#include "variablevalue.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Pd {

// Talks to one Prometheus datasource over HTTP, asynchronously (perses-api.md §8, §9.2):
// POST forms for queries and label names, GET for label values; the datasource's headers and
// query parameters on every request; at most six requests at once; a timeout per request;
// TLS verified. Responses are parsed on the thread pool; errors come back as values.
class PrometheusClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxConcurrentRequests = 6;
    static constexpr qint64 defaultMaxResponseBytes = 128 * 1024 * 1024;

    PrometheusClient(DatasourceConnection connection, QNetworkAccessManager *network,
                     QObject *parent = nullptr);
    ~PrometheusClient() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    const DatasourceConnection &connection() const { return m_connection; }
    // Values for `$var` in the datasource's headers, applied to the requests that follow
    // (perses-api.md §9.2: headers are interpolated before they are sent).
    void setVariables(VariableValues values) { m_variables = std::move(values); }

    PrometheusReply *queryRange(const std::string &query, double start, double end, double step);
    PrometheusReply *query(const std::string &query, std::optional<double> time);
    PrometheusReply *labelNames(const std::vector<std::string> &matchers, double start, double end);
    PrometheusReply *labelValues(const std::string &label, const std::vector<std::string> &matchers,
                                 double start, double end);

    // /api/v1/status/buildinfo: the server's version and build, as `fields` (a connection
    // test: only a Prometheus answers it).
    PrometheusReply *buildInfo();

    int requestsInFlight() const { return m_inFlight; }
    int requestsQueued() const { return static_cast<int>(m_queue.size()); }

signals:
    void requestsChanged();
    // Each request as it is handed to the network, after queueing.
    void requestSent(const Pd::SentRequest &request);

private:
    struct Request
    {
        QPointer<PrometheusReply> reply;
        QNetworkRequest request;
        QByteArray form; // POST body; empty for GET
        bool post = true;
        bool strings = false; // labels endpoints answer lists of strings
        std::size_t expectedPoints = 0;
    };

    using Params = std::vector<std::pair<std::string, std::string>>;
    PrometheusReply *submit(const std::string &path, const Params &params, bool post, bool strings,
                            std::size_t expectedPoints = 0);
    void startQueued();
    void start(Request request);
    void onFinished(QNetworkReply *network, Request request, std::shared_ptr<std::string> body);

    DatasourceConnection m_connection;
    QNetworkAccessManager *m_network;
    TlsSettings m_tls;
    std::string m_tlsProblem; // why the connection's CA file did not read
    std::chrono::milliseconds m_timeout{30000};
    qint64 m_maxResponseBytes = defaultMaxResponseBytes;
    VariableValues m_variables;
    QList<Request> m_queue;
    int m_inFlight = 0;
};

} // namespace Pd
