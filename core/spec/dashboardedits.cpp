// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "dashboardedits.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_set>

namespace Pd {

namespace {

// Named apart from std::ref, which argument lookup would pick for a std::string.
std::string panelRef(const std::string &panel)
{
    return "#/spec/panels/" + panel;
}

const std::vector<Node> &itemsOf(const Node &group)
{
    static const std::vector<Node> none;
    const Node *spec = group.find("spec");
    const Node *items = spec ? spec->find("items") : nullptr;
    return items && items->isArray() ? items->items() : none;
}

std::vector<std::string> itemPath(std::size_t group, std::size_t item)
{
    return {"spec", "layouts", std::to_string(group), "spec", "items", std::to_string(item)};
}

std::string unusedKey(const Node &panels, const std::string &base)
{
    std::string key = base;
    for (int n = 2; panels.contains(key); ++n)
        key = base + "_" + std::to_string(n);
    return key;
}

// The dashboard a text's edits are made on: the first plain Perses one.
const LoadedResource *editableDashboard(const ResourceFile &read)
{
    for (const LoadedResource &resource : read.resources) {
        // A custom resource's paths are not the Perses ones: it is not edited here.
        if (resource.kind == ResourceKind::Dashboard && resource.crdKind.empty() &&
            resource.node.find("spec"))
            return &resource;
    }
    return nullptr;
}

std::vector<std::string> childOf(std::vector<std::string> path, std::string key)
{
    path.push_back(std::move(key));
    return path;
}

bool isCollection(const Node &node)
{
    return node.isObject() || node.isArray();
}

// One move of the value at `path` towards `target`: the first difference found, as one
// edit. `done` when they are equal; none (and not done) when no edit can make the move.
struct Step
{
    bool done = false;
    std::optional<TextEdit> edit;
};

Step stepTowards(std::string_view text, const Node &document, DocumentFormat format,
                 const std::vector<std::string> &path, const Node &target);

Step objectStep(std::string_view text, const Node &document, DocumentFormat format,
                const std::vector<std::string> &path, const Node &current, const Node &target)
{
    for (const NodeMember &member : current.members()) {
        if (!target.find(member.key))
            return {false, TextPatch::remove(text, document, childOf(path, member.key))};
    }
    for (const NodeMember &member : target.members()) {
        const Node *now = current.find(member.key);
        if (!now)
            return {false, TextPatch::insertMember(text, document, format, path, member.key,
                                                   member.value)};
        if (!now->equals(member.value))
            return stepTowards(text, document, format, childOf(path, member.key), member.value);
    }
    return {true, std::nullopt};
}

Step arrayStep(std::string_view text, const Node &document, DocumentFormat format,
               const std::vector<std::string> &path, const Node &current, const Node &target)
{
    const std::vector<Node> &have = current.items();
    const std::vector<Node> &want = target.items();
    if (have.size() > want.size()) {
        // An item taken out of the middle (a deleted query) goes alone; otherwise the last.
        std::size_t first = 0;
        while (first < want.size() && have[first].equals(want[first]))
            ++first;
        const bool restMatches =
            std::equal(have.begin() + std::ptrdiff_t(first) + 1, have.end(),
                       want.begin() + std::ptrdiff_t(first), want.end(),
                       [](const Node &a, const Node &b) { return a.equals(b); });
        const std::size_t gone = restMatches ? first : have.size() - 1;
        return {false, TextPatch::remove(text, document, childOf(path, std::to_string(gone)))};
    }
    for (std::size_t i = 0; i < have.size(); ++i) {
        if (have[i].equals(want[i]))
            continue;
        // The next item is the one wanted here: this one was taken out, not changed.
        if (i + 1 < have.size() && have[i + 1].equals(want[i]))
            return {false, TextPatch::remove(text, document, childOf(path, std::to_string(i)))};
        return stepTowards(text, document, format, childOf(path, std::to_string(i)), want[i]);
    }
    if (want.size() > have.size())
        return {false, TextPatch::appendItem(text, document, format, path, want[have.size()])};
    return {true, std::nullopt};
}

Step stepTowards(std::string_view text, const Node &document, DocumentFormat format,
                 const std::vector<std::string> &path, const Node &target)
{
    const Node *current = document.at(path);
    if (!current || current->equals(target))
        return {current != nullptr, std::nullopt};
    if (current->isObject() && target.isObject())
        return objectStep(text, document, format, path, *current, target);
    if (current->isArray() && target.isArray())
        return arrayStep(text, document, format, path, *current, target);
    if (!isCollection(*current) && !isCollection(target))
        return {false, TextPatch::setScalar(document, format, path, target)};
    // Another type of value: out, and in again on the next step (at its object's end).
    return {false, TextPatch::remove(text, document, path)};
}

// The edit that turns `from` into `to`: the text between their common start and end.
TextEdit differenceOf(std::string_view from, std::string_view to)
{
    std::size_t head = 0;
    while (head < from.size() && head < to.size() && from[head] == to[head])
        ++head;
    std::size_t tail = 0;
    while (tail < from.size() - head && tail < to.size() - head &&
           from[from.size() - 1 - tail] == to[to.size() - 1 - tail])
        ++tail;
    // Whole UTF-8 characters: a boundary never falls on a continuation byte.
    auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    while (head > 0 && head < from.size() && continuation(from[head]))
        --head;
    while (tail > 0 && continuation(from[from.size() - tail]))
        --tail;
    return {head, from.size() - head - tail, std::string(to.substr(head, to.size() - head - tail))};
}

} // namespace

DashboardEdits::DashboardEdits(std::string_view text, const ResourceFile &read)
    : m_text(text)
    , m_format(read.format)
{
    m_dashboard = editableDashboard(read);
}

const Node *DashboardEdits::at(const std::vector<std::string> &path) const
{
    return m_dashboard ? m_dashboard->node.at(path) : nullptr;
}

DashboardEdits::Edits DashboardEdits::setPanelGeometry(const std::string &panel, int x, int y,
                                                       int width, int height) const
{
    const Node *layouts = at({"spec", "layouts"});
    for (std::size_t g = 0; layouts && g < layouts->items().size(); ++g) {
        const std::vector<Node> &items = itemsOf(layouts->items()[g]);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Node *content = items[i].find("content");
            if (!content || content->stringAt("$ref") != panelRef(panel))
                continue;
            std::vector<TextEdit> edits;
            for (const auto &[key, value] : std::vector<std::pair<const char *, int>>{
                     {"x", x}, {"y", y}, {"width", width}, {"height", height}}) {
                const Node *current = items[i].find(key);
                if (current && current->isNumber() && current->toNumber() == value)
                    continue;
                std::vector<std::string> path = itemPath(g, i);
                path.push_back(key);
                auto edit =
                    TextPatch::setScalar(m_dashboard->node, m_format, path, Node::number(value));
                if (!edit)
                    return std::nullopt;
                edits.push_back(std::move(*edit));
            }
            return edits;
        }
    }
    return std::nullopt;
}

