// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
#include "chartstyle.h"

#include "panelstyle.h"
#include "valuescale.h"

#include <QCategoryAxis>
#include <QChartView>

#include <algorithm>
#include <cmath>

namespace PdPanels {

QColor gridColor(const QPalette &palette, QPalette::ColorRole background)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor under = palette.color(background);
    const auto mix = [](int over, int below) {
        return int(std::lround(gridOpacity * over + (1 - gridOpacity) * below));
    };
    return QColor(mix(text.red(), under.red()), mix(text.green(), under.green()),
                  mix(text.blue(), under.blue()));
}

QFont axisLabelFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QCategoryAxis *makeLabelAxis(const QPalette &palette)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setLabelsColor(palette.color(QPalette::WindowText));
    // Translucent: Qt Charts draws its grid and axis lines its own way, with few of them.
    QColor grid = palette.color(QPalette::WindowText);
    grid.setAlphaF(float(gridOpacity));
    axis->setGridLineColor(grid);
    axis->setLinePen(QPen(grid));
    axis->setLabelsFont(axisLabelFont(axis->labelsFont()));
    return axis;
}

// QCategoryAxis drops a label equal to an earlier one; rounding can make two ticks read the
// same ("1K"), so later ones get invisible padding.
void setAxisLabels(QCategoryAxis *axis, const std::vector<std::pair<QString, double>> &labels)
{
    // Each remove and append relayouts the chart: a refresh that keeps the labels keeps the
    // axis as it is.
    const QStringList current = axis->categoriesLabels();
    if (qsizetype(labels.size()) == current.size() &&
        std::ranges::all_of(labels, [&, i = qsizetype(0)](const auto &label) mutable {
            const QString &name = current[i++];
            return QString(name).remove(QChar(0x200B)) == label.first &&
                   axis->endValue(name) == label.second;
        }))
        return;
    for (const QString &label : current)
        axis->remove(label);
    QStringList used;
    for (auto [label, value] : labels) {
        while (used.contains(label))
            label.append(QChar(0x200B));
        used.append(label);
        axis->append(label, value);
    }
}

void setScaleLabels(QCategoryAxis *axis, const ValueScale &scale, const Pd::UnitFormat &format)
{
    // Category values are linear: a log scale's ticks go where their fraction puts them.
    std::vector<std::pair<QString, double>> labels;
    const double span = scale.max() - scale.min();
    for (double tick : scale.ticks())
        labels.emplace_back(unitText(tick, format), scale.min() + scale.fraction(tick) * span);
    setAxisLabels(axis, labels);
    axis->setRange(scale.min(), scale.max());
}

void styleChartView(QChartView *view)
{
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setBackgroundBrush(Qt::NoBrush);
    view->setStyleSheet(QStringLiteral("background: transparent"));
    view->chart()->setBackgroundVisible(false);
}

} // namespace PdPanels
