// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitrepository.h"
#include "resourcechange.h"

#include <optional>
#include <string>
#include <vector>

namespace Pd {

// One commit in a history and what it changed.
struct HistoryEntry
{
    GitCommit commit;        // its path is the file's path in that commit
    std::string panel;       // the panel's key in that commit (a panel's history)
    ResourceChanges changes; // against the file's previous version (the panel's only)
};

// The commits that changed a file, or one panel of a dashboard file, newest first, each with
// its structural diff: following renames of the file (GitRepository::history) and of the
// panel (a rename change names its old key). Versions that do not read are passed over.
class ChangeHistory
{
public:
    static GitResult<std::vector<HistoryEntry>> of(const GitRepository &git,
                                                   const std::string &path,
                                                   const std::optional<std::string> &panel,
                                                   const std::string &revision = "HEAD");
};

} // namespace Pd
