// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <string>
#include <string_view>

namespace Pd::Cli {

enum class OutputFormat { Text, Json, Github };

// The three output formats of `lint`. These are public contracts: scripts parse them.
class DiagnosticFormatter
{
public:
    // path:line:column: severity: message [rule-id]
    static std::string text(const Diagnostic &diagnostic);
    // {"file","line","column","severity","rule","message","path"}
    static std::string json(const Diagnostic &diagnostic);
    // ::error file=…,line=…,col=…,title=rule::message (GitHub workflow command)
    static std::string github(const Diagnostic &diagnostic);

    static std::string format(OutputFormat format, const Diagnostic &diagnostic);
};

} // namespace Pd::Cli
