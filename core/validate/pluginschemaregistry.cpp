// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pluginschemaregistry.h"

#include "coreschemas.h"
#include "rules.h"

namespace Pd {

std::string_view pluginTypeName(PluginType type)
{
    switch (type) {
    case PluginType::Panel:
        return "Panel";
    case PluginType::Query:
        return "Query";
    case PluginType::Variable:
        return "Variable";
    case PluginType::Datasource:
        return "Datasource";
    case PluginType::Annotation:
        return "Annotation";
    }
    return "Panel";
}

void PluginSchemaRegistry::add(PluginSchema schema)
{
    std::string kind = schema.kind;
    m_schemas.insert_or_assign(std::move(kind), std::move(schema));
}

const PluginSchema *PluginSchemaRegistry::find(std::string_view kind) const
{
    const auto it = m_schemas.find(kind);
    return it == m_schemas.end() ? nullptr : &it->second;
}

const PluginSchema *PluginSchemaRegistry::find(std::string_view kind, PluginType type) const
{
    const PluginSchema *schema = find(kind);
    return schema && schema->type == type ? schema : nullptr;
}

std::vector<const PluginSchema *> PluginSchemaRegistry::all() const
{
    std::vector<const PluginSchema *> schemas;
    schemas.reserve(m_schemas.size());
    for (const auto &[kind, schema] : m_schemas)
        schemas.push_back(&schema);
    return schemas;
}

// A selector naming another kind than the plugin reads from: the server stores it, and the
// query then finds no datasource (or the wrong one) at run time.
void PluginSchemaRegistry::checkSelectorKind(const PluginSchema &schema, const Node &spec,
                                             std::vector<SchemaViolation> &violations)
{
    const Node *selector = spec.isObject() ? spec.find("datasource") : nullptr;
    const Node *kind = selector && selector->isObject() ? selector->find("kind") : nullptr;
    if (schema.datasourceKind.empty() || !kind || !kind->isString() ||
        kind->text() == schema.datasourceKind)
        return;
    SchemaViolation violation{"spec.datasource.kind",
                              "the selector names kind '" + kind->text() + "' but " + schema.kind +
                                  " reads from a " + schema.datasourceKind,
                              kind->pos()};
    violation.rule = std::string(Rules::datasourceKindMismatch);
    violations.push_back(std::move(violation));
}

std::vector<SchemaViolation> PluginSchemaRegistry::validatePlugin(const Node &plugin,
                                                                  PluginType type) const
{
    std::vector<SchemaViolation> violations;
    const Node *kind = plugin.find("kind");
    if (!plugin.isObject()) {
        violations.push_back(
            SchemaViolation{{}, "a plugin must be an object with kind and spec", plugin.pos()});
        return violations;
    }
    if (!kind || !kind->isString() || kind->text().empty()) {
        violations.push_back(
            SchemaViolation{"kind", "kind cannot be empty", kind ? kind->pos() : plugin.pos()});
        return violations;
    }
    const PluginSchema *schema = find(kind->text(), type);
    if (!schema) {
        std::string detail = "schema not found for plugin " + kind->text();
        if (const PluginSchema *other = find(kind->text()))
            detail += " (" + kind->text() + " is a " + std::string(pluginTypeName(other->type)) +
                      " plugin, not a " + std::string(pluginTypeName(type)) + " plugin)";
        violations.push_back(SchemaViolation{{}, detail, kind->pos(), 1});
        return violations;
    }
    // Other members of the plugin object and of its metadata: Go drops them before CUE sees
    // the plugin (its three fields marshalled again); the structure pass warns of them.
    static const Schema pluginMetadata = Schema::object({optional("version", Schema::string()),
                                                         optional("registry", Schema::string())})
                                             .opened();
    if (const Node *metadata = plugin.find("metadata")) {
        pluginMetadata.validate(*metadata, "metadata", violations);
        // The server looks a schema up by kind, registry and version; it installs plugins of
        // perses.dev only.
        if (const Node *registry = metadata->find("registry"); registry && registry->isString() &&
                                                               !registry->text().empty() &&
                                                               registry->text() != "perses.dev")
            violations.push_back(SchemaViolation{"metadata.registry",
                                                 "schema not found for plugin " + kind->text() +
                                                     " in registry " + registry->text(),
                                                 registry->pos(), 1});
    }
    // The server turns a missing or null spec into {} before CUE sees it.
    const Node *spec = plugin.find("spec");
    static const Node emptySpec = Node::object();
    const Node &specValue = spec && !spec->isNull() ? *spec : emptySpec;
    schema->spec.validate(specValue, "spec", violations);
    checkSelectorKind(*schema, specValue, violations);
    return violations;
}

const PluginSchemaRegistry &PluginSchemaRegistry::builtin()
{
    static const PluginSchemaRegistry registry = [] {
        PluginSchemaRegistry r;
        CoreSchemas::registerAll(r);
        return r;
    }();
    return registry;
}

} // namespace Pd
