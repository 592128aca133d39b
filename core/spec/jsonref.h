// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pd::JsonRef {

// Splits "#/spec/panels/x" as the server's regex ^#?/([a-zA-Z0-9_-]+)(?:/([a-zA-Z0-9_-]+))*$
// does; nothing when the text does not match.
std::optional<std::vector<std::string>> segments(std::string_view ref);

// The panel a grid item's `$ref` names ("#/spec/panels/<id>"), or empty when the server
// would not follow it.
std::string panelId(std::string_view ref);

} // namespace Pd::JsonRef
