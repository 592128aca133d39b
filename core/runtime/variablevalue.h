// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

namespace Pd {

// A variable's current value: one string, or a list (multi-select, or All resolved to the
// options). The two interpolate differently, so the distinction is kept even for one value.
struct VariableValue
{
    std::vector<std::string> values;
    bool isList = false;

    static VariableValue single(std::string value) { return {{std::move(value)}, false}; }
    static VariableValue list(std::vector<std::string> values) { return {std::move(values), true}; }
    const std::string &first() const;
    friend bool operator==(const VariableValue &, const VariableValue &) = default;
};

// Values by variable name, as interpolation sees them.
using VariableValues = std::map<std::string, VariableValue, std::less<>>;

// The value that stands for "All" until interpolation.
inline constexpr const char *allValue = "$__all";

} // namespace Pd
