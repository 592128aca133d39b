// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "windowarguments.h"

#include "bundleloader.h"
#include "duration.h"
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

namespace {

std::optional<std::string> parseCycle(const std::string &value, WindowArguments &out)
{
    const DurationParse parsed = parseDuration(value);
    if (!parsed.isValid() || *parsed.milliseconds < 1000)
        return "--cycle: '" + value + "' is not a duration of a second or more (e.g. 60s, 5m)";
    out.cycleMs = *parsed.milliseconds;
    return std::nullopt;
}

} // namespace

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
        else if (name == "--cycle")
            return parseCycle(value, out);
        else
            return "unknown option '" + name + " " + value + "'";
        return std::nullopt;
    };
    // --kiosk is the window's one flag without a value: taken out before the shared grammar.
    std::vector<std::string> rest;
    for (const std::string &arg : args) {
        if (arg == "--kiosk")
            out.kiosk = true;
        else
            rest.push_back(arg);
    }
    if (std::optional<std::string> problem = parseArguments(rest, addPath, option))
        return problem;
    return loadOverrides(datasources, out.overrides);
}

} // namespace Pd::Cli
