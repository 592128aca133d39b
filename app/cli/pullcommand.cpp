// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pullcommand.h"

#include "exitcodes.h"
#include "persesapi.h"
#include "serverarguments.h"
#include "serverpull.h"

#include <ostream>

namespace Pd::Cli {

namespace {

struct PullArguments
{
    ServerArguments server;
    ServerPull::Options options;
    bool formatGiven = false;
};

std::optional<std::string> parse(const std::vector<std::string> &args, PullArguments &parsed)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::optional<std::string> problem;
        if (parsed.server.take(args, i, problem)) {
            if (problem)
                return problem;
            continue;
        }
        const std::string &arg = args[i];
        const std::string name = arg.substr(0, arg.find('='));
        std::string value;
        if (arg.find('=') != std::string::npos)
            value = arg.substr(arg.find('=') + 1);
        else if (name.starts_with("--") && i + 1 < args.size())
            value = args[++i];
        else if (name.starts_with("--"))
            return name + " needs a value";
        else
            return "unexpected argument '" + arg + "'";
        if (name == "--project")
            parsed.options.project = QString::fromStdString(value);
        else if (name == "--dashboard")
            parsed.options.dashboard = QString::fromStdString(value);
        else if (name == "--out")
            parsed.options.folder = QString::fromStdString(value);
        else if (name == "--format" && (value == "yaml" || value == "json"))
            parsed.options.format = value == "json" ? DocumentFormat::Json : DocumentFormat::Yaml;
        else if (name == "--format")
            return "unknown format '" + value + "' (expected yaml or json)";
        else
            return "unknown option '" + name + "'";
    }
    if (!parsed.server.given())
        return std::string("no server: give --server URL or --connection NAME");
    if (parsed.options.folder.isEmpty())
        return std::string("no --out DIR");
    if (!parsed.options.dashboard.isEmpty() && parsed.options.project.isEmpty())
        return std::string("--dashboard needs --project");
    return parsed.server.check();
}

} // namespace

int runPull(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
            std::ostream &err)
{
    PullArguments parsed;
    if (const auto problem = parse(args, parsed)) {
        err << "perses-desktop pull: " << *problem << '\n' << pullUsage << ServerArguments::usage;
        return ExitCode::usage;
    }
    const std::unique_ptr<PersesApi> session = parsed.server.open("pull", in, err);
    if (!session)
        return ExitCode::failure;
    PersesApi &api = *session;
    std::size_t written = 0;
    const ServerPull::Result result =
        ServerPull::run(api, parsed.options, [&](const ServerPull::File &file) {
            written += file.written;
            out << (file.written ? "wrote     " : "unchanged ") << file.path.toStdString() << '\n';
        });
    if (!result.error.isEmpty()) {
        err << "perses-desktop pull: " << result.error.toStdString() << '\n';
        return ExitCode::failure;
    }
    out << "pulled " << result.files.size() << " resources from " << api.baseUrl().toStdString()
        << " into " << parsed.options.folder.toStdString() << ": " << written << " written, "
        << result.files.size() - written << " unchanged\n";
    if (result.secretsLeftOut > 0)
        out << result.secretsLeftOut << (result.secretsLeftOut == 1 ? " secret" : " secrets")
            << " left out: their values never leave the server\n";
    return ExitCode::success;
}

} // namespace Pd::Cli
