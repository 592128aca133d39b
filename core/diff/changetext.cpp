// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "changetext.h"

#include "jsonwriter.h"
#include "nodediff.h"
#include "worddiff.h"

namespace Pd {

using Op = ResourceChange::Op;

namespace {

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

} // namespace

bool ChangeText::wantsWordDiff(const ResourceChange &change)
{
    if (change.op != Op::Change || !change.oldValue || !change.newValue ||
        !change.oldValue->isString() || !change.newValue->isString())
        return false;
    const std::string &a = change.oldValue->text();
    const std::string &b = change.newValue->text();
    return a.size() + b.size() > 40 || a.find(' ') != std::string::npos ||
           b.find(' ') != std::string::npos;
}

char ChangeText::marker(Op op)
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

std::string ChangeText::subject(const ResourceChange &change)
{
    std::string prefix = change.resource.empty() ? std::string() : change.resource + ": ";
    if (change.panel)
        return prefix + "panel " + *change.panel;
    if (change.path.empty())
        return change.resource;
    return prefix + ChangeText::readablePath(change);
}

std::string ChangeText::detail(const ResourceChange &change, const char *arrow)
{
    const bool wholePanel = change.isWholePanel();
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
        return (change.panel ? ChangeText::readablePath(change) + ": " : std::string()) + "added " +
               valueText(change.newValue);
    case Op::Remove:
        if (wholePanel)
            return "removed (" + panelSummary(*change.oldValue) + ")";
        if (isLayoutItem(change))
            return "taken out of the layout (was at " + geometryText(*change.oldValue) + ")";
        if (change.path.empty())
            return "removed";
        return (change.panel ? ChangeText::readablePath(change) + ": " : std::string()) +
               "removed " + valueText(change.oldValue);
    case Op::Change:
        break;
    }
    const std::string where = change.panel ? ChangeText::readablePath(change) + ": " : "";
    if (ChangeText::wantsWordDiff(change))
        return where + WordDiff::inlineText(
                           WordDiff::compare(change.oldValue->text(), change.newValue->text()));
    return where + valueText(change.oldValue) + arrow + valueText(change.newValue);
}

std::string ChangeText::readablePath(const ResourceChange &change)
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

} // namespace Pd
