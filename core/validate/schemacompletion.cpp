// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "schemacompletion.h"

#include "resourceschemas.h"

#include <algorithm>
#include <set>

namespace Pd {

namespace {

// AnyOf unfolded into what it allows.
void expand(const Schema &schema, std::vector<Schema> &out)
{
    if (schema.kind() == Schema::Kind::AnyOf) {
        for (const Schema &alternative : schema.alternatives())
            expand(alternative, out);
    } else {
        out.push_back(schema);
    }
}

bool hasField(const Schema &schema, std::string_view name)
{
    return std::any_of(schema.fields().begin(), schema.fields().end(),
                       [&](const SchemaField &field) { return field.name == name; });
}

// A plugin object: {kind, spec}, its spec known only from its kind.
bool isPlugin(const Schema &schema)
{
    return schema.kind() == Schema::Kind::Object && hasField(schema, "kind") &&
           hasField(schema, "spec") && schema.fields().size() <= 3;
}

void collectObjects(const Node &node, std::vector<std::string> &path, int offset, int column,
                    std::vector<std::string> &best, int &bestOffset)
{
    if (node.isObject()) {
        const bool flow = node.hasSpan() && node.pos().offset < offset &&
                          offset < node.end().offset && node.members().empty();
        for (const NodeMember &member : node.members()) {
            if (member.keyPos.column == column && member.keyPos.offset <= offset &&
                member.keyPos.offset > bestOffset) {
                best = path;
                bestOffset = member.keyPos.offset;
            }
        }
        if (flow && node.pos().offset > bestOffset) {
            best = path;
            bestOffset = node.pos().offset;
        }
        for (const NodeMember &member : node.members()) {
            path.push_back(member.key);
            collectObjects(member.value, path, offset, column, best, bestOffset);
            path.pop_back();
        }
    } else if (node.isArray()) {
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            path.push_back(std::to_string(i));
            collectObjects(node.items()[i], path, offset, column, best, bestOffset);
            path.pop_back();
        }
    }
}

} // namespace

SchemaCompletion::SchemaCompletion(const PluginSchemaRegistry &plugins)
    : m_plugins(plugins)
{}

std::vector<Schema> SchemaCompletion::schemasAt(const Node &resource,
                                                const std::vector<std::string> &path) const
{
    const std::optional<ResourceKind> kind = parseResourceKind(resource.stringAt("kind"));
    if (!kind)
        return {};
    std::vector<Schema> current;
    expand(ResourceSchemas::forKind(*kind), current);
    const Node *node = &resource;
    for (const std::string &step : path) {
        std::vector<Schema> next;
        for (const Schema &schema : current) {
            if (schema.kind() == Schema::Kind::Object) {
                // A plugin's spec is its kind's ({kind: Panel, spec} is not a plugin: no
                // plugin has that kind).
                const PluginSchema *plugin = isPlugin(schema) && step == "spec" && node
                                                 ? m_plugins.find(node->stringAt("kind"))
                                                 : nullptr;
                if (plugin) {
                    expand(plugin->spec, next);
                    continue;
                }
                for (const SchemaField &field : schema.fields()) {
                    if (field.name == step)
                        expand(field.schema, next);
                }
            } else if ((schema.kind() == Schema::Kind::Map ||
                        schema.kind() == Schema::Kind::List) &&
                       schema.element()) {
                expand(*schema.element(), next);
            }
        }
        current = std::move(next);
        node = node ? node->at({step}) : nullptr;
    }
    return current;
}

std::vector<SchemaCompletion::Item>
SchemaCompletion::keys(const Node &resource, const std::vector<std::string> &path) const
{
    const Node *node = resource.at(path);
    std::vector<Item> items;
    std::set<std::string> seen;
    for (const Schema &schema : schemasAt(resource, path)) {
        if (schema.kind() != Schema::Kind::Object)
            continue;
        for (const SchemaField &field : schema.fields()) {
            if ((node && node->contains(field.name)) || !seen.insert(field.name).second)
                continue;
            items.push_back({field.name, field.required});
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.required && !b.required; });
    return items;
}

std::vector<SchemaCompletion::Item>
SchemaCompletion::pluginKinds(const std::vector<std::string> &path) const
{
    // Whose plugin it is, from where it stands: a query's, a variable's, a datasource's, or
    // a panel's.
    auto contains = [&](std::string_view step) {
        return std::find(path.begin(), path.end(), step) != path.end();
    };
    const PluginType type = contains("queries")       ? PluginType::Query
                            : contains("variables")   ? PluginType::Variable
                            : contains("datasources") ? PluginType::Datasource
                            : contains("panels")      ? PluginType::Panel
                                                      : PluginType::Datasource;
    std::vector<Item> items;
    for (const PluginSchema *plugin : m_plugins.all()) {
        if (plugin->type == type)
            items.push_back({plugin->kind, false});
    }
    return items;
}

std::vector<std::string> SchemaCompletion::objectPathAt(const Node &root, int offset, int column)
{
    std::vector<std::string> path;
    std::vector<std::string> best;
    int bestOffset = -1;
    collectObjects(root, path, offset, column, best, bestOffset);
    return best;
}

} // namespace Pd
