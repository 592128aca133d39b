// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "resourcefile.h"

#include <string>
#include <vector>

namespace Pd {

// Puts the keys of a document in the order Perses writes them: fields of its Go structs in
// declaration order, maps and plugin specs (Go maps) sorted by key. Keys that Perses does not
// define keep their relative order after the known ones, so nothing is lost.
// A document may be a resource, a list of resources or a Kubernetes custom resource.
class CanonicalOrder
{
public:
    static void apply(Node &document);
    // The documents in canonical order, written as `fmt` and `pull` write them: a JSON file
    // holds its one document, a YAML file a stream.
    static std::string write(std::vector<Node> &documents, DocumentFormat format);
};

} // namespace Pd
