// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "seriesstore.h"

#include <algorithm>
#include <cctype>

namespace Pd {

const std::string *Series::label(std::string_view name) const
{
    for (const auto &[key, value] : labels) {
        if (key == name)
            return &value;
    }
    return nullptr;
}

std::string Series::key() const
{
    Labels sorted;
    const std::string *name = nullptr;
    for (const auto &entry : labels) {
        if (entry.first == "__name__")
            name = &entry.second;
        else
            sorted.push_back(entry);
    }
    std::sort(sorted.begin(), sorted.end());
    std::string out = name ? *name : std::string();
    out += '{';
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            out += ',';
        out += sorted[i].first + "=\"" + sorted[i].second + '"';
    }
    out += '}';
    return out;
}

std::string Series::displayName(std::string_view format) const
{
    if (format.empty())
        return key();
    // {{ label }}: whitespace allowed inside the braces, lazy match, absent labels empty.
    std::string out;
    std::size_t i = 0;
    while (i < format.size()) {
        const std::size_t open = format.find("{{", i);
        if (open == std::string_view::npos) {
            out.append(format.substr(i));
            break;
        }
        const std::size_t close = format.find("}}", open + 2);
        if (close == std::string_view::npos) {
            out.append(format.substr(i));
            break;
        }
        out.append(format.substr(i, open - i));
        std::string_view name = format.substr(open + 2, close - open - 2);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())))
            name.remove_prefix(1);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.remove_suffix(1);
        if (const std::string *value = label(name))
            out += *value;
        i = close + 2;
    }
    return out;
}

std::size_t SeriesStore::pointCount() const
{
    std::size_t count = 0;
    for (const Series &s : m_series)
        count += s.size();
    return count;
}

std::size_t SeriesStore::pointBytes() const
{
    std::size_t bytes = 0;
    for (const Series &s : m_series)
        bytes += s.timesMs.capacity() * sizeof(std::int64_t) + s.values.capacity() * sizeof(double);
    return bytes;
}

void SeriesStore::shrinkToFit()
{
    for (Series &s : m_series) {
        // Only worth a copy when the slack is large.
        if (s.values.capacity() > s.values.size() + s.values.size() / 8) {
            s.timesMs.shrink_to_fit();
            s.values.shrink_to_fit();
        }
    }
}

} // namespace Pd
