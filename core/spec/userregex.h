// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <expected>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace Pd {

// A user's regular expression (a JavaScript capturingRegexp, a Go endpointPattern) compiled
// with std::regex after TextPatterns::forStdRegex. An empty optional when it cannot be
// compiled here (lookbehind, very long); the compiler's message when it is invalid.
std::expected<std::optional<std::regex>, std::string> compileUserRegex(std::string_view pattern);

} // namespace Pd
