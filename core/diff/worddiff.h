// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Pd {

// Two texts (PromQL, titles) compared word by word, as `git diff --word-diff` shows them:
// words are runs of letters, digits, '_', ':' and '.'; every other character stands alone.
class WordDiff
{
public:
    struct Piece
    {
        enum class Kind { Same, Removed, Added };
        Kind kind = Kind::Same;
        std::string text;
    };

    static std::vector<Piece> compare(std::string_view before, std::string_view after);

    // "rate(x[[-1m-]{+5m+}])": removals in [- -], additions in {+ +}.
    static std::string inlineText(const std::vector<Piece> &pieces);
};

} // namespace Pd
