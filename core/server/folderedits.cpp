// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "folderedits.h"

#include <QJsonArray>

namespace Pd::FolderEdits {

namespace {

bool isDashboard(const QJsonValue &item, const QString &name)
{
    return item[u"kind"].toString() == u"Dashboard" && item[u"name"].toString() == name;
}

bool removeFrom(QJsonArray &items, const QString &dashboard)
{
    bool removed = false;
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        if (isDashboard(items[i], dashboard)) {
            items.removeAt(i);
            removed = true;
            continue;
        }
        QJsonObject entry = items[i].toObject();
        QJsonArray children = entry.value(u"items").toArray();
        if (removeFrom(children, dashboard)) {
            entry[u"items"] = children;
            items[i] = entry;
            removed = true;
        }
    }
    return removed;
}

bool containedIn(const QJsonArray &items, const QString &dashboard)
{
    for (const QJsonValue &item : items) {
        if (isDashboard(item, dashboard) || containedIn(item[u"items"].toArray(), dashboard))
            return true;
    }
    return false;
}

} // namespace

QJsonObject newFolder(const QString &project, const QString &name, const QString &displayName)
{
    return {
        {QStringLiteral("kind"), QStringLiteral("Folder")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("project"), project}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("display"),
                                              QJsonObject{{QStringLiteral("name"), displayName}}},
                                             {QStringLiteral("items"), QJsonArray{}}}}};
}

bool removeDashboard(QJsonObject &folder, const QString &dashboard)
{
    QJsonObject spec = folder.value(u"spec").toObject();
    QJsonArray items = spec.value(u"items").toArray();
    if (!removeFrom(items, dashboard))
        return false;
    spec[u"items"] = items;
    folder[u"spec"] = spec;
    return true;
}

bool addDashboard(QJsonObject &folder, const QString &dashboard)
{
    if (containsDashboard(folder, dashboard))
        return false;
    QJsonObject spec = folder.value(u"spec").toObject();
    QJsonArray items = spec.value(u"items").toArray();
    items.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("Dashboard")},
                             {QStringLiteral("name"), dashboard}});
    spec[u"items"] = items;
    folder[u"spec"] = spec;
    return true;
}

bool containsDashboard(const QJsonObject &folder, const QString &dashboard)
{
    return containedIn(folder.value(u"spec").toObject().value(u"items").toArray(), dashboard);
}

} // namespace Pd::FolderEdits
