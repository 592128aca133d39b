// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "namerules.h"

#include <algorithm>

namespace Pd::NameRules {

namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

std::size_t runeCount(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

std::optional<std::string> checkId(std::string_view name)
{
    if (name.empty())
        return "name cannot be empty";
    if (name.size() > 75)
        return "cannot contain more than 75 characters";
    const bool allowed = std::all_of(name.begin(), name.end(),
                                     [](char c) { return isWordChar(c) || c == '.' || c == '-'; });
    if (!allowed)
        return quoted(name) +
               " is not a correct name. It should match the regexp: ^[a-zA-Z0-9_.-]+$";
    if (name.find("..") != std::string_view::npos)
        return quoted(name) + " is not a correct name. It should not contain '..'";
    if (name.front() == '.' || name.back() == '.')
        return quoted(name) + " is not a correct name. It should not start or end with '.'";
    return std::nullopt;
}

std::optional<std::string> checkVariableName(std::string_view name)
{
    // Go's ^\w*?[^0-9]\w*$: at least one character that is not a digit, and at most one
    // character outside \w.
    const auto outside =
        std::count_if(name.begin(), name.end(), [](char c) { return !isWordChar(c); });
    const bool allDigits =
        std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (name.empty() || allDigits || outside > 1)
        return "variable name '" + std::string(name) + "' is not valid";
    if (name.starts_with("__"))
        return "variable name '" + std::string(name) + "' can not have builtin variable prefix: __";
    return std::nullopt;
}

std::optional<std::string> checkTag(std::string_view tag)
{
    if (tag.empty() || std::all_of(tag.begin(), tag.end(), [](char c) { return c == ' '; }))
        return "tag cannot be empty";
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    if (isSpace(tag.front()) || isSpace(tag.back()))
        return "tag " + quoted(tag) + " cannot start or end with whitespace";
    if (runeCount(tag) > 50)
        return "tag " + quoted(tag) + " cannot contain more than 50 characters";
    return std::nullopt;
}

} // namespace Pd::NameRules
