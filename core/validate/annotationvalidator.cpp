// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "annotationvalidator.h"

#include "rules.h"

namespace Pd {

AnnotationValidator::AnnotationValidator(ValidationContext &context)
    : m_context(context)
{}

void AnnotationValidator::validateAnnotations(const Node &annotations, const std::string &path,
                                              const std::string &messagePrefix)
{
    for (std::size_t i = 0; i < annotations.items().size(); ++i) {
        const Node &annotation = annotations.items()[i];
        const std::string itemPath = indexPath(path, i);
        const Node *display = annotation.find("display");
        const Node *name = display ? display->find("name") : nullptr;
        const std::string label =
            name && !name->text().empty() ? name->text() : "n°" + std::to_string(i + 1);
        if (name && name->isString() && name->text().empty())
            m_context.sink.report(Rules::annotationName,
                                  messagePrefix + "annotation name cannot be empty", name->pos(),
                                  itemPath + ".display.name");
        if (const Node *plugin = annotation.find("plugin"))
            m_context.sink.reportPluginViolations(
                m_context.plugins.validatePlugin(*plugin, PluginType::Annotation),
                itemPath + ".plugin", messagePrefix + "invalid annotation " + label);
    }
}

void AnnotationValidator::validateLinks(const Node &links, const std::string &path)
{
    for (std::size_t i = 0; i < links.items().size(); ++i) {
        const Node &link = links.items()[i];
        const Node *url = link.isObject() ? link.find("url") : nullptr;
        if (link.isObject() && (!url || url->isNull()))
            m_context.sink.report(Rules::linkUrl, "link has no url", link.pos(),
                                  indexPath(path, i));
        else if (url && url->isString() && url->text().empty())
            m_context.sink.report(Rules::linkUrl, "link url cannot be empty", url->pos(),
                                  indexPath(path, i) + ".url");
    }
}

} // namespace Pd
