// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

// Printed for --help and after every usage error.
inline constexpr const char *diffUsage =
    "usage: perses-desktop diff [--repo DIR] A B [--format text|json|markdown] [--render DIR]\n"
    "       perses-desktop diff [--repo DIR] REV1..REV2 [--format ...] [--render DIR]\n"
    "       perses-desktop diff [--repo DIR] FILE|FOLDER [--format ...] [--render DIR]\n"
    "\n"
    "  A and B are files or REV:PATH (any revision Git accepts; PATH from the repository's\n"
    "  root, or from the current folder when it starts with ./). REV1..REV2 compares every\n"
    "  Perses file changed between two revisions (REV.. means REV..HEAD). FILE alone is the\n"
    "  working copy against HEAD; FOLDER, every Perses file in it the working copy changed.\n"
    "  Formatting, key order, comments and YAML against JSON are no change.\n"
    "  --render DIR draws each changed panel before and after to DIR as PNG; it takes\n"
    "  render's --from, --to, --var, --datasource, --resources, --timeout, --size, --theme.\n"
    "  Exit 0 when equal, 1 when they differ, 2 for usage errors or unreadable input.\n";

int runDiff(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
            std::ostream &err);

} // namespace Pd::Cli
