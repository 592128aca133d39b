// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcekind.h"

#include <QString>

#include <optional>

namespace Pd::ServerPaths {

// The API collection of a kind ("dashboards", "globaldatasources"); none for kinds the
// desktop does not read or write on a server (users, roles, ephemeral dashboards).
std::optional<QString> collection(ResourceKind kind);
// GET/POST: /api/v1/projects/{p}/dashboards, /api/v1/globaldatasources, /api/v1/projects.
QString list(ResourceKind kind, const QString &project);
// GET/PUT/DELETE: /api/v1/projects/{p}/dashboards/{n}, /api/v1/globaldatasources/{n}.
QString item(ResourceKind kind, const QString &project, const QString &name);
// Where `pull` writes a resource under its folder, and `push` expects it:
// <project>/project.yaml, <project>/dashboards/<name>.yaml, globaldatasources/<name>.yaml.
QString file(ResourceKind kind, const QString &project, const QString &name,
             const QString &extension);

} // namespace Pd::ServerPaths
