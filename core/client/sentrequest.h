// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QUrl>

namespace Pd {

// A request as it left for a datasource: enough to send the very same bytes again (the
// benchmarks' network floor replays these) or to show a person what was asked.
struct SentRequest
{
    QByteArray method; // "GET" or "POST"
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

} // namespace Pd

Q_DECLARE_METATYPE(Pd::SentRequest)
