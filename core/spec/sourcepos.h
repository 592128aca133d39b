// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Pd {

// A position in a source text, 1-based. Line 0 means "unknown" (a node made in memory).
// `offset` is the byte offset from the text's start (-1 when unknown): what a text patch needs.
struct SourcePos
{
    int line = 0;
    int column = 0;
    int offset = -1;

    bool isKnown() const { return line > 0; }
    // The same line and column: where a person looks (the offset follows from them).
    friend bool operator==(const SourcePos &a, const SourcePos &b)
    {
        return a.line == b.line && a.column == b.column;
    }
};

} // namespace Pd
