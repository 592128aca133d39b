// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "pushcommand.h"

#include "diagnosticformatter.h"
#include "exitcodes.h"
#include "linter.h"
#include "persesapi.h"
#include "pluginregistry.h"
#include "serverarguments.h"
#include "serverpush.h"

#include <ostream>

namespace Pd::Cli {

namespace {

struct PushArguments
{
    ServerArguments server;
    bool dryRun = false;
    std::vector<std::string> paths;
};

std::optional<std::string> parse(const std::vector<std::string> &args, PushArguments &parsed)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::optional<std::string> problem;
        if (parsed.server.take(args, i, problem)) {
            if (problem)
                return problem;
            continue;
        }
        if (args[i] == "--dry-run")
            parsed.dryRun = true;
        else if (args[i].starts_with("--"))
            return "unknown option '" + args[i] + "'";
        else
            parsed.paths.push_back(args[i]);
    }
    if (!parsed.server.given())
        return std::string("no server: give --server URL or --connection NAME");
    if (parsed.paths.empty())
        return std::string("no PATH given");
    return parsed.server.check();
}

const char *verb(ServerPush::Action action)
{
    switch (action) {
    case ServerPush::Action::Create:
        return "create   ";
    case ServerPush::Action::Update:
        return "update   ";
    case ServerPush::Action::Leave:
        return "leave    ";
    case ServerPush::Action::Conflict:
        break;
    }
    return "conflict ";
}

// The files to push, linted as `lint` would; false (diagnostics printed) on errors.
bool collectAndLint(const std::vector<std::string> &paths, std::vector<std::string> &files,
                    std::ostream &out, std::ostream &err)
{
    std::vector<SourcedPath> sourced(paths.begin(), paths.end());
    const LintReport report = Linter(PluginRegistry::instance().schemas()).run(sourced);
    for (const std::string &missing : report.missingPaths)
        err << "perses-desktop push: " << missing << ": no such file or directory\n";
    bool clean = report.missingPaths.empty();
    for (const LintedFile &file : report.files) {
        if (file.skipped)
            continue;
        files.push_back(file.path);
        for (const Diagnostic &diagnostic : file.diagnostics) {
            if (!diagnostic.isError())
                continue;
            out << DiagnosticFormatter::format(OutputFormat::Text, diagnostic) << '\n';
            clean = false;
        }
    }
    return clean;
}

} // namespace

int runPush(const std::vector<std::string> &args, std::istream &in, std::ostream &out,
            std::ostream &err)
{
    PushArguments parsed;
    if (const auto problem = parse(args, parsed)) {
        err << "perses-desktop push: " << *problem << '\n' << pushUsage << ServerArguments::usage;
        return ExitCode::usage;
    }
    std::vector<std::string> files;
    if (!collectAndLint(parsed.paths, files, out, err)) {
        err << "perses-desktop push: the files have errors; nothing was sent\n";
        return ExitCode::failure;
    }
    const std::unique_ptr<PersesApi> session = parsed.server.open("push", in, err);
    if (!session)
        return ExitCode::failure;
    PersesApi &api = *session;
    ServerPush::Plan plan = ServerPush::plan(api, files);
    for (const QString &problem : plan.errors)
        err << "perses-desktop push: " << problem.toStdString() << '\n';
    std::size_t counts[4] = {};
    for (const ServerPush::Item &item : plan.items) {
        ++counts[std::size_t(item.action)];
        out << verb(item.action) << ServerPush::describe(item).toStdString() << "  ("
            << item.file.toStdString() << ")";
        if (!item.detail.isEmpty())
            out << ": " << item.detail.toStdString();
        out << '\n';
    }
    if (plan.hasConflicts()) {
        err << "perses-desktop push: " << counts[3]
            << " conflicting; nothing was sent. Pull those resources again (or merge by hand), "
               "then push.\n";
        return ExitCode::failure;
    }
    if (!plan.errors.empty()) {
        err << "perses-desktop push: nothing was sent\n";
        return ExitCode::failure;
    }
    if (!parsed.dryRun) {
        if (const QString problem = ServerPush::apply(api, plan); !problem.isEmpty()) {
            err << "perses-desktop push: " << problem.toStdString() << '\n';
            return ExitCode::failure;
        }
    }
    out << (parsed.dryRun ? "dry run, nothing sent: " : "") << counts[0]
        << (parsed.dryRun ? " to create, " : " created, ") << counts[1]
        << (parsed.dryRun ? " to update, " : " updated, ") << counts[2] << " left unchanged\n";
    return ExitCode::success;
}

} // namespace Pd::Cli
