// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Pd {

class PluginSchemaRegistry;

// Registers the schemas of the official Perses plugins (spec §11), closed as Perses closes
// them. Each family lives in its own file.
namespace CoreSchemas {
void registerAll(PluginSchemaRegistry &registry);
void registerPanels(PluginSchemaRegistry &registry);
void registerQueries(PluginSchemaRegistry &registry);
void registerVariables(PluginSchemaRegistry &registry);
void registerDatasources(PluginSchemaRegistry &registry);
} // namespace CoreSchemas

} // namespace Pd
