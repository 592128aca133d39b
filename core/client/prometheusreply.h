// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "prometheusresponse.h"

#include <QObject>

#include <perses-desktop/datahost.h>

namespace Pd {

// One request to Prometheus in flight. It emits finished() once, with the response or the
// error as a value; after cancel() it emits nothing. The client is its parent; whoever takes
// the result deletes it (deleteLater) once finished() has been handled.
class PrometheusReply : public QObject
{
    Q_OBJECT

public:
    explicit PrometheusReply(QObject *parent = nullptr);
    ~PrometheusReply() override;

    const PrometheusResponse &response() const { return m_response; }
    // The response moved out, for the one consumer of a large result.
    PrometheusResponse takeResponse() { return std::move(m_response); }
    bool isFinished() const { return m_finished; }
    bool isCanceled() const { return m_canceled; }
    // What was asked, for the query inspector and error messages.
    const std::string &url() const { return m_url; }

    void cancel();

signals:
    void finished();

private:
    friend class PrometheusClient;
    void finish(PrometheusResponse response);

    PrometheusResponse m_response;
    std::string m_url;
    PdPlugin::CallHandle m_call; // the request on the transport
    bool m_finished = false;
    bool m_canceled = false;
};

} // namespace Pd
