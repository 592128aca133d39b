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
// [--review A [--review B]] [--repo DIR] [--edit FILE[:LINE[:COLUMN]]] [--kiosk]
// [--cycle DURATION].
struct WindowArguments
{
    std::vector<std::string> paths;
    std::vector<std::string> review; // diff's operands: A B, REV1..REV2, FILE or FOLDER
    std::string repository;
    // --edit FILE[:LINE[:COLUMN]]: the file in edit mode, the cursor there (0: not given).
    std::string editFile;
    int editLine = 0;
    int editColumn = 0;
    DatasourceOverrides overrides; // the user's datasources file, then each --datasource
    Gui::Theme::Mode theme = Gui::Theme::Mode::System;
    bool kiosk = false;       // the panels alone, full screen (wall displays)
    std::int64_t cycleMs = 0; // --cycle 60s: the next dashboard of the folder this often
};

// Fills `out`, or returns the first problem (a usage error).
// FILE[:LINE[:COLUMN]] as lint prints it; a file whose name has such a tail wins.
std::optional<std::string> parseEditTarget(const std::string &text, WindowArguments &out);

std::optional<std::string> parseWindowArguments(const std::vector<std::string> &args,
                                                WindowArguments &out);

} // namespace Pd::Cli