DashboardEdits::Edits DashboardEdits::deletePanel(const std::string &panel) const
{
    const Node *panels = at({"spec", "panels"});
    if (!panels || !panels->contains(panel))
        return std::nullopt;
    std::vector<TextEdit> edits;
    if (auto member = TextPatch::remove(m_text, m_dashboard->node, {"spec", "panels", panel}))
        edits.push_back(std::move(*member));
    const Node *layouts = at({"spec", "layouts"});
    for (std::size_t g = 0; layouts && g < layouts->items().size(); ++g) {
        const std::vector<Node> &items = itemsOf(layouts->items()[g]);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Node *content = items[i].find("content");
            if (content && content->stringAt("$ref") == panelRef(panel)) {
                if (auto item = TextPatch::remove(m_text, m_dashboard->node, itemPath(g, i)))
                    edits.push_back(std::move(*item));
            }
        }
    }
    if (edits.empty())
        return std::nullopt;
    return edits;
}

DashboardEdits::Edits DashboardEdits::addPanel(const std::string &pluginKind,
                                               std::string &key) const
{
    Node display = Node::object();
    display.set("name", Node::string("New " + pluginKind));
    Node plugin = Node::object();
    plugin.set("kind", Node::string(pluginKind));
    plugin.set("spec", Node::object());
    Node spec = Node::object();
    spec.set("display", display);
    spec.set("plugin", plugin);
    Node panel = Node::object();
    panel.set("kind", Node::string("Panel"));
    panel.set("spec", spec);
    return insertPanel("panel", panel, nullptr, key);
}

DashboardEdits::Edits DashboardEdits::duplicatePanel(const std::string &panel,
                                                     std::string &key) const
{
    const Node *original = at({"spec", "panels", panel});
    if (!original)
        return std::nullopt;
    const Node *layouts = at({"spec", "layouts"});
    const Node *shown = nullptr;
    for (std::size_t g = 0; layouts && g < layouts->items().size() && !shown; ++g) {
        for (const Node &item : itemsOf(layouts->items()[g])) {
            const Node *content = item.find("content");
            if (content && content->stringAt("$ref") == panelRef(panel)) {
                shown = &item;
                break;
            }
        }
    }
    return insertPanel(panel + "_copy", *original, shown, key);
}

