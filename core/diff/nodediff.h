// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcechange.h"

#include <string>
#include <string_view>

namespace Pd {

// The field-by-field difference of two values, where no rule of the dashboard applies: members
// matched by key (their order and the documents' formatting do not count), arrays by index.
class NodeDiff
{
public:
    // Appends the changes that turn `before` into `after`, at `path` and below.
    static void compare(const Node &before, const Node &after, const std::string &path,
                        const std::optional<std::string> &panel, ResourceChanges &out);

    // `base` followed by `/key`, the key escaped as RFC 6901 says (~0, ~1).
    static std::string pointer(const std::string &base, std::string_view key);
    static std::string pointer(const std::string &base, std::size_t index);

    // How much of two values is the same, from 0 to 1: the share of leaves (scalars at their
    // paths, kinds left out) that both have with equal values. What tells a renamed panel
    // from a new one.
    static double similarity(const Node &a, const Node &b);
};

} // namespace Pd
