// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcevalidator.h"

#include "rules.h"

#include <regex>

namespace Pd {

DatasourceValidator::DatasourceValidator(ValidationContext &context)
    : m_context(context)
{}

void DatasourceValidator::validateSpec(const Node &spec, const std::string &path,
                                       const std::string &name)
{
    const Node *plugin = spec.isObject() ? spec.find("plugin") : nullptr;
    if (!plugin)
        return; // reported as a missing required field
    m_context.sink.reportPluginViolations(
        m_context.plugins.validatePlugin(*plugin, PluginType::Datasource), path + ".plugin",
        "invalid datasource " + name);
    checkProxies(*plugin, path + ".plugin");
}

// The server finds the proxy anywhere in the plugin spec by its kind and compiles each
// allowed endpoint pattern as a Go regexp.
void DatasourceValidator::checkProxies(const Node &node, const std::string &path)
{
    if (!node.isObject()) {
        for (std::size_t i = 0; i < node.items().size(); ++i)
            checkProxies(node.items()[i], indexPath(path, i));
        return;
    }
    const Node *kind = node.find("kind");
    if (kind && equalsIgnoringCase(kind->text(), "HTTPProxy")) {
        const Node *endpoints =
            node.find("spec") ? node.find("spec")->find("allowedEndpoints") : nullptr;
        for (std::size_t i = 0; endpoints && i < endpoints->items().size(); ++i) {
            const Node *pattern = endpoints->items()[i].find("endpointPattern");
            if (!pattern || !pattern->isString() || pattern->text().empty())
                continue; // the schema reports it
            try {
                std::regex compiled(pattern->text(), std::regex::ECMAScript);
            } catch (const std::regex_error &error) {
                m_context.sink.report(Rules::datasourceProxy,
                                      "endpointPattern \"" + pattern->text() +
                                          "\" is not a valid regular expression: " + error.what(),
                                      pattern->pos(),
                                      path + ".spec.allowedEndpoints[" + std::to_string(i) +
                                          "].endpointPattern");
            }
        }
        return;
    }
    for (const NodeMember &member : node.members())
        checkProxies(member.value, childPath(path, member.key));
}

} // namespace Pd
