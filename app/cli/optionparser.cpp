// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "optionparser.h"

#include <charconv>

namespace Pd::Cli {

std::optional<std::string> parseArguments(const std::vector<std::string> &args,
                                          const ArgumentHandler &positional,
                                          const OptionHandler &option)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (!arg.starts_with("--")) {
            if (auto problem = positional(arg))
                return problem;
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        std::string text;
        if (equals != std::string::npos)
            text = arg.substr(equals + 1);
        else if (i + 1 < args.size())
            text = args[++i];
        else
            return arg + " needs a value";
        if (auto problem = option(name, text))
            return problem;
    }
    return std::nullopt;
}

bool parseInt(const std::string &text, int &value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace Pd::Cli
