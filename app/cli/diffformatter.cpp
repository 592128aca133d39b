// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diffformatter.h"

#include "jsonwriter.h"
#include "nodediff.h"
#include "worddiff.h"

#include <map>
#include <set>

namespace Pd::Cli {

namespace {

using Op = ResourceChange::Op;

constexpr std::size_t maxValueText = 160;

std::string shortened(std::string text)
{
    if (text.size() > maxValueText)
        text = text.substr(0, maxValueText - 3) + "...";
    return text;
}

std::string valueText(const std::optional<Node> &value)
{
    return value ? shortened(JsonWriter::writeCompact(*value)) : "null";
}

// Long or multi-word strings read better as a word diff than as two quoted strings.
bool wantsWordDiff(const ResourceChange &change)
{
    if (change.op != Op::Change || !change.oldValue || !change.newValue ||
        !change.oldValue->isString() || !change.newValue->isString())
        return false;
    const std::string &a = change.oldValue->text();
    const std::string &b = change.newValue->text();
    return a.size() + b.size() > 40 || a.find(' ') != std::string::npos ||
           b.find(' ') != std::string::npos;
}

char marker(Op op)
{
    switch (op) {
    case Op::Add:
        return '+';
    case Op::Remove:
        return '-';
    case Op::Change:
        return '~';
    case Op::Move:
        return '^';
    case Op::Rename:
        return '>';
    }
    return '~';
}

std::string geometryText(const Node &geometry)
{
    auto number = [&geometry](const char *key) {
        const Node *value = geometry.find(key);
        return value ? JsonWriter::numberText(*value) : std::string("?");
    };
    std::string text = "x=" + number("x") + " y=" + number("y") + " w=" + number("width") +
                       " h=" + number("height");
    if (const Node *group = geometry.find("group"))
        text += " in group " + JsonWriter::writeCompact(*group);
    return text;
}

bool isLayoutItem(const ResourceChange &change)
{
    return change.path.starts_with("/spec/layouts/") &&
           change.path.find("/spec/items/") != std::string::npos;
}

// "panel cpu", "variable job", "Dashboard demo/node" or the readable path.
std::string subject(const ResourceChange &change)
{
    std::string prefix = change.resource.empty() ? std::string() : change.resource + ": ";
    if (change.panel)
        return prefix + "panel " + *change.panel;
    if (change.path.empty())
        return change.resource;
    return prefix + DiffFormatter::readablePath(change);
}

std::string panelSummary(const Node &panel)
{
    const Node *spec = panel.find("spec");
    std::string name;
    std::string kind;
    if (spec) {
        if (const Node *display = spec->find("display"))
            name = display->stringAt("name");
        if (const Node *plugin = spec->find("plugin"))
            kind = plugin->stringAt("kind");
    }
    std::string text;
    if (!name.empty())
        text += JsonWriter::writeCompact(Node::string(name));
    if (!kind.empty())
        text += (text.empty() ? "" : ", ") + kind;
    return text;
}

// What follows the subject on a change's line; `arrow` between old and new values.
std::string detail(const ResourceChange &change, const char *arrow = " -> ")
{
    const bool wholePanel = change.panel && !isLayoutItem(change) &&
                            change.path == NodeDiff::pointer("/spec/panels", *change.panel);
    switch (change.op) {
    case Op::Rename:
        return "renamed from " + (change.oldValue ? change.oldValue->text() : std::string());
    case Op::Move:
        if (change.oldValue && change.oldValue->isNumber())
            return "moved from position " + valueText(change.oldValue) + " to " +
                   valueText(change.newValue);
        return "moved from " + geometryText(*change.oldValue) + " to " +
               geometryText(*change.newValue);
    case Op::Add:
        if (wholePanel)
            return "added (" + panelSummary(*change.newValue) + ")";
        if (isLayoutItem(change))
            return "laid out at " + geometryText(*change.newValue);
        if (change.path.empty())
            return "added";
        return (change.panel ? DiffFormatter::readablePath(change) + ": " : std::string()) +
               "added " + valueText(change.newValue);
    case Op::Remove:
        if (wholePanel)
            return "removed (" + panelSummary(*change.oldValue) + ")";
        if (isLayoutItem(change))
            return "taken out of the layout (was at " + geometryText(*change.oldValue) + ")";
        if (change.path.empty())
            return "removed";
        return (change.panel ? DiffFormatter::readablePath(change) + ": " : std::string()) +
               "removed " + valueText(change.oldValue);
    case Op::Change:
        break;
    }
    const std::string where = change.panel ? DiffFormatter::readablePath(change) + ": " : "";
    if (wantsWordDiff(change))
        return where + WordDiff::inlineText(
                           WordDiff::compare(change.oldValue->text(), change.newValue->text()));
    return where + valueText(change.oldValue) + arrow + valueText(change.newValue);
}

std::string line(const ResourceChange &change)
{
    std::string text(1, marker(change.op));
    text += ' ';
    text += subject(change);
    const std::string what = detail(change);
    if (!what.empty())
        text += ": " + what;
    return text;
}

Node changeNode(const ResourceChange &change, const std::string &file)
{
    Node node = Node::object();
    if (!file.empty())
        node.set("file", Node::string(file));
    if (!change.resource.empty())
        node.set("resource", Node::string(change.resource));
    node.set("op", Node::string(ResourceChange::opName(change.op)));
    node.set("path", Node::string(change.path));
    node.set("panel", change.panel ? Node::string(*change.panel) : Node::null());
    node.set("old", change.oldValue ? *change.oldValue : Node::null());
    node.set("new", change.newValue ? *change.newValue : Node::null());
    return node;
}

Node changesNode(const ResourceChanges &changes)
{
    Node list = Node::array();
    for (const ResourceChange &change : changes)
        list.append(changeNode(change, {}));
    return list;
}

// --- markdown ---------------------------------------------------------------------------

std::string escapeCell(const std::string &text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string code(const std::string &text)
{
    return text.empty() ? std::string() : "`" + escapeCell(text) + "`";
}

std::string markdownDetail(const ResourceChange &change)
{
    if (!wantsWordDiff(change))
        return escapeCell(detail(change, " → "));
    std::string out = change.panel ? code(DiffFormatter::readablePath(change)) + ": " : "";
    out += "<code>";
    for (const WordDiff::Piece &piece :
         WordDiff::compare(change.oldValue->text(), change.newValue->text())) {
        const std::string text = escapeCell(piece.text);
        if (piece.kind == WordDiff::Piece::Kind::Removed)
            out += "<del>" + text + "</del>";
        else if (piece.kind == WordDiff::Piece::Kind::Added)
            out += "<ins>" + text + "</ins>";
        else
            out += text;
    }
    return out + "</code>";
}

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

std::string summary(const ResourceChanges &changes)
{
    std::map<Op, std::set<std::string>> panels;
    std::set<std::string> changedPanels;
    std::size_t variables = 0;
    std::size_t groups = 0;
    std::size_t settings = 0;
    for (const ResourceChange &change : changes) {
        const bool wholePanel =
            change.panel && change.path == NodeDiff::pointer("/spec/panels", *change.panel);
        if (change.panel && (wholePanel || change.op == Op::Move || change.op == Op::Rename))
            panels[change.op].insert(*change.panel);
        else if (change.panel)
            changedPanels.insert(*change.panel);
        else if (change.path.starts_with("/spec/variables"))
            ++variables;
        else if (change.path.starts_with("/spec/layouts"))
            ++groups;
        else
            ++settings;
    }
    std::vector<std::string> parts;
    auto count = [&](std::size_t n, const char *one, const char *many) {
        if (n > 0)
            parts.push_back(plural(n, one, many));
    };
    count(panels[Op::Add].size(), "panel added", "panels added");
    count(panels[Op::Remove].size(), "panel removed", "panels removed");
    count(panels[Op::Rename].size(), "panel renamed", "panels renamed");
    count(changedPanels.size(), "panel changed", "panels changed");
    count(panels[Op::Move].size(), "panel moved", "panels moved");
    count(variables, "variable change", "variable changes");
    count(groups, "group change", "group changes");
    count(settings, "other change", "other changes");
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i == 0 ? "" : ", ") + parts[i];
    return text;
}

} // namespace

std::string DiffFormatter::readablePath(const ResourceChange &change)
{
    std::string pointer = change.path;
    if (change.panel) {
        const std::string base = NodeDiff::pointer("/spec/panels", *change.panel);
        if (pointer.starts_with(base))
            pointer.erase(0, base.size());
    }
    std::string out;
    std::size_t at = 0;
    while (at < pointer.size()) {
        const std::size_t next = pointer.find('/', at + 1);
        std::string segment =
            pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        const bool index =
            !segment.empty() && segment.find_first_not_of("0123456789") == std::string::npos;
        for (std::size_t i = 0; (i = segment.find("~1", i)) != std::string::npos; ++i)
            segment.replace(i, 2, "/");
        for (std::size_t i = 0; (i = segment.find("~0", i)) != std::string::npos; ++i)
            segment.replace(i, 2, "~");
        out += index ? "[" + segment + "]" : (out.empty() ? "" : ".") + segment;
        if (next == std::string::npos)
            break;
        at = next;
    }
    return out;
}

std::string DiffFormatter::text(const std::vector<ComparedFile> &files)
{
    std::string out;
    for (const ComparedFile &file : files) {
        if (file.changes.empty())
            continue;
        out += "--- " + file.before.location + "\n+++ " + file.after.location + "\n";
        for (const ResourceChange &change : file.changes)
            out += line(change) + '\n';
    }
    return out;
}

std::string DiffFormatter::json(const std::vector<ComparedFile> &files, bool range)
{
    if (!range) {
        Node root = Node::object();
        root.set("changes", files.empty() ? Node::array() : changesNode(files.front().changes));
        return JsonWriter::write(root) + '\n';
    }
    Node list = Node::array();
    for (const ComparedFile &file : files) {
        if (file.changes.empty())
            continue;
        Node entry = Node::object();
        entry.set("file", Node::string(file.file));
        entry.set("changes", changesNode(file.changes));
        list.append(std::move(entry));
    }
    return JsonWriter::write(list) + '\n';
}

std::string DiffFormatter::markdown(const std::vector<ComparedFile> &files)
{
    std::string out;
    std::size_t changed = 0;
    for (const ComparedFile &file : files)
        changed += !file.changes.empty();
    if (changed == 0)
        return "No dashboard changes.\n";
    if (files.size() > 1)
        out += "**" + plural(changed, "file", "files") + " with dashboard changes**\n\n";
    for (const ComparedFile &file : files) {
        if (file.changes.empty())
            continue;
        const std::string name =
            file.file.empty() ? file.before.location + " → " + file.after.location : file.file;
        out += "### " + code(name) + "\n\n" + summary(file.changes) + ".\n\n";
        out += "| | Where | Change |\n|---|---|---|\n";
        for (const ResourceChange &change : file.changes)
            out += std::string("| ") + ResourceChange::opName(change.op) + " | " +
                   escapeCell(subject(change)) + " | " + markdownDetail(change) + " |\n";
        out += '\n';
    }
    return out;
}

} // namespace Pd::Cli
