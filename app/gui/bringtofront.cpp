// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "bringtofront.h"

#include <QCoreApplication>
#include <QEvent>
#include <QStackedLayout>
#include <QWidget>

namespace Pd::Gui {

void bringToFront(QStackedLayout &stack, QWidget &widget)
{
    if (stack.currentWidget() == &widget)
        return;
    stack.setCurrentWidget(&widget);
    // Outside a paint event an update for later is only a region marked dirty: marking it now
    // is what Qt would do at the next turn of the event loop, one paint too late.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateLater);
}

} // namespace Pd::Gui
