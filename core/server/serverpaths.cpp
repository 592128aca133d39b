// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "serverpaths.h"

#include "persesapi.h"

namespace Pd::ServerPaths {

std::optional<QString> collection(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Project:
        return QStringLiteral("projects");
    case ResourceKind::Dashboard:
        return QStringLiteral("dashboards");
    case ResourceKind::Datasource:
        return QStringLiteral("datasources");
    case ResourceKind::GlobalDatasource:
        return QStringLiteral("globaldatasources");
    case ResourceKind::Variable:
        return QStringLiteral("variables");
    case ResourceKind::GlobalVariable:
        return QStringLiteral("globalvariables");
    case ResourceKind::Folder:
        return QStringLiteral("folders");
    case ResourceKind::Secret:
        return QStringLiteral("secrets");
    case ResourceKind::GlobalSecret:
        return QStringLiteral("globalsecrets");
    default:
        return std::nullopt;
    }
}

QString list(ResourceKind kind, const QString &project)
{
    const QString plural = collection(kind).value_or(QString());
    if (isProjectScoped(kind))
        return PersesApi::path({QStringLiteral("api"), QStringLiteral("v1"),
                                QStringLiteral("projects"), project, plural});
    return PersesApi::path({QStringLiteral("api"), QStringLiteral("v1"), plural});
}

QString item(ResourceKind kind, const QString &project, const QString &name)
{
    return list(kind, project) + PersesApi::path({name});
}

QString file(ResourceKind kind, const QString &project, const QString &name,
             const QString &extension)
{
    if (kind == ResourceKind::Project)
        return name + QStringLiteral("/project.") + extension;
    const QString plural = collection(kind).value_or(QStringLiteral("other"));
    const QString folder = isProjectScoped(kind) ? project + u'/' + plural : plural;
    return folder + u'/' + name + u'.' + extension;
}

} // namespace Pd::ServerPaths
