// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/exitcodes.h"
#include "cli/fmtcommand.h"
#include "cli/lintcommand.h"
#include "cli/querycommand.h"
#include "memorytuning.h"

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char *help =
    "Perses Desktop: Perses dashboards on the desktop and in CI.\n"
    "\n"
    "usage: perses-desktop [COMMAND] [ARGS...]\n"
    "\n"
    "commands:\n"
    "  lint   validate Perses resources as the server would, each problem at line:column\n"
    "  fmt    rewrite resources in the canonical key order and layout (--check: list only)\n"
    "  query  run a dashboard's variables and queries against Prometheus, print the results\n"
    "\n"
    "Run 'perses-desktop COMMAND --help' for a command's options.\n";

} // namespace

int main(int argc, char **argv)
{
    Pd::MemoryTuning::keepFreedMemoryForReuse();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << "perses-desktop: the dashboard window is not part of this build yet; "
                     "use a command.\n\n"
                  << help;
        return Pd::Cli::ExitCode::usage;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    const bool wantsHelp = !args.empty() && (args.front() == "--help" || args.front() == "-h");
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << help;
        return Pd::Cli::ExitCode::success;
    }
    if (command == "--version") {
        std::cout << "perses-desktop " << PD_VERSION << '\n';
        return Pd::Cli::ExitCode::success;
    }
    if (command == "lint") {
        if (wantsHelp) {
            std::cout << Pd::Cli::lintUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runLint(args, std::cout, std::cerr);
    }
    if (command == "fmt") {
        if (wantsHelp) {
            std::cout << Pd::Cli::fmtUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runFmt(args, std::cout, std::cerr);
    }
    if (command == "query") {
        if (wantsHelp) {
            std::cout << Pd::Cli::queryUsage;
            return Pd::Cli::ExitCode::success;
        }
        return Pd::Cli::runQuery(argc, argv, args, std::cout, std::cerr);
    }
    std::cerr << "perses-desktop: unknown command '" << command << "'\n\n" << help;
    return Pd::Cli::ExitCode::usage;
}
