// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

class QStackedLayout;
class QWidget;

namespace Pd::Gui {

// Makes `widget` the one `stack` shows, to be painted with the window's next frame only.
//
// Qt asks for a newly shown child widget to be painted by posting it an update for later
// (QWidgetPrivate::show_sys). When the window already has a paint pending, as it has when a
// panel's view takes the place of its "Loading" text, the window paints that pending frame
// (the new view included) and then paints it all again for the later update: a new chart
// cost two full paints. Delivered at once, the update joins the pending paint.
void bringToFront(QStackedLayout &stack, QWidget &widget);

} // namespace Pd::Gui
