// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diffcommand.h"

#include "changeset.h"
#include "diagnosticformatter.h"
#include "diffformatter.h"
#include "exitcodes.h"
#include "headlessrender.h"
#include "optionparser.h"

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
std::vector<PanelImage> plannedImages(const ChangeSet &changes, const std::string &folder)
{
    std::vector<PanelImage> images;
    for (const ComparedFile &file : changes.files()) {
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
            if (!file.before.resources.empty())
                images.push_back(
                    {file.before.location, name, oldKey, base + *change.panel + ".before.png"});
            if (!file.after.resources.empty())
                images.push_back({file.after.location, name, *change.panel,
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
    ChangeSet changes(options.run.repository);
    if (auto problem = changes.compareOperands(options.operands)) {
        err << "perses-desktop diff: " << *problem << '\n';
        return ExitCode::usage;
    }
    for (const Diagnostic &problem : changes.problems())
        err << DiagnosticFormatter::text(problem) << '\n';
    // Two operands, one unreadable: there is nothing to report. A range reports the rest.
    if (!changes.problems().empty() && !changes.isRange())
        return ExitCode::usage;
    if (options.format == "json")
        out << DiffFormatter::json(changes.files(), changes.isRange());
    else if (options.format == "markdown")
        out << DiffFormatter::markdown(changes.files());
    else
        out << DiffFormatter::text(changes.files());
    if (!changes.problems().empty())
        return ExitCode::usage;
    if (!options.renderFolder.empty()) {
        const std::vector<PanelImage> images = plannedImages(changes, options.renderFolder);
        if (!images.empty()) {
            HeadlessApplication application(argc, argv, options.image.theme);
            if (!renderImages(images, options, err))
                return ExitCode::usage;
        }
    }
    return changes.hasChanges() ? ExitCode::failure : ExitCode::success;
}

} // namespace Pd::Cli
