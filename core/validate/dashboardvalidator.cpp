// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardvalidator.h"

#include "annotationvalidator.h"
#include "datasourcevalidator.h"
#include "duration.h"
#include "layoutvalidator.h"
#include "panelvalidator.h"
#include "rules.h"
#include "variablegraph.h"
#include "variablereferences.h"
#include "variablevalidator.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace Pd {

namespace {

std::string projectOf(const Node &resource)
{
    const Node *metadata = resource.find("metadata");
    const Node *project = metadata ? metadata->find("project") : nullptr;
    return project && project->isString() ? project->text() : std::string();
}

// Go's time.LoadLocation: "", "UTC", "Local" or a zone of the tz database.
bool isKnownTimezone(const std::string &zone)
{
    if (zone.empty() || zone == "local" || zone == "UTC" || zone == "Local")
        return true;
    if (zone.find("..") != std::string::npos || zone.front() == '/' || zone.front() == '.')
        return false;
    const std::filesystem::path database = "/usr/share/zoneinfo";
    std::error_code error;
    if (!std::filesystem::is_directory(database, error))
        return true; // cannot tell here; the server will
    return std::filesystem::is_regular_file(database / zone, error);
}

// The string of `node` that refers to `$name`, so that a message points at the use.
const Node *findReference(const Node &node, const std::string &name)
{
    if (node.isString()) {
        const auto references = findVariableReferences(node.text(), ReferenceSyntax::Server);
        const bool uses = std::ranges::any_of(
            references, [&](const VariableReference &reference) { return reference.name == name; });
        return uses ? &node : nullptr;
    }
    for (const NodeMember &member : node.members()) {
        if (const Node *found = findReference(member.value, name))
            return found;
    }
    for (const Node &item : node.items()) {
        if (const Node *found = findReference(item, name))
            return found;
    }
    return nullptr;
}

std::string variableName(const Node &variable)
{
    const Node *spec = variable.find("spec");
    const Node *name = spec ? spec->find("name") : nullptr;
    return name && name->isString() ? name->text() : std::string();
}

} // namespace

DashboardValidator::DashboardValidator(ValidationContext &context)
    : m_context(context)
{}

void DashboardValidator::validate(const Node &resource)
{
    const Node *spec = resource.find("spec");
    if (!spec || !spec->isObject())
        return;
    const std::string project = projectOf(resource);
    checkTimeSettings(*spec);
    if (const Node *datasources = spec->find("datasources"); datasources && datasources->isObject())
        checkDatasources(*datasources);
    std::vector<std::string> variables;
    if (const Node *list = spec->find("variables"); list && list->isArray())
        variables = checkVariables(*list, project);
    checkPanels(*spec, variables, project);
    checkLayouts(*spec, project);
    AnnotationValidator annotations(m_context);
    if (const Node *list = spec->find("annotations"); list && list->isArray())
        annotations.validateAnnotations(*list, "spec.annotations", "");
    if (const Node *links = spec->find("links"); links && links->isArray())
        annotations.validateLinks(*links, "spec.links");
}

void DashboardValidator::validatePanel(const Node &resource, const std::string &panelId)
{
    const Node *spec = resource.find("spec");
    const Node *panels = spec ? spec->find("panels") : nullptr;
    const NodeMember *panel = panels ? panels->findMember(panelId) : nullptr;
    if (!panel)
        return;
    const std::string project = projectOf(resource);
    std::vector<std::string> variables;
    if (const Node *list = spec->find("variables"); list && list->isArray()) {
        for (const Node &variable : list->items())
            variables.push_back(variableName(variable));
    }
    PanelValidator::DashboardScope scope{spec->find("datasources"), project, std::move(variables)};
    PanelValidator(m_context, std::move(scope)).validate(*panel, childPath("spec.panels", panelId));
}

void DashboardValidator::checkTimeSettings(const Node &spec)
{
    for (const char *field : {"duration", "refreshInterval", "ttl"}) {
        const Node *value = spec.find(field);
        if (!value || !value->isString() || value->text().empty())
            continue;
        const DurationParse parsed = parseDuration(value->text());
        if (!parsed.isValid())
            m_context.sink.report(Rules::duration, parsed.error, value->pos(),
                                  std::string("spec.") + field);
    }
    if (const Node *zone = spec.find("timezone");
        zone && zone->isString() && !isKnownTimezone(zone->text()))
        m_context.sink.report(Rules::timezone,
                              "\"" + zone->text() +
                                  "\" is not a valid timezone: unknown time zone " + zone->text(),
                              zone->pos(), "spec.timezone");
}

