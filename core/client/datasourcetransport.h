// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceconnection.h"
#include "sentrequest.h"
#include "tlssettings.h"
#include "variablevalue.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>

#include <chrono>
#include <memory>
#include <perses-desktop/datahost.h>
#include <string>

class QNetworkAccessManager;
class QNetworkReply;

namespace Pd {

class TransportCall;

// The one HTTP path to a datasource, whatever its plugin: the datasource's URL, query
// parameters and headers (variables interpolated) on every request, the Authorization of a
// Perses session asked for as each request leaves, the server's `unsaved` proxy route, TLS
// as the user set it, at most six requests at once, a timeout and a size limit per answer.
// Answers are handed to the caller on the thread pool, where they are parsed. It owns its
// network access manager: Qt reuses a host's connections across one manager's requests
// whatever their TLS settings.
class DatasourceTransport : public QObject, public PdPlugin::HttpTransport
{
    Q_OBJECT

public:
    static constexpr int maxConcurrentRequests = 6;
    static constexpr qint64 defaultMaxResponseBytes = 128 * 1024 * 1024;

    explicit DatasourceTransport(DatasourceConnection connection, QObject *parent = nullptr);
    ~DatasourceTransport() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    const DatasourceConnection &connection() const { return m_connection; }
    // Values for `$var` in the datasource's headers, applied to the requests that follow
    // (perses-api.md §9.2: headers are interpolated before they are sent).
    void setVariables(VariableValues values) { m_variables = std::move(values); }

    PdPlugin::CallHandle send(const PdPlugin::HttpRequest &request,
                              std::function<void(PdPlugin::HttpResponse)> done) override;
    QString baseUrl() const override;
    QString urlOf(const PdPlugin::HttpRequest &request) const override;

    int requestsInFlight() const { return m_inFlight; }
    int requestsQueued() const { return static_cast<int>(m_queue.size()); }

signals:
    void requestsChanged();
    // Each request as it is handed to the network, after queueing.
    void requestSent(const Pd::SentRequest &request);

private:
    struct Pending
    {
        std::shared_ptr<TransportCall> call;
        QNetworkRequest request;
        QByteArray method;
        QByteArray body;
    };

    QUrl urlFor(const PdPlugin::HttpRequest &request) const;
    void startQueued();
    void start(Pending pending);
    void onFinished(QNetworkReply *network, const Pending &pending,
                    const std::shared_ptr<QByteArray> &body);
    // Hands the answer to the caller on the thread pool, unless the call was canceled.
    static void deliver(const std::shared_ptr<TransportCall> &call,
                        PdPlugin::HttpResponse response);
    void fail(const std::shared_ptr<TransportCall> &call, const std::string &type,
              const std::string &message);

    DatasourceConnection m_connection;
    QNetworkAccessManager *m_network;
    TlsSettings m_tls;
    std::string m_tlsProblem; // why the connection's CA file did not read
    std::chrono::milliseconds m_timeout{30000};
    qint64 m_maxResponseBytes = defaultMaxResponseBytes;
    VariableValues m_variables;
    QList<Pending> m_queue;
    int m_inFlight = 0;
};

} // namespace Pd
