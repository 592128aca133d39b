// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "newdashboard.h"

#include "canonicalorder.h"
#include "jsonwriter.h"
#include "yamlwriter.h"

namespace Pd {

std::string NewDashboard::text(const std::string &name, const std::string &project,
                               const std::string &displayName, DocumentFormat format)
{
    Node metadata = Node::object();
    metadata.set("name", Node::string(name));
    metadata.set("project", Node::string(project));
    Node display = Node::object();
    display.set("name", Node::string(displayName.empty() ? name : displayName));
    Node groupDisplay = Node::object();
    groupDisplay.set("title", Node::string("Panels"));
    Node groupSpec = Node::object();
    groupSpec.set("display", groupDisplay);
    groupSpec.set("items", Node::array());
    Node group = Node::object();
    group.set("kind", Node::string("Grid"));
    group.set("spec", groupSpec);
    Node layouts = Node::array();
    layouts.append(group);
    Node spec = Node::object();
    spec.set("display", display);
    spec.set("duration", Node::string("1h"));
    spec.set("panels", Node::object());
    spec.set("layouts", layouts);
    Node dashboard = Node::object();
    dashboard.set("kind", Node::string("Dashboard"));
    dashboard.set("metadata", metadata);
    dashboard.set("spec", spec);
    CanonicalOrder::apply(dashboard);
    return format == DocumentFormat::Json ? JsonWriter::write(dashboard) + "\n"
                                          : YamlWriter::write(dashboard);
}

} // namespace Pd
