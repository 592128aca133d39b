// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "canonicalorder.h"

#include "jsonwriter.h"
#include "resourcekind.h"
#include "resourceschemas.h"
#include "yamlwriter.h"

#include <algorithm>
#include <vector>

namespace Pd {

namespace {

// Go marshals maps (and so every plugin spec, a map[string]interface{}) with sorted keys.
void sortRecursively(Node &node)
{
    if (node.isObject())
        std::stable_sort(node.members().begin(), node.members().end(),
                         [](const NodeMember &a, const NodeMember &b) { return a.key < b.key; });
    for (NodeMember &member : node.members())
        sortRecursively(member.value);
    for (Node &item : node.items())
        sortRecursively(item);
}

const Schema *alternativeFor(const Schema &schema, const Node &node)
{
    for (const Schema &alternative : schema.alternatives()) {
        const Schema::Kind kind = alternative.kind();
        if ((node.isObject() && (kind == Schema::Kind::Object || kind == Schema::Kind::Map)) ||
            (node.isArray() && kind == Schema::Kind::List))
            return &alternative;
    }
    return nullptr;
}

void reorder(Node &node, const Schema &schema)
{
    switch (schema.kind()) {
    case Schema::Kind::Any:
        sortRecursively(node);
        return;
    case Schema::Kind::AnyOf:
        if (const Schema *alternative = alternativeFor(schema, node))
            reorder(node, *alternative);
        return;
    case Schema::Kind::Map:
        if (!node.isObject())
            return;
        std::stable_sort(node.members().begin(), node.members().end(),
                         [](const NodeMember &a, const NodeMember &b) { return a.key < b.key; });
        for (NodeMember &member : node.members())
            reorder(member.value, *schema.element());
        return;
    case Schema::Kind::List:
        for (Node &item : node.items())
            reorder(item, *schema.element());
        return;
    case Schema::Kind::Object: {
        if (!node.isObject())
            return;
        std::vector<NodeMember> ordered;
        ordered.reserve(node.members().size());
        for (const SchemaField &field : schema.fields()) {
            auto it = std::find_if(node.members().begin(), node.members().end(),
                                   [&field](const NodeMember &m) { return m.key == field.name; });
            if (it == node.members().end())
                continue;
            reorder(it->value, field.schema);
            ordered.push_back(std::move(*it));
            node.members().erase(it);
        }
        for (NodeMember &unknown : node.members())
            ordered.push_back(std::move(unknown));
        node.members() = std::move(ordered);
        return;
    }
    default:
        return;
    }
}

void reorderResource(Node &resource)
{
    const Node *kindNode = resource.isObject() ? resource.find("kind") : nullptr;
    if (!kindNode || !kindNode->isString())
        return;
    if (auto kind = parseResourceKind(kindNode->text())) {
        reorder(resource, ResourceSchemas::forKind(*kind));
    } else if (auto crdKind = crdResourceKind(kindNode->text())) {
        const Schema &perses = ResourceSchemas::forKind(*crdKind);
        const Schema *specSchema = nullptr;
        for (const SchemaField &field : perses.fields()) {
            if (field.name == "spec")
                specSchema = &field.schema;
        }
        // The shape it was written in: the Perses spec inline (v1alpha1) or under config.
        const Schema spec =
            crdSpecIsInline(resource)
                ? *specSchema
                : Schema::object({required("config", *specSchema),
                                  optional("instanceSelector", Schema::object({}).opened())});
        const Schema crd = Schema::object(
            {required("apiVersion", Schema::string()), required("kind", Schema::string()),
             required("metadata", Schema::object({}).opened()), required("spec", spec)});
        reorder(resource, crd);
    }
}

} // namespace

void CanonicalOrder::apply(Node &document)
{
    if (document.isArray()) {
        for (Node &element : document.items())
            reorderResource(element);
    } else {
        reorderResource(document);
    }
}

std::string CanonicalOrder::write(std::vector<Node> &documents, DocumentFormat format)
{
    for (Node &document : documents)
        apply(document);
    if (format == DocumentFormat::Json)
        return documents.empty() ? std::string() : JsonWriter::write(documents.front());
    return YamlWriter::write(documents);
}

} // namespace Pd
