// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "modeldecoder.h"

#include "jsonref.h"

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

const Node &emptyNode()
{
    static const Node empty;
    return empty;
}

const Node &child(const Node &node, std::string_view key)
{
    const Node *found = node.isObject() ? node.find(key) : nullptr;
    return found ? *found : emptyNode();
}

std::string text(const Node &node, std::string_view key, std::string fallback = {})
{
    const Node &value = child(node, key);
    return value.isString() ? value.text() : fallback;
}

bool flag(const Node &node, std::string_view key, bool fallback = false)
{
    return child(node, key).toBool(fallback);
}

int integer(const Node &node, std::string_view key, int fallback = 0)
{
    const Node &value = child(node, key);
    if (!value.isNumber() || !std::isfinite(value.toNumber()))
        return fallback;
    return static_cast<int>(std::clamp(value.toNumber(), -1e9, 1e9));
}

Model::Display display(const Node &node)
{
    return Model::Display{text(node, "name"), text(node, "description")};
}

std::vector<Model::Link> links(const Node &list)
{
    std::vector<Model::Link> result;
    for (const Node &link : list.items())
        result.push_back(Model::Link{text(link, "name"), text(link, "url"), text(link, "tooltip"),
                                     flag(link, "renderVariables"), flag(link, "targetBlank")});
    return result;
}

std::vector<Model::Annotation> annotations(const Node &list)
{
    std::vector<Model::Annotation> result;
    for (const Node &annotation : list.items()) {
        const Node &shown = child(annotation, "display");
        result.push_back(Model::Annotation{display(shown), flag(shown, "hidden"),
                                           text(shown, "color"),
                                           ModelDecoder::plugin(child(annotation, "plugin"))});
    }
    return result;
}

Model::GridItem gridItem(const Node &item)
{
    Model::GridItem result;
    result.x = integer(item, "x");
    result.y = integer(item, "y");
    result.width = integer(item, "width");
    result.height = integer(item, "height");
    result.panelId = JsonRef::panelId(text(child(item, "content"), "$ref"));
    result.pos = item.pos();
    const Node &repeat = child(item, "repeatVariable");
    if (repeat.isObject())
        result.repeat = Model::ItemRepeat{text(repeat, "value"), integer(repeat, "maxPer", 4),
                                          text(repeat, "alignment") == "vertical"};
    return result;
}

Model::GridLayout gridLayout(const Node &layout)
{
    Model::GridLayout result;
    const Node &spec = child(layout, "spec");
    const Node &groupDisplay = child(spec, "display");
    if (groupDisplay.isObject()) {
        result.title = text(groupDisplay, "title");
        const Node &collapse = child(groupDisplay, "collapse");
        result.collapsible = collapse.isObject();
        result.open = collapse.isObject() ? flag(collapse, "open", true) : true;
    }
    for (const Node &item : child(spec, "items").items())
        result.items.push_back(gridItem(item));
    result.repeatVariable = text(spec, "repeatVariable");
    return result;
}

Model::Panel panel(const NodeMember &member)
{
    const Node &spec = child(member.value, "spec");
    Model::Panel result;
    result.id = member.key;
    result.display = display(child(spec, "display"));
    result.plugin = ModelDecoder::plugin(child(spec, "plugin"));
    for (const Node &query : child(spec, "queries").items()) {
        const Node &querySpec = child(query, "spec");
        result.queries.push_back(Model::Query{text(query, "kind"), text(querySpec, "name"),
                                              ModelDecoder::plugin(child(querySpec, "plugin"))});
    }
    result.links = links(child(spec, "links"));
    result.annotations = annotations(child(spec, "annotations"));
    result.pos = member.value.pos();
    return result;
}

std::vector<Model::FolderItem> folderItems(const Node &list)
{
    std::vector<Model::FolderItem> items;
    for (const Node &item : list.items())
        // Kinds are read in any case, as the server's Kind type reads them.
        items.push_back(
            Model::FolderItem{parseResourceKind(text(item, "kind")) == ResourceKind::Folder,
                              text(item, "name"), folderItems(child(item, "items"))});
    return items;
}

} // namespace

Model::Metadata ModelDecoder::metadata(const Node &node)
{
    Model::Metadata result;
    result.name = text(node, "name");
    result.project = text(node, "project");
    result.createdAt = text(node, "createdAt");
    result.updatedAt = text(node, "updatedAt");
    const Node &version = child(node, "version");
    if (version.isNumber() && version.toNumber() >= 0 && version.toNumber() < 1.8e19)
        result.version = static_cast<std::uint64_t>(version.toNumber());
    for (const Node &tag : child(node, "tags").items()) {
        if (tag.isString())
            result.tags.push_back(tag.text());
    }
    return result;
}

Model::Plugin ModelDecoder::plugin(const Node &node)
{
    Model::Plugin result;
    result.kind = text(node, "kind");
    result.version = text(child(node, "metadata"), "version");
    const Node &spec = child(node, "spec");
    result.spec = spec.isObject() ? spec : Node::object(spec.pos());
    result.pos = node.pos();
    return result;
}

Model::DatasourceSelector ModelDecoder::datasourceSelector(const Node &pluginSpec,
                                                           const std::string &defaultKind)
{
    Model::DatasourceSelector selector{defaultKind, std::nullopt, {}};
    const Node &datasource = child(pluginSpec, "datasource");
    if (datasource.isString() && datasource.text().starts_with('$')) {
        selector.variable = datasource.text().substr(1);
    } else if (datasource.isObject()) {
        selector.kind = text(datasource, "kind", defaultKind);
        if (const Node &name = child(datasource, "name"); name.isString())
            selector.name = name.text();
    }
    return selector;
}

