// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

enum class PluginType { Panel, Query, Variable, Datasource, Annotation };

std::string_view pluginTypeName(PluginType type);

// What the validator knows of one plugin kind: its spec schema and how it fits with others.
struct PluginSchema
{
    std::string kind;
    PluginType type = PluginType::Panel;
    Schema spec;
    // Query plugins: the query kind they serve ("TimeSeriesQuery", "TraceQuery", ...).
    std::string queryType;
    // Panel plugins: the query kinds they accept (empty: the panel takes no queries).
    std::vector<std::string> supportedQueryTypes;
    // Query, variable and annotation plugins: the datasource kind their selector names.
    std::string datasourceKind;
};

// Plugin schemas by kind. The built-in set mirrors the official Perses plugins; the plugin
// system adds the schemas of loaded plugins through add().
class PluginSchemaRegistry
{
public:
    void add(PluginSchema schema);
    const PluginSchema *find(std::string_view kind) const;
    const PluginSchema *find(std::string_view kind, PluginType type) const;
    std::vector<const PluginSchema *> all() const;

    // Checks a whole plugin object {kind, metadata?, spec} as the server's CUE does;
    // violation paths start at the object ("spec.query").
    std::vector<SchemaViolation> validatePlugin(const Node &plugin, PluginType type) const;

    // The schemas of the official plugins (spec §10-§11).
    static const PluginSchemaRegistry &builtin();

private:
    static void checkSelectorKind(const PluginSchema &schema, const Node &spec,
                                  std::vector<SchemaViolation> &violations);

    std::map<std::string, PluginSchema, std::less<>> m_schemas;
};

} // namespace Pd
