// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "repeatexpansion.h"

#include <algorithm>

namespace Pd {

namespace {

class Expander
{
public:
    Expander(const Model::DashboardSpec &source, const RepeatValues &valuesOf)
        : m_source(source)
        , m_valuesOf(valuesOf)
    {
        m_result.spec = source;
        m_result.spec.layouts.clear();
        m_result.spec.panels.clear();
    }

    ExpandedLayout run()
    {
        for (const Model::GridLayout &layout : m_source.layouts) {
            if (layout.repeatVariable.empty()) {
                m_result.spec.layouts.push_back(expandItems(layout, {}));
                continue;
            }
            for (const std::string &value : m_valuesOf(layout.repeatVariable)) {
                Model::GridLayout copy = expandItems(layout, {{layout.repeatVariable, value}});
                if (copy.title)
                    copy.title = *copy.title + " (" + value + ")";
                copy.repeatVariable.clear();
                m_result.spec.layouts.push_back(std::move(copy));
            }
        }
        return std::move(m_result);
    }

private:
    // Each grid item is its own instance: a panel referenced twice (legal, §4.6) is drawn
    // twice, the second time as "panelId#2".
    std::string addInstance(const std::string &panelId, std::map<std::string, std::string> pinned)
    {
        std::string base = panelId;
        for (const auto &[variable, value] : pinned)
            base = ExpandedLayout::instanceId(base, variable, value);
        std::string id = base;
        for (int occurrence = 2; m_result.instances.contains(id); ++occurrence)
            id = base + "#" + std::to_string(occurrence);
        if (const Model::Panel *panel = m_source.panel(panelId)) {
            Model::Panel copy = *panel;
            copy.id = id;
            m_result.spec.panels.push_back(std::move(copy));
        }
        m_result.instances.emplace(id, PanelInstance{panelId, std::move(pinned)});
        return id;
    }

    Model::GridLayout expandItems(const Model::GridLayout &layout,
                                  const std::map<std::string, std::string> &pinned)
    {
        Model::GridLayout copy = layout;
        copy.items.clear();
        for (const Model::GridItem &item : layout.items) {
            if (!item.repeat || item.repeat->variable.empty()) {
                Model::GridItem plain = item;
                plain.repeat.reset();
                plain.panelId =
                    item.panelId.empty() ? item.panelId : addInstance(item.panelId, pinned);
                copy.items.push_back(std::move(plain));
                continue;
            }
            repeatItem(item, pinned, copy.items);
        }
        return copy;
    }

    // Copies side by side, maxPer to a row of the item's width (one per row when vertical),
    // further rows below.
    void repeatItem(const Model::GridItem &item, const std::map<std::string, std::string> &pinned,
                    std::vector<Model::GridItem> &out)
    {
        const std::vector<std::string> values = m_valuesOf(item.repeat->variable);
        const int perRow = item.repeat->vertical ? 1 : std::clamp(item.repeat->maxPer, 1, 12);
        const int columns = std::min<int>(perRow, std::max<int>(1, int(values.size())));
        const int width = std::max(1, item.width / columns);
        for (std::size_t i = 0; i < values.size(); ++i) {
            std::map<std::string, std::string> pins = pinned;
            pins[item.repeat->variable] = values[i];
            Model::GridItem copy = item;
            copy.repeat.reset();
            copy.x = item.x + int(i % std::size_t(columns)) * width;
            copy.y = item.y + int(i / std::size_t(columns)) * item.height;
            copy.width = width;
            copy.panelId = item.panelId.empty() ? item.panelId : addInstance(item.panelId, pins);
            out.push_back(std::move(copy));
        }
    }

    const Model::DashboardSpec &m_source;
    const RepeatValues &m_valuesOf;
    ExpandedLayout m_result;
};

} // namespace

std::string ExpandedLayout::instanceId(const std::string &panelId, const std::string &variable,
                                       const std::string &value)
{
    return panelId + "@" + variable + "=" + value;
}

ExpandedLayout expandRepeats(const Model::DashboardSpec &spec, const RepeatValues &valuesOf)
{
    return Expander(spec, valuesOf).run();
}

} // namespace Pd
