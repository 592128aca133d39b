// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "node.h"

#include <string>
#include <vector>

namespace Pd {

// What a reader made of a text: the documents it holds (a YAML stream may hold several)
// and every problem found, with positions. Readers never throw.
struct ParseResult
{
    std::vector<Node> documents;
    Diagnostics diagnostics;

    bool hasErrors() const { return Pd::hasErrors(diagnostics); }
};

// Limits shared by the readers, so that hostile input fails with a message instead of
// exhausting the stack or the memory.
struct ParseLimits
{
    static constexpr int maxDepth = 256;
    static constexpr std::size_t maxNodes = 20'000'000;
};

namespace ParseRules {
inline constexpr const char *syntax = "syntax";
inline constexpr const char *encoding = "encoding";
inline constexpr const char *duplicateKey = "duplicate-key";
inline constexpr const char *tooDeep = "nesting-too-deep";
inline constexpr const char *tooLarge = "file-too-large";
inline constexpr const char *emptyFile = "empty-file";
inline constexpr const char *yaml11Boolean = "yaml-1.1-boolean";
} // namespace ParseRules

// Appends `key` to `object`; a key already there is reported as a duplicate and replaced
// (the last one wins, as in Go's decoder). In JSON that is a warning: the server decodes it
// with encoding/json, which keeps the last; in YAML an error, as yaml.v3 (percli) refuses it.
enum class DuplicateKeys { Warn, Refuse };
void appendMemberCheckingDuplicates(Node &object, std::string key, SourcePos keyPos, Node value,
                                    Diagnostics &diagnostics, SourcePos keyEnd = {},
                                    DuplicateKeys duplicates = DuplicateKeys::Refuse);

} // namespace Pd
