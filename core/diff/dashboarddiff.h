// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"

namespace Pd {

// The difference of two dashboard specs as a reviewer reads it: panels by key (a panel under a
// new key with the same or similar content is a rename), layout items by the panel they show
// (a new place or size is a move), variables by name (a new rank is a move), everything else
// field by field. Formatting, key order and number spelling are no change.
class DashboardDiff
{
public:
    // Appends the changes from spec `before` to spec `after` (the `spec` members of two
    // dashboards; paths start with /spec).
    static void compareSpecs(const Node &before, const Node &after, ResourceChanges &out);

    // Panels whose content is at least this similar (NodeDiff::similarity) count as renamed.
    static constexpr double renameSimilarity = 0.5;
};

} // namespace Pd
