// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkReply>
#include <QPointer>

#include <functional>
#include <mutex>
#include <perses-desktop/datahost.h>

namespace Pd {

// One request of a DatasourceTransport, from queueing to its answer, as the caller's handle.
// cancel() (on the transport's thread) aborts the transfer, and drops the caller's callback
// and what it holds: an answer on its way to the thread pool is then not delivered. A
// callback already running when cancel() is called finishes.
class TransportCall : public PdPlugin::Cancelable
{
public:
    explicit TransportCall(std::function<void(PdPlugin::HttpResponse)> done)
        : m_done(std::move(done))
    {}

    void cancel() override
    {
        std::function<void(PdPlugin::HttpResponse)> dropped;
        {
            const std::lock_guard lock(m_mutex);
            m_canceled = true;
            dropped = std::move(m_done); // what it captured goes now, not with the handle
        }
        if (m_network)
            m_network->abort();
    }
    bool isCanceled() const
    {
        const std::lock_guard lock(m_mutex);
        return m_canceled;
    }
    void setNetworkReply(QNetworkReply *network) { m_network = network; }
    // Runs the caller's callback once, unless canceled.
    void complete(PdPlugin::HttpResponse response)
    {
        std::function<void(PdPlugin::HttpResponse)> done;
        {
            const std::lock_guard lock(m_mutex);
            if (m_canceled)
                return;
            m_canceled = true; // once
            done = std::move(m_done);
        }
        if (done)
            done(std::move(response));
    }

private:
    mutable std::mutex m_mutex;
    std::function<void(PdPlugin::HttpResponse)> m_done;
    bool m_canceled = false;
    QPointer<QNetworkReply> m_network;
};

} // namespace Pd
