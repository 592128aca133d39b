// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcechange.h"

#include "nodediff.h"

namespace Pd {

bool ResourceChange::isWholePanel() const
{
    return panel && path == NodeDiff::pointer("/spec/panels", *panel);
}

const char *ResourceChange::opName(Op op)
{
    switch (op) {
    case Op::Add:
        return "add";
    case Op::Remove:
        return "remove";
    case Op::Change:
        return "change";
    case Op::Move:
        return "move";
    case Op::Rename:
        return "rename";
    }
    return "change";
}

} // namespace Pd
