// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "stackedpanels.h"

namespace Pd {

void StackedPanels::set(Node &dashboardSpec, const std::vector<Entry> &panels)
{
    Node byId = Node::object();
    Node items = Node::array();
    int y = 0;
    for (const Entry &entry : panels) {
        Node panel = Node::object();
        panel.set("kind", Node::string("Panel"));
        panel.set("spec", entry.panelSpec);
        byId.set(entry.id, std::move(panel));
        Node reference = Node::object();
        reference.set("$ref", Node::string("#/spec/panels/" + entry.id));
        Node item = Node::object();
        item.set("x", Node::number(0));
        item.set("y", Node::number(y));
        item.set("width", Node::number(24));
        item.set("height", Node::number(entry.height));
        item.set("content", std::move(reference));
        items.append(std::move(item));
        y += entry.height;
    }
    Node gridSpec = Node::object();
    gridSpec.set("items", std::move(items));
    Node grid = Node::object();
    grid.set("kind", Node::string("Grid"));
    grid.set("spec", std::move(gridSpec));
    Node layouts = Node::array();
    layouts.append(std::move(grid));
    dashboardSpec.set("panels", std::move(byId));
    dashboardSpec.set("layouts", std::move(layouts));
}

} // namespace Pd