Model::DatasourceSpec ModelDecoder::datasourceSpec(const Node &spec)
{
    return Model::DatasourceSpec{display(child(spec, "display")), flag(spec, "default"),
                                 plugin(child(spec, "plugin"))};
}

Model::VariableSpec ModelDecoder::variable(const Node &node)
{
    const Node &spec = child(node, "spec");
    Model::VariableSpec result;
    result.kind = text(node, "kind") == "ListVariable" ? Model::VariableKind::List
                                                       : Model::VariableKind::Text;
    result.name = text(spec, "name");
    result.display = display(child(spec, "display"));
    result.hidden = flag(child(spec, "display"), "hidden");
    result.value = text(spec, "value");
    result.constant = flag(spec, "constant");
    const Node &defaultValue = child(spec, "defaultValue");
    if (defaultValue.isString()) {
        result.defaultValue.push_back(defaultValue.text());
    } else if (defaultValue.isArray()) {
        result.defaultIsList = true;
        for (const Node &value : defaultValue.items()) {
            if (value.isString())
                result.defaultValue.push_back(value.text());
        }
    }
    result.allowAllValue = flag(spec, "allowAllValue");
    result.allowMultiple = flag(spec, "allowMultiple");
    if (const Node &custom = child(spec, "customAllValue"); custom.isString())
        result.customAllValue = custom.text();
    result.capturingRegexp = text(spec, "capturingRegexp");
    result.sort = text(spec, "sort", "none");
    if (result.sort.empty())
        result.sort = "none";
    result.plugin = plugin(child(spec, "plugin"));
    result.pos = node.pos();
    return result;
}

Model::DashboardSpec ModelDecoder::dashboardSpec(const Node &spec)
{
    Model::DashboardSpec result;
    result.display = display(child(spec, "display"));
    for (const NodeMember &member : child(spec, "datasources").members())
        result.datasources.emplace_back(member.key, datasourceSpec(member.value));
    for (const Node &node : child(spec, "variables").items())
        result.variables.push_back(variable(node));
    for (const NodeMember &member : child(spec, "panels").members())
        result.panels.push_back(panel(member));
    for (const Node &layout : child(spec, "layouts").items()) {
        if (text(layout, "kind") == "Grid")
            result.layouts.push_back(gridLayout(layout));
    }
    result.duration = text(spec, "duration", "1h");
    if (result.duration.empty())
        result.duration = "1h";
    result.refreshInterval = text(spec, "refreshInterval");
    result.timezone = text(spec, "timezone");
    result.links = links(child(spec, "links"));
    result.annotations = annotations(child(spec, "annotations"));
    result.ttl = text(spec, "ttl");
    return result;
}

Model::Dashboard ModelDecoder::dashboard(const Node &resource)
{
    return Model::Dashboard{
        metadata(child(resource, "metadata")), dashboardSpec(child(resource, "spec")),
        parseResourceKind(text(resource, "kind")) == ResourceKind::EphemeralDashboard};
}

std::optional<Model::Resource> ModelDecoder::decode(const LoadedResource &resource)
{
    if (!resource.kind)
        return std::nullopt;
    const Node &node = resource.node;
    const Node &spec = child(node, "spec");
    Model::Metadata meta = metadata(child(node, "metadata"));
    switch (*resource.kind) {
    case ResourceKind::Dashboard:
    case ResourceKind::EphemeralDashboard:
        return Model::Dashboard{std::move(meta), dashboardSpec(spec),
                                *resource.kind == ResourceKind::EphemeralDashboard};
    case ResourceKind::Datasource:
    case ResourceKind::GlobalDatasource:
        return Model::Datasource{std::move(meta), datasourceSpec(spec),
                                 *resource.kind == ResourceKind::GlobalDatasource};
    case ResourceKind::Variable:
    case ResourceKind::GlobalVariable: {
        Model::VariableSpec variableSpec = variable(spec);
        variableSpec.name = meta.name;
        return Model::Variable{std::move(meta), std::move(variableSpec),
                               *resource.kind == ResourceKind::GlobalVariable};
    }
    case ResourceKind::Project:
        return Model::Project{std::move(meta), display(child(spec, "display"))};
    case ResourceKind::Secret:
    case ResourceKind::GlobalSecret:
        return Model::Secret{std::move(meta), spec, *resource.kind == ResourceKind::GlobalSecret};
    case ResourceKind::Folder:
        return Model::Folder{std::move(meta), text(child(spec, "display"), "name"),
                             folderItems(child(spec, "items"))};
    default:
        return Model::OtherResource{*resource.kind, std::move(meta), spec};
    }
}

namespace Model {

const Panel *DashboardSpec::panel(std::string_view id) const
{
    const auto it =
        std::find_if(panels.begin(), panels.end(), [id](const Panel &p) { return p.id == id; });
    return it == panels.end() ? nullptr : &*it;
}

const VariableSpec *DashboardSpec::variable(std::string_view name) const
{
    const auto it = std::find_if(variables.begin(), variables.end(),
                                 [name](const VariableSpec &v) { return v.name == name; });
    return it == variables.end() ? nullptr : &*it;
}

} // namespace Model

} // namespace Pd
