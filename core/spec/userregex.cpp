// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "userregex.h"

#include "textpatterns.h"

namespace Pd {

UserRegex compileUserRegex(std::string_view pattern)
{
    const std::string usable = TextPatterns::forStdRegex(pattern);
    UserRegex result;
    if (usable.empty())
        return result;
    try {
        result.regex.emplace(usable, std::regex::ECMAScript);
    } catch (const std::regex_error &error) {
        result.error = error.what();
    }
    return result;
}

} // namespace Pd
