// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

namespace Pd {

// Puts the keys of a document in the order Perses writes them: fields of its Go structs in
// declaration order, maps and plugin specs (Go maps) sorted by key. Keys that Perses does not
// define keep their relative order after the known ones, so nothing is lost.
// A document may be a resource, a list of resources or a Kubernetes custom resource.
class CanonicalOrder
{
public:
    static void apply(Node &document);
};

} // namespace Pd
