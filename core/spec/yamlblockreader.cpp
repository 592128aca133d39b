// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlblockreader.h"

#include "yamlscalar.h"

#include <string>
#include <vector>

namespace Pd {

namespace {

// Thrown where the text leaves what this reader knows; yaml-cpp then reads it.
struct GiveUp
{};

[[noreturn]] void giveUp()
{
    throw GiveUp{};
}

bool isKeyCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '/' || c == '$' || c == ' ';
}

// Characters that start something other than a plain scalar, or that this reader leaves to
// yaml-cpp: anchors, aliases, tags, directives, reserved ones.
bool isIndicator(char c)
{
    switch (c) {
    case '&':
    case '*':
    case '!':
    case '%':
    case '@':
    case '`':
    case '|':
    case '>':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '\'':
    case '"':
        return true;
    default:
        return false;
    }
}

bool isNullWord(std::string_view word)
{
    return word.empty() || word == "~" || word == "null" || word == "Null" || word == "NULL";
}

class BlockReader
{
public:
    explicit BlockReader(std::string_view text)
        : m_text(text)
    {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            std::size_t indent = start;
            while (indent < end && text[indent] == ' ')
                ++indent;
            m_lines.push_back({start, end, indent - start});
            if (end == text.size())
                break;
            start = end + 1;
        }
    }

