// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "diffformatter.h"

#include "changetext.h"
#include "jsonwriter.h"
#include "nodediff.h"
#include "worddiff.h"

#include <map>
#include <set>

namespace Pd::Cli {

namespace {

using Op = ResourceChange::Op;

std::string line(const ResourceChange &change)
{
    std::string text(1, ChangeText::marker(change.op));
    text += ' ';
    text += ChangeText::subject(change);
    const std::string what = ChangeText::detail(change);
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
    if (!ChangeText::wantsWordDiff(change))
        return escapeCell(ChangeText::detail(change, " → "));
    std::string out = change.panel ? code(ChangeText::readablePath(change)) + ": " : "";
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
        if (change.panel &&
            (change.isWholePanel() || change.op == Op::Move || change.op == Op::Rename))
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
                   escapeCell(ChangeText::subject(change)) + " | " + markdownDetail(change) +
                   " |\n";
        out += '\n';
    }
    return out;
}

} // namespace Pd::Cli
