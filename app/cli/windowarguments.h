// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datasourceconnection.h"
#include "theme.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd::Cli {

// The window's command line: [FILE|FOLDER]... [--datasource NAME=URL]... [--theme light|dark]
// [--review A [--review B]] [--repo DIR].
struct WindowArguments
{
    std::vector<std::string> paths;
    std::vector<std::string> review; // diff's operands: A B, REV1..REV2, FILE or FOLDER
    std::string repository;
    DatasourceOverrides overrides; // the user's datasources file, then each --datasource
    Gui::Theme::Mode theme = Gui::Theme::Mode::System;
};

// Fills `out`, or returns the first problem (a usage error).
std::optional<std::string> parseWindowArguments(const std::vector<std::string> &args,
                                                WindowArguments &out);

} // namespace Pd::Cli
