// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <QPointer>
#include <QString>

#include <map>
#include <string>

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
    // The dashboard's own datasources as saved, read when it was opened (off the GUI thread).
    std::map<std::string, Node> savedPlugins;
};

} // namespace Pd::Gui
