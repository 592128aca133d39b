// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace Pd::Cli {

using ArgumentHandler = std::function<std::optional<std::string>(const std::string &)>;
using OptionHandler =
    std::function<std::optional<std::string>(const std::string &name, const std::string &value)>;

// The commands' shared grammar: `--name value`, `--name=value` and positional arguments, in
// order. Every option takes a value. Returns the first problem.
std::optional<std::string> parseArguments(const std::vector<std::string> &args,
                                          const ArgumentHandler &positional,
                                          const OptionHandler &option);
bool parseInt(const std::string &text, int &value);

} // namespace Pd::Cli
