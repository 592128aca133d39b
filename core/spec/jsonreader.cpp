// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"

#include "numbertext.h"
#include "textposition.h"

#include <cstring>
#include <string>

namespace Pd {

namespace {

class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {}

    ParseResult run()
    {
        ParseResult result;
        skipBom();
        skipWhitespace();
        if (atEnd()) {
            fail(ParseRules::emptyFile, "file is empty: expected a JSON value");
        } else {
            Node root = parseValue(0);
            if (!m_failed) {
                skipWhitespace();
                if (!atEnd())
                    fail(ParseRules::syntax,
                         "unexpected " + describeCurrent() + " after the top-level value");
            }
            if (!m_failed)
                result.documents.push_back(std::move(root));
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    bool atEnd() const { return m_offset >= m_text.size(); }
    char current() const { return m_text[m_offset]; }

    SourcePos here() const
    {
        return SourcePos{m_line, static_cast<int>(m_offset - m_lineStart) + 1,
                         static_cast<int>(m_offset)};
    }

    void skipBom()
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_offset = m_lineStart = 3;
    }

    void skipWhitespace()
    {
        while (m_offset < m_text.size()) {
            const char c = m_text[m_offset];
            if (c == '\n') {
                ++m_line;
                m_lineStart = ++m_offset;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_offset;
            } else {
                break;
            }
        }
    }

    std::string describeCurrent() const
    {
        if (atEnd())
            return "end of file";
        const auto c = static_cast<unsigned char>(current());
        if (c < 0x20 || c >= 0x7F)
            return "byte 0x" + hex(c);
        return std::string("character '") + static_cast<char>(c) + "'";
    }

    static std::string hex(unsigned value)
    {
        static const char digits[] = "0123456789ABCDEF";
        return {digits[(value >> 4) & 0xF], digits[value & 0xF]};
    }

    void fail(const char *rule, std::string message) { failAt(here(), rule, std::move(message)); }

    void failAt(SourcePos pos, const char *rule, std::string message)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_diagnostics.push_back(Diagnostic{Severity::Error, rule, std::move(message), {}, pos, {}});
    }

    // A value with its span: where it starts and where its text ends.
    Node parseValue(int depth)
    {
        Node value = parseValueText(depth);
        value.setEnd(here());
        return value;
    }

    Node parseValueText(int depth)
    {
        if (atEnd()) {
            fail(ParseRules::syntax, "unexpected end of file: expected a value");
            return {};
        }
        const SourcePos pos = here();
        switch (current()) {
        case '{':
            return parseObject(depth + 1, pos);
        case '[':
            return parseArray(depth + 1, pos);
        case '"': {
            std::string value;
            parseString(value);
            return Node::string(std::move(value), pos);
        }
        case 't':
            return parseLiteral("true", Node::boolean(true, pos));
        case 'f':
            return parseLiteral("false", Node::boolean(false, pos));
        case 'n':
            return parseLiteral("null", Node::null(pos));
        default:
            if (current() == '-' || (current() >= '0' && current() <= '9'))
                return parseNumber(pos);
            fail(ParseRules::syntax, "unexpected " + describeCurrent() + ": expected a value");
            return {};
        }
    }

    Node parseLiteral(std::string_view word, Node value)
    {
        if (m_text.substr(m_offset, word.size()) != word) {
            fail(ParseRules::syntax, "invalid literal: expected '" + std::string(word) + "'");
            return {};
        }
        m_offset += word.size();
        return value;
    }

    bool enterNesting(int depth)
    {
        if (depth <= ParseLimits::maxDepth)
            return true;
        fail(ParseRules::tooDeep,
             "nesting is deeper than " + std::to_string(ParseLimits::maxDepth) + " levels");
        return false;
    }

    Node parseObject(int depth, SourcePos pos)
    {
        Node object = Node::object(pos);
        if (!enterNesting(depth))
            return object;
        ++m_offset; // {
        skipWhitespace();
        if (!atEnd() && current() == '}') {
            ++m_offset;
            return object;
        }
        while (!m_failed) {
            skipWhitespace();
            if (atEnd() || current() != '"') {
                fail(ParseRules::syntax,
                     "unexpected " + describeCurrent() + ": expected a string key in object");
                break;
            }
            const SourcePos keyPos = here();
            std::string key;
            if (!parseString(key))
                break;
            const SourcePos keyEnd = here();
            skipWhitespace();
            if (atEnd() || current() != ':') {
                fail(ParseRules::syntax,
                     "unexpected " + describeCurrent() + ": expected ':' after object key");
                break;
            }
            ++m_offset;
            skipWhitespace();
            Node value = parseValue(depth);
            if (m_failed)
                break;
            appendMemberCheckingDuplicates(object, std::move(key), keyPos, std::move(value),
                                           m_diagnostics, keyEnd, DuplicateKeys::Warn);
            skipWhitespace();
            if (!atEnd() && current() == ',') {
                ++m_offset;
                continue;
            }
            if (!atEnd() && current() == '}') {
                ++m_offset;
                break;
            }
            fail(ParseRules::syntax,
                 "unexpected " + describeCurrent() + ": expected ',' or '}' in object");
        }
        return object;
    }

