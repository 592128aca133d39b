// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "windowarguments.h"

#include "bundleloader.h"
#include "optionparser.h"

#include <filesystem>

namespace Pd::Cli {

std::optional<std::string> parseEditTarget(const std::string &text, WindowArguments &out)
{
    std::string file = text;
    std::vector<int> numbers;
    while (numbers.size() < 2 && !std::filesystem::exists(file)) {
        const std::size_t colon = file.rfind(':');
        int value = 0;
        if (colon == std::string::npos || !parseInt(file.substr(colon + 1), value) || value < 1)
            break;
        numbers.insert(numbers.begin(), value);
        file.resize(colon);
    }
    if (!std::filesystem::is_regular_file(file))
        return "--edit: no such file '" + file + "'";
    out.editFile = file;
    out.editLine = numbers.empty() ? 0 : numbers[0];
    out.editColumn = numbers.size() > 1 ? numbers[1] : 0;
    return std::nullopt;
}

std::optional<std::string> parseWindowArguments(const std::vector<std::string> &args,
                                                WindowArguments &out)
{
    std::vector<std::string> datasources;
    auto addPath = [&](const std::string &arg) -> std::optional<std::string> {
        out.paths.push_back(arg);
        return std::nullopt;
    };
    auto option = [&](const std::string &name,
                      const std::string &value) -> std::optional<std::string> {
        if (name == "--datasource")
            datasources.push_back(value);
        else if (name == "--review" && out.review.size() < 2)
            out.review.push_back(value);
        else if (name == "--repo")
            out.repository = value;
        else if (name == "--edit")
            return parseEditTarget(value, out);
        else if (name == "--theme" && (value == "light" || value == "dark"))
            out.theme = value == "dark" ? Gui::Theme::Mode::Dark : Gui::Theme::Mode::Light;
        else
            return "unknown option '" + name + " " + value + "'";
        return std::nullopt;
    };
    if (std::optional<std::string> problem = parseArguments(args, addPath, option))
        return problem;
    return loadOverrides(datasources, out.overrides);
}

} // namespace Pd::Cli
