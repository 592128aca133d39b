// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

// Printed for --help and after every usage error.
inline constexpr const char *fmtUsage = "usage: perses-desktop fmt [--check] PATH...\n";

// perses-desktop fmt [--check] PATH...
// Rewrites Perses resource files in the canonical key order and layout. With --check, writes
// nothing, lists the files that would change and exits 1 if there is any.
// Exit 2 for usage errors and unreadable paths; 1 when a file cannot be formatted.
int runFmt(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace Pd::Cli