    Node parseArray(int depth, SourcePos pos)
    {
        Node array = Node::array(pos);
        if (!enterNesting(depth))
            return array;
        ++m_offset; // [
        skipWhitespace();
        if (!atEnd() && current() == ']') {
            ++m_offset;
            return array;
        }
        while (!m_failed) {
            skipWhitespace();
            Node value = parseValue(depth);
            if (m_failed)
                break;
            array.append(std::move(value));
            skipWhitespace();
            if (!atEnd() && current() == ',') {
                ++m_offset;
                continue;
            }
            if (!atEnd() && current() == ']') {
                ++m_offset;
                break;
            }
            fail(ParseRules::syntax,
                 "unexpected " + describeCurrent() + ": expected ',' or ']' in array");
        }
        return array;
    }

    Node parseNumber(SourcePos pos)
    {
        const std::size_t start = m_offset;
        auto digits = [this] {
            std::size_t n = 0;
            while (!atEnd() && current() >= '0' && current() <= '9') {
                ++m_offset;
                ++n;
            }
            return n;
        };
        if (current() == '-')
            ++m_offset;
        if (!atEnd() && current() == '0') {
            ++m_offset;
        } else if (digits() == 0) {
            fail(ParseRules::syntax, "invalid number: expected a digit");
            return {};
        }
        if (!atEnd() && current() == '.') {
            ++m_offset;
            if (digits() == 0) {
                fail(ParseRules::syntax, "invalid number: expected a digit after '.'");
                return {};
            }
        }
        if (!atEnd() && (current() == 'e' || current() == 'E')) {
            ++m_offset;
            if (!atEnd() && (current() == '+' || current() == '-'))
                ++m_offset;
            if (digits() == 0) {
                fail(ParseRules::syntax, "invalid number: expected a digit in the exponent");
                return {};
            }
        }
        const std::string_view text = m_text.substr(start, m_offset - start);
        const std::optional<double> value = readDecimal(text);
        if (!value) {
            failAt(pos, ParseRules::syntax, "number " + std::string(text) + " is out of range");
            return {};
        }
        return Node::number(*value, std::string(text), pos);
    }

    static void appendUtf8(std::string &out, unsigned codePoint)
    {
        if (codePoint < 0x80) {
            out += static_cast<char>(codePoint);
        } else if (codePoint < 0x800) {
            out += static_cast<char>(0xC0 | (codePoint >> 6));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out += static_cast<char>(0xE0 | (codePoint >> 12));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (codePoint >> 18));
            out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        }
    }

    bool parseHex4(unsigned &value)
    {
        if (m_offset + 4 > m_text.size()) {
            fail(ParseRules::syntax, "truncated \\u escape");
            return false;
        }
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_offset++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= unsigned(c - 'A' + 10);
            else {
                --m_offset;
                fail(ParseRules::syntax, "invalid hex digit in \\u escape");
                return false;
            }
        }
        return true;
    }

    bool parseEscape(std::string &out)
    {
        if (atEnd()) {
            fail(ParseRules::syntax, "unterminated string");
            return false;
        }
        const char c = m_text[m_offset++];
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += c;
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            return parseUnicodeEscape(out);
        default:
            --m_offset;
            fail(ParseRules::syntax, "invalid escape sequence '\\" + std::string(1, c) + "'");
            return false;
        }
    }

    bool parseUnicodeEscape(std::string &out)
    {
        unsigned codePoint = 0;
        if (!parseHex4(codePoint))
            return false;
        if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
            unsigned low = 0;
            if (m_text.substr(m_offset, 2) != "\\u") {
                fail(ParseRules::syntax, "unpaired surrogate in \\u escape");
                return false;
            }
            m_offset += 2;
            if (!parseHex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF) {
                fail(ParseRules::syntax, "invalid low surrogate in \\u escape");
                return false;
            }
            codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
        } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
            fail(ParseRules::syntax, "unpaired surrogate in \\u escape");
            return false;
        }
        appendUtf8(out, codePoint);
        return true;
    }

    // Reads the string at the current '"' into `out`. UTF-8 was checked beforehand.
    bool parseString(std::string &out)
    {
        const SourcePos start = here();
        ++m_offset; // opening quote
        while (true) {
            const std::size_t runStart = m_offset;
            const char *data = m_text.data();
            while (m_offset < m_text.size()) {
                const auto c = static_cast<unsigned char>(data[m_offset]);
                if (c == '"' || c == '\\' || c < 0x20)
                    break;
                ++m_offset;
            }
            out.append(data + runStart, m_offset - runStart);
            if (atEnd()) {
                failAt(start, ParseRules::syntax, "unterminated string");
                return false;
            }
            const char c = current();
            if (c == '"') {
                ++m_offset;
                return true;
            }
            if (c == '\\') {
                ++m_offset;
                if (!parseEscape(out))
                    return false;
                continue;
            }
            fail(ParseRules::syntax,
                 c == '\n' ? std::string("unterminated string (newline inside a string)")
                           : "control character " + describeCurrent() + " inside a string");
            return false;
        }
    }

    std::string_view m_text;
    std::size_t m_offset = 0;
    std::size_t m_lineStart = 0;
    int m_line = 1;
    bool m_failed = false;
    Diagnostics m_diagnostics;
};

} // namespace

ParseResult JsonReader::parse(std::string_view text)
{
    if (auto bad = encodingDiagnostic(text)) {
        ParseResult result;
        result.diagnostics.push_back(std::move(*bad));
        return result;
    }
    return Parser(text).run();
}

} // namespace Pd
