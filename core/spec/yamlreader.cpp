// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlreader.h"

#include "numbertext.h"
#include "textposition.h"
#include "yamlblockreader.h"
#include "yamlscalar.h"
#include "yamlspans.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace Pd {

namespace {

SourcePos toPos(const YAML::Mark &mark)
{
    if (mark.is_null())
        return {};
    return SourcePos{mark.line + 1, mark.column + 1, mark.pos};
}

std::size_t countNodes(const Node &node)
{
    std::size_t count = 1;
    for (const NodeMember &member : node.members())
        count += countNodes(member.value);
    for (const Node &item : node.items())
        count += countNodes(item);
    return count;
}

// Builds positioned nodes straight from yaml-cpp's parser events. yaml-cpp's own node graph
// is not used: it takes exponential time on nested aliases, and it drops the information
// needed for duplicate keys.
class NodeBuilder : public YAML::EventHandler
{
public:
    // Without aliases a document has fewer values than bytes; more means aliases are being
    // expanded over and over ("billion laughs"), which is refused.
    explicit NodeBuilder(std::size_t textSize)
        : m_maxNodes(std::min(ParseLimits::maxNodes, textSize + 1024))
    {}

    std::vector<Node> documents;
    Diagnostics diagnostics;

    bool failed() const { return m_failed; }

    void OnDocumentStart(const YAML::Mark &) override { m_root.reset(); }
    void OnDocumentEnd() override
    {
        if (m_root && !m_root->isNull() && !m_failed)
            documents.push_back(std::move(*m_root));
        m_root.reset();
        m_anchors.clear();
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        deliver(Node::null(toPos(mark)), anchor, mark, true, {});
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            fail(mark, ParseRules::syntax, "alias to an unknown anchor");
            return;
        }
        m_nodes += it->second.second;
        if (!checkNodeBudget(mark))
            return;
        Node copy = it->second.first;
        copy.setPos(toPos(mark));
        deliver(std::move(copy), 0, mark, false, {});
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const bool plain = tag == "?";
        deliver(YamlScalar::resolve(value, tag, toPos(mark)), anchor, mark, plain, value);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(Node::array(toPos(mark)), anchor, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(Node::object(toPos(mark)), anchor, mark);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        Node node;
        YAML::anchor_t anchor = 0;
        bool haveKey = false;
        std::string key;
        SourcePos keyPos;
    };

    void fail(const YAML::Mark &mark, const char *rule, std::string message)
    {
        if (m_failed)
            return;
        m_failed = true;
        diagnostics.push_back(
            Diagnostic{Severity::Error, rule, std::move(message), {}, toPos(mark), {}});
    }

    bool checkNodeBudget(const YAML::Mark &mark)
    {
        if (m_nodes <= m_maxNodes)
            return true;
        fail(mark, ParseRules::tooLarge,
             "document expands to more than " + std::to_string(m_maxNodes) +
                 " values: aliases repeat too much of it");
        return false;
    }

    void open(Node node, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        if (m_failed)
            return;
        if (static_cast<int>(m_stack.size()) >= ParseLimits::maxDepth) {
            fail(mark, ParseRules::tooDeep,
                 "nesting is deeper than " + std::to_string(ParseLimits::maxDepth) + " levels");
            return;
        }
        if (!m_stack.empty() && m_stack.back().node.isObject() && !m_stack.back().haveKey) {
            fail(mark, ParseRules::syntax,
                 "mapping keys must be plain strings, not lists or mappings");
            return;
        }
        ++m_nodes;
        if (!checkNodeBudget(mark))
            return;
        m_stack.push_back(Frame{std::move(node), anchor, false, {}, {}});
    }

    void close()
    {
        if (m_failed || m_stack.empty())
            return;
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        remember(frame.anchor, frame.node);
        attach(std::move(frame.node));
    }

    void remember(YAML::anchor_t anchor, const Node &node)
    {
        if (anchor != 0)
            m_anchors[anchor] = {node, countNodes(node)};
    }

