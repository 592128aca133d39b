// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variablevalidator.h"

#include "namerules.h"
#include "rules.h"
#include "userregex.h"

#include <algorithm>
#include <array>

namespace Pd {

const std::array<std::string_view, 7> &VariableValidator::sortMethods()
{
    static constexpr std::array<std::string_view, 7> sorts = {
        "none",           "alphabetical-asc",    "alphabetical-desc",   "numerical-asc",
        "numerical-desc", "alphabetical-ci-asc", "alphabetical-ci-desc"};
    return sorts;
}

VariableValidator::VariableValidator(ValidationContext &context)
    : m_context(context)
{}

void VariableValidator::validate(const Node &variable, const std::string &path,
                                 const Node *resourceName)
{
    if (!variable.isObject())
        return; // the structure check already said so
    m_wrapperChecks = resourceName ? Severity::Warning : Severity::Error;
    const Node *kind = variable.find("kind");
    const Node *spec = variable.find("spec");
    const std::string kindText = kind && kind->isString() ? kind->text() : std::string();
    if (kindText != "TextVariable" && kindText != "ListVariable") {
        m_context.sink.report(Rules::variableKind,
                              "unknown variable.kind \"" + kindText + "\" used",
                              kind ? kind->pos() : variable.pos(), path + ".kind");
        return;
    }
    if (!spec || !spec->isObject())
        return;
    const Node *name = resourceName ? resourceName : spec->find("name");
    std::string displayName;
    if (name && name->isString()) {
        displayName = name->text();
        checkName(*name, resourceName ? std::string("metadata.name") : path + ".spec.name",
                  resourceName == nullptr);
    }
    if (kindText == "TextVariable")
        checkText(*spec, path + ".spec");
    else
        checkList(*spec, path + ".spec", displayName);
}

void VariableValidator::checkName(const Node &name, const std::string &path, bool checkIdRule)
{
    // A Variable resource's metadata.name already went through the ID rule with the rest of
    // its metadata.
    if (checkIdRule) {
        if (auto problem = NameRules::checkId(name.text())) {
            m_context.sink.report(Rules::variableName, *problem, name.pos(), path);
            return;
        }
    }
    if (auto problem = NameRules::checkVariableName(name.text()))
        m_context.sink.report(Rules::variableName, *problem, name.pos(), path);
}

void VariableValidator::checkText(const Node &spec, const std::string &path)
{
    const Node *constant = spec.find("constant");
    const Node *value = spec.find("value");
    if (constant && constant->toBool() && (!value || value->text().empty()))
        m_context.sink.report(m_wrapperChecks, Rules::variableConstant,
                              "value for a constant text variable cannot be empty",
                              value ? value->pos() : spec.pos(), path + ".value");
}

// A JavaScript regexp checked with std::regex where the two agree; lookbehind and very long
// patterns are left unchecked rather than reported wrongly.
void VariableValidator::checkCapturingRegexp(const Node &regexp, const std::string &path)
{
    const auto compiled = compileUserRegex(regexp.text());
    if (!compiled.error.empty())
        m_context.sink.report(Rules::variableRegexp,
                              "capturingRegexp is not a valid regular expression: " +
                                  compiled.error,
                              regexp.pos(), path);
    else if (compiled.regex && compiled.regex->mark_count() == 0)
        m_context.sink.report(Rules::variableRegexp,
                              "capturingRegexp has no capture group, so it drops every option",
                              regexp.pos(), path);
}

void VariableValidator::checkList(const Node &spec, const std::string &path,
                                  const std::string &displayName)
{
    const Node *allowMultiple = spec.find("allowMultiple");
    const Node *defaultValue = spec.find("defaultValue");
    if (defaultValue && defaultValue->isNull())
        defaultValue = nullptr; // a nil pointer for the server, as if absent
    if (defaultValue && !defaultValue->isString() && !defaultValue->isArray())
        m_context.sink.report(
            Rules::variableDefaultValue,
            "unable to unmarshal defaultValue. Only string or array of string can be used",
            defaultValue->pos(), path + ".defaultValue");
    else if (defaultValue && defaultValue->isArray() && defaultValue->size() > 1 &&
             !(allowMultiple && allowMultiple->toBool()))
        m_context.sink.report(m_wrapperChecks, Rules::variableDefaultValue,
                              "you can not use a list of default values if allowMultiple is set "
                              "to false",
                              defaultValue->pos(), path + ".defaultValue");

    const Node *customAll = spec.find("customAllValue");
    const Node *allowAll = spec.find("allowAllValue");
    if (customAll && !customAll->text().empty() && !(allowAll && allowAll->toBool()))
        m_context.sink.report(m_wrapperChecks, Rules::variableCustomAll,
                              "customAllValue cannot be set if allowAllValue is not set to true",
                              customAll->pos(), path + ".customAllValue");

    const auto &sorts = sortMethods();
    const Node *sort = spec.find("sort");
    if (sort && sort->isString() && !sort->text().empty() &&
        std::find(sorts.begin(), sorts.end(), sort->text()) == sorts.end())
        m_context.sink.report(Rules::variableSort,
                              "unknown sort method \"" + sort->text() + "\" used", sort->pos(),
                              path + ".sort");

    if (const Node *regexp = spec.find("capturingRegexp"); regexp && regexp->isString())
        checkCapturingRegexp(*regexp, path + ".capturingRegexp");

    const Node *plugin = spec.find("plugin");
    if (!plugin) {
        m_context.sink.report(Rules::requiredField, "a ListVariable needs a plugin", spec.pos(),
                              path + ".plugin");
        return;
    }
    m_context.sink.reportPluginViolations(
        m_context.plugins.validatePlugin(*plugin, PluginType::Variable), path + ".plugin",
        "invalid variable " + displayName);
}

} // namespace Pd
