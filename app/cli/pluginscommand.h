// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

inline constexpr const char *pluginsUsage = "usage: perses-desktop plugins\n";

// Lists every plugin found (built-in and from the plugin folders) with its kinds, or the
// reason it did not load. A plugin that fails is listed, not fatal: exit 0 unless the
// arguments are wrong (2).
int runPlugins(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
               std::ostream &err);

} // namespace Pd::Cli
