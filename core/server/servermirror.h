// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <string>

namespace Pd {

// Where the window keeps what it opened from a server, laid out as `pull` writes (so the
// viewer, the editor, drafts and lint work on it as on any file):
//   <root>/<project>/dashboards/<name>.yaml    the working copy the editor saves into
//   <root>/.base/<project>/dashboards/<name>.yaml   the server's copy it started from, with
//                                                   metadata.version (the merge base)
//   <root>/<project>/datasources/…, globaldatasources/…   what the dashboard needs to run
// A save writes the working copy first, then publishes it: a server that is down, a 5xx or an
// expired session never costs an edit, and the working copy stays "unpublished" until the
// server took it.
class ServerMirror
{
public:
    // `root` defaults to <app data>/servers/<connection name>.
    explicit ServerMirror(const QString &connectionName, QString root = {});

    const QString &root() const { return m_root; }
    QString workingFile(const QString &project, const QString &name) const;
    QString baseFile(const QString &project, const QString &name) const;
    // Where a fresh pull of the dashboard is written before adopt() decides what to keep.
    QString incomingFolder() const;

    // The working copy differs from the server copy it started from (version aside).
    bool hasUnpublishedChanges(const QString &project, const QString &name) const;
    enum class Adopted { Fresh, KeptUnpublished, Missing };
    // Takes the dashboard pulled into incomingFolder(): as base and working copy, unless the
    // working copy holds unpublished changes, which are kept with their old base so that the
    // next save sees that the server moved on.
    Adopted adopt(const QString &project, const QString &name);
    // The server's answer to a save (or the copy chosen in a conflict) as the new base;
    // `alsoWorking` makes it the working copy too (the user took the server's version).
    QString setBase(const QString &project, const QString &name, const QByteArray &json,
                    bool alsoWorking);
    // The plugins of the base's own datasources, by name: what the server's dashboard route
    // serves (ServerProxyRoute::savedDashboardPlugins).
    std::map<std::string, Node> savedDatasourcePlugins(const QString &project,
                                                       const QString &name) const;
    // The version of the base; none without one.
    std::optional<qint64> baseVersion(const QString &project, const QString &name) const;

private:
    QString m_root;
};

} // namespace Pd