    ParseResult read()
    {
        for (const char c : m_text) {
            const auto byte = static_cast<unsigned char>(c);
            if ((byte < 0x20 && c != '\n') || byte >= 0x7f) // tabs, CR, controls, UTF-8
                giveUp();
        }
        ParseResult result;
        skipBlank();
        while (true) {
            if (m_line < m_lines.size() && isDocumentStart(m_line)) {
                ++m_line;
                skipBlank();
            }
            if (m_line >= m_lines.size())
                break;
            result.documents.push_back(block(-1, false));
            if (m_line < m_lines.size() && !isDocumentStart(m_line))
                giveUp();
        }
        if (result.documents.empty())
            giveUp(); // an empty stream: yaml-cpp's reading says so
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    struct Line
    {
        std::size_t start = 0;
        std::size_t end = 0; // the line break, or the text's end
        std::size_t indent = 0;
    };

    // Nesting, bounded as yaml-cpp's reading is.
    struct Depth
    {
        explicit Depth(int &depth)
            : m_depth(depth)
        {
            if (++m_depth > ParseLimits::maxDepth / 2)
                giveUp();
        }
        ~Depth() { --m_depth; }
        Depth(const Depth &) = delete;
        Depth &operator=(const Depth &) = delete;
        int &m_depth;
    };

    const Line &line() const { return m_lines[m_line]; }
    std::string_view content(std::size_t index) const
    {
        const Line &l = m_lines[index];
        return m_text.substr(l.start + l.indent, l.end - l.start - l.indent);
    }
    SourcePos pos(std::size_t offset) const
    {
        return SourcePos{int(m_line + 1), int(offset - line().start + 1), int(offset)};
    }

    bool isBlank(std::size_t index) const
    {
        const std::string_view text = content(index);
        return text.empty() || text.front() == '#';
    }
    // "---" alone (or before a comment) starts a document; "...", "--- value" and directives
    // are left to yaml-cpp.
    bool isDocumentStart(std::size_t index) const
    {
        if (m_lines[index].indent != 0)
            return false;
        const std::string_view text = content(index);
        if (text.starts_with("...") || text.starts_with("%"))
            giveUp();
        if (!text.starts_with("---"))
            return false;
        if (text.size() == 3)
            return true;
        if (text[3] != ' ')
            return false; // "---x" is a plain scalar
        const std::size_t rest = text.find_first_not_of(' ', 3);
        if (rest != std::string_view::npos && text[rest] != '#')
            giveUp();
        return true;
    }
    void skipBlank()
    {
        while (m_line < m_lines.size() && isBlank(m_line))
            ++m_line;
    }
    std::size_t skipSpaces(std::size_t offset) const
    {
        while (offset < line().end && m_text[offset] == ' ')
            ++offset;
        return offset;
    }
    bool startsSequence(std::size_t index) const
    {
        const std::string_view text = content(index);
        return !text.empty() && text[0] == '-' && (text.size() == 1 || text[1] == ' ');
    }
    // After a value on its line: nothing, or a comment after a blank.
    void expectLineEnd(std::size_t offset) const
    {
        const std::size_t rest = skipSpaces(offset);
        if (rest < line().end && (m_text[rest] != '#' || m_text[rest - 1] != ' '))
            giveUp();
    }
    void nextLine()
    {
        ++m_line;
        skipBlank();
    }

    // A block collection on the lines from here, indented deeper than its parent's (a
    // sequence may sit at the parent mapping's own indentation).
    Node block(long parentIndent, bool sequenceAtParentIndent)
    {
        if (m_line >= m_lines.size() || isDocumentStart(m_line))
            giveUp(); // a null value
        const long indent = long(line().indent);
        const bool sequence = startsSequence(m_line);
        if (indent <= parentIndent &&
            !(sequenceAtParentIndent && sequence && indent == parentIndent))
            giveUp();
        if (sequence)
            return readSequence(line().indent);
        return readMapping(line().indent, line().start + line().indent);
    }

    Node readSequence(std::size_t indent)
    {
        const Depth depth(m_depth);
        Node sequence = Node::array(pos(line().start + indent));
        while (true) {
            const std::size_t after = skipSpaces(line().start + indent + 1);
            if (after == line().end || m_text[after] == '#') {
                nextLine();
                sequence.append(block(long(indent), false));
            } else if (m_text[after] == '-' &&
                       (after + 1 == line().end || m_text[after + 1] == ' ')) {
                giveUp(); // "- - a"
            } else if (isKeyAt(after)) {
                sequence.append(readMapping(after - line().start, after));
            } else {
                sequence.append(inlineValue(after, long(indent)));
            }
            if (m_line >= m_lines.size() || isDocumentStart(m_line))
                break;
            if (line().indent > indent)
                giveUp();
            if (line().indent < indent || !startsSequence(m_line))
                break;
        }
        return sequence;
    }

    Node readMapping(std::size_t indent, std::size_t firstKey)
    {
        const Depth depth(m_depth);
        Node mapping = Node::object(pos(firstKey));
        std::size_t keyOffset = firstKey;
        while (true) {
            const SourcePos keyPos = pos(keyOffset);
            std::size_t after = 0;
            std::string key = readKey(keyOffset, after);
            const std::size_t valueStart = skipSpaces(after);
            Node value;
            if (valueStart == line().end || m_text[valueStart] == '#') {
                nextLine();
                value = block(long(indent), true);
            } else {
                value = inlineValue(valueStart, long(indent));
            }
            appendMemberCheckingDuplicates(mapping, std::move(key), keyPos, std::move(value),
                                           m_diagnostics);
            if (m_line >= m_lines.size() || isDocumentStart(m_line))
                break;
            if (line().indent > indent)
                giveUp();
            if (line().indent < indent)
                break;
            keyOffset = line().start + indent;
        }
        return mapping;
    }

    // Is there a key ("name:" followed by a blank or the line's end) at `offset`?
    bool isKeyAt(std::size_t offset) const
    {
        const char first = m_text[offset];
        if (first == '{' || first == '[')
            return false; // a flow collection, whatever it holds
        if (first == '"' || first == '\'') {
            std::size_t close = offset + 1;
            while (close < line().end && m_text[close] != first)
                close += m_text[close] == '\\' && first == '"' ? 2 : 1;
            return close + 1 < line().end && m_text[close + 1] == ':';
        }
        for (std::size_t i = offset; i < line().end; ++i) {
            if (m_text[i] == '#' && i > offset && m_text[i - 1] == ' ')
                return false;
            if (m_text[i] == ':' && (i + 1 == line().end || m_text[i + 1] == ' '))
                return true;
        }
        return false;
    }

    // A mapping key at `offset`, plain or quoted; `after` is set past its colon.
    std::string readKey(std::size_t offset, std::size_t &after)
    {
        const char first = m_text[offset];
        if (first == '"' || first == '\'') {
            std::size_t close = 0;
            std::string key =
                first == '"' ? doubleQuoted(offset, close) : singleQuoted(offset, close);
            if (close >= line().end || m_text[close] != ':' ||
                (close + 1 < line().end && m_text[close + 1] != ' '))
                giveUp();
            after = close + 1;
            return key;
        }
        if (first == '-' || first == '?' || first == ':' || first == ' ')
            giveUp();
        std::size_t colon = offset;
        while (colon < line().end &&
               !(m_text[colon] == ':' && (colon + 1 == line().end || m_text[colon + 1] == ' '))) {
            if (!isKeyCharacter(m_text[colon]))
                giveUp();
            ++colon;
        }
        if (colon == line().end)
            giveUp(); // not a key: a plain scalar where a mapping was expected
        std::size_t last = colon;
        while (last > offset && m_text[last - 1] == ' ')
            --last;
        std::string key(m_text.substr(offset, last - offset));
        if (isNullWord(key))
            giveUp();
        if (YamlScalar::isYaml11Boolean(key))
            m_diagnostics.push_back(YamlScalar::yaml11Warning(key, pos(offset)));
        after = colon + 1;
        return key;
    }

    // A value that starts on this line at `offset`; the lines a literal block takes too.
    Node inlineValue(std::size_t offset, long parentIndent)
    {
        const char first = m_text[offset];
        const SourcePos at = pos(offset);
        std::size_t end = 0;
        Node node;
        switch (first) {
        case '"':
            node = Node::string(doubleQuoted(offset, end), at);
            break;
        case '\'':
            node = Node::string(singleQuoted(offset, end), at);
            break;
        case '[':
        case '{':
            node = flow(offset, end);
            break;
        case '|':
            return literal(offset, parentIndent);
        default:
            node = plain(offset, end);
            break;
        }
        expectLineEnd(end);
        nextLine();
        return node;
    }

    // A plain scalar to the line's end or a comment.
    Node plain(std::size_t offset, std::size_t &end)
    {
        const char first = m_text[offset];
        const bool lone = offset + 1 == line().end || m_text[offset + 1] == ' ';
        if (isIndicator(first) || ((first == '-' || first == '?' || first == ':') && lone))
            giveUp();
        std::size_t stop = offset;
        while (stop < line().end && !(m_text[stop] == '#' && m_text[stop - 1] == ' '))
            ++stop;
        end = stop;
        while (stop > offset && m_text[stop - 1] == ' ')
            --stop;
        const std::string text(m_text.substr(offset, stop - offset));
        if (text.find(": ") != std::string::npos || text.back() == ':')
            giveUp();
        return scalar(text, offset);
    }

    Node scalar(const std::string &text, std::size_t offset)
    {
        Node node = YamlScalar::resolve(text, "?", pos(offset));
        if (node.isString() && YamlScalar::isYaml11Boolean(text))
            m_diagnostics.push_back(YamlScalar::yaml11Warning(text, node.pos()));
        return node;
    }

    std::string doubleQuoted(std::size_t offset, std::size_t &end) const
    {
        std::string out;
        std::size_t i = offset + 1;
        while (i < line().end) {
            const char c = m_text[i];
            if (c == '"') {
                end = i + 1;
                return out;
            }
            if (c != '\\') {
                out += c;
                ++i;
                continue;
            }
            if (i + 1 >= line().end)
                giveUp();
            const char escaped = m_text[i + 1];
            i += 2;
            switch (escaped) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case '"':
            case '\\':
            case '/':
            case ' ':
                out += escaped;
                break;
            case 'u':
                out += unicodeEscape(i);
                i += 4;
                break;
            default:
                giveUp(); // the rarer escapes: yaml-cpp knows them
            }
        }
        giveUp(); // the string goes on to another line
    }

