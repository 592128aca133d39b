// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlreader.h"

#include "textposition.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace Pd {

namespace {

SourcePos toPos(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return SourcePos{mark.line + 1, mark.column + 1};
}

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
    const auto [end, ec] =
        std::from_chars(normalized.data(), normalized.data() + normalized.size(), value);
    if (ec != std::errc())
        return false;
    if (negative)
        value = -value;
    return true;
}

class Converter
{
public:
    Diagnostics diagnostics;

    Node convert(const YAML::Node &node, int depth)
    {
        if (m_failed)
            return {};
        if (++m_nodes > ParseLimits::maxNodes) {
            fail(node.Mark(), ParseRules::tooLarge,
                 "document expands to more than " + std::to_string(ParseLimits::maxNodes) +
                     " values (aliases repeated too often?)");
            return {};
        }
        if (depth > ParseLimits::maxDepth) {
            fail(node.Mark(), ParseRules::tooDeep,
                 "nesting is deeper than " + std::to_string(ParseLimits::maxDepth) + " levels");
            return {};
        }
        const SourcePos pos = toPos(node.Mark());
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return Node::null(pos);
        case YAML::NodeType::Scalar:
            return convertScalar(node, pos);
        case YAML::NodeType::Sequence: {
            Node array = Node::array(pos);
            array.items().reserve(node.size());
            for (const YAML::Node &item : node)
                array.append(convert(item, depth + 1));
            return array;
        }
        case YAML::NodeType::Map:
            return convertMap(node, pos, depth);
        }
        return {};
    }

private:
    void fail(const YAML::Mark &mark, const char *rule, std::string message)
    {
        if (m_failed)
            return;
        m_failed = true;
        diagnostics.push_back(
            Diagnostic{Severity::Error, rule, std::move(message), {}, toPos(mark), {}});
    }

    void warnYaml11(const std::string &word, SourcePos pos)
    {
        const bool truthy =
            word[0] == 'y' || word[0] == 'Y' || word == "on" || word == "On" || word == "ON";
        diagnostics.push_back(Diagnostic{
            Severity::Warning,
            ParseRules::yaml11Boolean,
            "unquoted '" + word + "' is the string \"" + word + "\" in YAML 1.2 but the boolean " +
                (truthy ? "true" : "false") + " for YAML 1.1 tools (kubectl, percli): quote it",
            {},
            pos,
            {}});
    }

    Node convertMap(const YAML::Node &node, SourcePos pos, int depth)
    {
        Node object = Node::object(pos);
        object.members().reserve(node.size());
        for (const auto &pair : node) {
            const YAML::Node &keyNode = pair.first;
            const SourcePos keyPos = toPos(keyNode.Mark());
            if (!keyNode.IsScalar() && !keyNode.IsNull()) {
                fail(keyNode.Mark(), ParseRules::syntax,
                     "mapping keys must be plain strings, not lists or mappings");
                return object;
            }
            std::string key = keyNode.IsNull() ? std::string("null") : keyNode.Scalar();
            if (keyNode.Tag() == "?" && isYaml11Boolean(key))
                warnYaml11(key, keyPos);
            Node value = convert(pair.second, depth + 1);
            if (m_failed)
                return object;
            appendMemberCheckingDuplicates(object, std::move(key), keyPos, std::move(value),
                                           diagnostics);
        }
        return object;
    }

    Node convertScalar(const YAML::Node &node, SourcePos pos)
    {
        const std::string &text = node.Scalar();
        const std::string &tag = node.Tag();
        if (tag == "!" || tag == "tag:yaml.org,2002:str")
            return Node::string(text, pos);
        if (tag != "?")
            return Node::string(text, pos); // unknown explicit tags keep their text
        if (text == "true" || text == "True" || text == "TRUE")
            return Node::boolean(true, pos);
        if (text == "false" || text == "False" || text == "FALSE")
            return Node::boolean(false, pos);
        double value = 0;
        if (parseInteger(text, value) || parseFloat(text, value))
            return Node::number(value, text, pos);
        if (isYaml11Boolean(text))
            warnYaml11(text, pos);
        return Node::string(text, pos);
    }

    std::size_t m_nodes = 0;
    bool m_failed = false;
};

} // namespace

ParseResult YamlReader::parse(std::string_view text)
{
    ParseResult result;
    if (auto bad = encodingDiagnostic(text)) {
        result.diagnostics.push_back(std::move(*bad));
        return result;
    }
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(std::string(text));
        Converter converter;
        for (const YAML::Node &document : documents) {
            if (document.IsNull())
                continue; // empty documents are skipped, as percli does
            result.documents.push_back(converter.convert(document, 0));
        }
        result.diagnostics = std::move(converter.diagnostics);
        if (result.hasErrors())
            result.documents.clear();
        else if (result.documents.empty())
            result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                    ParseRules::emptyFile,
                                                    "file is empty: it holds no YAML document",
                                                    {},
                                                    SourcePos{1, 1},
                                                    {}});
    } catch (const YAML::DeepRecursion &error) {
        result.documents.clear();
        result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                ParseRules::tooDeep,
                                                "nesting is too deep for a YAML document",
                                                {},
                                                toPos(error.mark),
                                                {}});
    } catch (const YAML::Exception &error) {
        result.documents.clear();
        result.diagnostics.push_back(
            Diagnostic{Severity::Error, ParseRules::syntax, error.msg, {}, toPos(error.mark), {}});
    } catch (const std::exception &error) {
        result.documents.clear();
        result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                ParseRules::syntax,
                                                std::string("cannot read YAML: ") + error.what(),
                                                {},
                                                SourcePos{1, 1},
                                                {}});
    }
    return result;
}

namespace {

std::size_t indentationOf(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(' ');
    return first == std::string_view::npos ? line.size() : first;
}

// Does a line open a block scalar ("key: |", "- >-", "key: |2+")?
bool opensBlockScalar(std::string_view line)
{
    const std::size_t end = line.find_last_not_of(" \t\r");
    if (end == std::string_view::npos)
        return false;
    std::size_t i = end;
    while (i > 0 && (line[i] == '-' || line[i] == '+' || (line[i] >= '1' && line[i] <= '9')))
        --i;
    if (line[i] != '|' && line[i] != '>')
        return false;
    return i == 0 || line[i - 1] == ' ';
}

// Finds a '#' that starts a comment: at the start of the content or after a blank, outside
// quotes.
bool lineHasComment(std::string_view line)
{
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            else if (c == '\\' && quote == '"')
                ++i;
            continue;
        }
        const bool tokenStart = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t';
        if ((c == '"' || c == '\'') && tokenStart)
            quote = c;
        else if (c == '#' && tokenStart)
            return true;
    }
    return false;
}

} // namespace

bool YamlReader::containsComments(std::string_view text)
{
    std::optional<std::size_t> blockIndent; // inside a block scalar deeper than this
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t indent = indentationOf(line);
        const bool blank =
            indent == line.size() || line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (blockIndent) {
            if (blank || indent > *blockIndent)
                continue;
            blockIndent.reset();
        }
        if (lineHasComment(line))
            return true;
        if (opensBlockScalar(line))
            blockIndent = indent;
    }
    return false;
}

} // namespace Pd
