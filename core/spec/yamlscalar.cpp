// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlscalar.h"

#include "numbertext.h"
#include "parseresult.h"

#include <array>
#include <charconv>
#include <limits>
#include <optional>

namespace Pd::YamlScalar {

namespace {

bool parseInteger(std::string_view text, double &value)
{
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    int base = 10;
    if (text.starts_with("0x")) {
        base = 16;
        text.remove_prefix(2);
    } else if (text.starts_with("0o")) {
        base = 8;
        text.remove_prefix(2);
    }
    if (text.empty())
        return false;
    unsigned long long magnitude = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), magnitude, base);
    if (ec != std::errc() || end != text.data() + text.size())
        return false;
    value = negative ? -static_cast<double>(magnitude) : static_cast<double>(magnitude);
    return true;
}

bool parseFloat(std::string_view text, double &value)
{
    std::string_view body = text;
    const bool negative = !body.empty() && body[0] == '-';
    if (!body.empty() && (body[0] == '-' || body[0] == '+'))
        body.remove_prefix(1);
    if (body == ".inf" || body == ".Inf" || body == ".INF") {
        value = negative ? -std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN") {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    // YAML 1.2 core: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    std::size_t i = 0;
    std::size_t intDigits = 0;
    std::size_t fracDigits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9')
        ++i, ++intDigits;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9')
            ++i, ++fracDigits;
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-'))
            ++i;
        std::size_t expDigits = 0;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9')
            ++i, ++expDigits;
        if (expDigits == 0)
            return false;
    }
    if (i != body.size())
        return false;
    std::string normalized(body);
    if (normalized.front() == '.')
        normalized.insert(normalized.begin(), '0');
    const std::optional<double> read = readDecimal(normalized);
    if (!read)
        return false;
    value = negative ? -*read : *read;
    return true;
}

} // namespace

bool isYaml11Boolean(std::string_view word)
{
    static constexpr std::array<std::string_view, 16> words = {
        "y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
        "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
    for (std::string_view candidate : words) {
        if (candidate == word)
            return true;
    }
    return false;
}

Diagnostic yaml11Warning(const std::string &word, SourcePos pos)
{
    const bool truthy =
        word[0] == 'y' || word[0] == 'Y' || word == "on" || word == "On" || word == "ON";
    return Diagnostic{Severity::Warning,
                      ParseRules::yaml11Boolean,
                      "unquoted '" + word + "' is the string \"" + word +
                          "\" in YAML 1.2 but the boolean " + (truthy ? "true" : "false") +
                          " for YAML 1.1 tools (kubectl, percli): quote it",
                      {},
                      pos,
                      {}};
}

Node resolve(const std::string &text, const std::string &tag, SourcePos pos)
{
    // The core schema's explicit tags mean what the plain forms mean.
    static constexpr std::string_view core = "tag:yaml.org,2002:";
    if (tag.starts_with(core) && tag != "tag:yaml.org,2002:str") {
        double value = 0;
        const std::string_view type = std::string_view(tag).substr(core.size());
        if ((type == "int" && parseInteger(text, value)) ||
            (type == "float" && (parseInteger(text, value) || parseFloat(text, value))))
            return Node::number(value, text, pos);
        if (type == "bool" && (text == "true" || text == "false"))
            return Node::boolean(text == "true", pos);
        if (type == "null")
            return Node::null(pos);
    }
    if (tag != "?")
        return Node::string(text, pos); // quoted, block or other tags
    if (text == "true" || text == "True" || text == "TRUE")
        return Node::boolean(true, pos);
    if (text == "false" || text == "False" || text == "FALSE")
        return Node::boolean(false, pos);
    if (text == "~" || text == "null" || text == "Null" || text == "NULL")
        return Node::null(pos);
    double value = 0;
    if (parseInteger(text, value) || parseFloat(text, value))
        return Node::number(value, text, pos);
    return Node::string(text, pos);
}

} // namespace Pd::YamlScalar
