// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

// Printed for --help and after every usage error.
inline constexpr const char *queryUsage =
    "usage: perses-desktop query FILE [--dashboard NAME] [--panel ID]... [--from T] [--to T]\n"
    "           [--var NAME=VALUE]... [--datasource NAME=URL]... [--resources PATH]...\n"
    "           [--width PX] [--format json|text] [--timeout S] [--repo DIR]\n"
    "       FILE and --resources may be REV:PATH in the Git repository of --repo DIR\n"
    "       in place of FILE: --server URL --project P --dashboard NAME (queries through the\n"
    "       server's datasource proxy; the server options are those of pull and push)\n";

// perses-desktop query FILE [--dashboard NAME] [--panel ID]... [--from T] [--to T]
//     [--var NAME=VALUE]... [--datasource NAME=URL]... [--resources PATH]... [--width PX]
//     [--format json|text] [--timeout S]
// --resources adds the datasources and variables of other files or folders.
// Exit 0 when every query succeeded, 1 when one failed (the output is printed all the same),
// 2 for usage errors and files that cannot be read.
int runQuery(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
             std::ostream &err);

} // namespace Pd::Cli
