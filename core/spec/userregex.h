// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace Pd {

// A user's regular expression (a JavaScript capturingRegexp, a Go endpointPattern) compiled
// with std::regex after TextPatterns::forStdRegex. (Not std::expected: the clang of the
// fuzzer build cannot use libstdc++'s.)
struct UserRegex
{
    std::optional<std::regex> regex; // none when invalid, or when it cannot be compiled here
                                     // (lookbehind, very long)
    std::string error;               // the compiler's message when it is invalid
};

UserRegex compileUserRegex(std::string_view pattern);

} // namespace Pd
