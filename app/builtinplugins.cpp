// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinplugins.h"

#include <QtPlugin>

#ifdef PD_STATIC_PLUGINS
Q_IMPORT_PLUGIN(CorePanelsPlugin)
Q_IMPORT_PLUGIN(CoreDataPlugin)
Q_IMPORT_PLUGIN(PrometheusPlugin)
Q_IMPORT_PLUGIN(AlertmanagerPlugin)
#endif

namespace Pd {

void importBuiltinPlugins()
{
    // Referencing this file is what links the Q_IMPORT_PLUGIN registrations above.
}

} // namespace Pd