    void deliver(Node node, YAML::anchor_t anchor, const YAML::Mark &mark, bool plain,
                 const std::string &text)
    {
        if (m_failed)
            return;
        if (!node.isObject() && !node.isArray()) {
            ++m_nodes;
            if (!checkNodeBudget(mark))
                return;
        }
        if (plain && node.isString() && YamlScalar::isYaml11Boolean(text))
            diagnostics.push_back(YamlScalar::yaml11Warning(text, node.pos()));
        remember(anchor, node);
        if (!m_stack.empty() && m_stack.back().node.isObject() && !m_stack.back().haveKey) {
            Frame &frame = m_stack.back();
            if (node.isObject() || node.isArray()) {
                fail(mark, ParseRules::syntax,
                     "mapping keys must be plain strings, not lists or mappings");
                return;
            }
            frame.key = node.isNull() && text.empty() ? std::string("null")
                        : node.isString()             ? node.text()
                                                      : text;
            frame.keyPos = node.pos();
            frame.haveKey = true;
            return;
        }
        attach(std::move(node));
    }

    void attach(Node node)
    {
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.node.isArray()) {
            parent.node.append(std::move(node));
            return;
        }
        appendMemberCheckingDuplicates(parent.node, std::move(parent.key), parent.keyPos,
                                       std::move(node), diagnostics);
        parent.haveKey = false;
    }

    std::size_t m_maxNodes;
    std::size_t m_nodes = 0;
    bool m_failed = false;
    std::vector<Frame> m_stack;
    std::optional<Node> m_root;
    std::map<YAML::anchor_t, std::pair<Node, std::size_t>> m_anchors;
};

} // namespace

ParseResult YamlReader::parse(std::string_view text)
{
    return read(text, true);
}

ParseResult YamlReader::parseWithYamlCpp(std::string_view text)
{
    return read(text, false);
}

ParseResult YamlReader::read(std::string_view text, bool fastPath)
{
    ParseResult result;
    if (auto bad = encodingDiagnostic(text)) {
        result.diagnostics.push_back(std::move(*bad));
        return result;
    }
    if (std::optional<ParseResult> fast = fastPath ? YamlBlockReader::read(text) : std::nullopt) {
        result = std::move(*fast);
        return finish(text, std::move(result));
    }
    readWithYamlCpp(text, result);
    return finish(text, std::move(result));
}

void YamlReader::readWithYamlCpp(std::string_view text, ParseResult &result)
{
    NodeBuilder builder(text.size());
    try {
        std::istringstream stream{std::string(text)};
        YAML::Parser parser(stream);
        while (!builder.failed() && parser.HandleNextDocument(builder)) {
        }
        result.diagnostics = std::move(builder.diagnostics);
        result.documents = std::move(builder.documents);
    } catch (const YAML::DeepRecursion &error) {
        result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                ParseRules::tooDeep,
                                                "nesting is too deep for a YAML document",
                                                {},
                                                toPos(error.mark),
                                                {}});
    } catch (const YAML::Exception &error) {
        result.diagnostics.push_back(
            Diagnostic{Severity::Error, ParseRules::syntax, error.msg, {}, toPos(error.mark), {}});
    } catch (const std::exception &error) {
        result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                ParseRules::syntax,
                                                std::string("cannot read YAML: ") + error.what(),
                                                {},
                                                SourcePos{1, 1},
                                                {}});
    }
}

// Spans' ends, and what an error or an empty stream leaves: the same for both readers.
ParseResult YamlReader::finish(std::string_view text, ParseResult result)
{
    for (Node &document : result.documents)
        YamlSpans::assign(text, document);
    if (result.hasErrors())
        result.documents.clear();
    else if (result.documents.empty())
        result.diagnostics.push_back(Diagnostic{Severity::Error,
                                                ParseRules::emptyFile,
                                                "file is empty: it holds no YAML document",
                                                {},
                                                SourcePos{1, 1},
                                                {}});
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
    bool inBlock = false;        // inside a block scalar...
    std::size_t blockIndent = 0; // ...indented deeper than this
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t indent = indentationOf(line);
        const bool blank =
            indent == line.size() || line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (inBlock) {
            if (blank || indent > blockIndent)
                continue;
            inBlock = false;
        }
        if (lineHasComment(line))
            return true;
        if (opensBlockScalar(line)) {
            // The block belongs to the key, which may follow "- " markers: its content is
            // indented deeper than the key's column, not the dash's.
            std::size_t key = indent;
            while (key + 1 < line.size() && line[key] == '-' && line[key + 1] == ' ') {
                key += 2;
                while (key < line.size() && line[key] == ' ')
                    ++key;
            }
            inBlock = true;
            blockIndent = key;
        }
    }
    return false;
}

} // namespace Pd
