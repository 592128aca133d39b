// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "layoutvalidator.h"

#include "jsonref.h"
#include "rules.h"

#include <algorithm>
#include <cmath>

namespace Pd {

namespace {

constexpr int gridColumns = 24;

struct Rect
{
    long long x, y, width, height;
    bool intersects(const Rect &o) const
    {
        return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }
};

// Missing coordinates are 0, as Go decodes them; values of another type make no rectangle.
std::optional<Rect> rectOf(const Node &item)
{
    Rect rect{0, 0, 0, 0};
    long long *fields[] = {&rect.x, &rect.y, &rect.width, &rect.height};
    const char *names[] = {"x", "y", "width", "height"};
    for (int i = 0; i < 4; ++i) {
        const Node *value = item.find(names[i]);
        if (!value)
            continue;
        if (!value->isNumber())
            return std::nullopt;
        // Clamped first: converting an out-of-range double to an integer is undefined.
        const double v = value->toNumber();
        *fields[i] = static_cast<long long>(std::isnan(v) ? 0.0 : std::clamp(v, -1e9, 1e9));
    }
    return rect;
}

std::string refOf(const Node &item)
{
    const Node *content = item.find("content");
    const Node *ref = content ? content->find("$ref") : nullptr;
    return ref && ref->isString() ? ref->text() : std::string();
}

} // namespace

LayoutValidator::LayoutValidator(ValidationContext &context, const Node &panels,
                                 std::vector<RepeatableVariable> variables, std::string project)
    : m_context(context)
    , m_panels(panels)
    , m_variables(std::move(variables))
    , m_project(std::move(project))
{}

void LayoutValidator::validate(const Node &layouts, const std::string &path)
{
    for (std::size_t i = 0; i < layouts.items().size(); ++i) {
        const Node &layout = layouts.items()[i];
        const std::string layoutPath = indexPath(path, i);
        const Node *kind = layout.find("kind");
        const Node *spec = layout.find("spec");
        if (!kind)
            continue; // a missing kind is a missing required field
        if (kind->isString() && kind->text().empty()) {
            m_context.sink.report(Rules::layoutKind, "layout.kind cannot be empty", kind->pos(),
                                  layoutPath + ".kind");
        } else if (kind->isString() && kind->text() != "Grid" && kind->text() != "Tabs") {
            m_context.sink.report(Rules::layoutKind,
                                  "unknown layout.kind \"" + kind->text() + "\" used", kind->pos(),
                                  layoutPath + ".kind");
        } else if (kind->text() == "Grid" && spec && spec->isObject()) {
            checkGrid(*spec, layoutPath + ".spec");
        } else if (kind->text() == "Tabs" && spec) {
            checkTabs(*kind, *spec, layoutPath);
        }
    }
}

void LayoutValidator::checkGrid(const Node &spec, const std::string &path)
{
    if (const Node *repeat = spec.find("repeatVariable"); repeat && repeat->isString())
        checkRepeat(*repeat, path + ".repeatVariable", "group");
    const Node *items = spec.find("items");
    if (!items || !items->isArray())
        return;
    for (std::size_t i = 0; i < items->items().size(); ++i)
        checkItem(items->items()[i], indexPath(path + ".items", i));
    checkOverlaps(*items, path + ".items");
}

void LayoutValidator::checkItem(const Node &item, const std::string &path)
{
    if (!item.isObject())
        return;
    if (const Node *content = item.find("content"); content && content->isObject()) {
        if (const Node *ref = content->find("$ref"); ref && ref->isString())
            checkRef(*ref, path + ".content.$ref");
    }
    if (const auto rect = rectOf(item)) {
        std::string problem;
        if (rect->x < 0 || rect->y < 0)
            problem = "grid item starts outside the grid (x and y must be >= 0)";
        else if (rect->width < 1 || rect->height < 1)
            problem = "grid item has no size (width and height must be >= 1)";
        else if (rect->x + rect->width > gridColumns)
            problem = "grid item ends at column " + std::to_string(rect->x + rect->width) +
                      ", beyond the grid's " + std::to_string(gridColumns) + " columns";
        if (!problem.empty())
            m_context.sink.report(Rules::gridBounds, problem, item.pos(), path);
    }
    if (const Node *repeat = item.find("repeatVariable"); repeat && repeat->isObject()) {
        if (const Node *value = repeat->find("value"); value && value->isString())
            checkRepeat(*value, path + ".repeatVariable.value", "panel");
    }
}

// What is wrong with a `$ref`, as the server words it, or nothing. A good one is recorded.
std::optional<std::pair<std::string_view, std::string>>
LayoutValidator::refProblem(const std::string &text)
{
    const auto segments = JsonRef::segments(text);
    if (!segments)
        return std::pair{Rules::layoutRef, "ref \"" + text + "\" is not accepted"};
    if (segments->size() != 3)
        return std::pair{Rules::layoutRef, "reference \"" + text + "\" is pointing to the void"};
    static const char *expected[] = {"spec", "panels"};
    for (int i = 0; i < 2; ++i) {
        if ((*segments)[static_cast<std::size_t>(i)] != expected[i])
            return std::pair{Rules::layoutRef,
                             "reference \"" + text + "\" at position " + std::to_string(i) +
                                 " doesn't have the expected element \"" + expected[i] + "\""};
    }
    const std::string &panelId = (*segments)[2];
    if (!m_panels.isObject() || !m_panels.contains(panelId))
        return std::pair{Rules::layoutRefTarget, "no panel found for ref \"" + panelId + "\""};
    m_referenced.insert(panelId);
    return std::nullopt;
}

void LayoutValidator::checkRef(const Node &ref, const std::string &path)
{
    if (auto problem = refProblem(ref.text()))
        m_context.sink.report(problem->first, problem->second, ref.pos(), path);
}

// Tabs layouts (newer spec revisions) are kept but neither checked by the server nor drawn
// by the 0.54 UI: one warning for the layout, and warnings for references that point nowhere.
void LayoutValidator::checkTabs(const Node &kind, const Node &spec, const std::string &path)
{
    m_context.sink.report(Rules::tabsLayout,
                          "Tabs layouts are kept but not drawn: Perses 0.54 cannot render them",
                          kind.pos(), path + ".kind");
    const Node *tabs = spec.isObject() ? spec.find("tabs") : nullptr;
    for (std::size_t t = 0; tabs && t < tabs->items().size(); ++t) {
        const Node *items = tabs->items()[t].find("items");
        for (std::size_t i = 0; items && i < items->items().size(); ++i) {
            const Node *content = items->items()[i].find("content");
            const Node *ref = content ? content->find("$ref") : nullptr;
            if (!ref || !ref->isString())
                continue;
            if (auto problem = refProblem(ref->text()))
                m_context.sink.report(Rules::tabsLayout, problem->second, ref->pos(),
                                      indexPath(indexPath(path + ".spec.tabs", t) + ".items", i) +
                                          ".content.$ref");
        }
    }
}

void LayoutValidator::checkOverlaps(const Node &items, const std::string &path)
{
    const auto &list = items.items();
    for (std::size_t j = 1; j < list.size(); ++j) {
        const auto b = rectOf(list[j]);
        if (!b || b->width < 1 || b->height < 1)
            continue;
        for (std::size_t i = 0; i < j; ++i) {
            const auto a = rectOf(list[i]);
            if (!a || a->width < 1 || a->height < 1 || !a->intersects(*b))
                continue;
            m_context.sink.report(Rules::gridOverlap,
                                  "grid item overlaps item " + std::to_string(i) + " (" +
                                      refOf(list[i]) + ")",
                                  list[j].pos(), indexPath(path, j));
            break;
        }
    }
}

void LayoutValidator::checkRepeat(const Node &name, const std::string &path, std::string_view what)
{
    const std::string &variable = name.text();
    const auto local =
        std::find_if(m_variables.begin(), m_variables.end(),
                     [&](const RepeatableVariable &v) { return v.name == variable; });
    if (local != m_variables.end()) {
        if (!local->multiValue)
            m_context.sink.report(Rules::repeatVariable,
                                  "repeatVariable \"" + variable + "\" allows a single value, so " +
                                      "the " + std::string(what) +
                                      " is never repeated (set allowMultiple)",
                                  name.pos(), path);
        return;
    }
    m_context.withResources([variable, pos = name.pos(), path, project = m_project](
                                const ResourceSet &resources, DiagnosticSink &sink) {
        if (!resources.hasSharedVariable(project, variable))
            sink.report(Rules::repeatVariable,
                        "repeatVariable names \"" + variable + "\", which is not defined", pos,
                        path);
    });
}

} // namespace Pd
