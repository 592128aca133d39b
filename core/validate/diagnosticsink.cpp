// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diagnosticsink.h"

#include "rules.h"

namespace Pd {

std::string joinPath(const std::string &prefix, const std::string &suffix)
{
    if (prefix.empty())
        return suffix;
    if (suffix.empty())
        return prefix;
    return suffix.front() == '[' ? prefix + suffix : prefix + '.' + suffix;
}

DiagnosticSink::DiagnosticSink(std::string file, Diagnostics &out)
    : m_file(std::move(file))
    , m_out(out)
{}

void DiagnosticSink::report(std::string_view rule, std::string message, SourcePos pos,
                            std::string path)
{
    const RuleInfo *info = Rules::find(rule);
    report(info ? info->severity : Severity::Error, rule, std::move(message), pos, std::move(path));
}

void DiagnosticSink::report(Severity severity, std::string_view rule, std::string message,
                            SourcePos pos, std::string path)
{
    m_out.push_back(
        Diagnostic{severity, std::string(rule), std::move(message), m_file, pos, std::move(path)});
}

void DiagnosticSink::reportPluginViolations(const std::vector<SchemaViolation> &violations,
                                            const std::string &pathPrefix,
                                            const std::string &messagePrefix)
{
    for (const SchemaViolation &violation : violations) {
        if (!violation.rule.empty()) {
            // Not "invalid ...": the server takes it.
            report(violation.rule, violation.message(), violation.pos,
                   joinPath(pathPrefix, violation.path));
            continue;
        }
        const bool unknown = violation.detail.starts_with("schema not found for plugin");
        const bool noKind = violation.detail == "kind cannot be empty";
        const std::string_view rule = unknown  ? Rules::pluginUnknown
                                      : noKind ? Rules::pluginKind
                                               : Rules::pluginSchema;
        std::string message =
            unknown || noKind ? violation.detail : messagePrefix + ": " + violation.message();
        report(rule, std::move(message), violation.pos, joinPath(pathPrefix, violation.path));
    }
}

void DiagnosticSink::reportStructureViolations(const std::vector<SchemaViolation> &violations)
{
    for (const SchemaViolation &violation : violations) {
        switch (violation.category) {
        case SchemaViolation::Category::Type:
            report(Rules::typeMismatch, violation.message(), violation.pos, violation.path);
            break;
        case SchemaViolation::Category::Required:
            if (violation.path == "spec")
                report(Rules::specMissing, "spec cannot be empty", violation.pos, violation.path);
            else
                report(Rules::requiredField, violation.message(), violation.pos, violation.path);
            break;
        case SchemaViolation::Category::UnknownField:
            report(Rules::unknownField,
                   violation.path + ": field not defined by Perses (the server drops it)",
                   violation.pos, violation.path);
            break;
        case SchemaViolation::Category::Value:
        case SchemaViolation::Category::Check:
            report(Rules::invalidValue, violation.message(), violation.pos, violation.path);
            break;
        }
    }
}

} // namespace Pd
