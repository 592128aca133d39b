// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

// Printed for --help and after every usage error.
inline constexpr const char *lintUsage =
    "usage: perses-desktop lint [--format text|json|github] [--warnings-as-errors] [--verbose] "
    "PATH...\n"
    "       PATH is a file or folder, or REV:PATH in the Git repository of --repo DIR (default:\n"
    "       the current folder's), read from the commit without a checkout\n"
    "       --server URL (or --connection NAME): each dashboard, datasource and variable is also\n"
    "       validated by that Perses server (POST /api/validate/...); its refusals are errors\n";

// perses-desktop lint [--format text|json|github] [--warnings-as-errors] [--verbose]
//                     [--repo DIR] PATH...
// Exit 0: no error; 1: errors (or warnings with --warnings-as-errors); 2: usage error or a
// path that cannot be read.
int runLint(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace Pd::Cli
