// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonwriter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace Pd {

namespace {

bool isJsonNumber(std::string_view text)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i < text.size() && text[i] == '0')
        ++i;
    else if (digits() == 0)
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == text.size();
}

void indent(std::string &out, int level)
{
    out.append(static_cast<std::size_t>(level) * 2, ' ');
}

void writeNode(std::string &out, const Node &node, int level)
{
    switch (node.type()) {
    case Node::Type::Null:
        out += "null";
        return;
    case Node::Type::Bool:
        out += node.toBool() ? "true" : "false";
        return;
    case Node::Type::Number:
        out += JsonWriter::numberText(node);
        return;
    case Node::Type::String:
        JsonWriter::appendString(out, node.text());
        return;
    case Node::Type::Array:
        if (node.items().empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            indent(out, level + 1);
            writeNode(out, node.items()[i], level + 1);
            out += i + 1 < node.items().size() ? ",\n" : "\n";
        }
        indent(out, level);
        out += ']';
        return;
    case Node::Type::Object:
        if (node.members().empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (std::size_t i = 0; i < node.members().size(); ++i) {
            const NodeMember &member = node.members()[i];
            indent(out, level + 1);
            JsonWriter::appendString(out, member.key);
            out += ": ";
            writeNode(out, member.value, level + 1);
            out += i + 1 < node.members().size() ? ",\n" : "\n";
        }
        indent(out, level);
        out += '}';
        return;
    }
}

// JavaScript's Number#toString for finite values: shortest round trip, in fixed form for
// 1e-6 <= |v| < 1e21 ("100000", "0.000001"), otherwise with an exponent without leading zeros
// ("1e-7", "1e+21"); -0 is "0".
std::string javascriptNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    if (value == 0)
        return "0";
    const double magnitude = std::fabs(value);
    const auto format = magnitude >= 1e-6 && magnitude < 1e21 ? std::chars_format::fixed
                                                              : std::chars_format::scientific;
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    std::string text = ec == std::errc() ? std::string(buffer, end) : std::string("0");
    const std::size_t e = text.find('e');
    if (e != std::string::npos) {
        std::string exponent = text.substr(e + 1);
        const char sign = exponent[0] == '-' ? '-' : '+';
        exponent.erase(0, exponent.find_first_not_of("+-"));
        exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
        text = text.substr(0, e) + 'e' + sign + exponent;
    }
    return text;
}

void writeCompactNode(std::string &out, const Node &node)
{
    switch (node.type()) {
    case Node::Type::Number:
        out += javascriptNumber(node.toNumber());
        return;
    case Node::Type::Array:
        out += '[';
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            if (i > 0)
                out += ',';
            writeCompactNode(out, node.items()[i]);
        }
        out += ']';
        return;
    case Node::Type::Object:
        out += '{';
        for (std::size_t i = 0; i < node.members().size(); ++i) {
            if (i > 0)
                out += ',';
            JsonWriter::appendString(out, node.members()[i].key);
            out += ':';
            writeCompactNode(out, node.members()[i].value);
        }
        out += '}';
        return;
    default:
        writeNode(out, node, 0);
    }
}

} // namespace

std::string JsonWriter::writeCompact(const Node &node)
{
    std::string out;
    writeCompactNode(out, node);
    return out;
}

std::string JsonWriter::numberText(const Node &number)
{
    if (isJsonNumber(number.text()))
        return number.text();
    return javascriptNumber(number.toNumber()); // "null" for infinities, which JSON lacks
}

void JsonWriter::appendString(std::string &out, std::string_view value)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : value) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

std::string JsonWriter::write(const Node &node)
{
    std::string out;
    writeNode(out, node, 0);
    out += '\n';
    return out;
}

} // namespace Pd
