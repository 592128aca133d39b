// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Pd::NameRules {

// The Perses ID rule (spec §2.3) for metadata.name, panel keys and variable names; the
// error in the server's words, or nothing when the name is fine.
std::optional<std::string> checkId(std::string_view name);
// The server's extra variable-name rules (spec §4.4.1, layers 2-3).
std::optional<std::string> checkVariableName(std::string_view name);
// Tag rules (spec §2.2).
std::optional<std::string> checkTag(std::string_view tag);

} // namespace Pd::NameRules
