// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gitrepository.h"
#include "resourcechange.h"

#include <string>
#include <vector>

namespace Pd {

// One commit in a panel's history and what it did to the panel.
struct PanelRevision
{
    GitCommit commit;        // its path is the dashboard file's path in that commit
    std::string panel;       // the panel's key in that commit
    ResourceChanges changes; // against the file's previous version, this panel's only
};

// The commits that changed one panel of a dashboard file, newest first, each with its
// structural diff: following renames of the file (GitRepository::history) and of the panel
// (a rename change names its old key). Versions that do not read are passed over.
class PanelHistory
{
public:
    static GitResult<std::vector<PanelRevision>> of(const GitRepository &git,
                                                    const std::string &path,
                                                    const std::string &panel,
                                                    const std::string &revision = "HEAD");
};

} // namespace Pd
