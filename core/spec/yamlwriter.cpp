// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlwriter.h"

#include "jsonwriter.h"
#include "yamlreader.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace Pd {

namespace {

bool readsAsNonString(std::string_view value)
{
    // Whatever the reader would not give back as this same string needs quotes.
    static constexpr std::array<std::string_view, 25> words = {
        "~",     "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
        "FALSE", "y",    "Y",    "yes",  "Yes",  "YES",  "n",    "N",     "no",
        "No",    "NO",   "on",   "On",   "ON",   "off",  "Off"};
    if (std::find(words.begin(), words.end(), value) != words.end() || value == "OFF")
        return true;
    const char first = value.front();
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
        // Cheap and safe: anything that starts like a number and parses as one is quoted.
        const ParseResult parsed = YamlReader::parse(std::string("v: ") + std::string(value));
        if (parsed.documents.size() != 1)
            return true;
        const Node *v = parsed.documents.front().find("v");
        return !v || !v->isString() || v->text() != value;
    }
    return false;
}

bool needsQuotes(std::string_view value)
{
    if (value.empty())
        return true;
    static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    const char first = value.front();
    if (indicators.find(first) != std::string_view::npos) {
        // "-x", "?x", ":x" are plain when not followed by a space; keep it simple and safe
        // except for the common "-" prefix of negative-looking words handled below.
        if (!((first == '-' || first == '?' || first == ':') && value.size() > 1 &&
              value[1] != ' '))
            return true;
    }
    if (first == ' ' || value.back() == ' ' || first == '\t' || value.back() == '\t')
        return true;
    if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos ||
        value.back() == ':')
        return true;
    if (std::any_of(value.begin(), value.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        return true;
    if (value == "---" || value == "...")
        return true;
    return readsAsNonString(value);
}

bool hasControlOtherThanNewline(std::string_view value)
{
    return std::any_of(value.begin(), value.end(), [](char c) {
        return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F;
    });
}

std::string singleQuoted(std::string_view value)
{
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    out += '\'';
    return out;
}

// A literal block keeps multi-line text (Markdown panels) readable.
bool fitsLiteralBlock(std::string_view value)
{
    if (value.find('\n') == std::string_view::npos || hasControlOtherThanNewline(value))
        return false;
    // A leading space or newline would need an indentation indicator; trailing blank lines a
    // keep indicator. Quote those rare strings instead.
    return value.front() != ' ' && value.front() != '\n' &&
           !(value.size() >= 2 && value.substr(value.size() - 2) == "\n\n");
}

std::string literalBlock(std::string_view value, int indent)
{
    const bool trailingNewline = value.back() == '\n';
    std::string out = trailingNewline ? "|\n" : "|-\n";
    std::string_view rest = trailingNewline ? value.substr(0, value.size() - 1) : value;
    while (true) {
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        if (!line.empty())
            out.append(static_cast<std::size_t>(indent), ' ').append(line);
        out += '\n';
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    out.pop_back(); // the caller ends the line
    return out;
}

std::string scalar(const Node &node, int contentIndent)
{
    switch (node.type()) {
    case Node::Type::Null:
        return "null";
    case Node::Type::Bool:
        return node.toBool() ? "true" : "false";
    case Node::Type::Number:
        // YAML has words for what JSON cannot hold.
        if (std::isnan(node.toNumber()))
            return ".nan";
        if (std::isinf(node.toNumber()))
            return node.toNumber() > 0 ? ".inf" : "-.inf";
        return JsonWriter::numberText(node);
    case Node::Type::String:
        if (fitsLiteralBlock(node.text()))
            return literalBlock(node.text(), contentIndent);
        return YamlWriter::scalarText(node.text());
    case Node::Type::Array:
        return "[]";
    case Node::Type::Object:
        return "{}";
    }
    return "null";
}

bool isInline(const Node &node)
{
    return node.size() == 0;
}

void writeBlock(std::string &out, const Node &node, int indent);

void writeItem(std::string &out, const Node &item, int indent)
{
    if (isInline(item)) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += "- ";
        out += scalar(item, indent + 2);
        out += '\n';
        return;
    }
    // Write the item one level deeper, then turn its first indentation into "- ".
    std::string block;
    writeBlock(block, item, indent + 2);
    block.replace(static_cast<std::size_t>(indent), 2, "- ");
    out += block;
}

void writeBlock(std::string &out, const Node &node, int indent)
{
    if (node.isArray()) {
        for (const Node &item : node.items())
            writeItem(out, item, indent);
        return;
    }
    for (const NodeMember &member : node.members()) {
        out.append(static_cast<std::size_t>(indent), ' ');
        out += YamlWriter::scalarText(member.key);
        out += ':';
        if (isInline(member.value)) {
            out += ' ';
            out += scalar(member.value, indent + 2);
            out += '\n';
        } else {
            out += '\n';
            writeBlock(out, member.value, indent + 2);
        }
    }
}

} // namespace

std::string YamlWriter::scalarText(std::string_view value)
{
    if (!needsQuotes(value))
        return std::string(value);
    if (!hasControlOtherThanNewline(value) && value.find('\n') == std::string_view::npos)
        return singleQuoted(value);
    std::string out; // JSON strings are valid YAML double-quoted scalars
    JsonWriter::appendString(out, value);
    return out;
}

std::string YamlWriter::write(const Node &document)
{
    if (isInline(document))
        return scalar(document, 0) + '\n';
    std::string out;
    writeBlock(out, document, 0);
    return out;
}

std::string YamlWriter::write(const std::vector<Node> &documents)
{
    std::string out;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (i > 0)
            out += "---\n";
        out += write(documents[i]);
    }
    return out;
}

} // namespace Pd
