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
// 3: TimeSeries gained implicit times (startMs, stepMs), which changed its layout, so modules
// built for 2 are refused instead of misread.
inline constexpr int dataApiVersion = 3;

// Work in flight, as the host holds it. cancel() is called on the GUI thread; no callback
// starts after it returns (one already running may finish), and what the callback captured
// should be released. A plugin may return a null handle for work that cannot be canceled
// (an answer given at once).
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
    // For a status of 300 or more: "HTTP 503 Service Unavailable: <what the body says>", the
    // host's one reading of an error answer (a JSON `error` or `message`, an HTML title, or
    // the start of a text body).
    QString httpError;
    static constexpr int padding = 64;

    // Why the request failed (the transport's words or the error answer's), or empty.
    QString problem() const
    {
        if (status == 0)
            return error.isEmpty() ? QStringLiteral("no answer") : error;
        return status >= 300 ? httpError : QString();
    }
};

// The host's HTTP transport to one datasource. Call it on the GUI thread only. It may be
// destroyed (the dashboard closed) while answers are on their way: a callback must not use
// the transport or the datasource client; it gets all it needs in the response. A callback
// canceled or outlived by its transport is never called.
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    // Queues the request. `done` runs once on a worker thread, never on the GUI thread: parse
    // the body there.
    virtual CallHandle send(const HttpRequest &request,
                            std::function<void(HttpResponse response)> done) = 0;
    // The datasource's base URL as this transport reaches it (for messages).
    virtual QString baseUrl() const = 0;
    // The whole URL a request goes to, percent-encoded (for the query inspector).
    virtual QString urlOf(const HttpRequest &request) const = 0;
};

} // namespace PdPlugin
