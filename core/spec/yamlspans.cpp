// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlspans.h"

#include <algorithm>

namespace Pd {

namespace {

class SpanFinder
{
public:
    explicit SpanFinder(std::string_view text)
        : m_text(text)
    {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                m_lineStarts.push_back(i + 1);
        }
    }

    // Returns where the node's text ends.
    SourcePos assign(Node &node, bool inFlow)
    {
        const int begin = node.pos().offset;
        if (begin < 0 || std::size_t(begin) > m_text.size())
            return node.end();
        SourcePos end;
        if (node.isObject() || node.isArray())
            end = collectionEnd(node, inFlow);
        else
            end = at(scalarEnd(std::size_t(begin), inFlow));
        node.setEnd(end);
        return end;
    }

private:
    char charAt(std::size_t i) const { return i < m_text.size() ? m_text[i] : '\0'; }

    SourcePos at(std::size_t offset) const
    {
        const auto line = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        const std::size_t lineStart = *(line - 1);
        return SourcePos{int(line - m_lineStarts.begin()), int(offset - lineStart) + 1,
                         int(offset)};
    }

    std::size_t lineStartOf(std::size_t offset) const
    {
        return *(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - 1);
    }

    std::size_t indentOfLineAt(std::size_t offset) const
    {
        std::size_t i = lineStartOf(offset);
        const std::size_t start = i;
        while (charAt(i) == ' ')
            ++i;
        return i - start;
    }

    SourcePos collectionEnd(Node &node, bool inFlow)
    {
        const std::size_t begin = std::size_t(node.pos().offset);
        const char open = charAt(begin);
        const bool flow = open == '{' || open == '[';
        SourcePos last = node.pos();
        for (NodeMember &member : node.members()) {
            if (member.keyPos.offset >= 0)
                member.keyEnd = at(scalarEnd(std::size_t(member.keyPos.offset), flow || inFlow));
            // "key:" with nothing after it: yaml-cpp marks the null where the next token
            // starts; its text is the empty span after the colon.
            if (member.value.isNull() && member.keyEnd.offset >= 0 &&
                !isNullLiteral(std::size_t(std::max(0, member.value.pos().offset)))) {
                const std::size_t colon = m_text.find(':', std::size_t(member.keyEnd.offset));
                const SourcePos empty =
                    at(colon == std::string_view::npos ? m_text.size() : colon + 1);
                member.value.setPos(empty);
                member.value.setEnd(empty);
                last = std::max(last, member.keyEnd, byOffset);
                continue;
            }
            const SourcePos end = assign(member.value, flow || inFlow);
            if (member.value.pos().offset < 0 || end.offset < member.keyEnd.offset)
                last = std::max(last, member.keyEnd, byOffset);
            else
                last = std::max(last, end, byOffset);
        }
        for (Node &item : node.items())
            last = std::max(last, assign(item, flow || inFlow), byOffset);
        if (flow)
            return at(matchingBracket(begin));
        return last;
    }

    static bool byOffset(const SourcePos &a, const SourcePos &b) { return a.offset < b.offset; }

    bool isNullLiteral(std::size_t at) const
    {
        for (std::string_view word : {"null", "Null", "NULL", "~"}) {
            if (m_text.substr(at, word.size()) == word)
                return true;
        }
        return false;
    }

