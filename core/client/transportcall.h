// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkReply>
#include <QPointer>

#include <atomic>
#include <functional>
#include <perses-desktop/datahost.h>

namespace Pd {

// One request of a DatasourceTransport, from queueing to its answer, as the caller's handle.
// cancel() (on the transport's thread) aborts the transfer and drops the answer, also one
// already on its way to the thread pool.
class TransportCall : public PdPlugin::Cancelable
{
public:
    explicit TransportCall(std::function<void(PdPlugin::HttpResponse)> done)
        : m_done(std::move(done))
    {}

    void cancel() override
    {
        m_canceled = true;
        if (m_network)
            m_network->abort();
    }
    bool isCanceled() const { return m_canceled; }
    void setNetworkReply(QNetworkReply *network) { m_network = network; }
    // Runs the caller's callback once, unless canceled.
    void complete(PdPlugin::HttpResponse response)
    {
        if (m_canceled.exchange(true))
            return;
        auto done = std::move(m_done);
        done(std::move(response));
    }

private:
    std::function<void(PdPlugin::HttpResponse)> m_done;
    std::atomic<bool> m_canceled{false};
    QPointer<QNetworkReply> m_network;
};

} // namespace Pd
