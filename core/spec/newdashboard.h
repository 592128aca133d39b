// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcefile.h"

#include <string>

namespace Pd {

// A dashboard started from scratch: its name and project, a display name, the last hour, one
// empty group to put panels in. Written the way `fmt` writes, and clean for `lint`.
class NewDashboard
{
public:
    static std::string text(const std::string &name, const std::string &project,
                            const std::string &displayName, DocumentFormat format);
};

} // namespace Pd
