// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "prometheusreply.h"

namespace Pd {

PrometheusReply::PrometheusReply(QObject *parent)
    : QObject(parent)
{}

// A reply deleted before its answer takes the request with it.
PrometheusReply::~PrometheusReply()
{
    if (m_call)
        m_call->cancel();
}

void PrometheusReply::cancel()
{
    if (m_finished || m_canceled)
        return;
    m_canceled = true;
    if (m_call)
        m_call->cancel();
}

void PrometheusReply::finish(PrometheusResponse response)
{
    if (m_finished || m_canceled)
        return;
    m_response = std::move(response);
    m_finished = true;
    emit finished();
}

} // namespace Pd
