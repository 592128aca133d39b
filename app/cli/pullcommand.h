// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

inline constexpr const char *pullUsage =
    "usage: perses-desktop pull --server URL [--project P] [--dashboard NAME] --out DIR\n"
    "                           [--format yaml|json]\n"
    "       writes the server's resources as files, one per resource, in canonical form:\n"
    "       DIR/<project>/project.yaml, DIR/<project>/dashboards/<name>.yaml, datasources/,\n"
    "       variables/, folders/, and DIR/globaldatasources/, DIR/globalvariables/.\n"
    "       Each file keeps metadata.version, so that push can tell when the server's copy\n"
    "       changed since. Secrets are not pulled.\n";

// Exit 0: pulled; 1: the server refused or could not be reached; 2: usage.
int runPull(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
            std::ostream &err);

} // namespace Pd::Cli
