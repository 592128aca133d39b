// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginschemaregistry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <perses-desktop/specissue.h>

namespace Pd {

// The built-in plugins answer validateSpec() from the validator's own schemas, so `lint`,
// the editor and the plugin interface agree on every message.
PdPlugin::SpecIssues builtinSpecIssues(PluginType type, const QString &kind,
                                       const QJsonObject &spec);
// The built-in kinds of one plugin type, for the built-in plugins' kind lists.
QStringList builtinKinds(PluginType type);

} // namespace Pd
