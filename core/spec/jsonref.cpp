// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonref.h"

#include <algorithm>

namespace Pd::JsonRef {

namespace {

bool isSegmentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

} // namespace

std::optional<std::vector<std::string>> segments(std::string_view ref)
{
    if (ref.starts_with('#'))
        ref.remove_prefix(1);
    if (!ref.starts_with('/'))
        return std::nullopt;
    std::vector<std::string> result;
    while (!ref.empty()) {
        ref.remove_prefix(1); // '/'
        const std::string_view segment = ref.substr(0, ref.find('/'));
        if (segment.empty() || !std::all_of(segment.begin(), segment.end(), isSegmentChar))
            return std::nullopt;
        result.emplace_back(segment);
        ref.remove_prefix(segment.size());
    }
    return result;
}

std::string panelId(std::string_view ref)
{
    const auto parts = segments(ref);
    if (!parts || parts->size() != 3 || (*parts)[0] != "spec" || (*parts)[1] != "panels")
        return {};
    return (*parts)[2];
}

} // namespace Pd::JsonRef
