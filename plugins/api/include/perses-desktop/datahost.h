// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the host gives the data plugins of interface version 2: an HTTP transport per
// datasource, and a handle to cancel work in flight. Plugins never make their own network
// access manager: the host's transport already keeps the datasource's limits (six requests at
// once, a timeout, a size limit), its TLS settings and headers (variables interpolated), and,
// for a dashboard from a Perses server, the route through the server's proxy.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

namespace PdPlugin {

// Version of the data interfaces (DatasourcePluginV2, QueryPluginV2, VariablePluginV2).
inline constexpr int dataApiVersion = 2;

// Work in flight. After cancel() its callback is never called.
class Cancelable
{
public:
    virtual ~Cancelable() = default;
    virtual void cancel() = 0;
};
using CallHandle = std::shared_ptr<Cancelable>;

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    // Appended to the datasource's URL, already percent-encoded ("/api/v2/alerts").
    QByteArray path;
    QList<QPair<QString, QString>> query; // encoded by the transport
    QByteArray body;
    QByteArray contentType;
};

struct HttpResponse
{
    // The HTTP status; 0 when no answer came (then `errorType` and `error` say why).
    int status = 0;
    QByteArray contentType;
    // The body. At least `padding` readable bytes follow it in memory, for parsers that
    // read ahead (simdjson).
    QByteArray body;
    // "network", "timeout", "too_large" when the transport failed; empty otherwise (an
    // answer with a 4xx or 5xx status is an answer: its body usually says why).
    QString errorType;
    QString error;
    static constexpr int padding = 64;
};

class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    // Queues the request. `done` runs once on a worker thread, never on the GUI thread: parse
    // the body there. Not called after the handle is canceled.
    virtual CallHandle send(const HttpRequest &request,
                            std::function<void(HttpResponse response)> done) = 0;
    // The datasource's base URL as this transport reaches it (for messages).
    virtual QString baseUrl() const = 0;
    // The whole URL a request goes to, percent-encoded (for the query inspector).
    virtual QString urlOf(const HttpRequest &request) const = 0;
    // "HTTP 503 Service Unavailable: <what the body says>": the host's one reading of an error
    // answer (a JSON `error` or `message`, an HTML title, or the start of a text body).
    virtual QString describeHttpError(const HttpResponse &response) const = 0;
};

} // namespace PdPlugin
