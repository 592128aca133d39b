// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace Pd {
class PersesApi;
}

namespace Pd::Cli {

// How a command reaches a Perses server: `--server URL` or a stored `--connection NAME`, with
// `--username U --password-stdin`, `--token-file FILE`, or the connection's session from the
// keyring. A password is never taken on the command line (it would show in `ps` and the shell
// history). Shared by pull, push, lint --server, query and render.
struct ServerArguments
{
    static constexpr const char *usage =
        "       server: --server URL | --connection NAME (a server added in the window)\n"
        "               [--username USER --password-stdin | --token-file FILE]\n"
        "               [--ca-file PEM] [--insecure]\n";

    std::string url;
    std::string connection;
    std::string username;
    std::string tokenFile;
    std::string caFile;
    bool passwordStdin = false;
    bool insecure = false;

    // When args[i] is a server option, takes it (and its value, advancing i) and returns true;
    // `problem` says what is wrong with it.
    bool take(const std::vector<std::string> &args, std::size_t &i,
              std::optional<std::string> &problem);
    bool given() const { return !url.empty() || !connection.empty(); }
    // What is missing or contradictory, once every argument is taken.
    std::optional<std::string> check() const;

    // A session with the server, logged in as asked; or the message why not. Needs a
    // QCoreApplication (ensureApplication).
    std::variant<std::unique_ptr<PersesApi>, std::string> connect(std::istream &in,
                                                                  std::ostream &err) const;
    // Commands without a Qt application of their own (lint, pull, push) get one here.
    static void ensureApplication();
    // ensureApplication() and connect(); on failure the problem is printed as
    // "perses-desktop COMMAND: ..." and the session is null.
    std::unique_ptr<PersesApi> open(const char *command, std::istream &in, std::ostream &err) const;
};

} // namespace Pd::Cli
