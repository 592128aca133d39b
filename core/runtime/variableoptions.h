// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model.h"
#include "variablevalue.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

struct VariableOption
{
    std::string label;
    std::string value;
    friend bool operator==(const VariableOption &, const VariableOption &) = default;
};

// What a list variable does with the options its plugin returns (spec §7.5): the capturing
// regexp, the seven sort modes, "All", the initial value and what interpolation sees.
class VariableOptions
{
public:
    // Every capture group of every match, concatenated, becomes the value; options that end up
    // empty are dropped, duplicates removed, labels kept. A regexp without a group drops all.
    // An invalid regexp leaves the options as they are and sets `error`.
    static std::vector<VariableOption>
    applyCapturingRegexp(const std::vector<VariableOption> &options, const std::string &regexp,
                         std::string *error = nullptr);
    // The displayed order: none, alphabetical-asc/desc, alphabetical-ci-asc/desc,
    // numerical-asc/desc (by label; numerical uses parseInt).
    static std::vector<VariableOption> sorted(std::vector<VariableOption> options,
                                              std::string_view sort);
    // The list shown to the user: sorted, with "All" first when allowed.
    static std::vector<VariableOption> displayed(const Model::VariableSpec &spec,
                                                 const std::vector<VariableOption> &options);
    // The selected value: `requested` (command line or URL), else defaultValue, else the first
    // displayed option; values missing from the options are replaced by the first one.
    static VariableValue select(const Model::VariableSpec &spec,
                                const std::vector<VariableOption> &options,
                                const std::optional<VariableValue> &requested);
    // What interpolation sees: "All" becomes customAllValue, or every option value in plugin
    // order.
    static VariableValue effectiveValue(const Model::VariableSpec &spec,
                                        const VariableValue &selected,
                                        const std::vector<VariableOption> &options);
    // StaticListVariable: strings or {value, label}.
    static std::vector<VariableOption> staticList(const Node &pluginSpec);
};

} // namespace Pd
