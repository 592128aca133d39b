// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "panelvalidator.h"

#include "annotationvalidator.h"
#include "namerules.h"
#include "rules.h"
#include "variablereferences.h"

#include <algorithm>

namespace Pd {

PanelValidator::PanelValidator(ValidationContext &context, DashboardScope scope)
    : m_context(context)
    , m_scope(std::move(scope))
{}

void PanelValidator::validate(const NodeMember &panel, const std::string &path)
{
    const std::string &id = panel.key;
    if (auto problem = NameRules::checkId(id))
        m_context.sink.report(Rules::panelId, *problem, panel.keyPos, path);
    const Node &node = panel.value;
    if (!node.isObject())
        return;
    if (const Node *kind = node.find("kind"); kind && kind->isString() && kind->text() != "Panel")
        m_context.sink.report(Rules::panelKind,
                              "panel kind is \"" + kind->text() + "\", expected \"Panel\"",
                              kind->pos(), path + ".kind");
    const Node *spec = node.find("spec");
    if (!spec || !spec->isObject())
        return;
    const PluginSchema *panelSchema = nullptr;
    if (const Node *plugin = spec->find("plugin")) {
        m_context.sink.reportPluginViolations(
            m_context.plugins.validatePlugin(*plugin, PluginType::Panel), path + ".spec.plugin",
            "invalid panel " + id);
        if (const Node *kind = plugin->find("kind"))
            panelSchema = m_context.plugins.find(kind->text(), PluginType::Panel);
    }
    if (const Node *queries = spec->find("queries"); queries && queries->isArray())
        checkQueries(*queries, path + ".spec.queries", id, panelSchema);
    AnnotationValidator annotations(m_context);
    if (const Node *links = spec->find("links"); links && links->isArray())
        annotations.validateLinks(*links, path + ".spec.links");
    if (const Node *list = spec->find("annotations"); list && list->isArray())
        annotations.validateAnnotations(*list, path + ".spec.annotations",
                                        "panel \"" + id + "\": ");
    std::vector<std::string> reported;
    checkVariableUse(*spec, path + ".spec", reported);
}

void PanelValidator::checkQueries(const Node &queries, const std::string &path,
                                  const std::string &panelId, const PluginSchema *panelSchema)
{
    for (std::size_t i = 0; i < queries.items().size(); ++i) {
        const Node &query = queries.items()[i];
        const std::string queryPath = indexPath(path, i);
        const Node *kind = query.find("kind");
        const Node *spec = query.find("spec");
        const Node *plugin = spec ? spec->find("plugin") : nullptr;
        if (!plugin)
            continue;
        const std::string prefix =
            "panel \"" + panelId + "\": invalid query n°" + std::to_string(i + 1);
        m_context.sink.reportPluginViolations(
            m_context.plugins.validatePlugin(*plugin, PluginType::Query),
            queryPath + ".spec.plugin", prefix);
        const Node *pluginKind = plugin->find("kind");
        const PluginSchema *querySchema =
            pluginKind ? m_context.plugins.find(pluginKind->text(), PluginType::Query) : nullptr;
        const std::string queryKind = kind && kind->isString() ? kind->text() : std::string();
        if (querySchema && !queryKind.empty() && queryKind != "Query" &&
            querySchema->queryType != queryKind)
            m_context.sink.report(Rules::queryKindMismatch,
                                  "query kind is \"" + queryKind + "\" but " + querySchema->kind +
                                      " is a " + querySchema->queryType + " plugin",
                                  kind->pos(), queryPath + ".kind");
        else if (panelSchema && !queryKind.empty() &&
                 std::find(panelSchema->supportedQueryTypes.begin(),
                           panelSchema->supportedQueryTypes.end(),
                           queryKind) == panelSchema->supportedQueryTypes.end())
            m_context.sink.report(Rules::queryKindMismatch,
                                  panelSchema->supportedQueryTypes.empty()
                                      ? panelSchema->kind + " panels take no queries"
                                      : panelSchema->kind + " panels do not accept " + queryKind +
                                            " queries",
                                  kind->pos(), queryPath + ".kind");
        if (querySchema && plugin->find("spec"))
            checkDatasource(*plugin->find("spec"), queryPath + ".spec.plugin.spec",
                            querySchema->datasourceKind);
    }
}

bool PanelValidator::resolvesLocally(const std::string &kind, const std::string *name) const
{
    const Node *local = m_scope.localDatasources;
    if (!local || !local->isObject())
        return false;
    for (const NodeMember &member : local->members()) {
        const Node *plugin = member.value.find("plugin");
        const Node *pluginKind = plugin ? plugin->find("kind") : nullptr;
        if (!pluginKind || pluginKind->text() != kind)
            continue;
        if (name ? member.key == *name
                 : member.value.find("default") && member.value.find("default")->toBool())
            return true;
    }
    return false;
}

// Spec §6: dashboard, then project, then global. Only reported when the run knows some
// datasource of that kind: a dashboard linted on its own is checked by the server later.
void PanelValidator::checkDatasource(const Node &querySpec, const std::string &path,
                                     const std::string &datasourceKind)
{
    const Node *selector = querySpec.isObject() ? querySpec.find("datasource") : nullptr;
    if (selector && !selector->isObject())
        return; // "$ds": resolved at run time from the variable
    std::string kind = datasourceKind;
    std::optional<std::string> name;
    if (selector) {
        if (const Node *k = selector->find("kind"); k && k->isString())
            kind = k->text();
        if (const Node *n = selector->find("name"); n && n->isString())
            name = n->text();
    }
    if (kind.empty() || resolvesLocally(kind, name ? &*name : nullptr))
        return;
    const bool localKnown = resolvesLocally(kind, nullptr);
    const SourcePos pos = selector ? selector->pos() : querySpec.pos();
    const std::string reportPath = selector ? path + ".datasource" : path;
    m_context.withResources([=, project = m_scope.project](const ResourceSet &resources,
                                                           DiagnosticSink &sink) {
        if (!localKnown && !resources.hasDatasourceOfKind(kind))
            return;
        if (resources.resolveDatasource(
                project, kind, name ? std::optional<std::string_view>(*name) : std::nullopt))
            return;
        sink.report(Rules::datasourceUnresolved,
                    "No datasource found for kind '" + kind + "' and name '" + name.value_or("") +
                        "'" + (name ? "" : " (no default datasource of that kind)"),
                    pos, reportPath);
    });
}

void PanelValidator::checkVariableUse(const Node &node, const std::string &path,
                                      std::vector<std::string> &reported)
{
    if (node.isString()) {
        for (const VariableReference &ref :
             findVariableReferences(node.text(), ReferenceSyntax::Interpolation)) {
            const bool known = ref.name.starts_with("__") ||
                               std::find(m_scope.variables.begin(), m_scope.variables.end(),
                                         ref.name) != m_scope.variables.end() ||
                               std::all_of(ref.name.begin(), ref.name.end(),
                                           [](char c) { return c >= '0' && c <= '9'; });
            if (known || std::find(reported.begin(), reported.end(), ref.name) != reported.end())
                continue;
            reported.push_back(ref.name);
            m_context.withResources(
                [name = ref.name, pos = node.pos(), path,
                 project = m_scope.project](const ResourceSet &resources, DiagnosticSink &sink) {
                    if (!resources.hasSharedVariable(project, name))
                        sink.report(Rules::panelVariableUndefined,
                                    "variable \"" + name + "\" is used but not defined", pos, path);
                });
        }
        return;
    }
    for (const NodeMember &member : node.members()) {
        // Link and action templates inside plugin specs use row fields (${traceId}), not
        // dashboard variables.
        static constexpr std::string_view templates[] = {"link", "links", "dataLink", "actions"};
        const bool inPluginSpec = path.find(".plugin.spec") != std::string::npos;
        if (inPluginSpec && std::find(std::begin(templates), std::end(templates), member.key) !=
                                std::end(templates))
            continue;
        checkVariableUse(member.value, childPath(path, member.key), reported);
    }
    for (std::size_t i = 0; i < node.items().size(); ++i)
        checkVariableUse(node.items()[i], indexPath(path, i), reported);
}

} // namespace Pd
