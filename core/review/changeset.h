// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"
#include "resourcefile.h"
#include "sourceresolver.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// One side of a compared file: its resources, or nothing when the file does not exist there
// (added or deleted).
struct ComparedSide
{
    std::string location; // FILE or REV:PATH, readable again through a SourceResolver
    bool exists = false;
    bool persesContent = false;
    std::vector<LoadedResource> resources;
};

struct ComparedFile
{
    std::string file; // the path in a range; empty when two operands were compared
    ComparedSide before;
    ComparedSide after;
    ResourceChanges changes;
};

// What changed between two versions of dashboards, read offline from files and Git revisions:
// what `diff` prints and the review window shows. Sides that cannot be read leave their
// diagnostics (with REV:PATH:line:column) in `problems` and are left out.
class ChangeSet
{
public:
    explicit ChangeSet(std::string repository = {});

    // `diff`'s operands: A B (files or REV:PATH), REV1..REV2 (REV.. is REV..HEAD), or FILE
    // alone (the working copy against HEAD). Returns a usage problem, or nothing.
    std::optional<std::string> compareOperands(const std::vector<std::string> &operands);
    std::optional<std::string> compare(const std::string &before, const std::string &after);
    // A file against its HEAD version; a folder: every Perses file in it that the working copy
    // changed (modified, new, deleted, renamed) against HEAD.
    std::optional<std::string> compareWithHead(const std::string &path);
    // Every Perses file changed between two revisions. A file deleted and another added that
    // hold the same resources are one file moved (Git pairs them only when the text is alike,
    // and a dashboard moved from JSON to YAML is not).
    std::optional<std::string> compareRevisions(const std::string &from, const std::string &to);

    const std::vector<ComparedFile> &files() const { return m_files; }
    const Diagnostics &problems() const { return m_problems; }
    bool isRange() const { return m_range; }
    bool hasChanges() const;
    SourceResolver &resolver() { return m_resolver; }

private:
    // `named`: given on the command line, not found by walking a range or a folder.
    bool read(const SourcedPath &where, ComparedSide &side, bool named = true);
    void add(std::string file, ComparedSide before, ComparedSide after);
    std::optional<std::string> compareWorkingCopy(const GitRepository &git,
                                                  const std::string &folder);
    void readChangedFile(const GitChangedFile &file, const GitRevisionSource &before,
                         const GitRevisionSource &after, std::vector<ComparedFile> &pending);

    SourceResolver m_resolver;
    std::vector<ComparedFile> m_files;
    Diagnostics m_problems;
    bool m_range = false;
};

} // namespace Pd
