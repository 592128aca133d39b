// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "apireply.h"

#include <QEventLoop>

namespace Pd {

void ApiReply::waitForFinished()
{
    if (m_finished)
        return;
    QEventLoop loop;
    connect(this, &ApiReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

void ApiReply::finish(int status, QByteArray body, QString error)
{
    m_status = status;
    m_body = std::move(body);
    m_error = std::move(error);
    m_finished = true;
    emit finished();
}

} // namespace Pd
