// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcekind.h"
#include "schema.h"

namespace Pd {

// The structure of each Perses resource outside plugin specs (spec §2-§5), with fields in
// the order of Perses' Go structs. The validator checks types and required fields with it;
// CanonicalOrder writes keys in its order. Plugin specs are `any` here: the plugin schemas
// check them.
namespace ResourceSchemas {
const Schema &forKind(ResourceKind kind);
const Schema &plugin();
const Schema &dashboardSpec();
const Schema &datasourceSpec();
const Schema &variable(); // a dashboard variable {kind, spec}
} // namespace ResourceSchemas

} // namespace Pd
