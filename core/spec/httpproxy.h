// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"

#include <functional>
#include <string>

namespace Pd {

// The HTTPProxy objects of a datasource plugin spec, found as the server finds them: anywhere
// in the spec (lists included), by a kind of "HTTPProxy" in any case, with an object spec.
// `visit` gets each proxy's spec and its path; the validator checks them all, a connection
// takes the first.
using HttpProxyVisitor = std::function<void(const Node &spec, const std::string &path)>;
void forEachHttpProxy(const Node &node, const std::string &path, const HttpProxyVisitor &visit);
const Node *firstHttpProxy(const Node &node);

} // namespace Pd
