// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "lintcommand.h"

#include "diagnosticformatter.h"
#include "exitcodes.h"
#include "jsonwriter.h"
#include "linter.h"
#include "persesapi.h"
#include "pluginregistry.h"
#include "serverarguments.h"
#include "serverpaths.h"
#include "sourceresolver.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>
#include <optional>
#include <ostream>

namespace Pd::Cli {

namespace {

struct LintOptions
{
    OutputFormat format = OutputFormat::Text;
    bool warningsAsErrors = false;
    bool verbose = false;
    std::string repository;
    std::vector<std::string> paths;
    ServerArguments server; // --server: the server's own validation too
};

std::optional<OutputFormat> parseFormat(const std::string &name)
{
    if (name == "text")
        return OutputFormat::Text;
    if (name == "json")
        return OutputFormat::Json;
    if (name == "github")
        return OutputFormat::Github;
    return std::nullopt;
}

// Returns an error message, or nothing when the arguments are fine.
std::optional<std::string> parseOptions(const std::vector<std::string> &args, LintOptions &options)
{
    bool onlyPaths = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        std::optional<std::string> serverProblem;
        if (!onlyPaths && options.server.take(args, i, serverProblem)) {
            if (serverProblem)
                return serverProblem;
            continue;
        }
        if (onlyPaths || arg.empty() || arg[0] != '-' || arg == "-") {
            options.paths.push_back(arg);
        } else if (arg == "--") {
            onlyPaths = true;
        } else if (arg == "--format" || arg.starts_with("--format=")) {
            std::string value;
            if (arg == "--format") {
                if (i + 1 >= args.size())
                    return "--format needs a value (text, json or github)";
                value = args[++i];
            } else {
                value = arg.substr(9);
            }
            const auto format = parseFormat(value);
            if (!format)
                return "unknown format '" + value + "' (expected text, json or github)";
            options.format = *format;
        } else if (arg == "--repo" || arg.starts_with("--repo=")) {
            if (arg == "--repo" && i + 1 >= args.size())
                return "--repo needs a folder";
            options.repository = arg == "--repo" ? args[++i] : arg.substr(7);
        } else if (arg == "--warnings-as-errors") {
            options.warningsAsErrors = true;
        } else if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else {
            return "unknown option '" + arg + "'";
        }
    }
    if (options.paths.empty())
        return std::string("no PATH given");
    if (options.server.given())
        return options.server.check();
    return std::nullopt;
}

// What the server says of each resource it validates (POST /api/validate/<kind>s,
// perses-api.md §5.3): a refusal becomes an error at the resource's first line. False when the
// server could not be asked.
bool validateOnServer(PersesApi &api, SourceResolver &resolver, LintReport &report,
                      std::ostream &err)
{
    for (LintedFile &file : report.files) {
        if (file.skipped)
            continue;
        auto resolved = resolver.resolve(file.path);
        if (!std::holds_alternative<SourcedPath>(resolved))
            continue;
        const ResourceFile read = std::get<SourcedPath>(resolved).read();
        for (const LoadedResource &resource : read.resources) {
            if (!resource.kind)
                continue;
            const ResourceKind kind = *resource.kind;
            if (kind != ResourceKind::Dashboard && kind != ResourceKind::Datasource &&
                kind != ResourceKind::GlobalDatasource && kind != ResourceKind::Variable &&
                kind != ResourceKind::GlobalVariable)
                continue;
            const QString path = QStringLiteral("/api/validate/") +
                                 ServerPaths::collection(kind).value_or(QString());
            ApiReply *reply =
                api.post(path, QByteArray::fromStdString(JsonWriter::write(resource.node)));
            reply->waitForFinished();
            reply->deleteLater();
            if (reply->status() == 400) {
                Diagnostic diagnostic;
                diagnostic.severity = Severity::Error;
                diagnostic.rule = "server";
                diagnostic.file = file.path;
                diagnostic.pos = resource.node.pos();
                diagnostic.message =
                    "the server refuses it: " +
                    reply->json().object().value(u"message").toString().toStdString();
                file.diagnostics.push_back(std::move(diagnostic));
                sortDiagnostics(file.diagnostics);
            } else if (!reply->ok()) {
                err << "perses-desktop lint: " << api.baseUrl().toStdString() << ": "
                    << reply->error().toStdString() << '\n';
                return false;
            }
        }
    }
    return true;
}

struct Counts
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t files = 0;
    std::size_t skipped = 0;
    bool unreadable = false;
};

std::string plural(std::size_t n, const char *word)
{
    return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
}

} // namespace

int runLint(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    LintOptions options;
    if (auto problem = parseOptions(args, options)) {
        err << "perses-desktop lint: " << *problem << '\n' << lintUsage;
        return ExitCode::usage;
    }
    // Loaded plugins check the specs of the kinds they add, beside the built-in schemas.
    const PluginSchemaRegistry schemas = PluginRegistry::instance().schemas();
    // REV:PATH arguments read from the repository; the resolver keeps it open for the run.
    SourceResolver resolver(options.repository);
    std::vector<SourcedPath> paths;
    for (const std::string &argument : options.paths) {
        auto resolved = resolver.resolve(argument);
        if (const std::string *problem = std::get_if<std::string>(&resolved)) {
            err << "perses-desktop lint: " << *problem << '\n';
            return ExitCode::usage;
        }
        paths.push_back(std::get<SourcedPath>(resolved));
    }
    LintReport report = Linter(schemas).run(paths);
    if (options.server.given()) {
        const std::unique_ptr<PersesApi> session = options.server.open("lint", std::cin, err);
        if (!session || !validateOnServer(*session, resolver, report, err))
            return ExitCode::usage;
    }
    for (const std::string &missing : report.missingPaths)
        err << "perses-desktop lint: " << missing << ": no such file or directory\n";

    Counts counts;
    bool first = true;
    if (options.format == OutputFormat::Json)
        out << '[';
    for (const LintedFile &file : report.files) {
        if (file.skipped) {
            ++counts.skipped;
            if (options.verbose && options.format == OutputFormat::Text)
                out << file.path << ": skipped: " << file.skipReason << '\n';
            continue;
        }
        ++counts.files;
        for (const Diagnostic &diagnostic : file.diagnostics) {
            if (diagnostic.rule == "io")
                counts.unreadable = true;
            if (diagnostic.severity == Severity::Info && !options.verbose)
                continue;
            counts.errors += diagnostic.severity == Severity::Error;
            counts.warnings += diagnostic.severity == Severity::Warning;
            counts.infos += diagnostic.severity == Severity::Info;
            if (options.format == OutputFormat::Json)
                out << (first ? "\n  " : ",\n  ");
            out << DiagnosticFormatter::format(options.format, diagnostic);
            if (options.format != OutputFormat::Json)
                out << '\n';
            first = false;
        }
    }
    if (options.format == OutputFormat::Json)
        out << (first ? "]\n" : "\n]\n");
    if (options.format == OutputFormat::Text)
        out << plural(counts.errors, "error") << ", " << plural(counts.warnings, "warning")
            << " in " << plural(counts.files, "file") << " (" << counts.skipped << " skipped)\n";

    if (!report.missingPaths.empty() || counts.unreadable)
        return ExitCode::usage;
    if (counts.errors > 0 || (options.warningsAsErrors && counts.warnings > 0))
        return ExitCode::failure;
    return ExitCode::success;
}

} // namespace Pd::Cli
