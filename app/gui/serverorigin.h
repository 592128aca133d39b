// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QString>

namespace Pd {
class ServerSession;
}

namespace Pd::Gui {

// Where an opened working copy came from: which server, project and dashboard, and why it
// may not be edited (empty when it may).
struct ServerOrigin
{
    QPointer<ServerSession> session;
    QString project;
    QString name;
    QString readOnlyReason;
};

} // namespace Pd::Gui