DashboardEdits::Edits DashboardEdits::insertPanel(const std::string &base, const Node &panel,
                                                  const Node *itemLike, std::string &key) const
{
    const Node *panels = at({"spec", "panels"});
    if (!panels)
        return std::nullopt;
    key = unusedKey(*panels, base);
    auto member = TextPatch::insertMember(m_text, m_dashboard->node, m_format, {"spec", "panels"},
                                          key, panel);
    if (!member)
        return std::nullopt;
    std::vector<TextEdit> edits{std::move(*member)};
    const Node *layouts = at({"spec", "layouts"});
    if (!layouts || layouts->items().empty())
        return edits; // nowhere to lay it out: the dashboard says so when validated
    // Below everything of its group: the copy's group, else the first.
    std::size_t group = 0;
    for (std::size_t g = 0; itemLike && g < layouts->items().size(); ++g) {
        for (const Node &candidate : itemsOf(layouts->items()[g])) {
            if (&candidate == itemLike)
                group = g;
        }
    }
    int bottom = 0;
    for (const Node &existing : itemsOf(layouts->items()[group])) {
        const Node *y = existing.find("y");
        const Node *height = existing.find("height");
        bottom = std::max(bottom, int((y ? y->toNumber() : 0) + (height ? height->toNumber() : 0)));
    }
    auto copied = [itemLike](const char *field, double fallback) {
        const Node *value = itemLike ? itemLike->find(field) : nullptr;
        return value ? *value : Node::number(fallback);
    };
    Node content = Node::object();
    content.set("$ref", Node::string(panelRef(key)));
    Node item = Node::object();
    item.set("x", copied("x", 0));
    item.set("y", Node::number(bottom));
    item.set("width", copied("width", 12));
    item.set("height", copied("height", 6));
    item.set("content", content);
    if (auto appended = TextPatch::appendItem(
            m_text, m_dashboard->node, m_format,
            {"spec", "layouts", std::to_string(group), "spec", "items"}, item))
        edits.push_back(std::move(*appended));
    return edits;
}

DashboardEdits::Edits DashboardEdits::setStrings(const std::vector<Field> &fields) const
{
    if (!m_dashboard)
        return std::nullopt;
    std::vector<TextEdit> edits;
    std::map<std::vector<std::string>, Node> newObjects; // missing parents, made whole
    for (const auto &[path, value] : fields) {
        const std::vector<std::string> parentPath(path.begin(), path.end() - 1);
        const Node *parent = at(parentPath);
        const Node *current = parent ? parent->find(path.back()) : nullptr;
        if ((current && current->text() == value) || (!current && value.empty()))
            continue;
        const Node written = Node::string(value);
        std::optional<TextEdit> edit;
        if (current) {
            edit = TextPatch::setScalar(m_dashboard->node, m_format, path, written);
        } else if (parent) {
            edit = TextPatch::insertMember(m_text, m_dashboard->node, m_format, parentPath,
                                           path.back(), written);
        } else if (!parentPath.empty() && at({parentPath.begin(), parentPath.end() - 1})) {
            newObjects.try_emplace(parentPath, Node::object())
                .first->second.set(path.back(), written);
            continue;
        }
        if (!edit)
            return std::nullopt;
        edits.push_back(std::move(*edit));
    }
    for (const auto &[parentPath, object] : newObjects) {
        auto edit = TextPatch::insertMember(m_text, m_dashboard->node, m_format,
                                            {parentPath.begin(), parentPath.end() - 1},
                                            parentPath.back(), object);
        if (!edit)
            return std::nullopt;
        edits.push_back(std::move(*edit));
    }
    return edits;
}

DashboardEdits::Edits DashboardEdits::remove(const std::vector<std::string> &path) const
{
    if (!m_dashboard)
        return std::nullopt;
    if (!at(path))
        return std::vector<TextEdit>{};
    std::optional<TextEdit> edit = TextPatch::remove(m_text, m_dashboard->node, path);
    if (!edit)
        return std::nullopt;
    return std::vector<TextEdit>{std::move(*edit)};
}

DashboardEdits::Edits DashboardEdits::addVariable(const std::string &name, const Node &variable,
                                                  std::string &made) const
{
    if (!m_dashboard)
        return std::nullopt;
    const Node *variables = at({"spec", "variables"});
    auto taken = [variables](const std::string &candidate) {
        for (const Node &existing : variables ? variables->items() : std::vector<Node>{}) {
            const Node *spec = existing.find("spec");
            if (spec && spec->stringAt("name") == candidate)
                return true;
        }
        return false;
    };
    made = name;
    for (int n = 2; taken(made); ++n)
        made = name + "_" + std::to_string(n);
    Node named = variable;
    if (Node *spec = named.find("spec"))
        spec->set("name", Node::string(made));
    std::optional<TextEdit> edit;
    if (variables) {
        edit = TextPatch::appendItem(m_text, m_dashboard->node, m_format, {"spec", "variables"},
                                     named);
    } else {
        Node list = Node::array();
        list.append(named);
        edit = TextPatch::insertMember(m_text, m_dashboard->node, m_format, {"spec"}, "variables",
                                       list);
    }
    if (!edit)
        return std::nullopt;
    return std::vector<TextEdit>{std::move(*edit)};
}