void DashboardValidator::checkDatasources(const Node &datasources)
{
    DatasourceValidator validator(m_context);
    std::map<std::string, std::string> defaults; // plugin kind -> first default key
    for (const NodeMember &member : datasources.members()) {
        const std::string path = childPath("spec.datasources", member.key);
        validator.validateSpec(member.value, path, member.key);
        const Node *isDefault = member.value.find("default");
        const Node *plugin = member.value.find("plugin");
        const Node *kind = plugin ? plugin->find("kind") : nullptr;
        if (!isDefault || !isDefault->toBool() || !kind || !kind->isString())
            continue;
        if (!defaults.emplace(kind->text(), member.key).second)
            m_context.sink.report(Rules::datasourceDefault,
                                  member.key +
                                      " can not be defined as default datasource: there is "
                                      "already a default defined for kind \"" +
                                      kind->text() + "\"",
                                  isDefault->pos(), path + ".default");
    }
}

std::vector<std::string> DashboardValidator::checkVariables(const Node &variables,
                                                            const std::string &project)
{
    VariableValidator validator(m_context);
    VariableGraph graph;
    std::vector<std::string> names;
    std::vector<std::size_t> indices; // where each name is first defined
    for (std::size_t i = 0; i < variables.items().size(); ++i) {
        const Node &variable = variables.items()[i];
        const std::string path = indexPath("spec.variables", i);
        validator.validate(variable, path);
        const std::string name = variableName(variable);
        if (name.empty())
            continue;
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            const Node *nameNode = variable.find("spec")->find("name");
            m_context.sink.report(Rules::variableDuplicate,
                                  "variable \"" + name + "\" (index " + std::to_string(i) +
                                      ") already exists",
                                  nameNode->pos(), path + ".spec.name");
            continue;
        }
        names.push_back(name);
        indices.push_back(i);
        graph.add(name, variable);
    }
    for (std::size_t i : indices) {
        const Node &variable = variables.items()[i];
        const VariableGraph::Entry *entry = graph.find(variableName(variable));
        for (const std::string &dependency : entry->dependencies) {
            if (dependency.starts_with("__") || graph.find(dependency))
                continue;
            const Node *use = findReference(variable, dependency);
            m_context.withResources([dependency, user = entry->name,
                                     pos = use ? use->pos() : variable.pos(),
                                     path = indexPath("spec.variables", i),
                                     project](const ResourceSet &resources, DiagnosticSink &sink) {
                if (!resources.hasSharedVariable(project, dependency))
                    sink.report(Rules::variableUndefined,
                                "variable \"" + dependency + "\" is used in the variable \"" +
                                    user + "\" but not defined",
                                pos, path);
            });
        }
    }
    if (const std::vector<std::string> cycle = graph.findCycle(); !cycle.empty()) {
        std::string chain;
        for (const std::string &name : cycle)
            chain += (chain.empty() ? "" : " -> ") + name;
        const auto first =
            std::find_if(variables.items().begin(), variables.items().end(),
                         [&](const Node &v) { return variableName(v) == cycle.front(); });
        m_context.sink.report(Rules::variableCycle, "circular dependency detected: " + chain,
                              first->find("spec")->find("name")->pos(),
                              indexPath("spec.variables", static_cast<std::size_t>(
                                                              first - variables.items().begin())) +
                                  ".spec.name");
    }
    return names;
}

void DashboardValidator::checkPanels(const Node &spec, const std::vector<std::string> &variables,
                                     const std::string &project)
{
    const Node *panels = spec.find("panels");
    if (!panels || !panels->isObject())
        return;
    PanelValidator validator(
        m_context, PanelValidator::DashboardScope{spec.find("datasources"), project, variables});
    for (const NodeMember &panel : panels->members())
        validator.validate(panel, childPath("spec.panels", panel.key));
}

void DashboardValidator::checkLayouts(const Node &spec, const std::string &project)
{
    static const Node none = Node::object();
    const Node *panels = spec.find("panels");
    std::vector<RepeatableVariable> repeatable;
    if (const Node *variables = spec.find("variables"); variables && variables->isArray()) {
        for (const Node &variable : variables->items()) {
            const Node *variableSpec = variable.find("spec");
            const Node *multiple = variableSpec ? variableSpec->find("allowMultiple") : nullptr;
            repeatable.push_back({variableName(variable), multiple && multiple->toBool()});
        }
    }
    LayoutValidator validator(m_context, panels ? *panels : none, std::move(repeatable), project);
    if (const Node *layouts = spec.find("layouts"); layouts && layouts->isArray())
        validator.validate(*layouts, "spec.layouts");
    if (!panels || !panels->isObject())
        return;
    for (const NodeMember &panel : panels->members()) {
        if (!validator.referencedPanels().contains(panel.key))
            m_context.sink.report(Rules::panelOrphan,
                                  "panel \"" + panel.key + "\" is not shown by any layout",
                                  panel.keyPos, childPath("spec.panels", panel.key));
    }
}

} // namespace Pd
