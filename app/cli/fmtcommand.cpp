// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "fmtcommand.h"

#include "canonicalorder.h"
#include "diagnosticformatter.h"
#include "exitcodes.h"
#include "jsonwriter.h"
#include "linter.h"
#include "resourcefile.h"
#include "resourcesource.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace fs = std::filesystem;

namespace Pd::Cli {

namespace {

enum class Outcome { Unchanged, Changed, Skipped, Failed };

std::optional<std::string> readAll(const std::string &path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return std::nullopt;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

// Replaces the file through a temporary beside it, so that a crash never leaves half a file.
bool writeAtomically(const std::string &path, const std::string &content)
{
    const std::string temporary = path + ".pd-fmt.tmp";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream || !stream.write(content.data(), static_cast<std::streamsize>(content.size())))
            return false;
    }
    std::error_code error;
    fs::permissions(temporary, fs::status(path, error).permissions(), error);
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
        return false;
    }
    return true;
}

// A file named on the command line that cannot be read as resources is an error; one found
// while walking a folder may be any other JSON or YAML and is left alone.
Outcome formatFile(const std::string &path, bool check, bool explicitlyNamed, std::ostream &out,
                   std::ostream &err)
{
    const auto original = readAll(path);
    if (!original) {
        err << "perses-desktop fmt: " << path << ": cannot read file\n";
        return Outcome::Failed;
    }
    ResourceFile file = ResourceReader::readText(
        *original, path, ResourceReader::formatFor(path, *original), KeepDocuments::Yes);
    if (!file.hasPersesContent() && !(explicitlyNamed && file.hasErrors()))
        return Outcome::Skipped;
    if (file.hasErrors()) {
        for (const Diagnostic &diagnostic : file.diagnostics) {
            if (diagnostic.isError())
                err << DiagnosticFormatter::text(diagnostic) << '\n';
        }
        return Outcome::Failed;
    }
    if (file.format == DocumentFormat::Yaml && YamlReader::containsComments(*original)) {
        err << "perses-desktop fmt: " << path
            << ": has YAML comments, which formatting would lose; left as it is\n";
        return Outcome::Failed;
    }
    const std::string formatted = CanonicalOrder::write(file.documents, file.format);
    if (formatted == *original)
        return Outcome::Unchanged;
    if (check) {
        out << path << '\n';
        return Outcome::Changed;
    }
    if (!writeAtomically(path, formatted)) {
        err << "perses-desktop fmt: " << path << ": cannot write file\n";
        return Outcome::Failed;
    }
    out << "formatted " << path << '\n';
    return Outcome::Changed;
}

} // namespace

int runFmt(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    bool check = false;
    std::vector<std::string> paths;
    for (const std::string &arg : args) {
        if (arg == "--check") {
            check = true;
        } else if (arg.starts_with("-") && arg != "-") {
            err << "perses-desktop fmt: unknown option '" << arg << "'\n" << fmtUsage;
            return ExitCode::usage;
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) {
        err << "perses-desktop fmt: no PATH given\n" << fmtUsage;
        return ExitCode::usage;
    }
    bool missing = false;
    bool changed = false;
    bool failed = false;
    for (const std::string &path : paths) {
        std::error_code error;
        std::vector<std::string> files;
        const bool isFolder = fs::is_directory(path, error);
        if (isFolder)
            files = FileSystemSource::instance().collectFiles(path);
        else if (fs::exists(path, error))
            files.push_back(path);
        else {
            err << "perses-desktop fmt: " << path << ": no such file or directory\n";
            missing = true;
        }
        for (const std::string &file : files) {
            const Outcome outcome = formatFile(file, check, !isFolder, out, err);
            changed |= outcome == Outcome::Changed;
            failed |= outcome == Outcome::Failed;
        }
    }
    if (missing)
        return ExitCode::usage;
    if (failed || (check && changed))
        return ExitCode::failure;
    return ExitCode::success;
}

} // namespace Pd::Cli
