// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "textposition.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace Pd {

SourcePos positionOfOffset(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart = before.rfind('\n');
    const std::size_t column =
        lineStart == std::string_view::npos ? offset : offset - lineStart - 1;
    return SourcePos{line, static_cast<int>(column) + 1};
}

namespace {

// Length of the well-formed UTF-8 sequence at `p` (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when it is malformed.
std::size_t sequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    auto continuation = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return p + i < end && p[i] >= lo && p[i] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return continuation(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return continuation(1, lo, hi) && continuation(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return continuation(1, lo, hi) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

} // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = begin + text.size();
    const auto *p = begin;
    while (p < end) {
        // ASCII fast path, eight bytes at a time.
        while (end - p >= 8) {
            std::uint64_t chunk;
            std::memcpy(&chunk, p, 8);
            if (chunk & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const std::size_t length = sequenceLength(p, end);
        if (length == 0)
            return static_cast<std::size_t>(p - begin);
        p += length;
    }
    return std::nullopt;
}

std::optional<Diagnostic> encodingDiagnostic(std::string_view text)
{
    const auto bad = findInvalidUtf8(text);
    if (!bad)
        return std::nullopt;
    static const char digits[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(text[*bad]);
    std::string message = "invalid UTF-8: byte 0x";
    message += digits[byte >> 4];
    message += digits[byte & 0xF];
    message += " is not part of a valid character (files must be UTF-8)";
    return Diagnostic{
        Severity::Error, "encoding", std::move(message), {}, positionOfOffset(text, *bad), {}};
}

} // namespace Pd
