// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "userregex.h"

#include "textpatterns.h"

namespace Pd {

std::expected<std::optional<std::regex>, std::string> compileUserRegex(std::string_view pattern)
{
    const std::string usable = TextPatterns::forStdRegex(pattern);
    if (usable.empty())
        return std::optional<std::regex>();
    try {
        return std::optional<std::regex>(std::regex(usable, std::regex::ECMAScript));
    } catch (const std::regex_error &error) {
        return std::unexpected(std::string(error.what()));
    }
}

} // namespace Pd
