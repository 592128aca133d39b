// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "editorpage.h"

#include <QDeadlineTimer>
#include <QTest>

namespace PdTest {

// The problems and the dashboard an editor page shows are those of its text as it is now
// (validation runs off the GUI thread); false when that takes more than 20 s.
inline bool waitValidated(Pd::Gui::EditorPage &page)
{
    QDeadlineTimer deadline(20000);
    while (!page.isValidated() && !deadline.hasExpired())
        QTest::qWait(5);
    return page.isValidated();
}

} // namespace PdTest
