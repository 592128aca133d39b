// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace Pd::Cli {

inline constexpr const char *pushUsage =
    "usage: perses-desktop push --server URL [--dry-run] PATH...\n"
    "       creates or updates the resources of the files and folders on the server, and says\n"
    "       what it creates, updates or leaves. The files are linted first. A file pulled at\n"
    "       a version the server has moved past is a conflict: nothing is sent, exit 1.\n"
    "       Updated files get the server's new metadata.version.\n";

// Exit 0: pushed (or nothing to do); 1: lint errors, a conflict or a refusal; 2: usage.
int runPush(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
            std::ostream &err);

} // namespace Pd::Cli
