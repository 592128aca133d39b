// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validationcontext.h"

#include <set>
#include <string>

namespace Pd {

// Folder specs (spec §3.7): item kinds and names, and each dashboard once per folder tree.
class FolderValidator
{
public:
    explicit FolderValidator(ValidationContext &context);
    void validate(const Node &spec, const std::string &folderName);

private:
    void checkItems(const Node &items, const std::string &path);

    ValidationContext &m_context;
    std::string m_folderName;
    std::set<std::string> m_dashboards;
};

} // namespace Pd