    // After the bracket that closes the one at `begin`, quotes skipped.
    std::size_t matchingBracket(std::size_t begin) const
    {
        int depth = 0;
        for (std::size_t i = begin; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == '"' || c == '\'') {
                i = quotedEnd(i) - 1;
            } else if (c == '#' && i > 0 && (m_text[i - 1] == ' ' || m_text[i - 1] == '\n')) {
                while (i < m_text.size() && m_text[i] != '\n')
                    ++i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return m_text.size();
    }

    // After the closing quote of the string starting at `begin`.
    std::size_t quotedEnd(std::size_t begin) const
    {
        const char quote = m_text[begin];
        for (std::size_t i = begin + 1; i < m_text.size(); ++i) {
            if (quote == '"' && m_text[i] == '\\') {
                ++i;
            } else if (m_text[i] == quote) {
                if (quote == '\'' && charAt(i + 1) == '\'')
                    ++i;
                else
                    return i + 1;
            }
        }
        return m_text.size();
    }

    std::size_t scalarEnd(std::size_t begin, bool inFlow) const
    {
        const char c = charAt(begin);
        if (c == '"' || c == '\'')
            return quotedEnd(begin);
        if (c == '|' || c == '>')
            return blockScalarEnd(begin);
        if (c == '&' || c == '!') { // an anchor or a tag before the value
            std::size_t i = begin;
            while (i < m_text.size() && m_text[i] != ' ' && m_text[i] != '\n')
                ++i;
            while (charAt(i) == ' ')
                ++i;
            return i < m_text.size() && m_text[i] != '\n' ? scalarEnd(i, inFlow) : i;
        }
        return plainEnd(begin, inFlow);
    }

    // A plain scalar: to ": ", " #" or the line's end; in flow, to ',', ']' or '}' too. Its
    // continuation lines (more indented than its line, not keys) belong to it.
    std::size_t plainEnd(std::size_t begin, bool inFlow) const
    {
        auto endOnLine = [&](std::size_t from) {
            std::size_t i = from;
            while (i < m_text.size()) {
                const char ch = m_text[i];
                if (ch == '\n' || ch == '\r')
                    break;
                if (ch == ':' && (charAt(i + 1) == ' ' || charAt(i + 1) == '\n' ||
                                  charAt(i + 1) == '\r' || i + 1 == m_text.size() ||
                                  (inFlow && (charAt(i + 1) == ',' || charAt(i + 1) == ']' ||
                                              charAt(i + 1) == '}'))))
                    break;
                if (ch == '#' && i > from && (m_text[i - 1] == ' ' || m_text[i - 1] == '\t'))
                    break;
                if (inFlow && (ch == ',' || ch == ']' || ch == '}'))
                    break;
                ++i;
            }
            while (i > from && (m_text[i - 1] == ' ' || m_text[i - 1] == '\t'))
                --i;
            return i;
        };
        std::size_t end = endOnLine(begin);
        if (inFlow || charAt(end) != '\n')
            return end;
        // Multi-line plain scalars: the next lines indented deeper than the value's line.
        const std::size_t indent = indentOfLineAt(begin);
        std::size_t next = end + 1;
        while (next < m_text.size()) {
            std::size_t i = next;
            while (charAt(i) == ' ')
                ++i;
            if (charAt(i) == '\n') { // a blank line may sit inside the scalar
                next = i + 1;
                continue;
            }
            if (i - next <= indent || charAt(i) == '#' || i >= m_text.size())
                break;
            const std::size_t lineEnd = endOnLine(i);
            if (charAt(lineEnd) == ':') // a key: the scalar ended before
                break;
            end = lineEnd;
            if (charAt(end) != '\n')
                break;
            next = end + 1;
        }
        return end;
    }

    // A block scalar: its header, then every line indented deeper than the line it starts on
    // (blank lines inside included), through the last content line's line break.
    std::size_t blockScalarEnd(std::size_t begin) const
    {
        const std::size_t indent = indentOfLineAt(begin);
        std::size_t lineEnd = m_text.find('\n', begin);
        if (lineEnd == std::string_view::npos)
            return m_text.size();
        std::size_t end = lineEnd + 1;
        std::size_t next = lineEnd + 1;
        while (next < m_text.size()) {
            std::size_t i = next;
            while (charAt(i) == ' ')
                ++i;
            const std::size_t thisEnd = m_text.find('\n', next);
            const bool blank = i == thisEnd || i >= m_text.size() || charAt(i) == '\r';
            if (!blank && i - next <= indent)
                break;
            next = thisEnd == std::string_view::npos ? m_text.size() : thisEnd + 1;
            if (!blank)
                end = next;
        }
        return end;
    }

    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts{0};
};

} // namespace

void YamlSpans::assign(std::string_view text, Node &node)
{
    SpanFinder(text).assign(node, false);
}

} // namespace Pd
