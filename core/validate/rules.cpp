// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "rules.h"

#include <array>

namespace Pd::Rules {

namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

constexpr std::array catalogue = {
    RuleInfo{syntax, E, "the file is not well-formed JSON or YAML"},
    RuleInfo{encoding, E, "the file is not valid UTF-8"},
    RuleInfo{duplicateKey, E, "an object defines the same key twice"},
    RuleInfo{nestingTooDeep, E, "values are nested deeper than a reader accepts"},
    RuleInfo{fileTooLarge, E, "the file is larger than any dashboard can be"},
    RuleInfo{emptyFile, E, "the file holds no document"},
    RuleInfo{yaml11Boolean, W, "a plain YAML word that YAML 1.1 tools read as a boolean"},
    RuleInfo{io, E, "the file cannot be read"},
    RuleInfo{resourceKind, E, "kind is missing, empty or not a Perses kind"},
    RuleInfo{specMissing, E, "a Dashboard or Datasource without spec"},
    RuleInfo{typeMismatch, E, "a value has the wrong JSON type"},
    RuleInfo{requiredField, E, "a required field is missing"},
    RuleInfo{invalidValue, E, "a value is outside what the field allows"},
    RuleInfo{unknownField, W, "a field Perses does not define (the server drops it)"},
    RuleInfo{metadataName, E, "metadata.name breaks the Perses name rule"},
    RuleInfo{metadataTags, E, "metadata.tags breaks the tag rules"},
    RuleInfo{duration, E, "duration or refreshInterval is not a duration"},
    RuleInfo{timezone, E, "timezone is not local, empty or an IANA zone"},
    RuleInfo{panelId, E, "a panel key breaks the Perses name rule"},
    RuleInfo{variableKind, E, "a variable kind is neither TextVariable nor ListVariable"},
    RuleInfo{variableName, E, "a variable name breaks the server's naming rules"},
    RuleInfo{variableDuplicate, E, "two variables share a name"},
    RuleInfo{variableConstant, E, "a constant text variable has no value"},
    RuleInfo{variableDefaultValue, E, "defaultValue does not fit allowMultiple"},
    RuleInfo{variableCustomAll, E, "customAllValue without allowAllValue"},
    RuleInfo{variableSort, E, "an unknown variable sort method"},
    RuleInfo{layoutKind, E, "a layout kind is empty or unknown"},
    RuleInfo{layoutRef, E, "a grid item $ref is malformed or points elsewhere than a panel"},
    RuleInfo{layoutRefTarget, E, "a grid item $ref names a panel that does not exist"},
    RuleInfo{pluginKind, E, "a plugin has no kind"},
    RuleInfo{annotationName, E, "an annotation has no display name"},
    RuleInfo{datasourceProxy, E, "an HTTP proxy configuration is invalid"},
    RuleInfo{secretConfig, E, "a secret's authentication settings are inconsistent"},
    RuleInfo{secretTlsVersion, W, "a secret names a TLS version that does not exist"},
    RuleInfo{folderItem, E, "a folder item is invalid or repeated"},
    RuleInfo{linkUrl, W, "a link has no url"},
    RuleInfo{variableUndefined, E, "a variable uses a variable that is not defined"},
    RuleInfo{variableCycle, E, "variables depend on each other in a cycle"},
    RuleInfo{datasourceDefault, E, "two dashboard datasources of one kind are default"},
    RuleInfo{datasourceDefaultConflict, E,
             "two stored datasources of one kind and scope are default"},
    RuleInfo{pluginSchema, E, "a plugin spec does not fit the plugin's schema"},
    RuleInfo{pluginUnknown, E, "no schema is known for a plugin kind"},
    RuleInfo{panelKind, W, "a panel's kind is not \"Panel\""},
    RuleInfo{gridBounds, W, "a grid item lies outside the 24 columns or has no size"},
    RuleInfo{gridOverlap, W, "two grid items of one group overlap"},
    RuleInfo{panelOrphan, W, "a panel no layout shows"},
    RuleInfo{panelVariableUndefined, W, "a panel uses a $variable that is not defined"},
    RuleInfo{datasourceUnresolved, W, "a datasource selector matches no datasource"},
    RuleInfo{queryKindMismatch, W, "a query kind the panel or plugin does not accept"},
    RuleInfo{datasourceKindMismatch, W,
             "a datasource selector names another kind than its plugin reads from"},
    RuleInfo{repeatVariable, W, "repeatVariable names an unknown or single-value variable"},
    RuleInfo{variableRegexp, W, "capturingRegexp is not a valid regular expression"},
    RuleInfo{projectUnknown, W, "metadata.project names a project the run does not define"},
    RuleInfo{tabsLayout, W, "a Tabs layout, which Perses 0.54 does not draw, or a reference in it"},
};

} // namespace

std::span<const RuleInfo> all()
{
    return catalogue;
}

const RuleInfo *find(std::string_view id)
{
    for (const RuleInfo &rule : catalogue) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

} // namespace Pd::Rules
