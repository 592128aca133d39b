// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "variablereferences.h"

#include "node.h"

#include <algorithm>

namespace Pd {

namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t wordEnd(std::string_view text, std::size_t from)
{
    while (from < text.size() && isWordChar(text[from]))
        ++from;
    return from;
}

bool allDigits(std::string_view word)
{
    return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ${name}, ${name:format} or ${name.path}, as the UI's regex reads them:
// \${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}
bool readBraced(std::string_view text, std::size_t dollar, VariableReference &ref)
{
    const std::size_t nameStart = dollar + 2;
    const std::size_t nameEnd = wordEnd(text, nameStart);
    if (nameEnd == nameStart)
        return false;
    std::size_t i = nameEnd;
    if (i < text.size() && text[i] == '.') {
        const std::size_t pathStart = ++i;
        while (i < text.size() && text[i] != ':' && text[i] != '^' && text[i] != '}')
            ++i;
        if (i == pathStart)
            return false;
    }
    std::string format;
    if (i < text.size() && text[i] == ':') {
        const std::size_t formatStart = ++i;
        while (i < text.size() && text[i] != '}')
            ++i;
        if (i == formatStart)
            return false;
        format = std::string(text.substr(formatStart, i - formatStart));
    }
    if (i >= text.size() || text[i] != '}')
        return false;
    ref = VariableReference{std::string(text.substr(nameStart, nameEnd - nameStart)),
                            std::move(format), dollar, i + 1 - dollar};
    return true;
}

} // namespace

std::vector<VariableReference> findVariableReferences(std::string_view text, ReferenceSyntax syntax)
{
    std::vector<VariableReference> refs;
    std::size_t dollar = text.find('$');
    while (dollar != std::string_view::npos) {
        std::size_t next = dollar + 1;
        if (syntax == ReferenceSyntax::Interpolation && next < text.size() && text[next] == '{') {
            VariableReference ref;
            if (readBraced(text, dollar, ref)) {
                next = dollar + ref.length;
                refs.push_back(std::move(ref));
            }
        } else {
            const std::size_t end = wordEnd(text, next);
            const std::string_view word = text.substr(next, end - next);
            if (!word.empty() && !(syntax == ReferenceSyntax::Server && allDigits(word)))
                refs.push_back(VariableReference{std::string(word), {}, dollar, end - dollar});
            next = end;
        }
        dollar = text.find('$', next);
    }
    return refs;
}

void collectVariableNames(const Node &node, ReferenceSyntax syntax, std::vector<std::string> &names)
{
    if (node.isString()) {
        for (VariableReference &ref : findVariableReferences(node.text(), syntax))
            names.push_back(std::move(ref.name));
        return;
    }
    for (const NodeMember &member : node.members())
        collectVariableNames(member.value, syntax, names);
    for (const Node &item : node.items())
        collectVariableNames(item, syntax, names);
}

} // namespace Pd
