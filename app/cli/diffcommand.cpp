// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diffcommand.h"

#include "diagnosticformatter.h"
#include "diffformatter.h"
#include "exitcodes.h"
#include "headlessrender.h"
#include "optionparser.h"
#include "resourcediff.h"
#include "sourceresolver.h"

#include <QDir>
#include <QFileInfo>

#include <map>
#include <ostream>
#include <set>

namespace Pd::Cli {

namespace {

struct DiffOptions
{
    std::vector<std::string> operands;
    std::string format = "text";
    std::string renderFolder;
    DashboardArguments run; // --repo, and render's range, variables and datasources
    ImageOptions image;
};

std::optional<std::string> parseOptions(const std::vector<std::string> &args, DiffOptions &o)
{
    auto operand = [&o](const std::string &arg) -> std::optional<std::string> {
        o.operands.push_back(arg);
        return std::nullopt;
    };
    auto option = [&o](const std::string &name,
                       const std::string &text) -> std::optional<std::string> {
        bool known = false;
        if (auto problem = applyDashboardOption(name, text, o.run, known); known)
            return problem;
        if (auto problem = applyImageOption(name, text, o.image, known); known)
            return problem;
        if (name == "--render") {
            o.renderFolder = text;
        } else if (name == "--format") {
            if (text != "text" && text != "json" && text != "markdown")
                return "unknown format '" + text + "' (expected text, json or markdown)";
            o.format = text;
        } else {
            return "unknown option '" + name + "'";
        }
        return std::nullopt;
    };
    if (auto problem = parseArguments(args, operand, option))
        return problem;
    if (o.operands.empty())
        return std::string("nothing to compare: give A B, REV1..REV2 or FILE");
    if (o.operands.size() > 2)
        return "too many operands ('" + o.operands[2] + "')";
    return std::nullopt;
}

// The resources of one side; a side that does not exist (a file added or deleted) has none.
struct Side
{
    std::string name; // as diagnostics name it, and as `render` reads it back (FILE or REV:PATH)
    std::vector<LoadedResource> resources;
    bool persesContent = false;
};

// Reads one side; its errors go to `err` as file:line:column lines.
bool readSide(const SourcedPath &where, Side &side, std::ostream &err)
{
    side.name = where.displayName();
    ResourceFile file = where.read();
    if (file.hasErrors()) {
        for (const Diagnostic &diagnostic : file.diagnostics) {
            if (diagnostic.isError())
                err << DiagnosticFormatter::text(diagnostic) << '\n';
        }
        return false;
    }
    side.persesContent = file.hasPersesContent();
    side.resources = std::move(file.resources);
    return true;
}

class DiffRun
{
public:
    DiffRun(const DiffOptions &options, std::ostream &err)
        : m_options(options)
        , m_err(err)
        , m_resolver(options.run.repository)
    {}

    // Fills `files`; returns a usage problem, or nothing.
    std::optional<std::string> collect()
    {
        const std::vector<std::string> &operands = m_options.operands;
        if (operands.size() == 2)
            return compareOperands(operands[0], operands[1]);
        const std::string &only = operands[0];
        if (const std::size_t dots = only.find("..");
            dots != std::string::npos && !SourceResolver::isRevisionPath(only)) {
            if (only.find("...") != std::string::npos)
                return "'" + only + "': give two revisions as REV1..REV2";
            range = true;
            const std::string from = only.substr(0, dots);
            const std::string to = only.substr(dots + 2);
            return compareRevisions(from.empty() ? "HEAD" : from, to.empty() ? "HEAD" : to);
        }
        return compareWithHead(only);
    }

    std::vector<FileDiff> files;
    // Where each side of files[i] can be read again (FILE or REV:PATH); empty when absent.
    std::vector<std::pair<std::string, std::string>> locations;
    bool range = false;
    bool unreadable = false;

private:
    std::optional<std::string> compareOperands(const std::string &a, const std::string &b)
    {
        auto before = m_resolver.resolve(a);
        if (const std::string *problem = std::get_if<std::string>(&before))
            return *problem;
        auto after = m_resolver.resolve(b);
        if (const std::string *problem = std::get_if<std::string>(&after))
            return *problem;
        for (const SourcedPath *where :
             {&std::get<SourcedPath>(before), &std::get<SourcedPath>(after)}) {
            if (where->source->entryType(where->path) != ResourceSource::EntryType::File)
                return where->displayName() + ": no such file";
        }
        Side oldSide;
        Side newSide;
        const bool readOld = readSide(std::get<SourcedPath>(before), oldSide, m_err);
        const bool readNew = readSide(std::get<SourcedPath>(after), newSide, m_err);
        if (!readOld || !readNew) {
            unreadable = true;
            return std::nullopt;
        }
        addComparison({}, oldSide, newSide);
        return std::nullopt;
    }

