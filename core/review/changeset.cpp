// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "changeset.h"

#include "linter.h"
#include "resourcediff.h"

#include <set>

namespace Pd {

namespace {

std::set<std::string> identities(const ComparedSide &side)
{
    std::set<std::string> names;
    for (const LoadedResource &resource : side.resources)
        names.insert(ResourceDiff::identity(resource.node));
    return names;
}

// Pairs an added file with a deleted one that holds the same resources.
void pairMovedFiles(std::vector<ComparedFile> &pending)
{
    for (ComparedFile &added : pending) {
        if (added.before.exists || !added.after.exists || added.after.resources.empty())
            continue;
        const std::set<std::string> names = identities(added.after);
        for (ComparedFile &deleted : pending) {
            if (!deleted.before.exists || deleted.after.exists ||
                identities(deleted.before) != names)
                continue;
            added.before = std::move(deleted.before);
            deleted.before = ComparedSide{};
            break;
        }
    }
}

} // namespace

ChangeSet::ChangeSet(std::string repository)
    : m_resolver(std::move(repository))
{}

bool ChangeSet::hasChanges() const
{
    for (const ComparedFile &file : m_files) {
        if (!file.changes.empty())
            return true;
    }
    return false;
}

std::optional<std::string> ChangeSet::compareOperands(const std::vector<std::string> &operands)
{
    if (operands.size() == 2)
        return compare(operands[0], operands[1]);
    if (operands.size() != 1)
        return std::string("give A B, REV1..REV2 or FILE");
    const std::string &only = operands[0];
    const std::size_t dots = only.find("..");
    if (dots == std::string::npos || SourceResolver::isRevisionPath(only))
        return compareWithHead(only);
    if (only.find("...") != std::string::npos)
        return "'" + only + "': give two revisions as REV1..REV2";
    const std::string from = only.substr(0, dots);
    const std::string to = only.substr(dots + 2);
    return compareRevisions(from.empty() ? "HEAD" : from, to.empty() ? "HEAD" : to);
}

bool ChangeSet::read(const SourcedPath &where, ComparedSide &side, bool named)
{
    side.location = where.displayName();
    side.exists = true;
    ResourceFile file = where.read();
    // A file a range or a folder turns up that is not a Perses resource has no side to
    // compare, as lint skips it; one named on the command line is read for what it is.
    if (!named && !file.hasPersesContent() &&
        !(file.hasErrors() && file.resources.empty() && Linter::looksLikePersesFile(where)))
        return true;
    if (file.hasErrors()) {
        for (Diagnostic &diagnostic : file.diagnostics) {
            if (diagnostic.isError())
                m_problems.push_back(std::move(diagnostic));
        }
        return false;
    }
    side.persesContent = file.hasPersesContent();
    side.resources = std::move(file.resources);
    return true;
}

void ChangeSet::add(std::string file, ComparedSide before, ComparedSide after)
{
    ComparedFile compared;
    compared.file = std::move(file);
    compared.changes = ResourceDiff::compare(before.resources, after.resources);
    compared.before = std::move(before);
    compared.after = std::move(after);
    m_files.push_back(std::move(compared));
}

std::optional<std::string> ChangeSet::compare(const std::string &a, const std::string &b)
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
    ComparedSide oldSide;
    ComparedSide newSide;
    const bool readOld = read(std::get<SourcedPath>(before), oldSide);
    const bool readNew = read(std::get<SourcedPath>(after), newSide);
    if (readOld && readNew)
        add({}, std::move(oldSide), std::move(newSide));
    return std::nullopt;
}

