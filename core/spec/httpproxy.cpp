// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "httpproxy.h"

#include "resourcekind.h"
#include "schema.h"

namespace Pd {

void forEachHttpProxy(const Node &node, const std::string &path, const HttpProxyVisitor &visit)
{
    if (!node.isObject()) {
        for (std::size_t i = 0; i < node.items().size(); ++i)
            forEachHttpProxy(node.items()[i], indexPath(path, i), visit);
        return;
    }
    const Node *kind = node.find("kind");
    const Node *spec = node.find("spec");
    if (kind && equalsIgnoringCase(kind->text(), "HTTPProxy") && spec && spec->isObject()) {
        visit(*spec, path + ".spec");
        return;
    }
    for (const NodeMember &member : node.members())
        forEachHttpProxy(member.value, childPath(path, member.key), visit);
}

const Node *firstHttpProxy(const Node &node)
{
    const Node *first = nullptr;
    forEachHttpProxy(node, {}, [&first](const Node &spec, const std::string &) {
        if (!first)
            first = &spec;
    });
    return first;
}

} // namespace Pd
