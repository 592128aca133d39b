// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "node.h"

#include <string>
#include <string_view>

// What a YAML scalar means, the same for every YAML reader: the YAML 1.2 core schema, and the
// warning for plain words YAML 1.1 tools read as booleans.
namespace Pd::YamlScalar {

// `tag` is "?" for a plain scalar, "!" for a quoted or block one, else the explicit tag.
Node resolve(const std::string &text, const std::string &tag, SourcePos pos);
// y, yes, on, off... (which YAML 1.2 reads as strings).
bool isYaml11Boolean(std::string_view word);
Diagnostic yaml11Warning(const std::string &word, SourcePos pos);

} // namespace Pd::YamlScalar
