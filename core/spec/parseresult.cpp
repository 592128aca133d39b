// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "parseresult.h"

namespace Pd {

void appendMemberCheckingDuplicates(Node &object, std::string key, SourcePos keyPos, Node value,
                                    Diagnostics &diagnostics, SourcePos keyEnd,
                                    DuplicateKeys duplicates)
{
    if (const NodeMember *previous = object.findMember(key)) {
        diagnostics.push_back(
            Diagnostic{duplicates == DuplicateKeys::Warn ? Severity::Warning : Severity::Error,
                       ParseRules::duplicateKey,
                       "duplicate key \"" + key + "\" (first defined at line " +
                           std::to_string(previous->keyPos.line) + ", column " +
                           std::to_string(previous->keyPos.column) + ")",
                       {},
                       keyPos,
                       {}});
        const std::string name = key;
        object.set(std::move(key), std::move(value), keyPos);
        if (NodeMember *member = const_cast<NodeMember *>(object.findMember(name)))
            member->keyEnd = keyEnd;
        return;
    }
    object.members().push_back(NodeMember{std::move(key), keyPos, std::move(value), keyEnd});
}

} // namespace Pd
