// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// Collects the diagnostics of one file. Severity comes from the rule catalogue, so each
// rule reports at one level wherever it fires.
class DiagnosticSink
{
public:
    DiagnosticSink(std::string file, Diagnostics &out);

    void report(std::string_view rule, std::string message, SourcePos pos, std::string path);
    void report(Severity severity, std::string_view rule, std::string message, SourcePos pos,
                std::string path);
    // One diagnostic per violation of a plugin schema, as "<prefix>: <path>: <detail>".
    // `pathPrefix` is the JSON path of the plugin object in the resource.
    void reportPluginViolations(const std::vector<SchemaViolation> &violations,
                                const std::string &pathPrefix, const std::string &messagePrefix);
    // Violations of a resource's structural schema, graded by category.
    void reportStructureViolations(const std::vector<SchemaViolation> &violations);

private:
    std::string m_file;
    Diagnostics &m_out;
};

// "spec.plugin" + "spec.query" -> "spec.plugin.spec.query".
std::string joinPath(const std::string &prefix, const std::string &suffix);

} // namespace Pd
