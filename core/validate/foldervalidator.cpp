// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "foldervalidator.h"

#include "resourcekind.h"
#include "rules.h"

namespace Pd {

FolderValidator::FolderValidator(ValidationContext &context)
    : m_context(context)
{}

void FolderValidator::validate(const Node &spec, const std::string &folderName)
{
    m_folderName = folderName;
    if (const Node *items = spec.isObject() ? spec.find("items") : nullptr;
        items && items->isArray())
        checkItems(*items, "spec.items");
}

void FolderValidator::checkItems(const Node &items, const std::string &path)
{
    for (std::size_t i = 0; i < items.items().size(); ++i) {
        const Node &item = items.items()[i];
        const std::string itemPath = indexPath(path, i);
        if (!item.isObject())
            continue;
        const Node *kind = item.find("kind");
        const Node *name = item.find("name");
        const Node *children = item.find("items");
        // The server's Kind type reads a kind in any case ("dashboard" is a Dashboard).
        std::string kindText = kind && kind->isString() ? kind->text() : std::string();
        if (const auto parsed = parseResourceKind(kindText);
            parsed == ResourceKind::Dashboard || parsed == ResourceKind::Folder)
            kindText = std::string(resourceKindName(*parsed));
        if (kindText != "Dashboard" && kindText != "Folder") {
            m_context.sink.report(Rules::folderItem,
                                  "kind can only be \"Dashboard\" or \"Folder\" but not \"" +
                                      kindText + "\"",
                                  kind ? kind->pos() : item.pos(), itemPath + ".kind");
            continue;
        }
        if (!name || !name->isString() || name->text().empty()) {
            m_context.sink.report(Rules::folderItem, "name is required",
                                  name ? name->pos() : item.pos(), itemPath + ".name");
            continue;
        }
        if (kindText == "Dashboard") {
            if (children && children->size() > 0)
                m_context.sink.report(Rules::folderItem,
                                      "when kind is equal to \"Dashboard\", then items must be "
                                      "empty",
                                      children->pos(), itemPath + ".items");
            if (!m_dashboards.insert(name->text()).second)
                m_context.sink.report(Rules::folderItem,
                                      "dashboard \"" + name->text() +
                                          "\" is referenced multiple times in the folder \"" +
                                          m_folderName + "\"",
                                      name->pos(), itemPath + ".name");
        } else if (children && children->isArray()) {
            checkItems(*children, itemPath + ".items");
        }
    }
}

} // namespace Pd
