// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "pluginschemaregistry.h"

#include <string>
#include <vector>

namespace Pd {

// What may be written where, from the schemas the validator checks against: the keys of a
// resource's structure, of a plugin's spec (by the plugin's kind), and plugin kinds.
class SchemaCompletion
{
public:
    struct Item
    {
        std::string text;
        bool required = false;
    };

    explicit SchemaCompletion(const PluginSchemaRegistry &plugins);

    // The keys the object at `path` (keys and indexes from the resource's root) may have and
    // does not have yet, required ones first.
    std::vector<Item> keys(const Node &resource, const std::vector<std::string> &path) const;
    // The plugin kinds that fit the plugin object at `path` (a panel's, a query's, ...).
    std::vector<Item> pluginKinds(const std::vector<std::string> &path) const;

    // The path of the object a new key typed at `offset`, indented to `column`, goes into:
    // the deepest object with a key at that column before the offset (YAML block style), or
    // whose braces hold the offset (flow style, JSON). Empty when none: the root.
    static std::vector<std::string> objectPathAt(const Node &root, int offset, int column);

private:
    std::vector<Schema> schemasAt(const Node &resource, const std::vector<std::string> &path) const;

    const PluginSchemaRegistry &m_plugins;
};

} // namespace Pd