DashboardEdits::Edits DashboardEdits::replace(const std::vector<std::string> &path,
                                              const Node &value) const
{
    if (!m_dashboard || path.empty())
        return std::nullopt;
    // One edit at a time, the text read again after each: every edit is computed on spans of
    // the text it applies to. A value has far fewer parts than this bound.
    constexpr int maximumSteps = 10000;
    std::string working(m_text);
    std::optional<std::size_t> errorsBefore; // an edit must never break the reading
    // A text seen before means the edits go round in circles (an insertion that reads back
    // elsewhere in a damaged text): it cannot be done.
    std::unordered_set<std::size_t> seen;
    for (int step = 0; step < maximumSteps; ++step) {
        const ResourceFile read = ResourceReader::readText(working, {}, m_format);
        const auto errors =
            std::size_t(std::count_if(read.diagnostics.begin(), read.diagnostics.end(),
                                      [](const Diagnostic &d) { return d.isError(); }));
        if (!errorsBefore)
            errorsBefore = errors;
        const LoadedResource *dashboard = editableDashboard(read);
        if (!dashboard || errors > *errorsBefore)
            return std::nullopt;
        const Node &document = dashboard->node;
        std::optional<TextEdit> edit;
        if (document.at(path)) {
            Step next = stepTowards(working, document, m_format, path, value);
            if (next.done)
                return std::vector<TextEdit>{differenceOf(m_text, working)};
            edit = std::move(next.edit);
        } else {
            const std::vector<std::string> parentPath(path.begin(), path.end() - 1);
            const Node *parent = document.at(parentPath);
            if (parent && parent->isObject())
                edit = TextPatch::insertMember(working, document, m_format, parentPath, path.back(),
                                               value);
            else if (parent && parent->isArray() && path.back() == std::to_string(parent->size()))
                edit = TextPatch::appendItem(working, document, m_format, parentPath, value);
        }
        if (!edit)
            return std::nullopt;
        working = TextPatch::apply(working, {std::move(*edit)});
        if (!seen.insert(std::hash<std::string>{}(working)).second)
            return std::nullopt;
    }
    return std::nullopt;
}

DashboardEdits::Edits DashboardEdits::deleteVariable(const std::string &name) const
{
    const Node *variables = at({"spec", "variables"});
    for (std::size_t i = 0; variables && i < variables->items().size(); ++i) {
        const Node *spec = variables->items()[i].find("spec");
        if (!spec || spec->stringAt("name") != name)
            continue;
        auto edit =
            TextPatch::remove(m_text, m_dashboard->node, {"spec", "variables", std::to_string(i)});
        if (!edit)
            return std::nullopt;
        return std::vector<TextEdit>{std::move(*edit)};
    }
    return std::nullopt;
}

DashboardEdits::Edits DashboardEdits::addGroup(const std::string &title) const
{
    if (!m_dashboard)
        return std::nullopt;
    Node display = Node::object();
    display.set("title", Node::string(title));
    Node spec = Node::object();
    spec.set("display", display);
    spec.set("items", Node::array());
    Node group = Node::object();
    group.set("kind", Node::string("Grid"));
    group.set("spec", spec);
    std::optional<TextEdit> edit;
    if (at({"spec", "layouts"})) {
        edit =
            TextPatch::appendItem(m_text, m_dashboard->node, m_format, {"spec", "layouts"}, group);
    } else {
        Node layouts = Node::array();
        layouts.append(group);
        edit = TextPatch::insertMember(m_text, m_dashboard->node, m_format, {"spec"}, "layouts",
                                       layouts);
    }
    if (!edit)
        return std::nullopt;
    return std::vector<TextEdit>{std::move(*edit)};
}

DashboardEdits::Edits DashboardEdits::moveGroup(int group, int by) const
{
    if (!m_dashboard || group < 0 || group + by < 0)
        return std::nullopt;
    std::vector<TextEdit> edits =
        TextPatch::swapItems(m_text, m_dashboard->node, {"spec", "layouts"}, std::size_t(group),
                             std::size_t(group + by));
    if (edits.empty())
        return std::nullopt;
    return edits;
}

DashboardEdits::Edits DashboardEdits::deleteGroup(int group) const
{
    if (!m_dashboard || group < 0)
        return std::nullopt;
    auto edit =
        TextPatch::remove(m_text, m_dashboard->node, {"spec", "layouts", std::to_string(group)});
    if (!edit)
        return std::nullopt;
    return std::vector<TextEdit>{std::move(*edit)};
}

} // namespace Pd
