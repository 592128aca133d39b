// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pluginregistry.h"

#include <memory>
#include <perses-desktop/panelplugin.h>

namespace PdTest {

// A panel view from its plugin, as a dashboard makes one.
inline std::unique_ptr<PdPlugin::PanelView> createPanelView(const PdPlugin::PanelContext &context)
{
    return std::unique_ptr<PdPlugin::PanelView>(
        Pd::PluginRegistry::instance().panelPlugin(context.kind)->createPanel(context));
}

} // namespace PdTest
