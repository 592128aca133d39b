// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcepos.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace Pd {

// Line and column (1-based, column in bytes) of a byte offset in `text`.
SourcePos positionOfOffset(std::string_view text, std::size_t offset);

// Offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// An error diagnostic at the first malformed UTF-8 byte, if any.
std::optional<Diagnostic> encodingDiagnostic(std::string_view text);

} // namespace Pd
