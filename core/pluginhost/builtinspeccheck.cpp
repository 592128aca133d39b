// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinspeccheck.h"

#include "jsonbridge.h"

#include <QStringList>

namespace Pd {

PdPlugin::SpecIssues builtinSpecIssues(PluginType type, const QString &kind,
                                       const QJsonObject &spec)
{
    const PluginSchema *schema = PluginSchemaRegistry::builtin().find(kind.toStdString(), type);
    if (!schema)
        return {{{}, QStringLiteral("schema not found for plugin %1").arg(kind)}};
    PdPlugin::SpecIssues issues;
    for (const SchemaViolation &violation : schema->spec.validate(fromQJsonValue(spec)))
        issues.append(
            {QString::fromStdString(violation.path), QString::fromStdString(violation.detail)});
    return issues;
}

QStringList builtinKinds(PluginType type)
{
    QStringList kinds;
    for (const PluginSchema *schema : PluginSchemaRegistry::builtin().all()) {
        if (schema->type == type)
            kinds.append(QString::fromStdString(schema->kind));
    }
    return kinds;
}

} // namespace Pd