    std::string unicodeEscape(std::size_t offset) const
    {
        if (offset + 4 > line().end)
            giveUp();
        unsigned code = 0;
        for (std::size_t i = offset; i < offset + 4; ++i) {
            const char c = m_text[i];
            code *= 16;
            if (c >= '0' && c <= '9')
                code += unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                code += unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code += unsigned(c - 'A' + 10);
            else
                giveUp();
        }
        if (code == 0 || code >= 0x80)
            giveUp(); // UTF-8 and NUL as yaml-cpp writes them: its business
        return std::string(1, char(code));
    }

    std::string singleQuoted(std::size_t offset, std::size_t &end) const
    {
        std::string out;
        std::size_t i = offset + 1;
        while (i < line().end) {
            if (m_text[i] == '\'') {
                if (i + 1 < line().end && m_text[i + 1] == '\'') {
                    out += '\'';
                    i += 2;
                    continue;
                }
                end = i + 1;
                return out;
            }
            out += m_text[i++];
        }
        giveUp();
    }

    // A flow collection that closes on its line.
    Node flow(std::size_t offset, std::size_t &end)
    {
        const Depth depth(m_depth);
        const bool isMapping = m_text[offset] == '{';
        const char close = isMapping ? '}' : ']';
        Node node = isMapping ? Node::object(pos(offset)) : Node::array(pos(offset));
        std::size_t i = skipSpaces(offset + 1);
        // A flow collection left open at the end of its line (or of the text) is yaml-cpp's.
        if (i >= line().end)
            giveUp();
        if (m_text[i] == close) {
            end = i + 1;
            return node;
        }
        while (true) {
            if (isMapping) {
                const SourcePos keyPos = pos(i);
                std::string key = flowKey(i);
                Node value = flowItem(i);
                appendMemberCheckingDuplicates(node, std::move(key), keyPos, std::move(value),
                                               m_diagnostics);
            } else {
                node.append(flowItem(i));
            }
            i = skipSpaces(i);
            if (i >= line().end)
                giveUp();
            if (m_text[i] == close) {
                end = i + 1;
                return node;
            }
            if (m_text[i] != ',')
                giveUp();
            i = skipSpaces(i + 1);
            if (i >= line().end || m_text[i] == close)
                giveUp(); // a trailing comma
        }
    }