    std::optional<std::string> compareWithHead(const std::string &file)
    {
        if (FileSystemSource::instance().entryType(file) != ResourceSource::EntryType::File)
            return file + ": no such file (give A B to compare two files, or REV1..REV2)";
        auto repository = m_resolver.repository();
        if (const GitError *problem = std::get_if<GitError>(&repository))
            return file + ": " + problem->message;
        auto inside = std::get<const GitRepository *>(repository)->repositoryPath(file);
        if (const GitError *problem = std::get_if<GitError>(&inside))
            return problem->message;
        auto head = m_resolver.revision("HEAD");
        if (const GitError *problem = std::get_if<GitError>(&head))
            return problem->message;
        const SourcedPath before{std::get<const GitRevisionSource *>(head),
                                 std::get<std::string>(inside)};
        Side oldSide;
        Side newSide;
        bool readable = true;
        if (before.source->entryType(before.path) == ResourceSource::EntryType::File)
            readable = readSide(before, oldSide, m_err);
        else
            oldSide.name = before.displayName() + " (not in HEAD)";
        readable = readSide({&FileSystemSource::instance(), file}, newSide, m_err) && readable;
        if (!readable) {
            unreadable = true;
            return std::nullopt;
        }
        addComparison({}, oldSide, newSide);
        return std::nullopt;
    }

    std::optional<std::string> compareRevisions(const std::string &from, const std::string &to)
    {
        auto repository = m_resolver.repository();
        if (const GitError *problem = std::get_if<GitError>(&repository))
            return problem->message;
        auto oldSource = m_resolver.revision(from);
        if (const GitError *problem = std::get_if<GitError>(&oldSource))
            return problem->message;
        auto newSource = m_resolver.revision(to);
        if (const GitError *problem = std::get_if<GitError>(&newSource))
            return problem->message;
        const GitRevisionSource *before = std::get<const GitRevisionSource *>(oldSource);
        const GitRevisionSource *after = std::get<const GitRevisionSource *>(newSource);
        auto changed = std::get<const GitRepository *>(repository)
                           ->changedFiles(before->commitId(), after->commitId());
        if (const GitError *problem = std::get_if<GitError>(&changed))
            return problem->message;
        std::vector<Pending> pending;
        for (const GitChangedFile &file : std::get<std::vector<GitChangedFile>>(changed))
            readChangedFile(file, *before, *after, pending);
        pairMovedFiles(pending);
        for (const Pending &file : pending) {
            if (file.before.persesContent || file.after.persesContent)
                addComparison(file.name, file.before, file.after);
        }
        return std::nullopt;
    }

    // A changed file of a range, both sides read.
    struct Pending
    {
        std::string name;
        Side before;
        Side after;
        bool present[2] = {false, false};
    };

    void readChangedFile(const GitChangedFile &file, const GitRevisionSource &before,
                         const GitRevisionSource &after, std::vector<Pending> &pending)
    {
        const std::string &name = file.newPath.empty() ? file.oldPath : file.newPath;
        if (!ResourceSource::hasResourceExtension(name) || ResourceSource::isHidden(name))
            return;
        Pending entry;
        entry.name = name;
        entry.before.name = before.displayName(file.oldPath.empty() ? name : file.oldPath);
        entry.after.name = after.displayName(name);
        bool readable = true;
        if (!file.oldPath.empty())
            readable = readSide({&before, file.oldPath}, entry.before, m_err);
        if (!file.newPath.empty())
            readable = readSide({&after, file.newPath}, entry.after, m_err) && readable;
        if (!readable) {
            unreadable = true;
            return;
        }
        entry.present[0] = !file.oldPath.empty();
        entry.present[1] = !file.newPath.empty();
        pending.push_back(std::move(entry));
    }

    static std::set<std::string> identities(const Side &side)
    {
        std::set<std::string> names;
        for (const LoadedResource &resource : side.resources)
            names.insert(ResourceDiff::identity(resource.node));
        return names;
    }

    // Git pairs a deleted and an added file as a rename only when their text is similar: a
    // dashboard moved from JSON to YAML is not. Files that hold the same resources are one
    // file moved, compared as such.
    static void pairMovedFiles(std::vector<Pending> &pending)
    {
        for (Pending &added : pending) {
            if (added.present[0] || !added.present[1] || added.after.resources.empty())
                continue;
            const std::set<std::string> names = identities(added.after);
            for (Pending &deleted : pending) {
                if (!deleted.present[0] || deleted.present[1] ||
                    identities(deleted.before) != names)
                    continue;
                added.before = std::move(deleted.before);
                added.present[0] = true;
                deleted.after.persesContent = deleted.before.persesContent = false;
                deleted.present[0] = false;
                break;
            }
        }
    }

    void addComparison(std::string name, const Side &before, const Side &after)
    {
        FileDiff diff;
        diff.file = std::move(name);
        diff.before = before.name;
        diff.after = after.name;
        diff.changes = ResourceDiff::compare(before.resources, after.resources);
        files.push_back(std::move(diff));
        locations.push_back({before.resources.empty() ? std::string() : before.name,
                             after.resources.empty() ? std::string() : after.name});
    }

