// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include <utility>
#include <vector>

class QCategoryAxis;

namespace Pd {
struct UnitFormat;
}
class QChartView;

namespace PdPanels {

class ValueScale;

// Grid lines are the text colour at this opacity.
constexpr double gridOpacity = 0.12;
// That colour laid over `background`, opaque: for grids drawn before the series, on that
// background. QPainter fills an opaque colour much faster than it blends a translucent one,
// and a vertical line is a span per pixel.
QColor gridColor(const QPalette &palette, QPalette::ColorRole background);
// Axis labels: smaller than the text beside the chart.
QFont axisLabelFont(QFont font);

// Qt Charts' value axes print numbers with a printf format; Perses units need our formatter,
// so charts use category axes with a label at each tick, styled from the palette.
QCategoryAxis *makeLabelAxis(const QPalette &palette);
void setAxisLabels(QCategoryAxis *axis, const std::vector<std::pair<QString, double>> &labels);
// Labels at a value scale's ticks in a unit, and the axis' range set to the scale's.
void setScaleLabels(QCategoryAxis *axis, const ValueScale &scale, const Pd::UnitFormat &format);

// Panels draw charts flat on the panel's background, antialiased.
void styleChartView(QChartView *view);

} // namespace PdPanels