    // "key: " in a flow mapping; `i` is moved to the value.
    std::string flowKey(std::size_t &i)
    {
        std::string key;
        const std::size_t start = i;
        if (m_text[i] == '"' || m_text[i] == '\'') {
            key = m_text[i] == '"' ? doubleQuoted(i, i) : singleQuoted(i, i);
        } else {
            while (i < line().end && m_text[i] != ':') {
                if (!isKeyCharacter(m_text[i]) || m_text[i] == ' ')
                    giveUp();
                ++i;
            }
            key = std::string(m_text.substr(start, i - start));
            if (key.empty() || key[0] == '-' || isNullWord(key))
                giveUp();
            if (YamlScalar::isYaml11Boolean(key))
                m_diagnostics.push_back(YamlScalar::yaml11Warning(key, pos(start)));
        }
        if (i + 1 >= line().end || m_text[i] != ':' || m_text[i + 1] != ' ')
            giveUp();
        i = skipSpaces(i + 1);
        return key;
    }

    // A value inside a flow collection; `i` is moved past it.
    Node flowItem(std::size_t &i)
    {
        if (i >= line().end)
            giveUp();
        const char first = m_text[i];
        const SourcePos at = pos(i);
        if (first == '[' || first == '{')
            return flow(i, i);
        if (first == '"')
            return Node::string(doubleQuoted(i, i), at);
        if (first == '\'')
            return Node::string(singleQuoted(i, i), at);
        const bool lone = i + 1 == line().end || m_text[i + 1] == ' ';
        if (isIndicator(first) || ((first == '-' || first == '?') && lone))
            giveUp();
        const std::size_t start = i;
        while (i < line().end && m_text[i] != ',' && m_text[i] != ']' && m_text[i] != '}') {
            const char c = m_text[i];
            // yaml-cpp refuses '?' inside a flow scalar ("unknown token").
            if (c == ':' || c == '?' || c == '[' || c == '{' || c == '"' || c == '\'' ||
                (c == '#' && m_text[i - 1] == ' '))
                giveUp();
            ++i;
        }
        std::size_t stop = i;
        while (stop > start && m_text[stop - 1] == ' ')
            --stop;
        if (stop == start)
            giveUp();
        return scalar(std::string(m_text.substr(start, stop - start)), start);
    }

    // "|", "|-" or "|+" and the lines indented deeper than the parent that follow.
    Node literal(std::size_t offset, long parentIndent)
    {
        const SourcePos at = pos(offset);
        std::size_t i = offset + 1;
        const char chomping = i < line().end ? m_text[i] : ' ';
        if (chomping == '+')
            giveUp(); // kept trailing lines: rare, left to yaml-cpp
        if (chomping == '-')
            ++i;
        expectLineEnd(i);
        if (i < line().end && m_text[i] != ' ')
            giveUp(); // an indentation indicator
        const std::size_t first = m_line + 1;
        std::size_t contentLine = first;
        while (contentLine < m_lines.size() && content(contentLine).empty())
            ++contentLine;
        if (contentLine >= m_lines.size() || long(m_lines[contentLine].indent) <= parentIndent)
            giveUp(); // an empty block scalar
        const std::size_t indent = m_lines[contentLine].indent;
        std::vector<std::string_view> pieces;
        std::size_t next = first;
        for (; next < m_lines.size(); ++next) {
            const Line &l = m_lines[next];
            const bool blank = content(next).empty();
            if (!blank && l.indent < indent)
                break;
            if (blank && l.end - l.start > indent)
                giveUp(); // spaces past the indentation on an empty line
            pieces.push_back(blank ? std::string_view()
                                   : m_text.substr(l.start + indent, l.end - l.start - indent));
        }
        std::size_t last = pieces.size();
        while (last > 0 && pieces[last - 1].empty())
            --last;
        const Line &lastLine = m_lines[first + last - 1];
        if (lastLine.end >= m_text.size())
            giveUp(); // no line break after the last line: yaml-cpp's reading decides
        std::string value;
        for (std::size_t p = 0; p < last; ++p) {
            value.append(pieces[p]);
            if (p + 1 < last || chomping != '-')
                value += '\n';
        }
        m_line = next;
        skipBlank();
        return Node::string(std::move(value), at);
    }

    std::string_view m_text;
    std::vector<Line> m_lines;
    std::size_t m_line = 0;
    int m_depth = 0;
    Diagnostics m_diagnostics;
};

} // namespace

std::optional<ParseResult> YamlBlockReader::read(std::string_view text)
{
    try {
        return BlockReader(text).read();
    } catch (const GiveUp &) {
        return std::nullopt;
    }
}

} // namespace Pd
