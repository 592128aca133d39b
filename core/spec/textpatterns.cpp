// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "textpatterns.h"

#include <algorithm>
#include <array>

namespace Pd::TextPatterns {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isWord(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

} // namespace

bool isHexColor(std::string_view text)
{
    return (text.size() == 4 || text.size() == 7) && text[0] == '#' &&
           std::all_of(text.begin() + 1, text.end(), isHex);
}

bool isDurationString(std::string_view text)
{
    static constexpr std::array<std::string_view, 7> units = {"y", "w", "d", "h", "m", "s", "ms"};
    std::size_t next = 0; // units in this order, each at most once
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i == start)
            return false;
        const std::string_view unit =
            text.substr(i, 2) == "ms" ? text.substr(i, 2) : text.substr(i, 1);
        const auto it = std::find(units.begin() + static_cast<long>(next), units.end(), unit);
        if (unit.empty() || it == units.end())
            return false;
        next = static_cast<std::size_t>(it - units.begin()) + 1;
        i += unit.size();
    }
    return true;
}

bool isVariableReference(std::string_view text)
{
    return text.size() >= 2 && text[0] == '$' && std::all_of(text.begin() + 1, text.end(), isWord);
}

bool isHttpUrl(std::string_view text)
{
    std::string_view rest;
    if (text.starts_with("http://"))
        rest = text.substr(7);
    else if (text.starts_with("https://"))
        rest = text.substr(8);
    else
        return false;
    if (rest.size() < 2 || isSpace(rest[0]))
        return false;
    if (std::string_view("/$.?#").find(rest[0]) != std::string_view::npos)
        return false;
    if (rest[1] == '\n' || rest[1] == '\r')
        return false;
    return std::none_of(rest.begin() + 2, rest.end(), isSpace);
}

std::string forStdRegex(std::string_view pattern)
{
    // Long patterns are left to the server: std::regex recursion grows with them.
    if (pattern.size() > 2048 || pattern.find("(?<=") != std::string_view::npos ||
        pattern.find("(?<!") != std::string_view::npos)
        return {};
    std::string out;
    std::size_t i = 0;
    // Go's leading flags: (?i), (?s), (?m), (?U) and combinations.
    if (pattern.starts_with("(?")) {
        std::size_t k = 2;
        while (k < pattern.size() &&
               std::string_view("imsU").find(pattern[k]) != std::string_view::npos)
            ++k;
        if (k > 2 && k < pattern.size() && pattern[k] == ')')
            i = k + 1;
    }
    while (i < pattern.size()) {
        const std::string_view rest = pattern.substr(i);
        if (rest.starts_with("\\p") || rest.starts_with("\\P")) {
            // a Unicode class: any character will do for a syntax check
            out += '.';
            i += 2;
            if (i < pattern.size() && pattern[i] == '{') {
                const std::size_t close = pattern.find('}', i);
                i = close == std::string_view::npos ? pattern.size() : close + 1;
            } else if (i < pattern.size()) {
                ++i;
            }
        } else if (rest.size() >= 2 && rest[0] == '\\') {
            out += rest.substr(0, 2); // an escape: \(?<x> is no named group
            i += 2;
        } else if (rest.starts_with("(?P<") || rest.starts_with("(?<")) {
            // a named group: keep the group, drop the name
            const std::size_t close = rest.find('>');
            if (close == std::string_view::npos)
                return std::string(pattern); // let the compiler report it
            out += '(';
            i += close + 1;
        } else {
            out += pattern[i++];
        }
    }
    return out;
}

} // namespace Pd::TextPatterns
