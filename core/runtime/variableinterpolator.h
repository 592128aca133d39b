// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "variablevalue.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// The interpolation formats of `${name:format}` (spec §7.4).
enum class InterpolationFormat {
    Prometheus,
    Raw,
    Csv,
    Pipe,
    Text,
    Distributed,
    DoubleQuote,
    SingleQuote,
    SqlString,
    Glob,
    Lucene,
    Json,
    Regex,
    RegexLiteral,
    PercentEncode,
    QueryParam,
};

// Replaces `$name`, `${name}` and `${name:format}` exactly as the Perses UI does (spec §7.3):
// names longest first, one format per variable (that of its last occurrence), `$name` as a
// plain substring, unknown variables and unknown formats left in place.
class VariableInterpolator
{
public:
    static std::string replace(std::string_view text, const VariableValues &values);
    static std::string format(const std::vector<std::string> &values, std::string_view name,
                              InterpolationFormat format);
    // A format name as written after ':'; matched case-insensitively, as the UI parses it.
    static std::optional<InterpolationFormat> parseFormat(std::string_view name);
    static std::string_view formatName(InterpolationFormat format);
    // encodeURIComponent.
    static std::string percentEncode(std::string_view text);
};

} // namespace Pd
