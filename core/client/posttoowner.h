// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QPointer>

#include <utility>

namespace Pd {

// Runs `work(owner)` on the application's thread from a worker thread, unless `owner` is
// gone by then. Posting to the owner itself could reach an object being deleted; the
// application object outlives every answer.
template <typename Owner, typename Work>
void postToOwner(QPointer<Owner> owner, Work work)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [owner = std::move(owner), work = std::move(work)]() mutable {
            if (owner)
                work(owner.data());
        },
        Qt::QueuedConnection);
}

} // namespace Pd
