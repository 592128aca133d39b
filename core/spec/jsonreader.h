// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "parseresult.h"

#include <string_view>

namespace Pd {

// Strict RFC 8259 reader that records the line and column of every value and key.
// Duplicate keys are reported (the last one wins, as in Go); nesting is bounded.
class JsonReader
{
public:
    static ParseResult parse(std::string_view text);
};

} // namespace Pd
