// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

// Printed for --help and after every usage error.
inline constexpr const char *renderUsage =
    "usage: perses-desktop render FILE [--dashboard NAME] [--panel ID] [--from T] [--to T]\n"
    "           [--var NAME=VALUE]... [--datasource NAME=URL]... [--resources PATH]...\n"
    "           [--size WxH] [--theme light|dark] [--timeout S] [--repo DIR]\n"
    "           --out OUT.png|OUT.svg|OUT.pdf\n"
    "       FILE and --resources may be REV:PATH in the Git repository of --repo DIR\n"
    "       in place of FILE: --server URL --project P --dashboard NAME (queries through the\n"
    "       server's datasource proxy; the server options are those of pull and push)\n";

// Draws the dashboard (or one panel) as the window shows it, headless, once every query has
// finished or failed. Without --size: 1600 px wide and as tall as the dashboard (a panel:
// 800x400). Exit 0 when drawn, 1 when a query failed or timed out (the image is still
// written), 2 for usage errors and files that cannot be read or written.
int runRender(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
              std::ostream &err);

} // namespace Pd::Cli
