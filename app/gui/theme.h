// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

#include <string>

namespace Pd::Gui {

// Light and dark looks. The window follows the system palette; `render --theme` picks one.
// Series take the same categorical palette in both, as Perses does.
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    static void apply(Mode mode); // sets the application palette and style
    static bool isDark(const QPalette &palette);
    static QList<QColor> seriesPalette();
    // An annotation's colour: as written when it reads as one, else the app's default.
    static QColor annotationColor(const std::string &written);
    static QPalette palette(bool dark);
};

} // namespace Pd::Gui
