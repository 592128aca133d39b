// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace Pd {

// Changes to Folder resources (spec.items: Folder and Dashboard entries, nested), as the
// Servers dock makes them: a new folder, a dashboard taken out of a folder or put into one.
// A dashboard appears once per folder resource (perses-api.md §5.2).
namespace FolderEdits {

QJsonObject newFolder(const QString &project, const QString &name, const QString &displayName);
// Takes the dashboard out wherever it is in the folder; true when it was there.
bool removeDashboard(QJsonObject &folder, const QString &dashboard);
// Adds the dashboard at the folder's top, unless it is in it already; true when added.
bool addDashboard(QJsonObject &folder, const QString &dashboard);
bool containsDashboard(const QJsonObject &folder, const QString &dashboard);

} // namespace FolderEdits

} // namespace Pd
