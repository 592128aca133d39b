// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "numbertext.h"

#include <charconv>
#include <cmath>

namespace Pd {

std::optional<double> readDecimal(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc())
        return value;
    if (ec != std::errc::result_out_of_range)
        return std::nullopt;
    const std::size_t exponent = text.find_first_of("eE");
    const bool underflow = exponent != std::string_view::npos && exponent + 1 < text.size() &&
                           text[exponent + 1] == '-';
    if (!underflow)
        return std::nullopt;
    return text.front() == '-' ? -0.0 : 0.0;
}

std::string sampleText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

} // namespace Pd
