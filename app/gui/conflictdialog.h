// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node.h"
#include "threewaymerge.h"

#include <QDialog>

namespace Pd::Gui {

// Someone saved the dashboard on the server since it was opened. Shows what they changed (the
// structural diff from the version it was opened at) and what a merge would do, and lets the
// user merge (different panels never conflict), keep theirs, or overwrite with theirs lost.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice { Cancel, Merge, TakeTheirs, Overwrite };

    ConflictDialog(const QString &dashboard, const Node &base, const Node &theirs, const Node &mine,
                   QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }
    const ThreeWayMerge::Result &merge() const { return m_merge; }

private:
    Choice m_choice = Cancel;
    ThreeWayMerge::Result m_merge;
};

} // namespace Pd::Gui
