// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcepos.h"

#include <string>
#include <string_view>
#include <vector>

namespace Pd {

enum class Severity { Error, Warning, Info };

std::string_view severityName(Severity severity);

// One finding about a file: what is wrong, where, and under which stable rule id
// (docs/lint-rules.md lists them all).
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string rule;
    std::string message;
    std::string file;
    SourcePos pos;
    std::string path; // JSON path of the value, e.g. spec.panels.cpu.spec.plugin

    bool isError() const { return severity == Severity::Error; }
};

using Diagnostics = std::vector<Diagnostic>;

// Orders by file, then position, then severity, so output is stable and reads top-down.
void sortDiagnostics(Diagnostics &diagnostics);
bool hasErrors(const Diagnostics &diagnostics);

} // namespace Pd
