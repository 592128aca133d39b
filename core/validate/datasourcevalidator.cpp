// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "datasourcevalidator.h"

#include "httpproxy.h"
#include "rules.h"
#include "userregex.h"

#include <algorithm>
#include <iterator>

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

// The server finds the proxy anywhere in the plugin spec by its kind and decodes it: url,
// methods and endpoint patterns (compiled as Go regexps) are checked there.
void DatasourceValidator::checkProxies(const Node &node, const std::string &path)
{
    forEachHttpProxy(node, path, [this](const Node &spec, const std::string &specPath) {
        checkHttpProxy(spec, specPath);
    });
}

void DatasourceValidator::checkHttpProxy(const Node &spec, const std::string &path)
{
    auto report = [&](const Node &at, const std::string &where, std::string message) {
        m_context.sink.report(Rules::datasourceProxy, std::move(message), at.pos(), where);
    };
    if (const Node *url = spec.find("url"); url && url->isString() && url->text().empty())
        report(*url, path + ".url", "url cannot be empty");
    const Node *endpoints = spec.find("allowedEndpoints");
    for (std::size_t i = 0; endpoints && i < endpoints->items().size(); ++i) {
        const Node &endpoint = endpoints->items()[i];
        const std::string endpointPath = indexPath(path + ".allowedEndpoints", i);
        const Node *method = endpoint.find("method");
        const Node *pattern = endpoint.find("endpointPattern");
        if (method && method->isString()) {
            static constexpr std::string_view methods[] = {"GET", "POST", "DELETE", "PUT", "PATCH"};
            if (method->text().empty())
                report(*method, endpointPath + ".method", "HTTP method cannot be empty");
            else if (std::find(std::begin(methods), std::end(methods), method->text()) ==
                     std::end(methods))
                report(*method, endpointPath + ".method",
                       "\"" + method->text() +
                           "\" is not a valid http method. Current supported HTTP method: GET, "
                           "POST, DELETE, PUT, PATCH");
        }
        if (!pattern || !pattern->isString())
            continue;
        if (pattern->text().empty()) {
            report(*pattern, endpointPath + ".endpointPattern",
                   "HTTP endpoint pattern cannot be empty");
            continue;
        }
        // Go's RE2 syntax, checked with std::regex where the two agree.
        if (const auto compiled = compileUserRegex(pattern->text()); !compiled.error.empty())
            report(*pattern, endpointPath + ".endpointPattern",
                   "endpointPattern \"" + pattern->text() +
                       "\" is not a valid regular expression: " + compiled.error);
    }
}

} // namespace Pd