std::optional<std::string> ChangeSet::compareWithHead(const std::string &file)
{
    const auto type = FileSystemSource::instance().entryType(file);
    if (type == ResourceSource::EntryType::Missing)
        return file + ": no such file or folder";
    auto repository = m_resolver.repository();
    if (const GitError *problem = std::get_if<GitError>(&repository))
        return file + ": " + problem->message;
    if (type == ResourceSource::EntryType::Folder)
        return compareWorkingCopy(*std::get<const GitRepository *>(repository), file);
    auto inside = std::get<const GitRepository *>(repository)->repositoryPath(file);
    if (const GitError *problem = std::get_if<GitError>(&inside))
        return problem->message;
    auto head = m_resolver.revision("HEAD");
    if (const GitError *problem = std::get_if<GitError>(&head))
        return problem->message;
    const SourcedPath before{std::get<const GitRevisionSource *>(head),
                             std::get<std::string>(inside)};
    ComparedSide oldSide;
    ComparedSide newSide;
    bool readable = true;
    if (before.source->entryType(before.path) == ResourceSource::EntryType::File)
        readable = read(before, oldSide);
    else
        oldSide.location = before.displayName();
    readable = read({&FileSystemSource::instance(), file}, newSide) && readable;
    if (readable)
        add({}, std::move(oldSide), std::move(newSide));
    return std::nullopt;
}

std::optional<std::string> ChangeSet::compareWorkingCopy(const GitRepository &git,
                                                         const std::string &folder)
{
    m_range = true;
    auto prefix = git.repositoryPath(folder);
    if (const GitError *problem = std::get_if<GitError>(&prefix))
        return problem->message;
    auto status = git.status();
    if (const GitError *problem = std::get_if<GitError>(&status))
        return problem->message;
    auto head = m_resolver.revision("HEAD");
    if (const GitError *problem = std::get_if<GitError>(&head))
        return problem->message;
    const GitRevisionSource &before = *std::get<const GitRevisionSource *>(head);
    const std::string &inside = std::get<std::string>(prefix);
    std::vector<ComparedFile> pending;
    for (const GitFileStatus &file : std::get<std::vector<GitFileStatus>>(status)) {
        if (!inside.empty() && !file.path.starts_with(inside + '/'))
            continue;
        if (!ResourceSource::hasResourceExtension(file.path) || ResourceSource::isHidden(file.path))
            continue;
        ComparedFile entry;
        entry.file = file.path;
        const std::string onDisk = git.workdir() + file.path;
        entry.before.location = before.displayName(file.path);
        entry.after.location = onDisk;
        bool readable = true;
        if (before.entryType(file.path) == ResourceSource::EntryType::File)
            readable = read({&before, file.path}, entry.before, false);
        if (file.state != GitFileStatus::State::Deleted)
            readable =
                read({&FileSystemSource::instance(), onDisk}, entry.after, false) && readable;
        if (readable)
            pending.push_back(std::move(entry));
    }
    pairMovedFiles(pending);
    for (ComparedFile &file : pending) {
        if (file.before.persesContent || file.after.persesContent)
            add(std::move(file.file), std::move(file.before), std::move(file.after));
    }
    return std::nullopt;
}

std::optional<std::string> ChangeSet::compareRevisions(const std::string &from,
                                                       const std::string &to)
{
    m_range = true;
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
    std::vector<ComparedFile> pending;
    for (const GitChangedFile &file : std::get<std::vector<GitChangedFile>>(changed))
        readChangedFile(file, *before, *after, pending);
    pairMovedFiles(pending);
    for (ComparedFile &file : pending) {
        if (file.before.persesContent || file.after.persesContent)
            add(std::move(file.file), std::move(file.before), std::move(file.after));
    }
    return std::nullopt;
}

void ChangeSet::readChangedFile(const GitChangedFile &file, const GitRevisionSource &before,
                                const GitRevisionSource &after, std::vector<ComparedFile> &pending)
{
    const std::string &name = file.newPath.empty() ? file.oldPath : file.newPath;
    if (!ResourceSource::hasResourceExtension(name) || ResourceSource::isHidden(name))
        return;
    ComparedFile entry;
    entry.file = name;
    entry.before.location = before.displayName(file.oldPath.empty() ? name : file.oldPath);
    entry.after.location = after.displayName(name);
    bool readable = true;
    if (!file.oldPath.empty())
        readable = read({&before, file.oldPath}, entry.before, false);
    if (!file.newPath.empty())
        readable = read({&after, file.newPath}, entry.after, false) && readable;
    if (readable)
        pending.push_back(std::move(entry));
}

} // namespace Pd