    const DiffOptions &m_options;
    std::ostream &m_err;
    SourceResolver m_resolver;
};

// One panel of a changed dashboard to draw on one side.
struct PanelImage
{
    std::string location;  // FILE or REV:PATH
    std::string dashboard; // its name, when the file holds several resources
    std::string panel;
    std::string out;
};

std::string dashboardName(const std::string &resource)
{
    const std::size_t slash = resource.rfind('/');
    const std::size_t space = resource.find(' ');
    return resource.substr((slash != std::string::npos ? slash : space) + 1);
}

bool isDashboardChange(const ResourceChange &change)
{
    return change.panel && (change.resource.empty() || change.resource.starts_with("Dashboard "));
}

// Before and after images of every changed panel: DIR/PANEL.before.png and .after.png, in a
// folder a file (its path without extension) for a range.
std::vector<PanelImage> plannedImages(const DiffRun &run, const std::string &folder)
{
    std::vector<PanelImage> images;
    for (std::size_t i = 0; i < run.files.size(); ++i) {
        const FileDiff &file = run.files[i];
        std::string base = folder + '/';
        if (!file.file.empty())
            base += file.file.substr(0, file.file.rfind('.')) + '/';
        std::set<std::pair<std::string, std::string>> seen;
        std::map<std::string, std::string> renamedFrom;
        for (const ResourceChange &change : file.changes) {
            if (change.op == ResourceChange::Op::Rename && change.oldValue)
                renamedFrom[*change.panel] = change.oldValue->text();
        }
        for (const ResourceChange &change : file.changes) {
            if (!isDashboardChange(change) || !seen.insert({change.resource, *change.panel}).second)
                continue;
            const std::string name =
                change.resource.empty() ? std::string() : dashboardName(change.resource);
            const auto from = renamedFrom.find(*change.panel);
            const std::string oldKey = from == renamedFrom.end() ? *change.panel : from->second;
            if (!run.locations[i].first.empty())
                images.push_back(
                    {run.locations[i].first, name, oldKey, base + *change.panel + ".before.png"});
            if (!run.locations[i].second.empty())
                images.push_back({run.locations[i].second, name, *change.panel,
                                  base + *change.panel + ".after.png"});
        }
    }
    return images;
}

// Draws the planned images; a panel missing on one side (added, removed, not laid out) is
// left out. Returns false when an image cannot be written.
bool renderImages(const std::vector<PanelImage> &images, const DiffOptions &options,
                  std::ostream &err)
{
    bool written = true;
    for (const PanelImage &image : images) {
        DashboardArguments arguments = options.run;
        arguments.file = image.location;
        arguments.dashboard = image.dashboard;
        PreparedDashboard prepared;
        if (auto problem = prepareDashboard(arguments, prepared, err)) {
            err << "perses-desktop diff: " << image.location << ": " << *problem << '\n';
            continue;
        }
        if (!isLaidOut(prepared.dashboard, image.panel))
            continue;
        if (!QDir().mkpath(QFileInfo(QString::fromStdString(image.out)).path())) {
            err << "perses-desktop diff: cannot make the folder of " << image.out << '\n';
            return false;
        }
        QString error;
        const auto outcome = Gui::DashboardRenderer::render(
            renderRequest(std::move(prepared), options.image, image.panel),
            QString::fromStdString(image.out), error);
        if (!error.isEmpty()) {
            err << "perses-desktop diff: " << error.toStdString() << '\n';
            written = false;
            continue;
        }
        for (const QString &problem : outcome.errors)
            err << "perses-desktop diff: " << image.out << ": " << problem.toStdString() << '\n';
        err << image.out << ": " << outcome.size.width() << 'x' << outcome.size.height() << '\n';
    }
    return written;
}

} // namespace

int runDiff(int argc, char **argv, const std::vector<std::string> &args, std::ostream &out,
            std::ostream &err)
{
    DiffOptions options;
    auto usageError = [&](const std::string &message) {
        err << "perses-desktop diff: " << message << '\n' << diffUsage;
        return ExitCode::usage;
    };
    if (auto problem = parseOptions(args, options))
        return usageError(*problem);
    DiffRun run(options, err);
    if (auto problem = run.collect()) {
        err << "perses-desktop diff: " << *problem << '\n';
        return ExitCode::usage;
    }
    if (options.format == "json")
        out << DiffFormatter::json(run.files, run.range);
    else if (options.format == "markdown")
        out << DiffFormatter::markdown(run.files);
    else
        out << DiffFormatter::text(run.files);
    if (run.unreadable)
        return ExitCode::usage;
    if (!options.renderFolder.empty()) {
        const std::vector<PanelImage> images = plannedImages(run, options.renderFolder);
        if (!images.empty()) {
            HeadlessApplication application(argc, argv, options.image.theme);
            if (!renderImages(images, options, err))
                return ExitCode::usage;
        }
    }
    for (const FileDiff &file : run.files) {
        if (!file.changes.empty())
            return ExitCode::failure;
    }
    return ExitCode::success;
}

} // namespace Pd::Cli
